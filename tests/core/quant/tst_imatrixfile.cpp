// llama.cpp imatrix files (GGUF: <name>.in_sum2 and <name>.counts) read into per-column importances,
// and a checkpoint quantised with them: the tensors with an entry get exactly the bytes of ggml's
// importance-weighted quantiser (quantizeBlocks with importance, itself checked against ggml in
// tst_importancequantize), the others the unweighted ones.
#include "io/Checkpoint.h"
#include "io/CheckpointError.h"
#include "io/GgufWriter.h"
#include "quant/CheckpointQuantizer.h"
#include "quant/GgufQuantize.h"
#include "quant/ImatrixFile.h"
#include "quant/QuantizeJob.h"
#include "recipe/Progress.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <random>
#include <stdexcept>

using namespace complab;

namespace {

const QString sharedModels = QStringLiteral(COMPLAB_SHARED_DATA_DIR "/models/");

std::vector<std::byte> floatBytes(const std::vector<float>& values)
{
    std::vector<std::byte> bytes(values.size() * sizeof(float));
    std::memcpy(bytes.data(), values.data(), bytes.size());
    return bytes;
}

struct Entry
{
    std::string name;
    std::vector<std::int64_t> sumsShape;
    std::vector<float> sums;
    std::vector<std::int64_t> countsShape;
    std::vector<float> counts;
};

void writeImatrix(const std::filesystem::path& path, const std::vector<Entry>& entries)
{
    GgufWriter writer;
    writer.addString("general.type", "imatrix");
    std::vector<std::vector<float>> data;
    for (const Entry& entry : entries) {
        writer.addTensor(entry.name + ".in_sum2", DType::F32, entry.sumsShape);
        data.push_back(entry.sums);
        if (!entry.countsShape.empty()) {
            writer.addTensor(entry.name + ".counts", DType::F32, entry.countsShape);
            data.push_back(entry.counts);
        }
    }
    Progress progress;
    writer.write(path, [&](std::size_t i) { return floatBytes(data[i]); }, progress, {});
}

} // namespace

class TestImatrixFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsImportances()
    {
        QTemporaryDir dir;
        const std::filesystem::path path = dir.filePath(QStringLiteral("imatrix.gguf")).toStdString();
        std::vector<float> sums(64);
        for (std::size_t i = 0; i < sums.size(); ++i)
            sums[i] = static_cast<float>(i) * 3.0f;
        writeImatrix(path,
            {{"blk.0.attn_q.weight", {64}, sums, {1}, {6.0f}}, {"blk.0.ffn_down.weight", {64}, sums, {1}, {0.0f}},
                {"blk.0.ffn_gate_exps.weight", {2, 64}, std::vector<float>(128, 1.0f), {2, 1}, {4.0f, 5.0f}}});
        const ImatrixFile file = readImatrix(path);
        QCOMPARE(file.importance.size(), std::size_t(2));
        const std::vector<float>& q = file.importance.at("blk.0.attn_q.weight");
        QCOMPARE(q.size(), std::size_t(64));
        QCOMPARE(q[0], 0.0f);
        QCOMPARE(q[10], 5.0f); // 30 / 6
        // A tensor that saw no tokens: importance 1, as llama-quantize.
        QCOMPARE(file.importance.at("blk.0.ffn_down.weight")[10], 1.0f);
        QCOMPARE(file.skippedExpertEntries, std::vector<std::string>{"blk.0.ffn_gate_exps.weight"});
    }

    void rejectsBadFiles_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addRow("no counts") << 0;
        QTest::addRow("negative sum") << 1;
        QTest::addRow("no entries") << 2;
        QTest::addRow("not GGUF") << 3;
        QTest::addRow("missing") << 4;
    }

    void rejectsBadFiles()
    {
        QFETCH(int, kind);
        QTemporaryDir dir;
        const std::filesystem::path path = dir.filePath(QStringLiteral("imatrix.gguf")).toStdString();
        std::vector<float> sums(32, 1.0f);
        if (kind == 0) {
            writeImatrix(path, {{"w", {32}, sums, {}, {}}});
        } else if (kind == 1) {
            sums[5] = -1.0f;
            writeImatrix(path, {{"w", {32}, sums, {1}, {2.0f}}});
        } else if (kind == 2) {
            GgufWriter writer;
            writer.addString("general.type", "imatrix");
            Progress progress;
            writer.write(path, [](std::size_t) { return std::vector<std::byte>(); }, progress, {});
        } else if (kind == 3) {
            QFile file(QString::fromStdString(path.string()));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(64, '\x01')); // a legacy .dat starts with an entry count
        }
        try {
            readImatrix(path);
            QFAIL("no exception");
        } catch (const CheckpointError& e) {
            QCOMPARE(e.file(), path);
        }
    }

    // The in-memory round trip (quantizeMatrix) weights ggml block schemes by the importance too.
    void quantizeMatrixTakesImportance()
    {
        constexpr std::size_t rows = 4;
        constexpr std::size_t columns = 512;
        std::mt19937 engine(11);
        std::vector<float> values(rows * columns);
        for (float& value : values)
            value = static_cast<float>(static_cast<int>(engine() % 2001) - 1000) / 1000.0f;
        std::vector<float> importance(columns);
        for (float& value : importance)
            value = static_cast<float>(engine() % 100);
        const QuantSpec spec = *QuantSpec::parse("q3_k", 128, false);
        std::vector<float> out(values.size());
        Progress progress;
        quantizeMatrix(spec, values.data(), rows, columns, out.data(), progress, {}, 16, importance);
        std::vector<float> expected(values.size());
        std::vector<std::byte> blocks(columns / 256 * dtypeSize(DType::Q3_K));
        for (std::size_t r = 0; r < rows; ++r) {
            quantizeBlocks(DType::Q3_K, values.data() + r * columns, columns, blocks.data(), importance.data());
            convertToFloat(DType::Q3_K, blocks.data(), columns, expected.data() + r * columns);
        }
        QVERIFY(out == expected);
        importance.pop_back();
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
            quantizeMatrix(spec, values.data(), rows, columns, out.data(), progress, {}, 16, importance));
    }

    // A GGUF model quantised with an imatrix entry for one tensor.
    void quantisesCheckpointWithImportance()
    {
        const QString source = sharedModels + QStringLiteral("lab-tinystories-gguf/lab-tinystories-f32.gguf");
        if (!QFile::exists(source))
            QSKIP("sample GGUF files not present");
        const auto checkpoint = openCheckpoint(source.toStdString());
        const std::string weighted = "blk.0.attn_q.weight";
        const auto index = checkpoint->indexOf(weighted);
        QVERIFY(index);
        const TensorInfo& info = checkpoint->tensors()[*index];
        const auto columns = static_cast<std::size_t>(info.shape.back());
        const std::size_t rows = info.elementCount() / columns;

        std::mt19937 engine(7);
        std::vector<float> importance(columns);
        for (float& value : importance)
            value = static_cast<float>(engine() % 1000) / 10.0f;
        CheckpointQuantizeOptions options;
        options.spec = *QuantSpec::parse("q4_k", 128, false);
        QTemporaryDir dir;
        options.output = dir.filePath(QStringLiteral("out.gguf")).toStdString();
        options.importance = std::make_shared<const ImportanceMap>(ImportanceMap{{weighted, importance}});
        Progress progress;
        const auto reports = quantizeCheckpoint(*checkpoint, options, progress, {});
        std::size_t flagged = 0;
        for (const auto& report : reports)
            flagged += report.weightedByImportance ? 1 : 0;
        QCOMPARE(flagged, std::size_t(1));

        const auto written = openCheckpoint(options.output);
        const auto outIndex = written->indexOf(weighted);
        QVERIFY(outIndex);
        const std::span<const std::byte> bytes = written->tensor(*outIndex).bytes();
        const std::vector<float> values = checkpoint->tensor(*index).toFloats();
        const std::size_t rowBytes = columns / 256 * dtypeSize(DType::Q4_K);
        std::vector<std::byte> expected(rows * rowBytes);
        std::vector<std::byte> unweighted(rows * rowBytes);
        for (std::size_t r = 0; r < rows; ++r) {
            quantizeBlocks(
                DType::Q4_K, values.data() + r * columns, columns, expected.data() + r * rowBytes, importance.data());
            quantizeBlocks(DType::Q4_K, values.data() + r * columns, columns, unweighted.data() + r * rowBytes);
        }
        QCOMPARE(bytes.size(), expected.size());
        QVERIFY(std::memcmp(bytes.data(), expected.data(), bytes.size()) == 0);
        QVERIFY(expected != unweighted);

        // An entry of the wrong length names the tensor.
        options.importance
            = std::make_shared<const ImportanceMap>(ImportanceMap{{weighted, std::vector<float>(columns + 1, 1.0f)}});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, quantizeCheckpoint(*checkpoint, options, progress, {}));
    }
};

QTEST_GUILESS_MAIN(TestImatrixFile)
#include "tst_imatrixfile.moc"
