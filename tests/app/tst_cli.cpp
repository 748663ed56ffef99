// compression-lab-cli's contract: inspect --json on the sample, --stats, exit 2 with an error
// line on malformed input, exit 1 on wrong usage.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "CliRunner.h"

using complab::test::runCli;

class TestCli : public QObject
{
    Q_OBJECT
private:
private Q_SLOTS:
    void inspectJson()
    {
        const auto result = runCli({QStringLiteral("inspect"), QStringLiteral(COMPLAB_SAMPLE_DIR "/model.safetensors"),
            QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        QJsonParseError error;
        const auto document = QJsonDocument::fromJson(result.out, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const auto root = document.object();
        QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("safetensors"));
        QCOMPARE(root.value(QStringLiteral("total_parameters")).toInteger(), 3672320);
        QCOMPARE(root.value(QStringLiteral("total_bytes")).toInteger(), 3672320 * 2);
        const auto tensors = root.value(QStringLiteral("tensors")).toArray();
        QCOMPARE(tensors.size(), 38);
        qint64 sum = 0;
        for (const auto& value : tensors) {
            const auto tensor = value.toObject();
            QVERIFY(tensor.contains(QStringLiteral("name")));
            QCOMPARE(tensor.value(QStringLiteral("dtype")).toString(), QStringLiteral("BF16"));
            qint64 elements = 1;
            for (const auto& dimension : tensor.value(QStringLiteral("shape")).toArray())
                elements *= dimension.toInteger();
            QCOMPARE(tensor.value(QStringLiteral("bytes")).toInteger(), elements * 2);
            sum += elements;
        }
        QCOMPARE(sum, 3672320);
        QCOMPARE(root.value(QStringLiteral("config")).toObject().value(QStringLiteral("hidden_size")).toInt(), 256);
    }

    void inspectStats()
    {
        const auto result = runCli({QStringLiteral("inspect"), QStringLiteral(COMPLAB_SAMPLE_DIR),
            QStringLiteral("--stats"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const auto tensors = QJsonDocument::fromJson(result.out).object().value(QStringLiteral("tensors")).toArray();
        QCOMPARE(tensors.size(), 38);
        for (const auto& value : tensors) {
            const auto stats = value.toObject().value(QStringLiteral("stats")).toObject();
            QVERIFY(stats.value(QStringLiteral("min")).toDouble() <= stats.value(QStringLiteral("mean")).toDouble());
            QVERIFY(stats.value(QStringLiteral("mean")).toDouble() <= stats.value(QStringLiteral("max")).toDouble());
            QCOMPARE(stats.value(QStringLiteral("nan")).toInteger(), 0);
            qint64 total = 0;
            for (const auto& count :
                stats.value(QStringLiteral("histogram")).toObject().value(QStringLiteral("counts")).toArray())
                total += count.toInteger();
            QCOMPARE(total, stats.value(QStringLiteral("count")).toInteger());
        }
        const auto text
            = runCli({QStringLiteral("inspect"), QStringLiteral(COMPLAB_SAMPLE_DIR), QStringLiteral("--stats")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("model.layers.3.mlp.up_proj.weight"));
        QVERIFY(text.out.contains("3.67 M parameters"));
    }

    void malformedGivesExit2()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.safetensors"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("\xff\xff\xff\xff\0\0\0\0{}", 10));
        file.close();
        const auto result = runCli({QStringLiteral("inspect"), path, QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.out.isEmpty());
        const auto lines = result.err.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines[0].startsWith("error: "), lines[0].constData());
        QVERIFY2(lines[0].contains(path.toUtf8()), lines[0].constData());
        QVERIFY2(lines[0].contains("header length"), lines[0].constData());

        const auto missing = runCli({QStringLiteral("inspect"), dir.filePath(QStringLiteral("nothing.safetensors"))});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.startsWith("error: "));
    }

    void wrongUsageGivesExit1()
    {
        QCOMPARE(runCli({}).exitCode, 1);
        QCOMPARE(runCli({QStringLiteral("inspect")}).exitCode, 1);
        QCOMPARE(runCli({QStringLiteral("frobnicate")}).exitCode, 1);
        QCOMPARE(runCli({QStringLiteral("inspect"), QStringLiteral("x"), QStringLiteral("--bogus")}).exitCode, 1);
        QCOMPARE(runCli({QStringLiteral("--help")}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
