// Sharded safetensors: the bundled sample split over two shards reads as the same model; shard
// paths cannot leave the folder; missing shards and tensors listed twice are errors naming both.
#include "SafetensorsFixture.h"

#include "io/Checkpoint.h"
#include "io/CheckpointError.h"
#include "io/ShardedSafetensorsCheckpoint.h"
#include "tensor/TensorStats.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

using namespace complab;
using namespace complab::test;

namespace {

QByteArray indexJson(const QList<QPair<QByteArray, QByteArray>>& map)
{
    QByteArray text = "{\"metadata\":{\"total_size\":123},\"weight_map\":{";
    for (qsizetype i = 0; i < map.size(); ++i)
        text += (i ? "," : "") + ('"' + map[i].first + "\":\"" + map[i].second + '"');
    return text + "}}";
}

TensorBytes smallTensor(const QByteArray& name, float value)
{
    return {name, "F32", {2}, rawBytes<float>({value, -value})};
}

} // namespace

class TestShardedSafetensors : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sampleSplitInTwo()
    {
        const auto whole = openCheckpoint(COMPLAB_SAMPLE_DIR "/model.safetensors");
        QTemporaryDir dir;
        QList<TensorBytes> first;
        QList<TensorBytes> second;
        QList<QPair<QByteArray, QByteArray>> map;
        for (std::size_t i = 0; i < whole->tensors().size(); ++i) {
            const auto& info = whole->tensors()[i];
            const auto bytes = whole->tensor(i).bytes();
            QList<qint64> shape(info.shape.begin(), info.shape.end());
            const QByteArray shard = i < 20 ? "model-00001-of-00002.safetensors" : "model-00002-of-00002.safetensors";
            (i < 20 ? first : second)
                .append({QByteArray::fromStdString(info.name), "BF16", shape,
                    QByteArray(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size()))});
            map.append({QByteArray::fromStdString(info.name), shard});
        }
        writeFile(dir.filePath(QStringLiteral("model-00001-of-00002.safetensors")), safetensorsFile(first));
        writeFile(dir.filePath(QStringLiteral("model-00002-of-00002.safetensors")), safetensorsFile(second));
        writeFile(dir.filePath(QStringLiteral("model.safetensors.index.json")), indexJson(map));
        QFile::copy(QStringLiteral(COMPLAB_SAMPLE_DIR "/config.json"), dir.filePath(QStringLiteral("config.json")));

        // Opening the folder finds the index.
        const auto sharded = openCheckpoint(dir.path().toStdString());
        QCOMPARE(sharded->formatName(), std::string("safetensors (sharded)"));
        QCOMPARE(sharded->tensors().size(), whole->tensors().size());
        QCOMPARE(sharded->totalParameters(), whole->totalParameters());
        QVERIFY(sharded->config());
        QCOMPARE(sharded->metadata().at("total_size"), std::string("123"));
        const auto* typed = dynamic_cast<const ShardedSafetensorsCheckpoint*>(sharded.get());
        QVERIFY(typed);
        QCOMPARE(typed->shardCount(), std::size_t(2));
        for (std::size_t i = 0; i < whole->tensors().size(); ++i) {
            const auto index = *sharded->indexOf(whole->tensors()[i].name);
            const auto a = whole->tensor(i).bytes();
            const auto b = sharded->tensor(index).bytes();
            QVERIFY(std::equal(a.begin(), a.end(), b.begin(), b.end()));
            QCOMPARE(sharded->tensor(index).info().name, whole->tensors()[i].name);
        }
        Progress progress;
        const auto index = *sharded->indexOf("model.layers.3.mlp.up_proj.weight");
        const auto statsSharded = computeStats(sharded->tensor(index), progress, {});
        const auto statsWhole
            = computeStats(whole->tensor(*whole->indexOf("model.layers.3.mlp.up_proj.weight")), progress, {});
        QCOMPARE(statsSharded.mean, statsWhole.mean);
        QCOMPARE(statsSharded.histogram.counts, statsWhole.histogram.counts);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("index");
        QTest::addColumn<QString>("tensor");
        QTest::addColumn<QString>("problem");
        QTest::addRow("not json") << QByteArray("{") << ""
                                  << "index is not valid JSON";
        QTest::addRow("no weight_map") << QByteArray("{\"metadata\":{}}") << ""
                                       << "no 'weight_map' object";
        QTest::addRow("value not string") << QByteArray("{\"weight_map\":{\"a\":3}}") << "a"
                                          << "must be a shard file name";
        QTest::addRow("missing shard") << indexJson({{"a", "a.safetensors"}, {"z", "gone.safetensors"}}) << "z"
                                       << "shard 'gone.safetensors' is missing";
        QTest::addRow("parent path") << indexJson({{"a", "../a.safetensors"}}) << "a"
                                     << "leaves the index's folder";
        QTest::addRow("absolute path") << indexJson({{"a", "/etc/passwd"}}) << "a"
                                       << "must be relative";
        QTest::addRow("symlink out") << indexJson({{"a", "a.safetensors"}, {"b", "link.safetensors"}}) << "b"
                                     << "outside the index's folder";
        QTest::addRow("listed in wrong shard") << indexJson({{"a", "b.safetensors"}, {"b", "a.safetensors"}}) << "b"
                                               << "puts it in shard 'a.safetensors' but it is in shard 'b.safetensors'";
        QTest::addRow("unlisted tensor in shard") << indexJson({{"a", "dup.safetensors"}}) << "b"
                                                  << "is in shard 'dup.safetensors' but not in the weight_map";
        QTest::addRow("tensor in two shards")
            << indexJson({{"a", "a.safetensors"}, {"b", "dup.safetensors"}}) << "a"
            << "listed twice: in shard 'a.safetensors' and in shard 'dup.safetensors'";
        QTest::addRow("listed but absent")
            << indexJson({{"a", "a.safetensors"}, {"b", "b.safetensors"}, {"c", "b.safetensors"}}) << "c"
            << "which does not hold it";
        QTest::addRow("broken shard") << indexJson({{"a", "a.safetensors"}, {"x", "broken.safetensors"}}) << ""
                                      << "broken.safetensors: header length";
    }

    void errors()
    {
        QFETCH(QByteArray, index);
        QFETCH(QString, tensor);
        QFETCH(QString, problem);
        QTemporaryDir outside;
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("a.safetensors")), safetensorsFile({smallTensor("a", 1)}));
        writeFile(dir.filePath(QStringLiteral("b.safetensors")), safetensorsFile({smallTensor("b", 2)}));
        writeFile(dir.filePath(QStringLiteral("dup.safetensors")),
            safetensorsFile({smallTensor("a", 3), smallTensor("b", 4)}));
        writeFile(dir.filePath(QStringLiteral("broken.safetensors")), QByteArray("\xff\xff\xff\xff\0\0\0\0{}", 10));
        writeFile(outside.filePath(QStringLiteral("secret.safetensors")), safetensorsFile({smallTensor("b", 5)}));
        std::filesystem::create_symlink(outside.filePath(QStringLiteral("secret.safetensors")).toStdString(),
            dir.filePath(QStringLiteral("link.safetensors")).toStdString());
        const QString indexPath = dir.filePath(QStringLiteral("model.safetensors.index.json"));
        writeFile(indexPath, index);
        try {
            openCheckpoint(indexPath.toStdString());
            QFAIL("a bad sharded checkpoint was accepted");
        } catch (const CheckpointError& error) {
            const QString message = QString::fromStdString(error.what());
            QVERIFY2(message.contains(problem), qPrintable(message));
            QVERIFY2(message.startsWith(dir.path()), qPrintable(message));
            if (!tensor.isEmpty())
                QVERIFY2(message.contains(QStringLiteral("tensor '%1'").arg(tensor)), qPrintable(message));
        }
    }
};

QTEST_GUILESS_MAIN(TestShardedSafetensors)
#include "tst_shardedsafetensors.moc"
