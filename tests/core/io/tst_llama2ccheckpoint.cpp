// The llama2.c reader: files written by the test (shared and separate classifiers, grouped-query
// attention), the real llama2.c models in the shared data folder (checked value for value against
// the same weights exported to safetensors), and malformed headers, each with its own message.
#include "FileFixture.h"
#include "io/Checkpoint.h"
#include "io/CheckpointError.h"
#include "io/Llama2cCheckpoint.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>

using namespace complab;
using namespace complab::test;

namespace {

struct Header
{
    qint32 dim = 8;
    qint32 hidden = 12;
    qint32 layers = 2;
    qint32 heads = 2;
    qint32 kvHeads = 1;
    qint32 vocab = 10;
    qint32 seqLen = 4;
};

// Floats a valid file of this header holds after the header, classifier included when vocab < 0.
qint64 floatCount(const Header& h)
{
    const qint64 dim = h.dim, hidden = h.hidden, layers = h.layers;
    const qint64 headDim = dim / h.heads;
    const qint64 kvRows = qint64(h.kvHeads) * headDim;
    const qint64 vocab = std::abs(qint64(h.vocab));
    qint64 count = vocab * dim + layers * (2 * dim + 2 * dim * dim + 2 * kvRows * dim + 3 * hidden * dim) + dim
        + qint64(h.seqLen) * headDim;
    if (h.vocab < 0)
        count += vocab * dim;
    return count;
}

// The value stored at float index i after the header: different for nearby indices, so a value
// read back shows which offset it came from.
float valueAt(qint64 index)
{
    return float(index % 4093) / 4093.0f - 0.5f;
}

// A llama2.c file with this header and `floats` values (by default exactly what it needs).
QByteArray llama2cBytes(const Header& h, qint64 floats = -1)
{
    const qint32 fields[7] = {h.dim, h.hidden, h.layers, h.heads, h.kvHeads, h.vocab, h.seqLen};
    QByteArray bytes(reinterpret_cast<const char*>(fields), sizeof fields);
    if (floats < 0)
        floats = floatCount(h);
    QByteArray data(floats * 4, Qt::Uninitialized);
    for (qint64 i = 0; i < floats; ++i) {
        const float value = valueAt(i);
        std::memcpy(data.data() + i * 4, &value, 4);
    }
    return bytes + data;
}

} // namespace

