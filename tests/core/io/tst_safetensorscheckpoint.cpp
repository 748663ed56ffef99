// The safetensors reader: every dtype read back, the bundled sample, and malformed files made by
// the test itself, each expected to fail with its own message naming the file and the tensor.
#include "SafetensorsFixture.h"

#include "io/Checkpoint.h"
#include "io/CheckpointError.h"
#include "io/SafetensorsCheckpoint.h"
#include "tensor/TensorStats.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace complab;
using namespace complab::test;

class TestSafetensorsCheckpoint : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void everyDtype_data()
    {
        QTest::addColumn<QString>("dtype");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QList<float>>("expected");
        const QList<float> signedValues{1.0f, -2.0f, 0.0f, 0.5f};
        const QList<float> integers{1.0f, -2.0f, 0.0f, 100.0f};
        const QList<float> unsignedValues{1.0f, 2.0f, 0.0f, 100.0f};
        QTest::addRow("F64") << "F64" << rawBytes<double>({1.0, -2.0, 0.0, 0.5}) << signedValues;
        QTest::addRow("F32") << "F32" << rawBytes<float>({1.0f, -2.0f, 0.0f, 0.5f}) << signedValues;
        QTest::addRow("F16") << "F16" << rawBytes<quint16>({0x3C00, 0xC000, 0x0000, 0x3800}) << signedValues;
        QTest::addRow("BF16") << "BF16" << rawBytes<quint16>({0x3F80, 0xC000, 0x0000, 0x3F00}) << signedValues;
        QTest::addRow("F8_E4M3") << "F8_E4M3" << rawBytes<quint8>({0x38, 0xC0, 0x00, 0x30}) << signedValues;
        QTest::addRow("F8_E5M2") << "F8_E5M2" << rawBytes<quint8>({0x3C, 0xC0, 0x00, 0x38}) << signedValues;
        QTest::addRow("I64") << "I64" << rawBytes<qint64>({1, -2, 0, 100}) << integers;
        QTest::addRow("I32") << "I32" << rawBytes<qint32>({1, -2, 0, 100}) << integers;
        QTest::addRow("I16") << "I16" << rawBytes<qint16>({1, -2, 0, 100}) << integers;
        QTest::addRow("I8") << "I8" << rawBytes<qint8>({1, -2, 0, 100}) << integers;
        QTest::addRow("U64") << "U64" << rawBytes<quint64>({1, 2, 0, 100}) << unsignedValues;
        QTest::addRow("U32") << "U32" << rawBytes<quint32>({1, 2, 0, 100}) << unsignedValues;
        QTest::addRow("U16") << "U16" << rawBytes<quint16>({1, 2, 0, 100}) << unsignedValues;
        QTest::addRow("U8") << "U8" << rawBytes<quint8>({1, 2, 0, 100}) << unsignedValues;
        QTest::addRow("BOOL") << "BOOL" << rawBytes<quint8>({1, 0, 0, 1}) << QList<float>{1.0f, 0.0f, 0.0f, 1.0f};
    }

    void everyDtype()
    {
        QFETCH(QString, dtype);
        QFETCH(QByteArray, data);
        QFETCH(QList<float>, expected);
        const QByteArray header = J("{'w':{'dtype':'") + dtype.toLatin1() + J("','shape':[2,2],'data_offsets':[0,")
            + QByteArray::number(data.size()) + "]}}";
        const QString file = path(dtype + QStringLiteral(".safetensors"));
        writeFile(file, safetensorsBytes(header, data));
        const auto checkpoint = openCheckpoint(file.toStdString());
        QCOMPARE(checkpoint->formatName(), std::string("safetensors"));
        QCOMPARE(checkpoint->tensors().size(), std::size_t(1));
        const auto& info = checkpoint->tensors()[0];
        QCOMPARE(QString::fromLatin1(dtypeName(info.dtype).data()), dtype);
        QCOMPARE(info.shape, (std::vector<std::int64_t>{2, 2}));
        QCOMPARE(info.byteSize, static_cast<std::uint64_t>(data.size()));
        QCOMPARE(info.fileOffset, static_cast<std::uint64_t>(8 + header.size()));
        const auto values = tensorValues(*checkpoint, 0);
        QCOMPARE(QList<float>(values.begin(), values.end()), expected);
    }

    void tensorsInFileOrderWithMetadata()
    {
        // JSON order (b before a) differs from data order (a first).
        const QByteArray header = J("{'__metadata__':{'format':'pt','note':'x'},")
            + J("'b':{'dtype':'F32','shape':[1],'data_offsets':[8,12]},")
            + J("'a':{'dtype':'F32','shape':[2],'data_offsets':[0,8]}}")
            + "   "; // trailing spaces pad a header legally
        writeFile(
            path(QStringLiteral("order.safetensors")), safetensorsBytes(header, rawBytes<float>({1.0f, 2.0f, 3.0f})));
        const auto checkpoint = openCheckpoint(path(QStringLiteral("order.safetensors")).toStdString());
        QCOMPARE(checkpoint->tensors().size(), std::size_t(2));
        QCOMPARE(checkpoint->tensors()[0].name, std::string("a"));
        QCOMPARE(checkpoint->tensors()[1].name, std::string("b"));
        QCOMPARE(tensorValues(*checkpoint, 1), std::vector<float>{3.0f});
        QCOMPARE(checkpoint->metadata().at("note"), std::string("x"));
        QCOMPARE(checkpoint->totalParameters(), std::uint64_t(3));
        QCOMPARE(checkpoint->indexOf("b"), std::optional<std::size_t>(1));
        QVERIFY(!checkpoint->indexOf("c"));
    }

    void validEdgeCases()
    {
        // An empty tensor (a 0 in its shape), a 0-dimensional scalar, NaN and infinities.
        const float nan = std::numeric_limits<float>::quiet_NaN();
        const float inf = std::numeric_limits<float>::infinity();
        const QByteArray header = J("{'empty':{'dtype':'F16','shape':[0,4],'data_offsets':[0,0]},")
            + J("'scalar':{'dtype':'F32','shape':[],'data_offsets':[0,4]},")
            + J("'odd':{'dtype':'F32','shape':[4],'data_offsets':[4,20]}}");
        writeFile(path(QStringLiteral("edge.safetensors")),
            safetensorsBytes(header, rawBytes<float>({7.0f, nan, inf, -inf, 1.0f})));
        const auto checkpoint = openCheckpoint(path(QStringLiteral("edge.safetensors")).toStdString());
        QCOMPARE(checkpoint->tensors().size(), std::size_t(3));
        const auto empty = *checkpoint->indexOf("empty");
        const auto scalar = *checkpoint->indexOf("scalar");
        const auto odd = *checkpoint->indexOf("odd");
        QCOMPARE(checkpoint->tensors()[empty].elementCount(), std::uint64_t(0));
        QCOMPARE(checkpoint->tensors()[scalar].elementCount(), std::uint64_t(1));
        QCOMPARE(tensorValues(*checkpoint, scalar), std::vector<float>{7.0f});
        Progress progress;
        const auto stats = computeStats(checkpoint->tensor(odd), progress, {});
        QCOMPARE(stats.nanCount, std::uint64_t(1));
        QCOMPARE(stats.infCount(), std::uint64_t(2));
        QCOMPARE(stats.finiteCount, std::uint64_t(1));
        const auto emptyStats = computeStats(checkpoint->tensor(empty), progress, {});
        QCOMPARE(emptyStats.count, std::uint64_t(0));
        QVERIFY(std::isnan(emptyStats.mean));
    }

    void bundledSample()
    {
        const QString file = QStringLiteral(COMPLAB_SAMPLE_DIR "/model.safetensors");
        QFile original(file);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray before = QCryptographicHash::hash(original.readAll(), QCryptographicHash::Sha256);
        original.close();

        // Opening the folder finds model.safetensors and its config.json.
        const auto checkpoint = openCheckpoint(COMPLAB_SAMPLE_DIR);
        QCOMPARE(checkpoint->tensors().size(), std::size_t(38));
        QCOMPARE(checkpoint->totalParameters(), std::uint64_t(3672320));
        QCOMPARE(checkpoint->fileBytes(), std::uint64_t(7348736));
        QCOMPARE(checkpoint->dtypeCounts().size(), std::size_t(1));
        QCOMPARE(checkpoint->dtypeCounts().at(DType::BF16), std::size_t(38));
        QVERIFY(checkpoint->config());
        QCOMPARE(checkpoint->config()->hiddenSize, std::optional<std::int64_t>(256));
        QCOMPARE(checkpoint->config()->keyValueHeads, std::optional<std::int64_t>(4));
        QCOMPARE(checkpoint->config()->tiedEmbeddings, std::optional<bool>(true));

        // Values checked against an independent decoding of the file (Python struct, BF16 << 16).
        const auto norm = *checkpoint->indexOf("model.norm.weight");
        const auto values = tensorValues(*checkpoint, norm);
        QCOMPARE(values[0], 1.40625f);
        QCOMPARE(values[1], 1.3984375f);
        QCOMPARE(values[2], 1.390625f);
        Progress progress;
        const auto stats = computeStats(
            checkpoint->tensor(*checkpoint->indexOf("model.layers.2.mlp.down_proj.weight")), progress, {});
        QCOMPARE(stats.count, std::uint64_t(196608));
        QCOMPARE(stats.min, -0.10888671875);
        QCOMPARE(stats.max, 0.119140625);
        QVERIFY(std::abs(stats.mean - 0.00013146637289196406) < 1e-12);
        QVERIFY(std::abs(stats.std - 0.02534967751446645) < 1e-10);
        QCOMPARE(stats.histogram.total(), stats.count);

        QVERIFY(original.open(QIODevice::ReadOnly));
        QCOMPARE(QCryptographicHash::hash(original.readAll(), QCryptographicHash::Sha256), before);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("tensor"); // expected in the message ("" when the file as a whole is wrong)
        QTest::addColumn<QString>("problem");
        const auto file = [](const QByteArray& header, int dataBytes = 0) {
            return safetensorsBytes(header, QByteArray(dataBytes, '\0'));
        };
        const QByteArray ok = J("'ok':{'dtype':'F32','shape':[2],'data_offsets':[0,8]}");
        QTest::addRow("too small") << QByteArray("abc") << ""
                                   << "too small to hold the 8-byte header length";
        QTest::addRow("header over 100 MB") << safetensorsBytes("{}", {}, 200000000ull) << ""
                                            << "over the 100 MB limit";
        QTest::addRow("header past end") << safetensorsBytes("{}", {}, 4096) << ""
                                         << "runs past the end";
        QTest::addRow("empty header") << safetensorsBytes("", {}) << ""
                                      << "does not begin with '{'";
        QTest::addRow("not starting with {") << file(" {}") << ""
                                             << "does not begin with '{'";
        QTest::addRow("invalid JSON") << file(J("{'a': ")) << ""
                                      << "not valid UTF-8 JSON";
        QTest::addRow("number overflow") << file(J("{'w':{'dtype':'F32','shape':[6e4000],'data_offsets':[0,8]}}"), 8)
                                         << ""
                                         << "number overflow";
        QTest::addRow("invalid UTF-8") << file("{\"w\xff\":1}") << ""
                                       << "not valid UTF-8 JSON";
        QTest::addRow("duplicate name") << file("{" + ok + "," + ok + "}", 8) << "ok"
                                        << "appears twice";
        QTest::addRow("unknown dtype") << file(J("{'w':{'dtype':'F7','shape':[2],'data_offsets':[0,8]}}"), 8) << "w"
                                       << "unknown dtype 'F7'";
        QTest::addRow("negative dimension")
            << file(J("{'w':{'dtype':'F32','shape':[-2],'data_offsets':[0,8]}}"), 8) << "w"
            << "negative";
        QTest::addRow("fractional dimension")
            << file(J("{'w':{'dtype':'F32','shape':[2.5],'data_offsets':[0,8]}}"), 8) << "w"
            << "must be an integer";
        QTest::addRow("overflowing shape")
            << file(J("{'w':{'dtype':'F32','shape':[4294967296,4294967296],'data_offsets':[0,8]}}"), 8) << "w"
            << "overflows";
        QTest::addRow("size mismatch") << file(J("{'w':{'dtype':'F32','shape':[3],'data_offsets':[0,8]}}"), 8) << "w"
                                       << "needs 12 bytes";
        QTest::addRow("offsets out of order")
            << file(J("{'w':{'dtype':'F32','shape':[0],'data_offsets':[8,0]}}"), 8) << "w"
            << "out of order";
        QTest::addRow("overlap") << file(J("{'a':{'dtype':'F32','shape':[2],'data_offsets':[0,8]},")
                + J("'b':{'dtype':'F32','shape':[2],'data_offsets':[4,12]}}"),
            12) << "b"
                                 << "overlaps tensor 'a'";
        QTest::addRow("hole") << file(J("{'a':{'dtype':'F32','shape':[1],'data_offsets':[0,4]},")
                + J("'b':{'dtype':'F32','shape':[1],'data_offsets':[8,12]}}"),
            12) << "b"
                              << "hole of 4 unused bytes";
        QTest::addRow("data past end") << file("{" + ok + "}", 4) << "ok"
                                       << "past the end of the file";
        QTest::addRow("trailing bytes") << file("{" + ok + "}", 12) << ""
                                        << "4 trailing bytes";
        QTest::addRow("metadata not strings") << file(J("{'__metadata__':{'epoch':3}}")) << ""
                                              << "__metadata__ must map strings to strings; key 'epoch'";
        QTest::addRow("metadata not object") << file(J("{'__metadata__':[1]}")) << ""
                                             << "__metadata__ must be an object";
        QTest::addRow("missing key") << file(J("{'w':{'dtype':'F32','shape':[2]}}")) << "w"
                                     << "needs 'dtype'";
        QTest::addRow("unexpected key") << file(J("{'w':{'dtype':'F32','shape':[2],'data_offsets':[0,8],'x':1}}"), 8)
                                        << "w"
                                        << "unexpected key 'x'";
        QTest::addRow("shape not a list") << file(J("{'w':{'dtype':'F32','shape':2,'data_offsets':[0,8]}}"), 8) << "w"
                                          << "shape must be a list";
        QTest::addRow("offsets not a pair")
            << file(J("{'w':{'dtype':'F32','shape':[2],'data_offsets':[0,4,8]}}"), 8) << "w"
            << "list of two integers";
        QTest::addRow("entry not an object") << file(J("{'w':[1,2]}")) << "w"
                                             << "entry must be an object";
        QTest::addRow("repeated key inside entry")
            << file(J("{'w':{'dtype':'F32','dtype':'F16','shape':[2],'data_offsets':[0,8]}}"), 8) << ""
            << "repeats the key 'dtype'";
    }

    void malformed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, tensor);
        QFETCH(QString, problem);
        const QString file
            = path(QStringLiteral("bad-%1.safetensors")
                       .arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))));
        writeFile(file, bytes);
        QVERIFY(rejectedWith(file, tensor, problem));
        if (!tensor.isEmpty()) {
            try {
                openCheckpoint(file.toStdString());
            } catch (const CheckpointError& error) {
                QCOMPARE(QString::fromStdString(error.tensor()), tensor);
            }
        }
    }

    void openingErrors()
    {
        QVERIFY_THROWS_EXCEPTION(
            CheckpointError, openCheckpoint(path(QStringLiteral("missing.safetensors")).toStdString()));
        writeFile(path(QStringLiteral("model.gguf")), QByteArray("GGUF\x07\0\0\0", 8) + QByteArray(32, '\0'));
        try {
            openCheckpoint(path(QStringLiteral("model.gguf")).toStdString());
            QFAIL("GGUF of an unknown version accepted");
        } catch (const CheckpointError& error) {
            // Dispatched to the GGUF reader by its magic, which names the problem.
            QVERIFY(QString::fromLatin1(error.what()).contains(QStringLiteral("unknown GGUF version 7")));
        }
        writeFile(path(QStringLiteral("pytorch_model.bin")), QByteArray("\x80\x02}q\x00", 5));
        try {
            openCheckpoint(path(QStringLiteral("pytorch_model.bin")).toStdString());
            QFAIL("pickle accepted");
        } catch (const CheckpointError& error) {
            QVERIFY(QString::fromLatin1(error.what()).contains(QStringLiteral("pickle")));
            QVERIFY(QString::fromLatin1(error.what()).contains(QStringLiteral("safetensors")));
        }
        // A broken config.json beside the weights is an error naming config.json and the field.
        QTemporaryDir withConfig;
        writeFile(withConfig.filePath(QStringLiteral("model.safetensors")),
            safetensorsBytes(J("{'w':{'dtype':'F32','shape':[1],'data_offsets':[0,4]}}"), QByteArray(4, '\0')));
        writeFile(withConfig.filePath(QStringLiteral("config.json")), QByteArray("{\"hidden_size\": \"256\"}"));
        try {
            openCheckpoint(withConfig.path().toStdString());
            QFAIL("a broken config.json was ignored");
        } catch (const CheckpointError& error) {
            const QString message = QString::fromLatin1(error.what());
            QVERIFY2(message.contains(QStringLiteral("config.json: key 'hidden_size' must be a positive integer")),
                qPrintable(message));
        }
        QTemporaryDir empty;
        try {
            openCheckpoint(empty.path().toStdString());
            QFAIL("empty folder accepted");
        } catch (const CheckpointError& error) {
            QVERIFY(QString::fromLatin1(error.what()).contains(QStringLiteral("holds no checkpoint")));
        }
    }

    // Mutated and truncated copies of a valid file: every outcome is either a checkpoint whose
    // tensors can be read, or a CheckpointError. Nothing else (crash, other exception) is allowed.
    void mutationsNeverCrash()
    {
        const QByteArray header = J("{'__metadata__':{'format':'pt'},")
            + J("'a':{'dtype':'BF16','shape':[2,3],'data_offsets':[0,12]},")
            + J("'b':{'dtype':'F32','shape':[3],'data_offsets':[12,24]}}");
        const QByteArray valid = safetensorsBytes(header, QByteArray(24, '\x11'));
        QRandomGenerator random(20261123);
        int accepted = 0;
        int rejected = 0;
        for (int round = 0; round < 3000; ++round) {
            QByteArray bytes = valid;
            if (round % 5 == 0) {
                bytes.truncate(static_cast<qsizetype>(random.bounded(valid.size())));
            } else {
                const int flips = 1 + random.bounded(4);
                for (int i = 0; i < flips; ++i) {
                    const auto at = static_cast<qsizetype>(random.bounded(bytes.size()));
                    bytes[at] = static_cast<char>(random.bounded(256));
                }
            }
            const QString file = path(QStringLiteral("fuzz.safetensors"));
            writeFile(file, bytes);
            try {
                const auto checkpoint = openCheckpoint(file.toStdString());
                Progress progress;
                for (std::size_t i = 0; i < checkpoint->tensors().size(); ++i)
                    computeStats(checkpoint->tensor(i), progress, {});
                ++accepted;
            } catch (const CheckpointError&) {
                ++rejected;
            }
        }
        QVERIFY(accepted > 0);
        QVERIFY(rejected > 1000);
    }
};

QTEST_GUILESS_MAIN(TestSafetensorsCheckpoint)
#include "tst_safetensorscheckpoint.moc"
