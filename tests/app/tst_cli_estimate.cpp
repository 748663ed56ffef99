// compression-lab-cli estimate: the seed example as JSON and text, schemes and the llama.cpp
// profile, --fit's inverse questions, --model on the bundled sample, and the exit codes.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include "CliRunner.h"

class TestCliEstimate : public QObject
{
    Q_OBJECT
private:
    using Run = complab::test::CliRun;
    static Run run(QStringList arguments)
    {
        arguments.prepend(QStringLiteral("estimate"));
        return complab::test::runCli(arguments);
    }
    static QJsonObject json(const Run& result)
    {
        QJsonParseError error;
        const auto document = QJsonDocument::fromJson(result.out, &error);
        if (error.error != QJsonParseError::NoError)
            qFatal("estimate --json printed no JSON: %s", result.out.constData());
        return document.object();
    }

private Q_SLOTS:
    void seedExampleJson()
    {
        const auto result = run({QStringLiteral("--params"), QStringLiteral("8e9"), QStringLiteral("--bits"),
            QStringLiteral("4"), QStringLiteral("--context"), QStringLiteral("8192"), QStringLiteral("--runtime"),
            QStringLiteral("first-order"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.err.isEmpty());
        const auto root = json(result);
        QCOMPARE(root.value(QStringLiteral("disk_bytes")).toInteger(), Q_INT64_C(4000000000));
        QCOMPARE(qRound(root.value(QStringLiteral("fraction_smaller_than_fp32")).toDouble() * 100), 88);
        const qint64 vram = root.value(QStringLiteral("vram_bytes")).toInteger();
        QCOMPARE(QString::number(vram / 1e9, 'f', 1), QStringLiteral("5.2"));
        const auto terms = root.value(QStringLiteral("vram_terms")).toObject();
        QCOMPARE(terms.value(QStringLiteral("weights_bytes")).toInteger(), Q_INT64_C(4000000000));
        QCOMPARE(terms.value(QStringLiteral("kv_cache_bytes")).toInteger(), Q_INT64_C(1073741824));
        QCOMPARE(terms.value(QStringLiteral("activation_bytes")).toInteger(), Q_INT64_C(134217728));
        QCOMPARE(terms.value(QStringLiteral("runtime_overhead_bytes")).toInteger(), 0);
        qint64 sum = 0;
        for (const auto& term : terms)
            sum += term.toInteger();
        QCOMPARE(sum, vram);
        QCOMPARE(root.value(QStringLiteral("quality")).toDouble(), 0.94);
        QCOMPARE(root.value(QStringLiteral("quality_band")).toString(), QStringLiteral("noticeable drift"));
        const auto tier = root.value(QStringLiteral("tier")).toObject();
        QCOMPARE(tier.value(QStringLiteral("name")).toString(), QStringLiteral("Apple Silicon 8 GB"));
        QCOMPARE(
            tier.value(QStringLiteral("examples")).toString(), QStringLiteral("M-series unified memory, RTX 3060 8GB"));
        const auto architecture = root.value(QStringLiteral("architecture")).toObject();
        QCOMPARE(architecture.value(QStringLiteral("name")).toString(), QStringLiteral("Llama-3.1-8B"));
        QVERIFY(architecture.value(QStringLiteral("assumed")).toBool());
    }

    void seedExampleText()
    {
        const auto result = run({QStringLiteral("--params"), QStringLiteral("8e9"), QStringLiteral("--bits"),
            QStringLiteral("4"), QStringLiteral("--runtime"), QStringLiteral("first-order")});
        QCOMPARE(result.exitCode, 0);
        const auto text = QString::fromUtf8(result.out);
        QVERIFY2(text.contains(QStringLiteral("assuming Llama-3.1-8B-like: 32 layers, 8 KV heads x 128")), result.out);
        QVERIFY(text.contains(QStringLiteral("4.0 GB  (88% smaller than FP32)")));
        QVERIFY(text.contains(QStringLiteral("VRAM required     5.2 GB")));
        QVERIFY(text.contains(QStringLiteral("94.0%  (noticeable drift)")));
        QVERIFY(text.contains(QStringLiteral("Apple Silicon 8 GB  (M-series unified memory, RTX 3060 8GB)")));
    }

    void llamaCppProfile_data()
    {
        QTest::addColumn<QString>("flashAttention");
        QTest::addColumn<qint64>("computeBytes");
        // Llama-3-8B at n_ctx 8192, n_ubatch 512: 560 MiB without flash attention, 258.5 MiB with it.
        QTest::addRow("off") << QStringLiteral("off") << Q_INT64_C(587202560);
        QTest::addRow("on") << QStringLiteral("on") << Q_INT64_C(271056896);
    }
    void llamaCppProfile()
    {
        QFETCH(QString, flashAttention);
        QFETCH(qint64, computeBytes);
        const auto result = run({QStringLiteral("--arch"), QStringLiteral("Llama-3.1-8B"), QStringLiteral("--scheme"),
            QStringLiteral("q4_k"), QStringLiteral("--flash-attention"), flashAttention, QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const auto root = json(result);
        QCOMPARE(root.value(QStringLiteral("runtime")).toString(), QStringLiteral("llama.cpp"));
        QCOMPARE(root.value(QStringLiteral("bits_per_weight")).toDouble(), 4.5);
        QVERIFY(!root.value(QStringLiteral("architecture")).toObject().value(QStringLiteral("assumed")).toBool());
        const auto terms = root.value(QStringLiteral("vram_terms")).toObject();
        QCOMPARE(terms.value(QStringLiteral("activation_bytes")).toInteger(), computeBytes);
        QCOMPARE(terms.value(QStringLiteral("kv_cache_bytes")).toInteger(), Q_INT64_C(1073741824));
        QCOMPARE(terms.value(QStringLiteral("runtime_overhead_bytes")).toInteger(), Q_INT64_C(457) * 1024 * 1024);
        QVERIFY(root.value(QStringLiteral("host_bytes")).toInteger() > 0);
    }

    void quantisedKvCacheAndPruning()
    {
        const auto f16 = json(run({QStringLiteral("--params"), QStringLiteral("8e9"), QStringLiteral("--bits"),
            QStringLiteral("4"), QStringLiteral("--prune"), QStringLiteral("0.5"), QStringLiteral("--distill"),
            QStringLiteral("1"), QStringLiteral("--json")}));
        QCOMPARE(f16.value(QStringLiteral("quality")).toDouble(), 0.94 * 0.90);
        QCOMPARE(f16.value(QStringLiteral("disk_bytes")).toInteger(), Q_INT64_C(2000000000));
        const auto q8 = json(run({QStringLiteral("--params"), QStringLiteral("8e9"), QStringLiteral("--bits"),
            QStringLiteral("4"), QStringLiteral("--kv-type"), QStringLiteral("q8_0"), QStringLiteral("--json")}));
        QCOMPARE(q8.value(QStringLiteral("vram_terms")).toObject().value(QStringLiteral("kv_cache_bytes")).toInteger(),
            Q_INT64_C(1073741824) * 34 / 64);
        QVERIFY(q8.value(QStringLiteral("warning")).toString().contains(QStringLiteral("flash-attention")));
    }

    void fitAnswersTheInverseQuestions()
    {
        const auto result = run({QStringLiteral("--params"), QStringLiteral("8e9"), QStringLiteral("--bits"),
            QStringLiteral("4"), QStringLiteral("--fit"), QStringLiteral("gpu-24gb"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const auto fit = json(result).value(QStringLiteral("fit")).toObject();
        QVERIFY(fit.value(QStringLiteral("fits")).toBool());
        QVERIFY(fit.value(QStringLiteral("longest_context")).toInteger() > 8192);
        QVERIFY(!fit.value(QStringLiteral("best_scheme")).toString().isEmpty());
        QVERIFY(!fit.value(QStringLiteral("largest_model")).toString().isEmpty());
        const auto ladder = fit.value(QStringLiteral("offload_ladder")).toArray();
        QCOMPARE(ladder.size(), 33);
        QVERIFY(ladder.last().toObject().value(QStringLiteral("fits")).toBool());
        QCOMPARE(ladder.first().toObject().value(QStringLiteral("vram_bytes")).toInteger(), 0);

        // A size works as a device too; 70B at INT4 does not fit 24 GB.
        const auto big = json(run({QStringLiteral("--arch"), QStringLiteral("Llama-3.1-70B"), QStringLiteral("--bits"),
            QStringLiteral("4"), QStringLiteral("--fit"), QStringLiteral("24GB"), QStringLiteral("--json")}));
        const auto bigFit = big.value(QStringLiteral("fit")).toObject();
        QVERIFY(!bigFit.value(QStringLiteral("fits")).toBool());
        QCOMPARE(bigFit.value(QStringLiteral("device")).toObject().value(QStringLiteral("usable_bytes")).toInteger(),
            Q_INT64_C(24000000000));
    }

    void modelFromTheSample()
    {
        const auto result
            = run({QStringLiteral("--model"), QStringLiteral(COMPLAB_SAMPLE_DIR), QStringLiteral("--bits"),
                QStringLiteral("8"), QStringLiteral("--context"), QStringLiteral("256"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const auto root = json(result);
        QCOMPARE(root.value(QStringLiteral("parameters")).toInteger(), 3672320);
        QCOMPARE(root.value(QStringLiteral("disk_bytes")).toInteger(), 3672320);
        const auto architecture = root.value(QStringLiteral("architecture")).toObject();
        QVERIFY(!architecture.value(QStringLiteral("assumed")).toBool());
        QCOMPARE(architecture.value(QStringLiteral("hidden_size")).toInt(), 256);
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addRow("no model") << QStringList{QStringLiteral("--bits"), QStringLiteral("4")} << 1;
        QTest::addRow("no precision") << QStringList{QStringLiteral("--params"), QStringLiteral("8e9")} << 1;
        QTest::addRow("two models") << QStringList{QStringLiteral("--params"), QStringLiteral("8e9"),
            QStringLiteral("--arch"), QStringLiteral("Phi-4"), QStringLiteral("--bits"), QStringLiteral("4")}
                                    << 1;
        QTest::addRow("bad runtime") << QStringList{QStringLiteral("--params"), QStringLiteral("8e9"),
            QStringLiteral("--bits"), QStringLiteral("4"), QStringLiteral("--runtime"), QStringLiteral("vllm")}
                                     << 1;
        QTest::addRow("prune 1.5") << QStringList{QStringLiteral("--params"), QStringLiteral("8e9"),
            QStringLiteral("--bits"), QStringLiteral("4"), QStringLiteral("--prune"), QStringLiteral("1.5")}
                                   << 2;
        QTest::addRow("bits 0") << QStringList{QStringLiteral("--params"), QStringLiteral("8e9"),
            QStringLiteral("--bits"), QStringLiteral("0")}
                                << 2;
        QTest::addRow("unknown scheme") << QStringList{QStringLiteral("--params"), QStringLiteral("8e9"),
            QStringLiteral("--scheme"), QStringLiteral("q7_z")}
                                        << 2;
        QTest::addRow("bits contradict scheme") << QStringList{QStringLiteral("--params"), QStringLiteral("8e9"),
            QStringLiteral("--bits"), QStringLiteral("8"), QStringLiteral("--scheme"), QStringLiteral("q4_k")}
                                                << 2;
        QTest::addRow("unknown arch") << QStringList{QStringLiteral("--arch"), QStringLiteral("GPT-5"),
            QStringLiteral("--bits"), QStringLiteral("4")}
                                      << 2;
        QTest::addRow("unknown device") << QStringList{QStringLiteral("--params"), QStringLiteral("8e9"),
            QStringLiteral("--bits"), QStringLiteral("4"), QStringLiteral("--fit"), QStringLiteral("toaster")}
                                        << 2;
        QTest::addRow("missing model") << QStringList{QStringLiteral("--model"), QStringLiteral("/nonexistent/model"),
            QStringLiteral("--bits"), QStringLiteral("4")}
                                       << 2;
    }
    void exitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        const auto result = run(arguments);
        QCOMPARE(result.exitCode, exitCode);
        QVERIFY(result.out.isEmpty());
        if (exitCode == 2) {
            QVERIFY2(result.err.startsWith("error: "), result.err);
            QCOMPARE(result.err.count('\n'), 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestCliEstimate)
#include "tst_cli_estimate.moc"
