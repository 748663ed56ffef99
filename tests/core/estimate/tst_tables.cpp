// The bundled data tables: sizes the issue asks for, every row sourced, shapes consistent with
// parameter counts, and loader errors that name the file, the row and the key.
#include "estimate/ArchitectureTable.h"
#include "estimate/BundledTables.h"
#include "estimate/DataTable.h"
#include "estimate/DecisionGuide.h"
#include "estimate/HardwareTierTable.h"
#include "estimate/LandscapeTable.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace complab;

class TestTables : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void architecturesCoverHalfABillionToFourHundredBillion()
    {
        const auto& table = defaultArchitectureTable();
        QVERIFY(table.rows().size() >= 20);
        double smallest = 1e30;
        double largest = 0;
        for (const auto& row : table.rows()) {
            smallest = std::min(smallest, row.parameters);
            largest = std::max(largest, row.parameters);
            QVERIFY2(!row.source.empty(), row.name.c_str());
            // The published count agrees with the shape within 15 % (Gemma 3 counts its vision tower).
            const double ratio = row.parametersFromShape() / row.parameters;
            QVERIFY2(ratio > 0.85 && ratio < 1.15,
                qPrintable(QStringLiteral("%1: shape gives %2 x the published count")
                               .arg(QString::fromStdString(row.name))
                               .arg(ratio)));
        }
        QVERIFY(smallest <= 0.5e9);
        QVERIFY(largest >= 405e9);
        for (const char* family : {"Llama 3.1", "Llama 3.2", "Qwen2.5", "Qwen3", "Mistral", "Mixtral", "Gemma 2",
                 "Gemma 3", "Phi-3", "Phi-4", "DeepSeek-R1-Distill"}) {
            bool present = false;
            for (const auto& row : table.rows())
                present = present || row.family == family;
            QVERIFY2(present, family);
        }
    }

    void llama31_8bIsExact()
    {
        const auto* llama = defaultArchitectureTable().find("llama-3.1-8b");
        QVERIFY(llama);
        QCOMPARE(llama->parametersFromShape(), 8030261248.0 - 32 * 2 * 4096 - 4096); // norms aside
        QCOMPARE(llama->parameters, 8030261248.0);
        QCOMPARE(QString::fromStdString(llama->shapeSummary()), QStringLiteral("32 layers, 8 KV heads x 128"));
    }

    void hardwareTiers()
    {
        const auto& table = defaultHardwareTierTable();
        QVERIFY(table.rows().size() >= 15);
        double previous = 0;
        QStringList kinds;
        for (const auto& tier : table.rows()) {
            QVERIFY(tier.usableBytes() >= previous);
            previous = tier.usableBytes();
            QVERIFY(!tier.examples.empty() && !tier.source.empty());
            kinds << QString::fromStdString(tier.kind);
        }
        for (const char* kind : {"phone", "single-board computer", "apple-silicon", "consumer-gpu", "workstation-gpu",
                 "datacentre-gpu", "multi-gpu"})
            QVERIFY2(kinds.contains(QString::fromUtf8(kind)), kind);
        for (const char* id : {"gpu-8gb", "gpu-12gb", "gpu-16gb", "gpu-24gb", "gpu-32gb", "datacentre-192gb"})
            QVERIFY2(table.find(id), id);
        // Metal lets one process use 2/3 of an 8 GB Mac: 5.73 GB.
        const auto* mac = table.find("Apple Silicon 8 GB");
        QVERIFY(mac);
        QCOMPARE(QString::number(mac->usableBytes() / 1e9, 'f', 2), QStringLiteral("5.73"));
    }

    void landscape()
    {
        const auto& table = defaultLandscapeTable();
        QVERIFY(table.rows().size() >= 25);
        const auto* reference = table.find("Llama-3.1-8B");
        QVERIFY(reference);
        QCOMPARE(reference->quality, 100.0);
        int groups[4] = {};
        for (const auto& row : table.rows()) {
            QVERIFY(!row.source.empty());
            QVERIFY(qAbs(row.quality - 100.0 * row.mmlu / reference->mmlu) < 0.051);
            QVERIFY(qAbs(row.fp16Bytes - 2 * row.parameters) < 1.0);
            QVERIFY(row.int4Bytes < row.fp16Bytes / 3);
            ++groups[static_cast<int>(row.group)];
            switch (row.group) {
            case LandscapeGroup::Tiny:
                QVERIFY(row.parameters <= 1.6e9);
                break;
            case LandscapeGroup::Small:
                QVERIFY(row.parameters > 1.6e9 && row.parameters <= 4.4e9);
                break;
            case LandscapeGroup::Large:
                QVERIFY(row.parameters >= 40e9);
                break;
            case LandscapeGroup::GeneralPurpose:
                QVERIFY(row.parameters > 4.4e9 && row.parameters < 40e9);
                break;
            }
        }
        for (int count : groups)
            QVERIFY(count >= 3);
    }

    void decisionGuide()
    {
        const auto& guide = defaultDecisionGuide();
        QCOMPARE(guide.rows().size(), std::size_t(5));
        for (const char* id :
            {"consumer-self-hosting", "datacentre-production", "edge", "long-context", "domain-fine-tuning"}) {
            const auto* entry = guide.find(id);
            QVERIFY2(entry, id);
            QVERIFY(entry->scheme);
            QVERIFY(!entry->firstReach.empty() && !entry->caveat.empty());
        }
        QVERIFY(guide.find("edge")->distillFactor > 1.0);
        QVERIFY(guide.find("long-context")->context >= 32768);
        QCOMPARE(guide.find("long-context")->kvType, KvCacheType::Q4_0);
    }

    void bundledTextEqualsTheResourceFile_data()
    {
        QTest::addColumn<QString>("file");
        for (const char* file : {"architectures.json", "hardware_tiers.json", "landscape.json", "decision_guide.json"})
            QTest::addRow("%s", file) << QString::fromUtf8(file);
    }
    void bundledTextEqualsTheResourceFile()
    {
        QFETCH(QString, file);
        QFile source(QStringLiteral(COMPLAB_SOURCE_DIR "/resources/data/") + file);
        QVERIFY(source.open(QIODevice::ReadOnly));
        const auto bundled = bundledTableJson(file.toStdString());
        QCOMPARE(QByteArray(bundled.data(), static_cast<qsizetype>(bundled.size())), source.readAll());
        QVERIFY(bundledTableJson("nothing.json").empty());
    }

    void loaderErrorsNameFileRowAndKey_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        const QByteArray good = "{\"name\": \"A\", \"parameters\": 1e9, \"layers\": 2, \"hidden_size\": 64, "
                                "\"attention_heads\": 4, \"key_value_heads\": 2, \"head_dim\": 16, "
                                "\"intermediate_size\": 128, \"vocab_size\": 100, \"max_context\": 512, "
                                "\"tied_embeddings\": false, \"source\": \"test\"}";
        QTest::addRow("missing key") << QByteArray("{\"rows\": [") + good + ", {\"name\": \"B\"}]}"
                                     << QStringLiteral("bad.json: row 2 (B): missing key \"parameters\"");
        QByteArray negative = good;
        negative.replace("\"layers\": 2", "\"layers\": -2");
        QTest::addRow("negative layers") << QByteArray("{\"rows\": [") + negative
                + "]}" << QStringLiteral("bad.json: row 1 (A): key \"layers\" must be a positive integer");
        QByteArray heads = good;
        heads.replace("\"key_value_heads\": 2", "\"key_value_heads\": 3");
        QTest::addRow("heads") << QByteArray("{\"rows\": [") + heads + "]}"
                               << QStringLiteral("row 1 (A): attention_heads must be a multiple of key_value_heads");
        QTest::addRow("duplicate") << QByteArray("{\"rows\": [") + good + "," + good + "]}"
                                   << QStringLiteral("row 2 (A): the name \"A\" is listed twice");
        QTest::addRow("no rows") << QByteArray("{\"table\": 1}")
                                 << QStringLiteral("bad.json: the table has no \"rows\" array");
        QTest::addRow("not JSON") << QByteArray("{\"rows\": [") << QStringLiteral("bad.json: not valid JSON");
    }
    void loaderErrorsNameFileRowAndKey()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json);
        file.close();
        try {
            loadArchitectureTable(path.toStdString());
            QFAIL("accepted a malformed table");
        } catch (const TableError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(message), e.what());
        }
    }

    void loadersReadFiles()
    {
        QCOMPARE(loadHardwareTierTable(COMPLAB_SOURCE_DIR "/resources/data/hardware_tiers.json").rows().size(),
            defaultHardwareTierTable().rows().size());
        QCOMPARE(loadLandscapeTable(COMPLAB_SOURCE_DIR "/resources/data/landscape.json").rows().size(),
            defaultLandscapeTable().rows().size());
        QCOMPARE(
            loadDecisionGuide(COMPLAB_SOURCE_DIR "/resources/data/decision_guide.json").rows().size(), std::size_t(5));
        QVERIFY_THROWS_EXCEPTION(TableError, loadArchitectureTable("/nonexistent/architectures.json"));
    }
};

QTEST_GUILESS_MAIN(TestTables)
#include "tst_tables.moc"
