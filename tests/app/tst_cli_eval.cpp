// `compression-lab-cli eval` and `generate` on the bundled sample model and text: JSON fields,
// the token limit, compare mode (KLD grows as bits fall), greedy decoding reproducing the model's
// published sample, and the documented exit codes with one "error:" line.
#include "CliRunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using complab::test::runCli;

namespace {

const QString sampleDir = QStringLiteral(COMPLAB_SAMPLE_DIR);
const QString sampleText = QStringLiteral(COMPLAB_SAMPLE_DIR "/lab-tinystories-heldout.txt");

QStringList evalArguments(const QStringList& extra)
{
    return QStringList{QStringLiteral("eval"), sampleDir, QStringLiteral("--text"), sampleText,
               QStringLiteral("--doc-separator"), QStringLiteral("<|endoftext|>"), QStringLiteral("--json")}
    + extra;
}

QJsonObject jsonOf(const complab::test::CliRun& run)
{
    return QJsonDocument::fromJson(run.out).object();
}

} // namespace

class TestCliEval : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void perplexityJson()
    {
        const auto run = runCli(evalArguments({QStringLiteral("--max-docs"), QStringLiteral("3")}));
        QCOMPARE(run.exitCode, 0);
        const auto root = jsonOf(run);
        const double perplexity = root.value(QStringLiteral("perplexity")).toDouble();
        QVERIFY2(perplexity > 4 && perplexity < 30, qPrintable(QString::number(perplexity)));
        QVERIFY(root.value(QStringLiteral("tokens")).toInt() > 300);
        QCOMPARE(root.value(QStringLiteral("documents")).toInt(), 3);
        QCOMPARE(root.value(QStringLiteral("context")).toInt(), 256);

        const auto limited = jsonOf(runCli(evalArguments({QStringLiteral("--tokens"), QStringLiteral("200")})));
        QCOMPARE(limited.value(QStringLiteral("tokens")).toInt(), 200);
    }

    void compareScheme()
    {
        const auto q8 = jsonOf(runCli(evalArguments({QStringLiteral("--tokens"), QStringLiteral("300"),
            QStringLiteral("--compare-scheme"), QStringLiteral("q8_0")})));
        const auto int2 = jsonOf(runCli(evalArguments({QStringLiteral("--tokens"), QStringLiteral("300"),
            QStringLiteral("--compare-scheme"), QStringLiteral("int2")})));
        const auto a = q8.value(QStringLiteral("compared")).toObject();
        const auto b = int2.value(QStringLiteral("compared")).toObject();
        QCOMPARE(q8.value(QStringLiteral("tokens")).toInt(), 300);
        QCOMPARE(q8.value(QStringLiteral("original")).toObject().value(QStringLiteral("perplexity")).toDouble(),
            q8.value(QStringLiteral("perplexity")).toDouble());
        for (const auto* key : {"perplexity", "delta_perplexity", "mean_kld", "p99_kld", "same_top"})
            QVERIFY2(a.contains(QLatin1String(key)), key);
        QVERIFY(a.value(QStringLiteral("mean_kld")).toDouble() > 0);
        QVERIFY(a.value(QStringLiteral("mean_kld")).toDouble() < 0.01);
        QVERIFY(a.value(QStringLiteral("same_top")).toDouble() > 0.95);
        QCOMPARE(a.value(QStringLiteral("bits_per_weight")).toDouble(), 8.5);
        QVERIFY(b.value(QStringLiteral("mean_kld")).toDouble() > 10 * a.value(QStringLiteral("mean_kld")).toDouble());
        QVERIFY(b.value(QStringLiteral("delta_perplexity")).toDouble() > 0);
        QVERIFY(b.value(QStringLiteral("p99_kld")).toDouble() > b.value(QStringLiteral("median_kld")).toDouble());
    }

    void pruneSweepWithoutAScheme()
    {
        // A pruning sweep needs no --compare-scheme: the original is the baseline.
        const auto root = jsonOf(runCli(
            evalArguments({QStringLiteral("--tokens"), QStringLiteral("128"), QStringLiteral("--sweep-prune")})));
        const auto sweep = root.value(QStringLiteral("prune_sweep")).toArray();
        QCOMPARE(sweep.size(), 8); // 10..70 % and 2:4
        QCOMPARE(sweep.first().toObject().value(QStringLiteral("label")).toString(), QStringLiteral("10 % magnitude"));
        QCOMPARE(sweep.last().toObject().value(QStringLiteral("label")).toString(), QStringLiteral("2:4 magnitude"));
        QVERIFY(sweep.at(6).toObject().value(QStringLiteral("mean_kld")).toDouble()
            > sweep.at(0).toObject().value(QStringLiteral("mean_kld")).toDouble());
        QVERIFY(!root.contains(QStringLiteral("compared")));
    }

    void generateReproducesSample()
    {
        // The published greedy sample of lab-tinystories (its README); the bundled BF16 weights keep it.
        const auto run = runCli({QStringLiteral("generate"), sampleDir, QStringLiteral("--prompt"),
            QStringLiteral("Once upon a time"), QStringLiteral("--tokens"), QStringLiteral("40")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith("Once upon a time, there was a little girl named Lily. She loved to play outside "
                                    "in the sunshine. One day, she saw a big, red ball in the park."),
            run.out.constData());
        const auto stories = QStringLiteral(COMPLAB_SHARED_DATA_DIR "/models/stories260K/stories260K.bin");
        if (!QFile::exists(stories))
            QSKIP("shared data not available");
        const auto fromBos = runCli({QStringLiteral("generate"), stories, QStringLiteral("--prompt"), QString(),
            QStringLiteral("--tokens"), QStringLiteral("80")});
        QCOMPARE(fromBos.exitCode, 0);
        QVERIFY2(fromBos.out.startsWith("Once upon a time, there was a little girl named Lily. She loved to play "
                                        "outside in the park. One day, she saw a big, red ball. She wanted to play "
                                        "with it, but it was too high."),
            fromBos.out.constData());
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("mentions");
        QTest::addRow("missing text file") << QStringList{QStringLiteral("eval"), sampleDir, QStringLiteral("--text"),
            QStringLiteral("/nonexistent/text.txt")}
                                           << 2 << QStringLiteral("/nonexistent/text.txt");
        QTest::addRow("unknown scheme") << evalArguments({QStringLiteral("--compare-scheme"), QStringLiteral("int9")})
                                        << 1 << QStringLiteral("int9");
        QTest::addRow("not a model") << QStringList{QStringLiteral("eval"), sampleText, QStringLiteral("--text"),
            sampleText} << 2 << QStringLiteral("lab-tinystories-heldout.txt");
        QTest::addRow("no --text") << QStringList{QStringLiteral("eval"), sampleDir} << 1 << QStringLiteral("--text");
        QTest::addRow("text with nothing to predict") << QStringList{QStringLiteral("eval"), sampleDir,
            QStringLiteral("--text"), sampleText, QStringLiteral("--skip-docs"), QStringLiteral("1000")}
                                                      << 2 << QStringLiteral("no tokens to predict");
        QTest::addRow("mixed budget without scheme")
            << evalArguments({QStringLiteral("--mixed-budget"), QStringLiteral("4")}) << 1
            << QStringLiteral("--compare-scheme");
    }
    void errors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, mentions);
        const auto run = runCli(arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(QString::fromUtf8(run.err).contains(mentions), run.err.constData());
        if (exitCode == 2) {
            QVERIFY(run.err.startsWith("error: "));
            QCOMPARE(run.err.count('\n'), 1);
        }
    }

    void modelWithoutTokenizer()
    {
        const auto stories = QStringLiteral(COMPLAB_SHARED_DATA_DIR "/models/stories260K/stories260K.bin");
        if (!QFile::exists(stories))
            QSKIP("shared data not available");
        QTemporaryDir dir;
        const auto copy = dir.filePath(QStringLiteral("model.bin"));
        QVERIFY(QFile::copy(stories, copy));
        const auto run = runCli({QStringLiteral("eval"), copy, QStringLiteral("--text"), sampleText});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("no tokenizer") && run.err.contains("--tokenizer"), run.err.constData());
        const auto withTokenizer = runCli({QStringLiteral("eval"), copy, QStringLiteral("--tokenizer"),
            QStringLiteral(COMPLAB_SHARED_DATA_DIR "/models/stories260K/tok512.bin"), QStringLiteral("--text"),
            sampleText, QStringLiteral("--tokens"), QStringLiteral("100"), QStringLiteral("--json")});
        QCOMPARE(withTokenizer.exitCode, 0);
        QCOMPARE(jsonOf(withTokenizer).value(QStringLiteral("tokens")).toInt(), 100);
    }
};

QTEST_GUILESS_MAIN(TestCliEval)
#include "tst_cli_eval.moc"
