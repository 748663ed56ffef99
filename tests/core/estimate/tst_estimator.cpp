// The engine end to end: the seed's lab example reproduced exactly under first-order, monotonicity
// over the sliders, the assumed architecture for a bare size, the inverse questions and the lab's
// own memory need.
#include "estimate/Estimator.h"
#include "estimate/FitQuestions.h"
#include "estimate/LabMemory.h"

#include <QTest>

#include <cmath>
#include <stdexcept>

using namespace complab;

namespace {

QString oneDecimalGb(double bytes)
{
    return QString::number(bytes / 1e9, 'f', 1);
}

EstimateInput seedExample()
{
    EstimateInput input;
    input.parameters = 8e9;
    input.weightBits = 4;
    input.bitsPerWeight = 4;
    input.context = 8192;
    input.runtime = RuntimeProfile::FirstOrder;
    return input;
}

const HardwareTier& tier(const char* id)
{
    const auto* found = defaultHardwareTierTable().find(id);
    if (!found)
        qFatal("tier %s missing", id);
    return *found;
}

} // namespace

class TestEstimator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void seedLabExample()
    {
        const auto result = estimate(seedExample());
        QCOMPARE(QString::fromStdString(result.architecture->name), QStringLiteral("Llama-3.1-8B"));
        QVERIFY(result.architectureAssumed);
        QCOMPARE(result.architecture->layers, 32);
        QCOMPARE(result.architecture->keyValueHeads, 8);
        QCOMPARE(result.architecture->headDim, 128);
        QCOMPARE(result.diskBytes, 4.0e9);
        QCOMPARE(oneDecimalGb(result.diskBytes), QStringLiteral("4.0"));
        QCOMPARE(qRound(result.fractionSmallerThanFp32 * 100), 88);
        QCOMPARE(result.vram.weightBytes, 4.0e9);
        QCOMPARE(result.vram.kvCacheBytes, 1073741824.0);
        QCOMPARE(result.vram.activationBytes, 8192.0 * 4096 * 4);
        QCOMPARE(result.vram.runtimeOverheadBytes, 0.0);
        QCOMPARE(oneDecimalGb(result.vram.totalBytes()), QStringLiteral("5.2"));
        QCOMPARE(QString::number(result.quality * 100, 'f', 1), QStringLiteral("94.0"));
        QCOMPARE(qualityBandName(result.qualityBand), std::string_view("noticeable drift"));
        QVERIFY(result.tier);
        QCOMPARE(QString::fromStdString(result.tier->name), QStringLiteral("Apple Silicon 8 GB"));
        QCOMPARE(
            QString::fromStdString(result.tier->examples), QStringLiteral("M-series unified memory, RTX 3060 8GB"));
    }

    void seedFootprintsOfOtherPrecisions_data()
    {
        QTest::addColumn<double>("bits");
        QTest::addColumn<QString>("gigabytes");
        QTest::addColumn<int>("percentSmaller");
        QTest::addRow("FP16") << 16.0 << QStringLiteral("16.0") << 50;
        QTest::addRow("INT8") << 8.0 << QStringLiteral("8.0") << 75;
        QTest::addRow("INT2") << 2.0 << QStringLiteral("2.0") << 94;
    }
    void seedFootprintsOfOtherPrecisions()
    {
        QFETCH(double, bits);
        QFETCH(QString, gigabytes);
        QFETCH(int, percentSmaller);
        auto input = seedExample();
        input.weightBits = input.bitsPerWeight = bits;
        const auto result = estimate(input);
        QCOMPARE(oneDecimalGb(result.diskBytes), gigabytes);
        QCOMPARE(qRound(result.fractionSmallerThanFp32 * 100), percentSmaller);
    }

    void schemesCountTheirScales_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<double>("bitsPerWeight");
        QTest::addRow("int4_g128") << QStringLiteral("int4_g128") << 4.125;
        QTest::addRow("q4_k") << QStringLiteral("q4_k") << 4.5;
        QTest::addRow("q4_0") << QStringLiteral("q4_0") << 4.5;
        QTest::addRow("q8_0") << QStringLiteral("q8_0") << 8.5;
        QTest::addRow("q6_k") << QStringLiteral("q6_k") << 6.5625;
        QTest::addRow("q2_k") << QStringLiteral("q2_k") << 2.625;
    }
    void schemesCountTheirScales()
    {
        QFETCH(QString, scheme);
        QFETCH(double, bitsPerWeight);
        const auto* found = findQuantScheme(scheme.toStdString());
        QVERIFY(found);
        QCOMPARE(found->bitsPerWeight, bitsPerWeight);
        auto input = seedExample();
        input.setScheme(*found);
        QCOMPARE(estimate(input).diskBytes, 8e9 * bitsPerWeight / 8);
    }

    void moreBitsNeverLessQualityOrLessDisk()
    {
        for (const auto runtime : {RuntimeProfile::FirstOrder, RuntimeProfile::LlamaCpp}) {
            auto input = seedExample();
            input.runtime = runtime;
            Estimate previous;
            for (double bits = 1.0; bits <= 32.0; bits += 0.5) {
                input.weightBits = input.bitsPerWeight = bits;
                const auto result = estimate(input);
                if (bits > 1.0) {
                    QVERIFY(result.quality >= previous.quality);
                    QVERIFY(result.diskBytes > previous.diskBytes);
                    QVERIFY(result.vram.totalBytes() > previous.vram.totalBytes());
                }
                previous = result;
            }
        }
    }

    void morePruningNeverMoreDiskOrQuality()
    {
        auto input = seedExample();
        Estimate previous;
        for (int step = 0; step < 100; step += 5) {
            input.pruneFraction = step / 100.0;
            const auto result = estimate(input);
            if (step > 0) {
                QVERIFY(result.diskBytes < previous.diskBytes);
                QVERIFY(result.quality < previous.quality);
                QVERIFY(result.vram.totalBytes() <= previous.vram.totalBytes());
            }
            previous = result;
        }
    }

    void studentTakesTheShapeOfItsSize()
    {
        auto input = seedExample();
        input.distillFactor = 4;
        const auto result = estimate(input);
        QCOMPARE(result.effectiveParameters, 2e9);
        QCOMPARE(result.diskBytes, 1e9);
        QVERIFY(result.architectureAssumed);
        QVERIFY(std::abs(std::log(result.architecture->parameters / 2e9)) < 0.35);
        QVERIFY(qAbs(result.quality - 0.94 * 0.92) < 1e-12);
    }

    void nearestArchitectureForASize_data()
    {
        QTest::addColumn<double>("parameters");
        QTest::addColumn<QString>("model");
        QTest::addRow("0.5B") << 0.5e9 << QStringLiteral("Qwen2.5-0.5B");
        QTest::addRow("8B") << 8e9 << QStringLiteral("Llama-3.1-8B");
        QTest::addRow("70B") << 70e9 << QStringLiteral("Llama-3.1-70B");
        QTest::addRow("405B") << 405e9 << QStringLiteral("Llama-3.1-405B");
    }
    void nearestArchitectureForASize()
    {
        QFETCH(double, parameters);
        QFETCH(QString, model);
        QCOMPARE(QString::fromStdString(defaultArchitectureTable().nearest(parameters).name), model);
    }

    void impossibleInputsAreRejected_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addRow("pruning 1.5") << QStringLiteral("pruning fraction");
        QTest::addRow("distillation 0.5") << QStringLiteral("distillation factor");
        QTest::addRow("context 0") << QStringLiteral("context");
        QTest::addRow("bits 0") << QStringLiteral("bit-width");
    }
    void impossibleInputsAreRejected()
    {
        QFETCH(QString, field);
        auto input = seedExample();
        if (field == QStringLiteral("pruning fraction"))
            input.pruneFraction = 1.5;
        else if (field == QStringLiteral("distillation factor"))
            input.distillFactor = 0.5;
        else if (field == QStringLiteral("context"))
            input.context = 0;
        else
            input.weightBits = 0;
        try {
            validateEstimateInput(input);
            QFAIL("accepted an impossible input");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(QString::fromUtf8(e.what()).startsWith(field), e.what());
        }
    }

    void tierIsTheSmallestThatFits()
    {
        const auto& tiers = defaultHardwareTierTable();
        auto input = seedExample();
        for (double parameters : {0.5e9, 3e9, 8e9, 14e9, 32e9, 70e9, 405e9}) {
            input.parameters = parameters;
            const auto result = estimate(input);
            QVERIFY(result.tier);
            const double need = result.vram.totalBytes();
            QVERIFY(need <= result.tier->budgetBytes(EstimatorConstants().tierHeadroom));
            for (const auto& smaller : tiers.rows()) {
                if (&smaller == result.tier)
                    break;
                QVERIFY(need > smaller.budgetBytes(EstimatorConstants().tierHeadroom));
            }
        }
        input.parameters = 5e12; // five trillion at INT4 fits nothing
        QVERIFY(!estimate(input).tier);
        QVERIFY(!estimate(input).acceleratorTier);
    }

    void acceleratorTierBesideACpuOnlyTier()
    {
        // Llama-3.1-8B, Q4_0, 8K, llama.cpp: the smallest device is a Raspberry Pi (CPU inference);
        // the smallest GPU that fits is named beside it and is no smaller than it.
        EstimateInput input;
        input.architecture = defaultArchitectureTable().find("Llama-3.1-8B");
        input.parameters = input.architecture->parameters;
        input.setScheme(*findQuantScheme("q4_0"));
        const auto result = estimate(input);
        QVERIFY(result.tier && result.acceleratorTier);
        QCOMPARE(result.tier->backend, Backend::Cpu);
        QVERIFY(result.acceleratorTier->backend != Backend::Cpu);
        QVERIFY(fitsOnTier(input, *input.architecture, *result.acceleratorTier, EstimatorConstants()));
        QVERIFY(result.acceleratorTier->usableBytes() >= result.tier->usableBytes());
        for (const auto& smaller : defaultHardwareTierTable().rows()) {
            if (&smaller == result.acceleratorTier)
                break;
            if (smaller.backend != Backend::Cpu)
                QVERIFY(!fitsOnTier(input, *input.architecture, smaller, EstimatorConstants()));
        }
        // The seed example already lands on a GPU-class tier: both answers agree.
        const auto seed = estimate(seedExample());
        QCOMPARE(seed.acceleratorTier, seed.tier);
    }

    void longestContextThatFits()
    {
        auto input = seedExample();
        const auto& device = tier("gpu-24gb");
        const auto fit = complab::longestContextThatFits(input, device);
        QVERIFY(fit.longestContext > 8192);
        QVERIFY(!fit.limitedByModel || fit.longestContext == 131072);
        EstimateInput at = input;
        at.context = fit.longestContext;
        QVERIFY(fitsOnTier(at, *estimate(at).architecture, device, EstimatorConstants()));
        if (!fit.limitedByModel) {
            at.context = fit.longestContext + 1;
            QVERIFY(!fitsOnTier(at, *estimate(at).architecture, device, EstimatorConstants()));
        }
        // 4.0 GB of weights never fit a 3.2 GB Raspberry Pi at any context.
        QCOMPARE(complab::longestContextThatFits(input, tier("raspberry-pi-5-4gb")).longestContext, 0);
    }

    void bestSchemeAndLargestModel()
    {
        EstimateInput input;
        input.parameters = 70.6e9;
        input.architecture = defaultArchitectureTable().find("Llama-3.1-70B");
        input.context = 8192;
        // 70B at FP16 needs ~141 GB: a 192 GB MI300X takes FP16 but not FP32 (282 GB); 8 x 80 GB takes FP32;
        // one 24 GB card only ~2 bits.
        const auto* big = bestSchemeThatFits(input, tier("datacentre-192gb"));
        QVERIFY(big);
        QCOMPARE(big->weightBits, 16.0);
        QCOMPARE(bestSchemeThatFits(input, tier("multi-gpu-8x80gb"))->weightBits, 32.0);
        const auto* small = bestSchemeThatFits(input, tier("gpu-24gb"));
        QVERIFY(small);
        QVERIFY(small->weightBits <= 3.0);
        QVERIFY(!bestSchemeThatFits(input, tier("phone-6gb")));

        EstimateInput int4 = seedExample();
        int4.weightBits = 4;
        int4.bitsPerWeight = 4.5;
        const auto* onA24 = largestModelThatFits(int4, tier("gpu-24gb"));
        QVERIFY(onA24);
        QVERIFY(onA24->parameters >= 27e9 && onA24->parameters <= 40e9);
        const auto* onH200s = largestModelThatFits(int4, tier("multi-gpu-8x141gb"));
        QVERIFY(onH200s);
        QCOMPARE(QString::fromStdString(onH200s->name), QStringLiteral("Llama-3.1-405B"));
    }

    void offloadLadder_data()
    {
        QTest::addColumn<int>("runtime");
        QTest::addRow("first-order") << int(RuntimeProfile::FirstOrder);
        QTest::addRow("llama.cpp") << int(RuntimeProfile::LlamaCpp);
    }
    void offloadLadder()
    {
        QFETCH(int, runtime);
        auto input = seedExample();
        input.runtime = static_cast<RuntimeProfile>(runtime);
        const auto& device = tier("gpu-8gb");
        const auto ladder = complab::offloadLadder(input, device);
        QCOMPARE(ladder.size(), std::size_t(33));
        QCOMPARE(ladder.front().vramBytes, 0.0);
        const auto full = vramOnTier(input, *estimate(input).architecture, device, EstimatorConstants());
        QVERIFY(qAbs(ladder.back().vramBytes - full.totalBytes()) < 1.0);
        for (std::size_t i = 1; i < ladder.size(); ++i) {
            QVERIFY(ladder[i].vramBytes > ladder[i - 1].vramBytes);
            QVERIFY(ladder[i].ramBytes <= ladder[i - 1].ramBytes);
        }
    }

    void labMemoryNeed()
    {
        const auto& llama = *defaultArchitectureTable().find("Llama-3.1-8B");
        const auto rtn = complab::labMemoryNeed(llama, LabMethod::RoundToNearest);
        // The largest tensor is the 128256 x 4096 embedding table, held three times in F32.
        QCOMPARE(rtn.largestTensorBytes, 3.0 * 4 * 128256 * 4096);
        QCOMPARE(rtn.calibrationBytes, 0.0);
        const auto gptq = complab::labMemoryNeed(llama, LabMethod::Gptq, 65536);
        QCOMPARE(gptq.calibrationBytes, 65536.0 * 4096 * 32 * 4);
        QCOMPARE(gptq.hessianBytes, 14336.0 * 14336 * 4);
        const auto awq = complab::labMemoryNeed(llama, LabMethod::Awq, 65536);
        QVERIFY(awq.totalBytes() < gptq.totalBytes());
        QVERIFY(awq.totalBytes() > rtn.totalBytes());
        QCOMPARE(parseLabMethod("GPTQ").value_or(LabMethod::RoundToNearest), LabMethod::Gptq);
    }
};

QTEST_GUILESS_MAIN(TestEstimator)
#include "tst_estimator.moc"
