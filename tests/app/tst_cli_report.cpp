// `compression-lab-cli report`: every format from one command, the summary it prints is the
// report's, quality only with --text, wrong usage exits 1 without writing, and the model is never
// modified.
#include "CliRunner.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using complab::test::runCli;

namespace {

const QString sampleDir = QStringLiteral(COMPLAB_SAMPLE_DIR);

QByteArray sha256(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

} // namespace

class TestCliReport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_recipe;

private Q_SLOTS:
    void initTestCase()
    {
        m_recipe = m_dir.filePath(QStringLiteral("r.json"));
        const auto made = runCli({QStringLiteral("recipe"), sampleDir, QStringLiteral("--scheme"),
            QStringLiteral("q4_k"), QStringLiteral("--save"), m_recipe});
        QCOMPARE(made.exitCode, 0);
    }

    void everyFormat_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("magic");
        QTest::addRow("html") << "r.html" << QByteArray("<!DOCTYPE html>");
        QTest::addRow("pdf") << "r.pdf" << QByteArray("%PDF-1.4");
        QTest::addRow("csv") << "r.csv" << QByteArray("tensor,shape,");
        QTest::addRow("h5") << "r.h5" << QByteArray("\x89HDF\r\n\x1a\n");
    }

    void everyFormat()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, magic);
        const QString model = sampleDir + QStringLiteral("/model.safetensors");
        const QByteArray before = sha256(model);
        const QString out = m_dir.filePath(name);
        const auto run = runCli({QStringLiteral("report"), sampleDir, QStringLiteral("--recipe"), m_recipe,
            QStringLiteral("--out"), out, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(json.value(QStringLiteral("tensors")).toInt(), 38);
        QCOMPARE(json.value(QStringLiteral("compressed_tensors")).toInt(), 29);
        QVERIFY(json.value(QStringLiteral("bits_per_weight")).toDouble() > 4.5); // Q4_K is 4.5 plus BF16 norms
        QVERIFY(json.contains(QStringLiteral("quality_not_measured")));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.read(magic.size()), magic);
        QCOMPARE(json.value(QStringLiteral("output_bytes")).toInteger(), file.size());
        QCOMPARE(sha256(model), before);
    }

    void qualityWithText()
    {
        const QString out = m_dir.filePath(QStringLiteral("q.html"));
        const auto run = runCli({QStringLiteral("report"), sampleDir, QStringLiteral("--recipe"), m_recipe,
            QStringLiteral("--out"), out, QStringLiteral("--text"),
            sampleDir + QStringLiteral("/lab-tinystories-heldout.txt"), QStringLiteral("--tokens"),
            QStringLiteral("256"), QStringLiteral("--no-sweep"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        const double base = json.value(QStringLiteral("perplexity_original")).toDouble();
        const double compressed = json.value(QStringLiteral("perplexity_compressed")).toDouble();
        QVERIFY(base > 1.0);
        QVERIFY(compressed > base && compressed < 1.2 * base);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("Measured quality"));
    }

    void wrongUsageWritesNothing()
    {
        const QString out = m_dir.filePath(QStringLiteral("r.docx"));
        const auto run = runCli(
            {QStringLiteral("report"), sampleDir, QStringLiteral("--recipe"), m_recipe, QStringLiteral("--out"), out});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(".html, .pdf, .csv, .h5"));
        QVERIFY(!QFile::exists(out));

        // A recipe made for another model is refused unless --ignore-source.
        QFile recipe(m_recipe);
        QVERIFY(recipe.open(QIODevice::ReadOnly));
        QJsonObject document = QJsonDocument::fromJson(recipe.readAll()).object();
        QJsonObject source = document.value(QStringLiteral("source")).toObject();
        source[QStringLiteral("size_bytes")] = 12345;
        document[QStringLiteral("source")] = source;
        const QString other = m_dir.filePath(QStringLiteral("other.json"));
        QFile otherFile(other);
        QVERIFY(otherFile.open(QIODevice::WriteOnly));
        otherFile.write(QJsonDocument(document).toJson());
        otherFile.close();
        const QString html = m_dir.filePath(QStringLiteral("other.html"));
        const auto refused = runCli(
            {QStringLiteral("report"), sampleDir, QStringLiteral("--recipe"), other, QStringLiteral("--out"), html});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.err.contains("--ignore-source"));
        QVERIFY(!QFile::exists(html));
        const auto forced = runCli({QStringLiteral("report"), sampleDir, QStringLiteral("--recipe"), other,
            QStringLiteral("--out"), html, QStringLiteral("--ignore-source")});
        QCOMPARE(forced.exitCode, 0);
        QVERIFY(QFile::exists(html));
    }
};

QTEST_GUILESS_MAIN(TestCliReport)
#include "tst_cli_report.moc"
