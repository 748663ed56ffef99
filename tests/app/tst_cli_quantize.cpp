// `compression-lab-cli quantize` and `quant-error`: quantising ggml's own F32 GGUF to Q4_K / Q8_0 /
// Q6_K reproduces the tensors of ggml's quantised files byte for byte; schemes without a GGUF type
// go to safetensors as simulated quantisation; bad requests fail with the documented exit codes.
#include "CliRunner.h"
#include "io/Checkpoint.h"
#include "io/SafetensorsWriter.h"
#include "recipe/Progress.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace complab;
using complab::test::runCli;

namespace {

const QString ggufDir = QStringLiteral(COMPLAB_SHARED_DATA_DIR "/models/lab-tinystories-gguf/");

} // namespace

class TestCliQuantize : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matchesGgmlByteForByte_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<QString>("reference");
        QTest::addRow("q4_k") << "q4_k"
                              << "lab-tinystories-q4_k.gguf";
        QTest::addRow("q6_k") << "q6_k"
                              << "lab-tinystories-q6_k.gguf";
        QTest::addRow("q8_0") << "q8_0"
                              << "lab-tinystories-q8_0.gguf";
    }

    void matchesGgmlByteForByte()
    {
        QFETCH(QString, scheme);
        QFETCH(QString, reference);
        QTemporaryDir dir;
        const QString output = dir.filePath(QStringLiteral("out.gguf"));
        const auto result = runCli({QStringLiteral("quantize"), ggufDir + QStringLiteral("lab-tinystories-f32.gguf"),
            QStringLiteral("--scheme"), scheme, QStringLiteral("--out"), output});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("29 of 38 tensors quantised"));
        const auto ours = openCheckpoint(output.toStdString());
        const auto ggml = openCheckpoint(QString(ggufDir + reference).toStdString());
        QCOMPARE(ours->tensors().size(), ggml->tensors().size());
        for (std::size_t i = 0; i < ggml->tensors().size(); ++i) {
            const auto& name = ggml->tensors()[i].name;
            const auto index = ours->indexOf(name);
            QVERIFY(index);
            QCOMPARE(ours->tensors()[*index].dtype, ggml->tensors()[i].dtype);
            const auto a = ours->tensor(*index).bytes();
            const auto b = ggml->tensor(i).bytes();
            QVERIFY2(std::equal(a.begin(), a.end(), b.begin(), b.end()), name.c_str());
        }
        QCOMPARE(ours->metadata().at("general.architecture"), std::string("llama"));
    }

    void simulatedQuantisationToSafetensors()
    {
        QTemporaryDir dir;
        const QString output = dir.filePath(QStringLiteral("int4.safetensors"));
        const auto result = runCli({QStringLiteral("quantize"), QStringLiteral(COMPLAB_SAMPLE_DIR),
            QStringLiteral("--scheme"), QStringLiteral("int4"), QStringLiteral("--group-size"), QStringLiteral("64"),
            QStringLiteral("--tensor"), QStringLiteral("mlp"), QStringLiteral("--out"), output,
            QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const auto root = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(root.value(QStringLiteral("scheme")).toString(), QStringLiteral("int4 g64"));
        int quantised = 0;
        for (const auto& value : root.value(QStringLiteral("tensors")).toArray()) {
            const auto tensor = value.toObject();
            const bool isMlp = tensor.value(QStringLiteral("name")).toString().contains(QStringLiteral("mlp"));
            QCOMPARE(tensor.value(QStringLiteral("quantised")).toBool(), isMlp);
            if (isMlp) {
                ++quantised;
                QCOMPARE(tensor.value(QStringLiteral("bits_per_weight")).toDouble(), 4.25);
                QVERIFY(tensor.value(QStringLiteral("sqnr_db")).toDouble() > 15);
            }
        }
        QCOMPARE(quantised, 12);
        const auto written = openCheckpoint(output.toStdString());
        QCOMPARE(written->tensors().size(), std::size_t(38));
        QVERIFY(written->metadata().at("complab.quantization").find("simulated") != std::string::npos);
    }

    void refusals()
    {
        QTemporaryDir dir;
        // No GGUF type for int4; unknown scheme; bad regex: usage errors (1).
        QCOMPARE(runCli({QStringLiteral("quantize"), QStringLiteral(COMPLAB_SAMPLE_DIR), QStringLiteral("--scheme"),
                            QStringLiteral("int4"), QStringLiteral("--out"), dir.filePath(QStringLiteral("x.gguf"))})
                     .exitCode,
            1);
        QCOMPARE(runCli({QStringLiteral("quantize"), QStringLiteral(COMPLAB_SAMPLE_DIR), QStringLiteral("--scheme"),
                            QStringLiteral("q9_k"), QStringLiteral("--out"), dir.filePath(QStringLiteral("x.gguf"))})
                     .exitCode,
            1);
        QCOMPARE(runCli({QStringLiteral("quantize"), QStringLiteral(COMPLAB_SAMPLE_DIR), QStringLiteral("--scheme"),
                            QStringLiteral("q8_0"), QStringLiteral("--tensor"), QStringLiteral("(("),
                            QStringLiteral("--out"), dir.filePath(QStringLiteral("x.gguf"))})
                     .exitCode,
            1);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.gguf"))));
        // A tensor holding NaN is refused, never written (2), and nothing appears at the output path.
        const QString nanFile = dir.filePath(QStringLiteral("nan.safetensors"));
        {
            SafetensorsWriter writer;
            writer.addTensor("w", DType::F32, {2, 32});
            std::vector<float> values(64, 0.5f);
            values[7] = std::numeric_limits<float>::quiet_NaN();
            Progress progress;
            writer.write(nanFile.toStdString(),
                [&](std::size_t) {
                    const auto bytes = std::as_bytes(std::span(values));
                    return std::vector<std::byte>(bytes.begin(), bytes.end());
                },
                progress, {});
        }
        const auto nan = runCli({QStringLiteral("quantize"), nanFile, QStringLiteral("--scheme"),
            QStringLiteral("q8_0"), QStringLiteral("--out"), dir.filePath(QStringLiteral("nan.gguf"))});
        QCOMPARE(nan.exitCode, 2);
        QVERIFY2(nan.err.contains("tensor 'w' holds 1 NaN"), nan.err.constData());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("nan.gguf"))));
        // Missing input: invalid input (2).
        const auto missing
            = runCli({QStringLiteral("quantize"), dir.filePath(QStringLiteral("none.gguf")), QStringLiteral("--scheme"),
                QStringLiteral("q8_0"), QStringLiteral("--out"), dir.filePath(QStringLiteral("y.gguf"))});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.startsWith("error: "));
    }

    void quantErrorTable()
    {
        const auto result = runCli({QStringLiteral("quant-error"), QStringLiteral(COMPLAB_SAMPLE_DIR),
            QStringLiteral("--tensor"), QStringLiteral("model.layers.0.mlp.up_proj.weight"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const auto schemes = QJsonDocument::fromJson(result.out).object().value(QStringLiteral("schemes")).toArray();
        QVERIFY(schemes.size() >= 25);
        double int2 = 0;
        double int8 = 0;
        double q4k = 0;
        double q40 = 0;
        for (const auto& value : schemes) {
            const auto row = value.toObject();
            const auto name = row.value(QStringLiteral("scheme")).toString();
            const double rms = row.value(QStringLiteral("rms_error")).toDouble();
            if (name == QStringLiteral("int2 g128"))
                int2 = rms;
            if (name == QStringLiteral("int8 g128"))
                int8 = rms;
            if (name == QStringLiteral("q4_k"))
                q4k = rms;
            if (name == QStringLiteral("q4_0"))
                q40 = rms;
            // Each scheme carries the level grid of the group holding the largest weight.
            const auto grid = row.value(QStringLiteral("grid")).toObject();
            QVERIFY2(!grid.value(QStringLiteral("description")).toString().isEmpty(), qPrintable(name));
            if (name == QStringLiteral("int2 g128"))
                QCOMPARE(grid.value(QStringLiteral("levels")).toArray().size(), 4);
            if (name == QStringLiteral("q4_k"))
                QCOMPARE(grid.value(QStringLiteral("levels")).toArray().size(), 16);
        }
        QVERIFY(int8 > 0 && int2 > 20 * int8);
        QVERIFY(q4k > 0 && q4k < q40); // the K-quant's searched scales beat plain absmax rounding
        const auto missing = runCli({QStringLiteral("quant-error"), QStringLiteral(COMPLAB_SAMPLE_DIR),
            QStringLiteral("--tensor"), QStringLiteral("nope")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains("tensor 'nope'"));
    }
};

QTEST_GUILESS_MAIN(TestCliQuantize)
#include "tst_cli_quantize.moc"
