// VRAM terms: the KV cache (GQA, sliding windows, quantised types, the hidden-size trap), the
// first-order activation term, and llama.cpp's compute buffer against the sizes llama.cpp logs.
#include "estimate/ArchitectureTable.h"
#include "estimate/VramEstimate.h"

#include <QTest>

using namespace complab;

namespace {

constexpr double MiB = 1024.0 * 1024.0;

const Architecture& arch(const char* name)
{
    const auto* found = defaultArchitectureTable().find(name);
    if (!found)
        qFatal("architecture %s missing from the bundled table", name);
    return *found;
}

} // namespace

class TestVramEstimate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void kvCacheOfRealModels_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<qint64>("context");
        QTest::addColumn<QString>("kvType");
        QTest::addColumn<double>("mebibytes");
        // 2 x 32 layers x 8 x 128 x 8192 x 2 bytes = 1024 MiB, as llama.cpp logs "KV self size = 1024.00 MiB".
        QTest::addRow("Llama-3.1-8B 8K f16")
            << QStringLiteral("Llama-3.1-8B") << qint64(8192) << QStringLiteral("f16") << 1024.0;
        QTest::addRow("Llama-3.1-8B 8K q8_0")
            << QStringLiteral("Llama-3.1-8B") << qint64(8192) << QStringLiteral("q8_0") << 1024.0 * 34 / 64;
        QTest::addRow("Llama-3.1-8B 8K q4_0")
            << QStringLiteral("Llama-3.1-8B") << qint64(8192) << QStringLiteral("q4_0") << 1024.0 * 18 / 64;
        QTest::addRow("Llama-3.1-8B 8K fp8")
            << QStringLiteral("Llama-3.1-8B") << qint64(8192) << QStringLiteral("fp8") << 512.0;
        // 2 x 80 x 8 x 128 x 4096 x 2 bytes = 1280 MiB.
        QTest::addRow("Llama-3.1-70B 4K f16")
            << QStringLiteral("Llama-3.1-70B") << qint64(4096) << QStringLiteral("f16") << 1280.0;
        // Gemma 2 9B: 21 global layers at 16384 cells, 21 local layers at the 4096 window; 8 x 256 per token.
        QTest::addRow("Gemma-2-9B 16K sliding window")
            << QStringLiteral("Gemma-2-9B") << qint64(16384) << QStringLiteral("f16")
            << 2.0 * (21 * 16384 + 21 * 4096) * 2048 * 2 / MiB;
        // Gemma 3 1B: 4 of 26 layers global, the rest keep a 512-token window.
        QTest::addRow("Gemma-3-1B 32K sliding window")
            << QStringLiteral("Gemma-3-1B") << qint64(32768) << QStringLiteral("f16")
            << 2.0 * (4 * 32768 + 22 * 512) * 256 * 2 / MiB;
        // A context inside the window is not shortened.
        QTest::addRow("Gemma-2-9B 2K") << QStringLiteral("Gemma-2-9B") << qint64(2048) << QStringLiteral("f16")
                                       << 2.0 * 42 * 2048 * 2048 * 2 / MiB;
    }
    void kvCacheOfRealModels()
    {
        QFETCH(QString, model);
        QFETCH(qint64, context);
        QFETCH(QString, kvType);
        QFETCH(double, mebibytes);
        const auto* type = findKvCacheType(kvType.toStdString());
        QVERIFY(type);
        const double bytes = kvCacheBytes(arch(model.toUtf8().constData()), context, 1, type->type);
        QCOMPARE(bytes / MiB, mebibytes);
    }

    void hiddenSizeTrapOverstatesFourTimes()
    {
        const auto& llama = arch("Llama-3.1-8B");
        Architecture naive = llama;
        naive.keyValueHeads = naive.attentionHeads; // what "2 x layers x hidden" assumes
        const double right = kvCacheBytes(llama, 8192, 1, KvCacheType::F16);
        QCOMPARE(right, 1024.0 * MiB);
        QCOMPARE(kvCacheBytes(naive, 8192, 1, KvCacheType::F16) / right, 4.0);
    }

    void kvScalesWithBatchAndContext()
    {
        const auto& llama = arch("Llama-3.1-8B");
        const double one = kvCacheBytes(llama, 4096, 1, KvCacheType::F16);
        QCOMPARE(kvCacheBytes(llama, 4096, 4, KvCacheType::F16), 4 * one);
        QCOMPARE(kvCacheBytes(llama, 8192, 1, KvCacheType::F16), 2 * one);
    }

    void llamaCppComputeBufferMatchesItsLogs_data()
    {
        QTest::addColumn<qint64>("cells");
        QTest::addColumn<bool>("flashAttention");
        QTest::addColumn<double>("mebibytes");
        // Llama-3-8B Q4_K_M, n_ubatch 512: "CUDA0 compute buffer size = 560.00 MiB" at n_ctx 8192,
        // "= 258.50 MiB" at n_ctx 512 (logs quoted in docs/estimator.md).
        QTest::addRow("8192 cells") << qint64(8192) << false << 560.0;
        QTest::addRow("512 cells") << qint64(512) << false << 258.5;
        // With flash attention the scores are never materialised: the logits dominate.
        QTest::addRow("8192 cells, flash attention") << qint64(8192) << true << 258.5;
        // 32768 cells: F32 scores 2048 MiB + mask 64 MiB + hidden states 32 MiB.
        QTest::addRow("32768 cells") << qint64(32768) << false << 2144.0;
    }
    void llamaCppComputeBufferMatchesItsLogs()
    {
        QFETCH(qint64, cells);
        QFETCH(bool, flashAttention);
        QFETCH(double, mebibytes);
        QCOMPARE(llamaCppComputeBufferBytes(arch("Llama-3.1-8B"), cells, 512, flashAttention) / MiB, mebibytes);
    }

    // Buffers llama.cpp (ec98e2002, CPU backend, n_ubatch 512, swa_full off) allocated for GGUFs with
    // these models' exact shapes, built and run beside the project (docs/estimator.md has the whole
    // table and how it was made). The KV cache is exact; the compute buffer is a closed form of
    // ggml-alloc's greedy packing, held here within the tolerance given per row.
    void llamaCppBuffersMeasuredHere_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<qint64>("context");
        QTest::addColumn<bool>("flashAttention");
        QTest::addColumn<double>("kvMebibytes");
        QTest::addColumn<double>("computeMebibytes");
        QTest::addColumn<double>("tolerance");
        QTest::addRow("Llama-3.1-8B 4096")
            << QStringLiteral("Llama-3.1-8B") << qint64(4096) << false << 512.0 << 300.01 << 0.02;
        QTest::addRow("Llama-3.1-8B 8192 FA")
            << QStringLiteral("Llama-3.1-8B") << qint64(8192) << true << 1024.0 << 266.50 << 0.04;
        QTest::addRow("Qwen2.5-7B 8192") << QStringLiteral("Qwen2.5-7B") << qint64(8192) << false << 448.0 << 494.01
                                         << 0.01;
        QTest::addRow("Qwen2.5-7B 32768")
            << QStringLiteral("Qwen2.5-7B") << qint64(32768) << false << 1792.0 << 1886.01 << 0.01;
        // Sliding window 4096 on every other layer: 13 layers x 8192 cells + 13 layers x 4608 cells.
        QTest::addRow("Gemma-2-2B 8192") << QStringLiteral("Gemma-2-2B") << qint64(8192) << false << 650.0 << 504.50
                                         << 0.001;
        QTest::addRow("Gemma-2-2B 32768")
            << QStringLiteral("Gemma-2-2B") << qint64(32768) << false << 1898.0 << 610.01 << 0.03;
        // A small vocabulary: the feed-forward block, not the logits, is the largest working set.
        QTest::addRow("Mistral-7B 512") << QStringLiteral("Mistral-7B-v0.3") << qint64(512) << false << 64.0 << 113.01
                                        << 0.04;
        QTest::addRow("Mistral-7B 8192 FA")
            << QStringLiteral("Mistral-7B-v0.3") << qint64(8192) << true << 1024.0 << 116.01 << 0.01;
    }
    void llamaCppBuffersMeasuredHere()
    {
        QFETCH(QString, model);
        QFETCH(qint64, context);
        QFETCH(bool, flashAttention);
        QFETCH(double, kvMebibytes);
        QFETCH(double, computeMebibytes);
        QFETCH(double, tolerance);
        const auto& architecture = arch(model.toUtf8().constData());
        QCOMPARE(
            kvCacheBytes(architecture, context, 1, KvCacheType::F16, RuntimeProfile::LlamaCpp, 512) / MiB, kvMebibytes);
        const double compute = llamaCppComputeBufferBytes(architecture, context, 512, flashAttention) / MiB;
        QVERIFY2(qAbs(compute - computeMebibytes) <= tolerance * computeMebibytes,
            qPrintable(QStringLiteral("compute buffer %1 MiB, llama.cpp %2 MiB").arg(compute).arg(computeMebibytes)));
    }

    void llamaCppTermsForLlama8B()
    {
        VramInput input;
        input.architecture = &arch("Llama-3.1-8B");
        input.weightBytes = 8030261248.0 * 4.89 / 8;
        input.context = 8000; // padded to 8192 cells
        input.runtime = RuntimeProfile::LlamaCpp;
        const auto vram = estimateVram(input, EstimatorConstants());
        QCOMPARE(vram.kvCacheBytes, 1024 * MiB);
        QCOMPARE(vram.activationBytes, 560 * MiB);
        QCOMPARE(vram.runtimeOverheadBytes, 457 * MiB);
        // The embedding table (6.5 % of the weights) stays in RAM.
        const double embedding = input.weightBytes * 128256.0 * 4096 / 8030261248.0;
        QVERIFY(qAbs(vram.weightBytes - (input.weightBytes - embedding)) < 1.0);
        QVERIFY(vram.hostBytes > embedding);
        QCOMPARE(
            vram.totalBytes(), vram.weightBytes + vram.kvCacheBytes + vram.activationBytes + vram.runtimeOverheadBytes);

        // Two devices: a compute buffer and a runtime overhead each.
        input.devices = 2;
        const auto split = estimateVram(input, EstimatorConstants());
        QCOMPARE(split.activationBytes, 2 * vram.activationBytes);
        QCOMPARE(split.runtimeOverheadBytes, 2 * vram.runtimeOverheadBytes);
    }

    void longerContextNeverLessVram_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("runtime");
        QTest::addColumn<bool>("flashAttention");
        for (const char* model : {"Llama-3.1-8B", "Gemma-3-27B", "Mixtral-8x7B", "Qwen2.5-0.5B"}) {
            QTest::addRow("%s first-order", model)
                << QString::fromUtf8(model) << int(RuntimeProfile::FirstOrder) << false;
            QTest::addRow("%s llama.cpp", model) << QString::fromUtf8(model) << int(RuntimeProfile::LlamaCpp) << false;
            QTest::addRow("%s llama.cpp FA", model)
                << QString::fromUtf8(model) << int(RuntimeProfile::LlamaCpp) << true;
        }
    }
    void longerContextNeverLessVram()
    {
        QFETCH(QString, model);
        QFETCH(int, runtime);
        QFETCH(bool, flashAttention);
        VramInput input;
        input.architecture = &arch(model.toUtf8().constData());
        input.weightBytes = input.architecture->parameters / 2;
        input.runtime = static_cast<RuntimeProfile>(runtime);
        input.flashAttention = flashAttention;
        double previous = 0;
        for (qint64 context = 1; context <= 262144; context = context * 3 / 2 + 1) {
            input.context = context;
            const double total = estimateVram(input, EstimatorConstants()).totalBytes();
            QVERIFY2(total >= previous, qPrintable(QStringLiteral("context %1").arg(context)));
            previous = total;
        }
    }

    void firstOrderActivationsAreOneF32HiddenStatePerToken()
    {
        QCOMPARE(firstOrderActivationBytes(arch("Llama-3.1-8B"), 8192, 1, EstimatorConstants()), 8192.0 * 4096 * 4);
        QCOMPARE(firstOrderActivationBytes(arch("Llama-3.1-8B"), 8192, 2, EstimatorConstants()), 2 * 8192.0 * 4096 * 4);
    }
};

QTEST_GUILESS_MAIN(TestVramEstimate)
#include "tst_vramestimate.moc"
