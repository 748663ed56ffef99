// compression-lab-cli tokenize and inspect's tokenizer field: the published llama2.c example, the
// sample model's tokenizer.model and tokenizer.bin agreeing through the CLI, --no-bos, and exit 2
// with a message for a model without a tokenizer and for a malformed tokenizer file.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "CliRunner.h"

using complab::test::runCli;

namespace {

QJsonObject jsonOf(const QStringList& arguments)
{
    const auto result = runCli(arguments);
    if (result.exitCode != 0)
        qWarning("%s", result.err.constData());
    return QJsonDocument::fromJson(result.out).object();
}

QList<int> idsOf(const QJsonObject& root)
{
    QList<int> ids;
    for (const auto& id : root.value(QStringLiteral("ids")).toArray())
        ids.append(id.toInt());
    return ids;
}

} // namespace

class TestCliTokenize : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void publishedExample()
    {
        const QString tokenizer = QStringLiteral(COMPLAB_SHARED_DATA_DIR "/models/llama2-tokenizer/tokenizer.bin");
        if (!QFileInfo::exists(tokenizer))
            QSKIP("shared llama2 tokenizer not present");
        const auto root = jsonOf({QStringLiteral("tokenize"), tokenizer, QStringLiteral("--text"),
            QStringLiteral("Once upon a time"), QStringLiteral("--json")});
        QCOMPARE(idsOf(root), (QList<int>{1, 9038, 2501, 263, 931}));
        QCOMPARE(root.value(QStringLiteral("pieces")).toArray().at(1).toString(), QStringLiteral(" Once"));
        QCOMPARE(root.value(QStringLiteral("decoded")).toString(), QStringLiteral("Once upon a time"));
        QCOMPARE(
            root.value(QStringLiteral("tokenizer")).toObject().value(QStringLiteral("vocabulary_size")).toInt(), 32000);
    }

    void sampleFormatsAgree_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addRow("story opening") << QStringLiteral("Once upon a time, there was a little girl named Lily.");
        QTest::addRow("digits and a newline") << QStringLiteral("She had 3 cats.\nThey were happy!");
        QTest::addRow("non-ASCII") << QStringLiteral("The caf\u00e9 sold cr\u00e8me br\u00fbl\u00e9e \u2014 yum.");
    }

    void sampleFormatsAgree()
    {
        QFETCH(QString, text);
        const QString folder = QStringLiteral(COMPLAB_SAMPLE_DIR);
        const auto fromFolder
            = jsonOf({QStringLiteral("tokenize"), folder, QStringLiteral("--text"), text, QStringLiteral("--json")});
        const auto fromBin = jsonOf({QStringLiteral("tokenize"), folder + QStringLiteral("/tokenizer.bin"),
            QStringLiteral("--text"), text, QStringLiteral("--json")});
        QCOMPARE(
            fromFolder.value(QStringLiteral("tokenizer")).toObject().value(QStringLiteral("description")).toString(),
            QStringLiteral("SentencePiece tokenizer.model (BPE)"));
        QCOMPARE(fromBin.value(QStringLiteral("tokenizer")).toObject().value(QStringLiteral("description")).toString(),
            QStringLiteral("llama2.c tokenizer.bin"));
        QVERIFY(idsOf(fromFolder).size() > 5);
        QCOMPARE(idsOf(fromFolder).first(), 1);
        QCOMPARE(idsOf(fromFolder), idsOf(fromBin));
        QCOMPARE(fromFolder.value(QStringLiteral("decoded")).toString(), text);
        const auto withoutBos = jsonOf({QStringLiteral("tokenize"), folder, QStringLiteral("--text"), text,
            QStringLiteral("--json"), QStringLiteral("--no-bos")});
        QCOMPARE(idsOf(withoutBos), idsOf(fromFolder).mid(1));
    }

    void table()
    {
        const auto result = runCli({QStringLiteral("tokenize"), QStringLiteral(COMPLAB_SAMPLE_DIR),
            QStringLiteral("--text"), QStringLiteral("a\nb")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains("tokenizer: SentencePiece tokenizer.model (BPE), 2048 tokens"), result.out);
        QVERIFY2(result.out.contains("<0x0A>"), result.out);
    }

    void inspectHasTokenizer()
    {
        const auto root
            = jsonOf({QStringLiteral("inspect"), QStringLiteral(COMPLAB_SAMPLE_DIR), QStringLiteral("--json")});
        const auto tokenizer = root.value(QStringLiteral("tokenizer")).toObject();
        QCOMPARE(tokenizer.value(QStringLiteral("description")).toString(),
            QStringLiteral("SentencePiece tokenizer.model (BPE)"));
        QCOMPARE(tokenizer.value(QStringLiteral("vocabulary_size")).toInt(), 2048);
        QCOMPARE(tokenizer.value(QStringLiteral("bos_id")).toInt(), 1);
    }

    void failures_data()
    {
        QTest::addColumn<QString>("tokenizerBytes"); // empty: no tokenizer file at all
        QTest::addColumn<QString>("message");
        QTest::addRow("no tokenizer") << QString() << QStringLiteral("no usable tokenizer.model");
        QTest::addRow("malformed tokenizer.model")
            << QStringLiteral("\n\x05hello") << QStringLiteral("SentencePiece model");
    }

    void failures()
    {
        QFETCH(QString, tokenizerBytes);
        QFETCH(QString, message);
        const QString folder = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_'));
        QVERIFY(QDir().mkpath(folder));
        for (const char* name : {"model.safetensors", "config.json"})
            QVERIFY(QFile::copy(QStringLiteral(COMPLAB_SAMPLE_DIR "/") + QString::fromLatin1(name),
                folder + u'/' + QString::fromLatin1(name)));
        if (!tokenizerBytes.isEmpty()) {
            QFile file(folder + QStringLiteral("/tokenizer.model"));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(tokenizerBytes.toLatin1());
        }
        const auto result
            = runCli({QStringLiteral("tokenize"), folder, QStringLiteral("--text"), QStringLiteral("hi")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.startsWith("error: "), result.err);
        QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err);
        // inspect still lists the tensors and says why there is no tokenizer.
        const auto root = jsonOf({QStringLiteral("inspect"), folder, QStringLiteral("--json")});
        QCOMPARE(root.value(QStringLiteral("tensors")).toArray().size(), 38);
        const auto tokenizer = root.value(QStringLiteral("tokenizer")).toObject();
        QVERIFY(tokenizer.value(QStringLiteral("description")).isNull());
        QVERIFY2(tokenizer.value(QStringLiteral("problem")).toString().contains(message),
            qPrintable(tokenizer.value(QStringLiteral("problem")).toString()));
    }
};

QTEST_GUILESS_MAIN(TestCliTokenize)
#include "tst_cli_tokenize.moc"
