// The GGUF reader: real files quantised by ggml itself (dequantised values must track the F32
// original within each format's error), hand-built blocks decoded against values computed here
// from the layout description, every metadata type, and malformed files each with its own error.
#include "GgufFixture.h"
#include "SafetensorsFixture.h"

#include "io/Checkpoint.h"
#include "io/CheckpointError.h"
#include "io/GgufCheckpoint.h"
#include "tensor/TensorStats.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace complab;
using namespace complab::test;
using B = GgufBuilder;

namespace {

const QString ggufDir = QStringLiteral(COMPLAB_SHARED_DATA_DIR "/models/lab-tinystories-gguf/");
const QString stories260KDir = QStringLiteral(COMPLAB_SHARED_DATA_DIR "/models/stories260K-gguf/");

// A minimal valid file: one F32 tensor [4] and one key.
GgufBuilder minimal()
{
    GgufBuilder b;
    b.keyValue("general.architecture", 8, B::str("llama"));
    b.tensor("w", {4}, 0, 0);
    b.data(rawBytes<float>({1, 2, 3, 4}));
    return b;
}

} // namespace

class TestGgufCheckpoint : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void realModels_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("tensors");
        QTest::addColumn<qulonglong>("parameters");
        QTest::addColumn<QString>("quantisedType");
        QTest::addColumn<QString>("reference");
        QTest::addColumn<double>("maxRelativeRms");
        const QString labF32 = ggufDir + QStringLiteral("lab-tinystories-f32.gguf");
        const QString storiesF32 = stories260KDir + QStringLiteral("stories260K-f32.gguf");
        QTest::addRow("lab f32") << labF32 << 38 << 3672320ull << "F32" << labF32 << 0.0;
        QTest::addRow("lab q8_0") << ggufDir + QStringLiteral("lab-tinystories-q8_0.gguf") << 38 << 3672320ull << "Q8_0"
                                  << labF32 << 0.01;
        QTest::addRow("lab q6_k") << ggufDir + QStringLiteral("lab-tinystories-q6_k.gguf") << 38 << 3672320ull << "Q6_K"
                                  << labF32 << 0.03;
        QTest::addRow("lab q4_k") << ggufDir + QStringLiteral("lab-tinystories-q4_k.gguf") << 38 << 3672320ull << "Q4_K"
                                  << labF32 << 0.12;
        QTest::addRow("260K f16") << stories260KDir + QStringLiteral("stories260K-f16.gguf") << 47 << 260032ull << "F16"
                                  << storiesF32 << 0.001;
        QTest::addRow("260K q8_0") << stories260KDir + QStringLiteral("stories260K-q8_0.gguf") << 47 << 260032ull
                                   << "Q8_0" << storiesF32 << 0.01;
        QTest::addRow("260K q4_0") << stories260KDir + QStringLiteral("stories260K-q4_0.gguf") << 47 << 260032ull
                                   << "Q4_0" << storiesF32 << 0.15;
    }

    void realModels()
    {
        QFETCH(QString, file);
        QFETCH(int, tensors);
        QFETCH(qulonglong, parameters);
        QFETCH(QString, quantisedType);
        QFETCH(QString, reference);
        QFETCH(double, maxRelativeRms);
        const QByteArray before = fileSha256(file);
        const auto checkpoint = openCheckpoint(file.toStdString());
        QCOMPARE(checkpoint->formatName(), std::string("GGUF v3"));
        QCOMPARE(checkpoint->tensors().size(), static_cast<std::size_t>(tensors));
        QCOMPARE(checkpoint->totalParameters(), parameters);
        QVERIFY(checkpoint->config());
        QCOMPARE(checkpoint->config()->modelType, std::string("llama"));
        QCOMPARE(checkpoint->config()->keyValueHeads, std::optional<std::int64_t>(4));
        QCOMPARE(checkpoint->config()->tiedEmbeddings, std::optional<bool>(true));
        QCOMPARE(checkpoint->metadata().at("general.architecture"), std::string("llama"));

        const auto original = openCheckpoint(reference.toStdString());
        int compared = 0;
        for (std::size_t i = 0; i < checkpoint->tensors().size(); ++i) {
            const auto& info = checkpoint->tensors()[i];
            if (info.shape.size() != 2)
                continue;
            // ggml leaves a matrix in F32 when its rows are not whole blocks (stories260K's 172-wide FFN).
            const QString type = QString::fromLatin1(dtypeName(info.dtype).data());
            if (type != quantisedType) {
                QCOMPARE(type, QStringLiteral("F32"));
                QVERIFY(info.shape.back() % 32 != 0);
                continue;
            }
            const auto decoded = tensorValues(*checkpoint, i);
            const auto exact = tensorValues(*original, *original->indexOf(info.name));
            QCOMPARE(decoded.size(), exact.size());
            double error = 0;
            double energy = 0;
            for (std::size_t j = 0; j < exact.size(); ++j) {
                error += (decoded[j] - exact[j]) * double(decoded[j] - exact[j]);
                energy += exact[j] * double(exact[j]);
            }
            const double relativeRms = std::sqrt(error / energy);
            QVERIFY2(relativeRms <= maxRelativeRms,
                qPrintable(QStringLiteral("%1: relative RMS error %2")
                               .arg(QString::fromStdString(info.name))
                               .arg(relativeRms)));
            if (maxRelativeRms > 0.005)
                QVERIFY(relativeRms > 0.0005); // really quantised, not silently copied
            ++compared;
        }
        QVERIFY(compared >= 29);
        QCOMPARE(fileSha256(file), before);
    }

    void handBuiltBlocks()
    {
        // Q8_0: d = 0.5, q = -16..15.
        QByteArray q8 = B::le<quint16>(0x3800);
        for (int j = 0; j < 32; ++j)
            q8 += static_cast<char>(static_cast<qint8>(j - 16));
        // Q4_0: d = 0.25, byte j holds element j (low nibble) and j + 16 (high nibble).
        QByteArray q4 = B::le<quint16>(0x3400);
        for (int j = 0; j < 16; ++j)
            q4 += static_cast<char>(static_cast<quint8>((j & 0x0F) | ((15 - j) << 4)));
        // Q4_K: d = 1, dmin = 0.5, twelve scale bytes and 128 bytes of nibbles.
        const quint8 scaleBytes[12] = {0x41, 0x82, 0x03, 0xC4, 0x05, 0x46, 0x87, 0x08, 0x21, 0x43, 0x65, 0x87};
        QByteArray q4k = B::le<quint16>(0x3C00) + B::le<quint16>(0x3800);
        for (const auto byte : scaleBytes)
            q4k += static_cast<char>(byte);
        for (int j = 0; j < 128; ++j)
            q4k += static_cast<char>(static_cast<quint8>((j * 7 + 3) & 0xFF));

        GgufBuilder b;
        b.tensor("q8", {32}, 8, 0);
        b.tensor("q4", {32}, 2, 64);
        b.tensor("q4k", {256}, 12, 96);
        b.data(q8 + QByteArray(64 - q8.size(), '\0') + q4 + QByteArray(32 - q4.size(), '\0') + q4k);
        writeFile(path(QStringLiteral("blocks.gguf")), b.build());
        const auto checkpoint = openCheckpoint(path(QStringLiteral("blocks.gguf")).toStdString());

        const auto q8Values = tensorValues(*checkpoint, *checkpoint->indexOf("q8"));
        for (int j = 0; j < 32; ++j)
            QCOMPARE(q8Values[j], 0.5f * static_cast<float>(j - 16));

        const auto q4Values = tensorValues(*checkpoint, *checkpoint->indexOf("q4"));
        for (int j = 0; j < 16; ++j) {
            QCOMPARE(q4Values[j], 0.25f * static_cast<float>((j & 0x0F) - 8));
            QCOMPARE(q4Values[j + 16], 0.25f * static_cast<float>((15 - j) - 8));
        }

        // Q4_K, element by element from the layout: sub-block s (32 values) uses 6-bit scale and
        // min number s; its values are the low (even s) or high (odd s) nibbles of bytes 32*(s/2)...
        const auto q4kValues = tensorValues(*checkpoint, *checkpoint->indexOf("q4k"));
        for (int element = 0; element < 256; ++element) {
            const int sub = element / 32;
            const int scale
                = sub < 4 ? (scaleBytes[sub] & 63) : ((scaleBytes[sub + 4] & 15) | ((scaleBytes[sub - 4] >> 6) << 4));
            const int min
                = sub < 4 ? (scaleBytes[sub + 4] & 63) : ((scaleBytes[sub + 4] >> 4) | ((scaleBytes[sub] >> 6) << 4));
            const int byteIndex = (sub / 2) * 32 + element % 32;
            const int byte = (byteIndex * 7 + 3) & 0xFF;
            const int quant = sub % 2 == 0 ? (byte & 15) : (byte >> 4);
            const float expected
                = 1.0f * static_cast<float>(scale) * static_cast<float>(quant) - 0.5f * static_cast<float>(min);
            QCOMPARE(q4kValues[element], expected);
        }
        QCOMPARE(dtypeBitsPerWeight(DType::Q4_K), 4.5);
        QCOMPARE(dtypeBitsPerWeight(DType::Q8_0), 8.5);
        QCOMPARE(dtypeBitsPerWeight(DType::Q6_K), 6.5625);
    }

    void everyMetadataType()
    {
        GgufBuilder b;
        b.version = 2;
        b.keyValue("u8", 0, B::le<quint8>(200));
        b.keyValue("i8", 1, B::le<qint8>(-5));
        b.keyValue("u16", 2, B::le<quint16>(60000));
        b.keyValue("i16", 3, B::le<qint16>(-30000));
        b.keyValue("u32", 4, B::le<quint32>(4000000000u));
        b.keyValue("i32", 5, B::le<qint32>(-2000000000));
        b.keyValue("f32", 6, B::le<float>(0.5f));
        b.keyValue("bool", 7, B::le<quint8>(1));
        b.keyValue("tokenizer.chat_template", 8, B::str("{% for m in messages %}{{ m.content }}{% endfor %}"));
        b.keyValue("u64", 10, B::le<quint64>(1ull << 40));
        b.keyValue("i64", 11, B::le<qint64>(-(1ll << 40)));
        b.keyValue("f64", 12, B::le<double>(-2.25));
        b.keyValue(
            "floats", 9, B::le<quint32>(6) + B::le<quint64>(3) + B::le<float>(1) + B::le<float>(2) + B::le<float>(3));
        b.keyValue("words", 9, B::le<quint32>(8) + B::le<quint64>(2) + B::str("a") + B::str("bc"));
        b.keyValue("nested", 9,
            B::le<quint32>(9) + B::le<quint64>(2) + B::le<quint32>(4) + B::le<quint64>(1) + B::le<quint32>(7)
                + B::le<quint32>(8) + B::le<quint64>(1) + B::str("x"));
        b.keyValue("empty", 9, B::le<quint32>(0) + B::le<quint64>(0));
        b.tensor("scalar", {}, 0, 0);
        b.tensor("empty", {0, 4}, 0, 0);
        b.data(rawBytes<float>({7}));
        writeFile(path(QStringLiteral("meta.gguf")), b.build());
        const auto checkpoint = std::make_shared<GgufCheckpoint>(path(QStringLiteral("meta.gguf")).toStdString());
        QCOMPARE(checkpoint->version(), 2u);
        QCOMPARE(checkpoint->keyValues().size(), std::size_t(16));
        QCOMPARE(checkpoint->find("u8")->asInteger(), std::optional<std::int64_t>(200));
        QCOMPARE(checkpoint->find("i16")->asInteger(), std::optional<std::int64_t>(-30000));
        QCOMPARE(checkpoint->find("u32")->asInteger(), std::optional<std::int64_t>(4000000000ll));
        QCOMPARE(checkpoint->find("i64")->asInteger(), std::optional<std::int64_t>(-(1ll << 40)));
        QCOMPARE(checkpoint->find("f64")->asNumber(), std::optional<double>(-2.25));
        QCOMPARE(checkpoint->metadata().at("bool"), std::string("true"));
        QCOMPARE(checkpoint->metadata().at("f32"), std::string("0.5"));
        QCOMPARE(std::string(*checkpoint->find("tokenizer.chat_template")->asString()),
            std::string("{% for m in messages %}{{ m.content }}{% endfor %}"));
        QCOMPARE(checkpoint->find("floats")->numberAt(2), std::optional<double>(3.0));
        QCOMPARE(checkpoint->metadata().at("words"), std::string("[\"a\", \"bc\"]"));
        QCOMPARE(checkpoint->metadata().at("nested"), std::string("[[7], [\"x\"]]"));
        QCOMPARE(checkpoint->metadata().at("empty"), std::string("[]"));
        QCOMPARE(checkpoint->tensors().size(), std::size_t(2));
        QCOMPARE(tensorValues(*checkpoint, *checkpoint->indexOf("scalar")), std::vector<float>{7.0f});
        QCOMPARE(checkpoint->tensors()[*checkpoint->indexOf("empty")].elementCount(), std::uint64_t(0));
        QCOMPARE(checkpoint->tensors()[*checkpoint->indexOf("empty")].shape, (std::vector<std::int64_t>{4, 0}));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("tensor");
        QTest::addColumn<QString>("problem");
        const auto make = [](auto change) {
            GgufBuilder b = minimal();
            change(b);
            return b.build();
        };
        QTest::addRow("bad magic") << make([](GgufBuilder& b) { b.magic = 0x46554746u; }) << ""
                                   << "bad magic";
        QTest::addRow("version 1") << make([](GgufBuilder& b) { b.version = 1; }) << ""
                                   << "version 1 is obsolete";
        QTest::addRow("version 9") << make([](GgufBuilder& b) { b.version = 9; }) << ""
                                   << "unknown GGUF version 9";
        QTest::addRow("huge key count") << make([](GgufBuilder& b) { b.declaredKeyValueCount = 1ll << 60; }) << ""
                                        << "metadata count 1152921504606846976 cannot fit";
        QTest::addRow("huge tensor count") << make([](GgufBuilder& b) { b.declaredTensorCount = 1ll << 40; }) << ""
                                           << "tensor count 1099511627776 cannot fit";
        QTest::addRow("string past end") << make([](GgufBuilder& b) {
            b.keyValue("k", 8, B::le<quint64>(1ull << 50) + QByteArray("abc"));
        }) << ""
                                         << "declares 1125899906842624 bytes";
        QTest::addRow("unknown value type") << make([](GgufBuilder& b) { b.keyValue("k", 13, B::le<quint8>(0)); }) << ""
                                            << "key 'k': unknown value type 13";
        QTest::addRow("duplicate key") << make([](GgufBuilder& b) {
            b.keyValue("general.architecture", 8, B::str("x"));
        }) << ""
                                       << "appears twice";
        QTest::addRow("array cannot fit")
            << make([](GgufBuilder& b) { b.keyValue("a", 9, B::le<quint32>(5) + B::le<quint64>(1ull << 61)); }) << ""
            << "cannot fit in the";
        QTest::addRow("nested too deep") << make([](GgufBuilder& b) {
            QByteArray payload;
            for (int level = 0; level < 9; ++level)
                payload += B::le<quint32>(9) + B::le<quint64>(1);
            b.keyValue("deep", 9, payload + B::le<quint32>(0) + B::le<quint64>(0));
        }) << ""
                                         << "nested deeper than 8";
        QTest::addRow("bool not 0 or 1") << make([](GgufBuilder& b) { b.keyValue("flag", 7, B::le<quint8>(2)); }) << ""
                                         << "neither 0 nor 1";
        QTest::addRow("alignment not power of two")
            << make([](GgufBuilder& b) { b.keyValue("general.alignment", 4, B::le<quint32>(24)); }) << ""
            << "power of two";
        QTest::addRow("five dimensions") << make([](GgufBuilder& b) {
            b.tensor("t5", {1, 1, 1, 1, 1}, 0, 32);
        }) << "t5"
                                         << "5 dimensions";
        QTest::addRow("unknown type") << make([](GgufBuilder& b) { b.tensor("t", {32}, 99, 32); }) << "t"
                                      << "unknown tensor type 99";
        QTest::addRow("unsupported type") << make([](GgufBuilder& b) { b.tensor("t", {256}, 16, 32); }) << "t"
                                          << "IQ2_XXS (16) is not supported";
        QTest::addRow("row not whole blocks") << make([](GgufBuilder& b) {
            b.tensor("t", {33, 2}, 2, 32);
        }) << "t"
                                              << "not a whole number of Q4_0 blocks of 32";
        QTest::addRow("misaligned") << make([](GgufBuilder& b) { b.tensor("t", {1}, 0, 4); }) << "t"
                                    << "not a multiple of the alignment 32";
        QTest::addRow("overlap") << make([](GgufBuilder& b) {
            b.tensor("t", {8}, 0, 0);
            b.data(QByteArray(16, '\0'));
        }) << ""
                                 << "overlaps tensor";
        QTest::addRow("past end") << make([](GgufBuilder& b) { b.tensor("t", {1000}, 0, 32); }) << "t"
                                  << "runs past the end of the file";
        QTest::addRow("wrapping shape") << make([](GgufBuilder& b) {
            b.tensor("t", {1ull << 32, 1ull << 32, 1ull << 32}, 0, 32);
        }) << "t"
                                        << "overflows";
        QTest::addRow("duplicate tensor") << make([](GgufBuilder& b) { b.tensor("w", {4}, 0, 32); }) << "w"
                                          << "appears twice";
        QTest::addRow("truncated") << minimal().build().left(60) << ""
                                   << "runs past the end";
    }

    void malformed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, tensor);
        QFETCH(QString, problem);
        const QString file = path(QStringLiteral("bad.gguf"));
        writeFile(file, bytes);
        QVERIFY(rejectedWith(file, tensor, problem));
    }

    void mutationsNeverCrash()
    {
        GgufBuilder b = minimal();
        b.keyValue("words", 9, B::le<quint32>(8) + B::le<quint64>(2) + B::str("a") + B::str("bc"));
        b.tensor("q", {32}, 8, 32);
        b.data(QByteArray(16, '\0') + B::le<quint16>(0x3C00) + QByteArray(32, '\x05'));
        const QByteArray valid = b.build();
        QVERIFY(std::make_shared<GgufCheckpoint>([&] {
            writeFile(path(QStringLiteral("valid.gguf")), valid);
            return path(QStringLiteral("valid.gguf")).toStdString();
        }()));
        QRandomGenerator random(77);
        int accepted = 0;
        for (int round = 0; round < 3000; ++round) {
            QByteArray bytes = valid;
            if (round % 5 == 0) {
                bytes.truncate(static_cast<qsizetype>(random.bounded(valid.size())));
            } else {
                for (int i = 0, flips = 1 + random.bounded(4); i < flips; ++i)
                    bytes[static_cast<qsizetype>(random.bounded(bytes.size()))]
                        = static_cast<char>(random.bounded(256));
            }
            writeFile(path(QStringLiteral("fuzz.gguf")), bytes);
            try {
                const auto checkpoint = openCheckpoint(path(QStringLiteral("fuzz.gguf")).toStdString());
                Progress progress;
                for (std::size_t i = 0; i < checkpoint->tensors().size(); ++i)
                    computeStats(checkpoint->tensor(i), progress, {});
                ++accepted;
            } catch (const CheckpointError&) { }
        }
        QVERIFY(accepted > 0);
    }
};

QTEST_GUILESS_MAIN(TestGgufCheckpoint)
#include "tst_ggufcheckpoint.moc"
