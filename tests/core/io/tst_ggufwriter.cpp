// The GGUF writer: copying a file ggml wrote (every key and tensor, in order) reproduces it byte
// for byte; a failed or cancelled write leaves neither a partial file nor a changed target.
#include "SafetensorsFixture.h"

#include "io/CheckpointError.h"
#include "io/GgufCheckpoint.h"
#include "io/GgufWriter.h"
#include "recipe/Progress.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace complab;

namespace {

GgufWriter copyOf(const GgufCheckpoint& source)
{
    GgufWriter writer(static_cast<std::uint32_t>(source.alignment()));
    for (const auto& [key, value] : source.keyValues())
        writer.addValue(key, value);
    for (const auto& tensor : source.tensors())
        writer.addTensor(tensor.name, tensor.dtype, tensor.shape);
    return writer;
}

} // namespace

class TestGgufWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void copiesGgmlFilesByteForByte_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addRow("lab q4_k") << QStringLiteral(
            COMPLAB_SHARED_DATA_DIR "/models/lab-tinystories-gguf/lab-tinystories-q4_k.gguf");
        QTest::addRow("260K f16") << QStringLiteral(
            COMPLAB_SHARED_DATA_DIR "/models/stories260K-gguf/stories260K-f16.gguf");
    }

    void copiesGgmlFilesByteForByte()
    {
        QFETCH(QString, file);
        const GgufCheckpoint source(file.toStdString());
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("copy.gguf"));
        Progress progress;
        copyOf(source).write(copy.toStdString(),
            [&](std::size_t i) {
                const auto bytes = source.tensor(i).bytes();
                return std::vector<std::byte>(bytes.begin(), bytes.end());
            },
            progress, {});
        QCOMPARE(test::readFile(copy), test::readFile(file));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("copy.gguf")});
    }

    void failedWriteLeavesNothing()
    {
        const GgufCheckpoint source(COMPLAB_SHARED_DATA_DIR "/models/stories260K-gguf/stories260K-f32.gguf");
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("out.gguf"));
        test::writeFile(target, QByteArray("previous contents"));
        Progress progress;
        const auto writer = copyOf(source);
        // A producer that fails half-way.
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
            writer.write(target.toStdString(),
                [&](std::size_t i) -> std::vector<std::byte> {
                    if (i == 10)
                        throw std::runtime_error("producer failed");
                    const auto bytes = source.tensor(i).bytes();
                    return {bytes.begin(), bytes.end()};
                },
                progress, {}));
        // A producer of the wrong size.
        QVERIFY_THROWS_EXCEPTION(CheckpointError,
            writer.write(target.toStdString(), [](std::size_t) { return std::vector<std::byte>(3); }, progress, {}));
        // A cancelled write.
        std::stop_source stop;
        stop.request_stop();
        QVERIFY_THROWS_EXCEPTION(Cancelled,
            writer.write(
                target.toStdString(), [](std::size_t) { return std::vector<std::byte>(); }, progress,
                stop.get_token()));
        QCOMPARE(test::readFile(target), QByteArray("previous contents"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("out.gguf")});
    }

    void rejectsImpossibleTensors()
    {
        GgufWriter writer;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, writer.addTensor("a", DType::Q4_K, {4, 100}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, writer.addTensor("b", DType::U32, {4}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, writer.addTensor("c", DType::F32, {1, 1, 1, 1, 1}));
        writer.addTensor("d", DType::Q8_0, {2, 64});
        QCOMPARE(writer.tensorCount(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestGgufWriter)
#include "tst_ggufwriter.moc"