class TestLlama2cCheckpoint : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void validFiles_data()
    {
        QTest::addColumn<int>("dim");
        QTest::addColumn<int>("heads");
        QTest::addColumn<int>("kvHeads");
        QTest::addColumn<int>("vocab");
        QTest::addRow("grouped-query, shared classifier") << 8 << 2 << 1 << 10;
        QTest::addRow("grouped-query, separate classifier") << 8 << 2 << 1 << -10;
        QTest::addRow("multi-head") << 12 << 3 << 3 << 7;
        QTest::addRow("one head of 2") << 2 << 1 << 1 << -3;
    }

    void validFiles()
    {
        QFETCH(int, dim);
        QFETCH(int, heads);
        QFETCH(int, kvHeads);
        QFETCH(int, vocab);
        Header h;
        h.dim = dim;
        h.heads = heads;
        h.kvHeads = kvHeads;
        h.vocab = vocab;
        const QString file = path(QStringLiteral("valid-%1.bin")
                                      .arg(QString::fromLatin1(QTest::currentDataTag()))
                                      .replace(QLatin1Char(' '), QLatin1Char('_')));
        writeFile(file, llama2cBytes(h));
        const auto checkpoint = openCheckpoint(file.toStdString());
        QCOMPARE(checkpoint->formatName(), std::string("llama2.c"));
        const bool shared = vocab > 0;
        const std::int64_t v = std::abs(vocab);
        const std::int64_t headDim = dim / heads;
        const std::int64_t kvRows = kvHeads * headDim;
        QCOMPARE(checkpoint->tensors().size(), std::size_t(2 + 9 * h.layers + (shared ? 0 : 1)));
        QCOMPARE(checkpoint->totalParameters(),
            std::uint64_t(floatCount(h) - std::int64_t(h.seqLen) * headDim)); // RoPE tables not exposed
        QCOMPARE(checkpoint->fileBytes(), std::uint64_t(28 + 4 * floatCount(h)));

        const auto shapeOf = [&](const char* name) { return checkpoint->tensors()[*checkpoint->indexOf(name)].shape; };
        using Shape = std::vector<std::int64_t>;
        QCOMPARE(shapeOf("model.embed_tokens.weight"), (Shape{v, dim}));
        QCOMPARE(shapeOf("model.layers.1.input_layernorm.weight"), (Shape{dim}));
        QCOMPARE(shapeOf("model.layers.0.self_attn.q_proj.weight"), (Shape{dim, dim}));
        QCOMPARE(shapeOf("model.layers.0.self_attn.k_proj.weight"), (Shape{kvRows, dim}));
        QCOMPARE(shapeOf("model.layers.1.self_attn.v_proj.weight"), (Shape{kvRows, dim}));
        QCOMPARE(shapeOf("model.layers.1.self_attn.o_proj.weight"), (Shape{dim, dim}));
        QCOMPARE(shapeOf("model.layers.0.post_attention_layernorm.weight"), (Shape{dim}));
        QCOMPARE(shapeOf("model.layers.0.mlp.gate_proj.weight"), (Shape{h.hidden, dim}));
        QCOMPARE(shapeOf("model.layers.0.mlp.down_proj.weight"), (Shape{dim, h.hidden}));
        QCOMPARE(shapeOf("model.layers.1.mlp.up_proj.weight"), (Shape{h.hidden, dim}));
        QCOMPARE(shapeOf("model.norm.weight"), (Shape{dim}));
        QCOMPARE(checkpoint->indexOf("lm_head.weight").has_value(), !shared);

        // File order: the tensors tile the file from byte 28, leaving out only the RoPE tables.
        std::uint64_t expectedOffset = 28;
        for (const auto& info : checkpoint->tensors()) {
            QCOMPARE(info.dtype, DType::F32);
            if (info.name == "lm_head.weight")
                expectedOffset += 4 * std::uint64_t(h.seqLen * headDim);
            QCOMPARE(info.fileOffset, expectedOffset);
            QCOMPARE(info.byteSize, info.elementCount() * 4);
            expectedOffset += info.byteSize;
        }
        // Each tensor's values are the ones at its offset, to the last one.
        for (std::size_t i = 0; i < checkpoint->tensors().size(); ++i) {
            const auto& info = checkpoint->tensors()[i];
            const auto values = tensorValues(*checkpoint, i);
            const qint64 first = qint64(info.fileOffset - 28) / 4;
            QCOMPARE(values.front(), valueAt(first));
            QCOMPARE(values.back(), valueAt(first + qint64(values.size()) - 1));
        }
        QCOMPARE(
            checkpoint->indexOf("model.layers.0.self_attn.q_proj.weight"), std::optional<std::size_t>(1 + h.layers));

        const auto& config = checkpoint->config();
        QVERIFY(config);
        QCOMPARE(config->modelType, std::string("llama"));
        QCOMPARE(config->hiddenSize, std::optional<std::int64_t>(dim));
        QCOMPARE(config->intermediateSize, std::optional<std::int64_t>(h.hidden));
        QCOMPARE(config->layerCount, std::optional<std::int64_t>(h.layers));
        QCOMPARE(config->attentionHeads, std::optional<std::int64_t>(heads));
        QCOMPARE(config->keyValueHeads, std::optional<std::int64_t>(kvHeads));
        QCOMPARE(config->headDim, std::optional<std::int64_t>(headDim));
        QCOMPARE(config->vocabSize, std::optional<std::int64_t>(v));
        QCOMPARE(config->contextLength, std::optional<std::int64_t>(h.seqLen));
        QCOMPARE(config->tiedEmbeddings, std::optional<bool>(shared));
        QCOMPARE(checkpoint->metadata().at("rope_layout"), std::string("interleaved"));
        QCOMPARE(checkpoint->metadata().at("classifier"), std::string(shared ? "shared" : "separate"));
        QCOMPARE(checkpoint->metadata().at("llama2c.vocab_size"), std::to_string(vocab));
    }

    void tokenizerBesideTheFile()
    {
        QTemporaryDir folder;
        const QString model = folder.filePath(QStringLiteral("model.bin"));
        writeFile(model, llama2cBytes(Header{}));
        QVERIFY(!openCheckpoint(model.toStdString())->metadata().contains("tokenizer"));
        writeFile(folder.filePath(QStringLiteral("tok512.bin")), QByteArray("x"));
        const auto withTok = std::dynamic_pointer_cast<const Llama2cCheckpoint>(openCheckpoint(model.toStdString()));
        QVERIFY(withTok);
        QCOMPARE(withTok->tokenizerPath().filename().string(), std::string("tok512.bin"));
        QCOMPARE(withTok->metadata().at("tokenizer"), withTok->tokenizerPath().string());
        // tokenizer.bin is preferred over tok*.bin.
        writeFile(folder.filePath(QStringLiteral("tokenizer.bin")), QByteArray("x"));
        const auto both = openCheckpoint(model.toStdString());
        QCOMPARE(
            std::filesystem::path(both->metadata().at("tokenizer")).filename().string(), std::string("tokenizer.bin"));
        // The folder holds one checkpoint and tokenizers: opening the folder finds the checkpoint.
        QCOMPARE(openCheckpoint(folder.path().toStdString())->path().filename().string(), std::string("model.bin"));
    }

    void realModels_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("tensors");
        QTest::addColumn<qulonglong>("parameters");
        QTest::addColumn<QList<int>>("header"); // dim, hidden, layers, heads, kv heads, vocab, seq
        QTest::addColumn<QString>("tokenizer");
        const QString models = QStringLiteral(COMPLAB_SHARED_DATA_DIR "/models/");
        QTest::addRow("stories260K") << models + QStringLiteral("stories260K/stories260K.bin") << 47
                                     << qulonglong(260032) << QList<int>{64, 172, 5, 8, 4, 512, 512}
                                     << QStringLiteral("tok512.bin");
        QTest::addRow("aidreams260K") << models + QStringLiteral("aidreams260K/aidreams260K.bin") << 38
                                      << qulonglong(230976) << QList<int>{64, 172, 4, 4, 4, 512, 128}
                                      << QStringLiteral("tok512.bin");
        QTest::addRow("lab-tinystories") << models + QStringLiteral("lab-tinystories-llama2c/lab-tinystories.bin") << 38
                                         << qulonglong(3672320) << QList<int>{256, 768, 4, 8, 4, 2048, 256}
                                         << QStringLiteral("tokenizer.bin");
    }

    void realModels()
    {
        QFETCH(QString, file);
        QFETCH(int, tensors);
        QFETCH(qulonglong, parameters);
        QFETCH(QList<int>, header);
        QFETCH(QString, tokenizer);
        if (!QFile::exists(file))
            QSKIP("shared model not present");
        const QByteArray before = fileSha256(file);
        {
            const auto checkpoint = openCheckpoint(file.toStdString());
            QCOMPARE(checkpoint->formatName(), std::string("llama2.c"));
            QCOMPARE(int(checkpoint->tensors().size()), tensors);
            QCOMPARE(checkpoint->totalParameters(), std::uint64_t(parameters));
            QCOMPARE(checkpoint->fileBytes(), std::uint64_t(QFileInfo(file).size()));
            const auto& config = *checkpoint->config();
            QCOMPARE(config.hiddenSize, std::optional<std::int64_t>(header[0]));
            QCOMPARE(config.intermediateSize, std::optional<std::int64_t>(header[1]));
            QCOMPARE(config.layerCount, std::optional<std::int64_t>(header[2]));
            QCOMPARE(config.attentionHeads, std::optional<std::int64_t>(header[3]));
            QCOMPARE(config.keyValueHeads, std::optional<std::int64_t>(header[4]));
            QCOMPARE(config.vocabSize, std::optional<std::int64_t>(header[5]));
            QCOMPARE(config.contextLength, std::optional<std::int64_t>(header[6]));
            QCOMPARE(config.headDim, std::optional<std::int64_t>(header[0] / header[3]));
            QCOMPARE(config.tiedEmbeddings, std::optional<bool>(true));
            QCOMPARE(std::filesystem::path(checkpoint->metadata().at("tokenizer")).filename().string(),
                tokenizer.toStdString());
            // Every value is finite, and the norms are not zero (a wrong offset would show).
            for (std::size_t i = 0; i < checkpoint->tensors().size(); ++i) {
                const auto values = tensorValues(*checkpoint, i);
                QVERIFY(std::all_of(values.begin(), values.end(), [](float x) { return std::isfinite(x); }));
            }
            const auto norm = tensorValues(*checkpoint, "model.norm.weight");
            QVERIFY(std::any_of(norm.begin(), norm.end(), [](float x) { return x != 0.0f; }));
        }
        QCOMPARE(fileSha256(file), before);
    }

    // lab-tinystories.bin holds the same weights as the F32 safetensors export: equal value for
    // value, except that q_proj and k_proj rows are in llama2.c's interleaved RoPE order.
    void matchesHuggingFaceExport()
    {
        const QString bin
            = QStringLiteral(COMPLAB_SHARED_DATA_DIR "/models/lab-tinystories-llama2c/lab-tinystories.bin");
        const QString hf = QStringLiteral(COMPLAB_SHARED_DATA_DIR "/models/lab-tinystories/model.safetensors");
        if (!QFile::exists(bin) || !QFile::exists(hf))
            QSKIP("shared models not present");
        const auto llama2c = openCheckpoint(bin.toStdString());
        const auto reference = openCheckpoint(hf.toStdString());
        QCOMPARE(llama2c->tensors().size(), reference->tensors().size());
        QCOMPARE(llama2c->totalParameters(), reference->totalParameters());
        int identical = 0;
        int permuted = 0;
        for (const auto& info : llama2c->tensors()) {
            const auto index = reference->indexOf(info.name);
            QVERIFY2(index, info.name.c_str());
            QCOMPARE(reference->tensors()[*index].shape, info.shape);
            const auto ours = tensorValues(*llama2c, info.name);
            const auto theirs = tensorValues(*reference, *index);
            const bool rope
                = info.name.find("q_proj") != std::string::npos || info.name.find("k_proj") != std::string::npos;
            if (!rope) {
                QVERIFY2(ours == theirs, info.name.c_str());
                ++identical;
                continue;
            }
            // HF row (head, half, j) is llama2.c row (head, 2 j + half).
            const std::int64_t rows = info.shape[0];
            const std::int64_t columns = info.shape[1];
            const std::int64_t headDim = 32;
            QVERIFY(ours != theirs);
            for (std::int64_t row = 0; row < rows; ++row) {
                const std::int64_t head = row / headDim;
                const std::int64_t half = (row % headDim) / (headDim / 2);
                const std::int64_t j = row % (headDim / 2);
                const std::int64_t source = head * headDim + 2 * j + half;
                QVERIFY(std::equal(theirs.begin() + row * columns, theirs.begin() + (row + 1) * columns,
                    ours.begin() + source * columns));
            }
            ++permuted;
        }
        QCOMPARE(identical, 1 + 7 * 4 + 1);
        QCOMPARE(permuted, 2 * 4);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("problem");
        const auto withHeader = [](auto change) {
            Header h;
            change(h);
            return llama2cBytes(h, 64);
        };
        const Header valid;
        const qint64 sharedBytes = 28 + 4 * floatCount(valid);
        Header separate = valid;
        separate.vocab = -valid.vocab;
        const qint64 separateBytes = 28 + 4 * floatCount(separate);

        QTest::addRow("too small") << QByteArray(20, '\1') << "20 bytes, too small to hold the 28-byte llama2.c header";
        QTest::addRow("dim 0") << withHeader([](Header& h) { h.dim = 0; })
                               << "header field dim is 0; it must be positive";
        QTest::addRow("negative hidden_dim")
            << withHeader([](Header& h) { h.hidden = -12; }) << "header field hidden_dim is -12";
        QTest::addRow("no layers") << withHeader([](Header& h) { h.layers = 0; }) << "header field n_layers is 0";
        QTest::addRow("negative heads") << withHeader([](Header& h) { h.heads = -2; }) << "header field n_heads is -2";
        QTest::addRow("no kv heads") << withHeader([](Header& h) { h.kvHeads = 0; }) << "header field n_kv_heads is 0";
        QTest::addRow("no context") << withHeader([](Header& h) { h.seqLen = 0; }) << "header field seq_len is 0";
        QTest::addRow("vocab 0") << withHeader([](Header& h) { h.vocab = 0; }) << "header field vocab_size is 0";
        QTest::addRow("vocab INT32_MIN") << withHeader([](Header& h) { h.vocab = INT32_MIN; })
                                         << "header field vocab_size is -2147483648";
        QTest::addRow("dim not divisible by heads")
            << withHeader([](Header& h) { h.heads = 3; }) << "dim 8 is not divisible by n_heads 3";
        QTest::addRow("heads not divisible by kv heads") << withHeader([](Header& h) {
            h.heads = 4;
            h.kvHeads = 3;
        }) << "n_heads 4 is not divisible by n_kv_heads 3";
        QTest::addRow("odd head size") << withHeader([](Header& h) {
            h.dim = 6;
            h.heads = 2;
        }) << "head size 3 (dim / n_heads) is odd";
        QTest::addRow("absurd layer count") << withHeader([](Header& h) { h.layers = INT32_MAX; })
                                            << "n_layers 2147483647 cannot fit in a 284-byte file";
        QTest::addRow("size overflows") << withHeader([](Header& h) {
            h.dim = 1 << 30;
            h.heads = 1 << 20;
            h.kvHeads = 1;
            h.hidden = INT32_MAX;
            h.vocab = INT32_MAX;
            h.layers = 1;
        }) << "overflows 64 bits";
        QTest::addRow("truncated") << llama2cBytes(valid).left(sharedBytes - 4)
                                   << QStringLiteral("file is %1 bytes but its header implies %2 bytes with a shared "
                                                     "classifier (%3 with a separate one); the file is truncated")
                                          .arg(sharedBytes - 4)
                                          .arg(sharedBytes)
                                          .arg(separateBytes);
        QTest::addRow("trailing bytes") << llama2cBytes(valid) + QByteArray(6, '\0')
                                        << "6 trailing bytes follow the weights";
        QTest::addRow("shared header, separate classifier") << llama2cBytes(
            valid, floatCount(separate)) << "the file holds a separate classifier, but vocab_size is positive (shared)";
        QTest::addRow("separate header, no classifier")
            << llama2cBytes(separate, floatCount(valid))
            << QStringLiteral("file is %1 bytes but its header implies %2 bytes with a separate classifier (%1 with a "
                              "shared one); the file holds no separate classifier")
                   .arg(sharedBytes)
                   .arg(separateBytes);
    }

    void malformed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, problem);
        const QString file
            = path(QStringLiteral("bad-%1.bin")
                       .arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))));
        writeFile(file, bytes);
        QVERIFY(rejectedWith(file, QString(), problem));
        // Header problems concern the whole file, not one tensor.
        try {
            openCheckpoint(file.toStdString());
        } catch (const CheckpointError& error) {
            QVERIFY(error.tensor().empty());
        }
    }

    void dimensionThatLooksLikeAPickle()
    {
        // dim = 128 makes the first byte 0x80, a pickle's first byte: the file is still llama2.c.
        Header header;
        header.dim = 128;
        header.hidden = 256;
        header.heads = 4;
        header.kvHeads = 4;
        writeFile(path(QStringLiteral("dim128.bin")), llama2cBytes(header));
        const auto checkpoint = openCheckpoint(path(QStringLiteral("dim128.bin")).toStdString());
        QCOMPARE(checkpoint->config()->hiddenSize, std::optional<std::int64_t>(128));
        // The same first bytes with a wrong length: now the pickle explanation is the likely one.
        writeFile(path(QStringLiteral("pickle.bin")), llama2cBytes(header).left(100));
        try {
            openCheckpoint(path(QStringLiteral("pickle.bin")).toStdString());
            QFAIL("accepted");
        } catch (const CheckpointError& error) {
            QVERIFY(QString::fromLatin1(error.what()).contains(QStringLiteral("PyTorch pickle")));
        }
    }

    void outOfRangeIndex()
    {
        writeFile(path(QStringLiteral("index.bin")), llama2cBytes(Header{}));
        const auto checkpoint = openCheckpoint(path(QStringLiteral("index.bin")).toStdString());
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, checkpoint->tensor(checkpoint->tensors().size()));
    }

    // Mutated and truncated copies of a valid file: every outcome is either a checkpoint whose
    // tensors can be read, or a CheckpointError. Half of the flips land in the 28-byte header.
    void mutationsNeverCrash()
    {
        Header h;
        h.vocab = -6;
        const QByteArray valid = llama2cBytes(h);
        QRandomGenerator random(20261124);
        int accepted = 0;
        int rejected = 0;
        const QString file = path(QStringLiteral("fuzz.bin"));
        for (int round = 0; round < 3000; ++round) {
            QByteArray bytes = valid;
            if (round % 5 == 0) {
                bytes.truncate(static_cast<qsizetype>(random.bounded(valid.size())));
            } else {
                const int flips = 1 + random.bounded(4);
                for (int i = 0; i < flips; ++i) {
                    const auto at
                        = static_cast<qsizetype>(random.bounded(2) ? random.bounded(28) : random.bounded(bytes.size()));
                    bytes[at] = static_cast<char>(random.bounded(256));
                }
            }
            writeFile(file, bytes);
            try {
                const std::shared_ptr<const Checkpoint> checkpoint = round % 2
                    ? openCheckpoint(file.toStdString())
                    : std::make_shared<Llama2cCheckpoint>(file.toStdString());
                for (std::size_t i = 0; i < checkpoint->tensors().size(); ++i)
                    tensorValues(*checkpoint, i);
                ++accepted;
            } catch (const CheckpointError&) {
                ++rejected;
            }
        }
        QVERIFY(accepted > 500);
        QVERIFY(rejected > 1000);
    }
};

QTEST_GUILESS_MAIN(TestLlama2cCheckpoint)
#include "tst_llama2ccheckpoint.moc"
