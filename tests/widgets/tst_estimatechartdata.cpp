// The estimate charts' data, prepared by plain functions: VRAM bars and tier lines, the context
// sweep and where the KV cache overtakes the weights, footprints, the quality curves and the
// landscape marker, checked against the estimator and hand arithmetic.
#include "EstimateChartData.h"
#include "estimate/PrecisionLadder.h"
#include "estimate/QualityModel.h"

#include <QTest>

using namespace complab;
using namespace complab::chartdata;

namespace {

EstimateInput seed()
{
    EstimateInput input;
    input.parameters = 8e9;
    input.weightBits = input.bitsPerWeight = 4;
    input.context = 8192;
    input.runtime = RuntimeProfile::FirstOrder;
    return input;
}

} // namespace

class TestEstimateChartData : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void vramBarInGigabytes()
    {
        const auto bar = vramBar(QStringLiteral("first-order"), estimate(seed()).vram);
        QCOMPARE(bar.weights, 4.0);
        QCOMPARE(bar.kvCache, 1.073741824);
        QCOMPARE(bar.activations, 8192.0 * 4096 * 4 / 1e9);
        QCOMPARE(bar.overhead, 0.0);
        QVERIFY(qAbs(bar.total() - 5.2077) < 1e-3);
    }

    void fitStatusBands_data()
    {
        QTest::addColumn<double>("total");
        QTest::addColumn<double>("budget");
        QTest::addColumn<int>("status");
        QTest::addRow("half") << 5.0 << 10.0 << int(FitStatus::Comfortable);
        QTest::newRow("85 %") << 8.5 << 10.0 << int(FitStatus::Comfortable);
        QTest::newRow("90 %") << 9.0 << 10.0 << int(FitStatus::Tight);
        QTest::addRow("exactly full") << 10.0 << 10.0 << int(FitStatus::Tight);
        QTest::addRow("over") << 10.1 << 10.0 << int(FitStatus::TooBig);
    }
    void fitStatusBands()
    {
        QFETCH(double, total);
        QFETCH(double, budget);
        QFETCH(int, status);
        QCOMPARE(int(fitStatus(total, budget)), status);
    }

    void tierLinesAroundTheTotal_data()
    {
        QTest::addColumn<double>("totalGb");
        QTest::addColumn<QString>("fitDevice");
        QTest::addColumn<QStringList>("names");
        QTest::addRow("seed, 24 GB device")
            << 5.21 << "gpu-24gb"
            << QStringList{QStringLiteral("Phone 8 GB"), QStringLiteral("Apple Silicon 8 GB"),
                   QStringLiteral("Consumer GPU 24 GB")};
        QTest::addRow("fit device is the tier")
            << 5.21 << "apple-silicon-8gb"
            << QStringList{QStringLiteral("Phone 8 GB"), QStringLiteral("Apple Silicon 8 GB")};
        QTest::addRow("smaller than everything") << 0.1 << "" << QStringList{QStringLiteral("Phone 6 GB")};
        QTest::addRow("larger than everything") << 1e5 << "" << QStringList{QStringLiteral("8x Datacentre GPU 192 GB")};
    }
    void tierLinesAroundTheTotal()
    {
        QFETCH(double, totalGb);
        QFETCH(QString, fitDevice);
        QFETCH(QStringList, names);
        const auto& tiers = defaultHardwareTierTable();
        const HardwareTier* device = fitDevice.isEmpty() ? nullptr : tiers.find(fitDevice.toStdString());
        const auto lines = tierLines(totalGb * 1e9, device, tiers, 0.05);
        QStringList got;
        for (const auto& line : lines)
            got << line.name;
        // Ordered by budget: what is below the total comes first.
        QStringList sortedNames = names;
        if (got.size() == sortedNames.size()) {
            for (std::size_t i = 1; i < lines.size(); ++i)
                QVERIFY(lines[i - 1].budgetGb <= lines[i].budgetGb);
        }
        std::sort(got.begin(), got.end());
        std::sort(sortedNames.begin(), sortedNames.end());
        QCOMPARE(got, sortedNames);
        for (const auto& line : lines)
            QCOMPARE(line.isFitDevice, device && line.name == QString::fromStdString(device->name));
    }

    void contextSamplesArePowersAndHalves()
    {
        const auto samples = contextSamples(512, 4096);
        QCOMPARE(samples, (std::vector<std::int64_t>{512, 768, 1024, 1536, 2048, 3072, 4096}));
    }

    void kvCacheOvertakesWeights_data()
    {
        QTest::addColumn<double>("parameters");
        QTest::addColumn<int>("kvType");
        QTest::addColumn<qint64>("crossover");
        // Llama-3.1-8B shape, F16: 131072 bytes of KV per token; 4e9 bytes of INT4 weights are
        // passed at 4e9 / 131072 = 30517.6 tokens -> 30518.
        QTest::addRow("8B INT4, KV f16") << 8e9 << int(KvCacheType::F16) << qint64(30518);
        // q4_0 stores 18/32 bytes per value: 4e9 / (131072 x 18/64) = 108506.3 -> 108507.
        QTest::addRow("8B INT4, KV q4_0") << 8e9 << int(KvCacheType::Q4_0) << qint64(108507);
        // 70B: 80 layers x 8 x 128 x 2 x 2 = 327680 bytes a token; 35e9 / 327680 = 106811.5 -> 106812.
        QTest::addRow("70B INT4, KV f16") << 70e9 << int(KvCacheType::F16) << qint64(106812);
    }
    void kvCacheOvertakesWeights()
    {
        QFETCH(double, parameters);
        QFETCH(int, kvType);
        QFETCH(qint64, crossover);
        auto input = seed();
        input.parameters = parameters;
        input.kvType = static_cast<KvCacheType>(kvType);
        const auto samples = contextSamples(512, 131072);
        const auto curves = contextCurves(input, {KvCacheType::F16, KvCacheType::Q4_0}, samples, EstimatorConstants());
        QCOMPARE(curves.kvOvertakesWeightsAt, crossover);
        QCOMPARE(curves.totals.size(), std::size_t(2));
        QCOMPARE(curves.totals[0].points.size(), qsizetype(samples.size()));
        // Every total is the estimator's, point by point; the f16 total at 8K is the seed's 5.2 GB.
        for (const auto& point : curves.totals[0].points) {
            auto probe = input;
            probe.kvType = KvCacheType::F16;
            probe.context = static_cast<std::int64_t>(point.x());
            QCOMPARE(point.y(), estimate(probe).vram.totalBytes() / 1e9);
        }
        for (int i = 1; i < curves.kvCache.size(); ++i)
            QVERIFY(curves.kvCache[i].y() > curves.kvCache[i - 1].y());
    }

    void neverOvertakesWithinRange()
    {
        auto input = seed();
        input.parameters = 405e9;
        const auto curves = contextCurves(input, {KvCacheType::F16}, contextSamples(512, 8192), EstimatorConstants());
        QCOMPARE(curves.kvOvertakesWeightsAt, std::int64_t(0));
    }

    void footprintOfEveryStep_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<int>("groupSize");
        QTest::addColumn<double>("gigabytes");
        QTest::addRow("FP32") << 0 << 0 << 32.0;
        QTest::addRow("FP16") << 1 << 0 << 16.0;
        QTest::addRow("Q4_K") << 7 << 0 << 4.5;
        QTest::addRow("INT4 no scales") << 8 << 0 << 4.0;
        QTest::addRow("INT4 group 128") << 8 << 128 << 4.125;
        QTest::addRow("INT2 group 32") << 14 << 32 << 2.5;
    }
    void footprintOfEveryStep()
    {
        QFETCH(int, step);
        QFETCH(int, groupSize);
        QFETCH(double, gigabytes);
        const auto bars = footprintBars(seed(), groupSize);
        QCOMPARE(bars.size(), precisionLadder().size());
        QCOMPARE(bars[static_cast<std::size_t>(step)].gigabytes, gigabytes);
        QCOMPARE(bars[static_cast<std::size_t>(step)].fractionOfFp32, gigabytes / 32.0);
        QCOMPARE(bars.front().label, QStringLiteral("FP32"));
    }

    void qualityCurvesPassTheSeedsAnchors_data()
    {
        QTest::addColumn<int>("curve");
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("quality");
        QTest::addRow("INT4") << 0 << 4.0 << 94.0;
        QTest::addRow("INT8") << 0 << 8.0 << 98.0;
        QTest::addRow("FP16") << 0 << 16.0 << 99.9;
        QTest::addRow("INT2") << 0 << 2.0 << 78.0;
        QTest::addRow("no pruning") << 1 << 0.0 << 100.0;
        QTest::newRow("pruning 50 %") << 1 << 50.0 << 90.0; // 1 - (0.025 + 0.075)
        QTest::newRow("pruning 90 %") << 1 << 90.0 << 51.76; // 1 - (0.045 + 0.4374)
        QTest::addRow("4x student") << 2 << 4.0 << 92.0;
        QTest::addRow("16x student") << 2 << 16.0 << 84.0;
    }
    void qualityCurvesPassTheSeedsAnchors()
    {
        QFETCH(int, curve);
        QFETCH(double, x);
        QFETCH(double, quality);
        const EstimatorConstants constants;
        const QList<QPointF> points = curve == 0 ? quantisationQualityCurve(constants)
            : curve == 1                         ? pruningQualityCurve(constants)
                                                 : distillationQualityCurve(constants);
        bool found = false;
        for (const auto& point : points) {
            if (qAbs(point.x() - x) < 1e-9) {
                QVERIFY2(qAbs(point.y() - quality) < 1e-9, qPrintable(QString::number(point.y())));
                found = true;
            }
        }
        QVERIFY(found);
        for (int i = 1; i < points.size(); ++i)
            QVERIFY(points[i].x() > points[i - 1].x());
    }

    void landscapeGroupsAndMarker()
    {
        const auto& table = defaultLandscapeTable();
        const auto general = landscapePoints(table, LandscapeGroup::GeneralPurpose, false);
        QVERIFY(general.contains(QPointF(16.06, 100.0))); // Llama-3.1-8B at FP16
        const auto generalInt4 = landscapePoints(table, LandscapeGroup::GeneralPurpose, true);
        QCOMPARE(generalInt4.size(), general.size());
        const auto input = seed();
        const auto marker = landscapeMarker(input, estimate(input), table, EstimatorConstants());
        QCOMPARE(marker.reference, QStringLiteral("Llama-3.1-8B"));
        QCOMPARE(marker.point.x(), 4.0);
        QVERIFY(qAbs(marker.point.y() - 100.0 * 0.94 / 0.999) < 1e-9);
    }
};

QTEST_MAIN(TestEstimateChartData)
#include "tst_estimatechartdata.moc"
