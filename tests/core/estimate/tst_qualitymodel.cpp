// The seed's quality model: anchors, the pruning and distillation curves, bands, monotonicity over
// the whole slider ranges, and the constants' JSON round trip.
#include "estimate/EstimatorConstants.h"
#include "estimate/QualityModel.h"

#include <QTest>

#include <stdexcept>

using namespace complab;

class TestQualityModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void precisionAnchors_data()
    {
        QTest::addColumn<double>("bits");
        QTest::addColumn<double>("quality");
        QTest::addRow("FP32") << 32.0 << 1.000;
        QTest::addRow("FP16") << 16.0 << 0.999;
        QTest::addRow("INT8") << 8.0 << 0.980;
        QTest::addRow("INT4") << 4.0 << 0.940;
        QTest::addRow("INT2") << 2.0 << 0.780;
        // Interpolated linearly in log2(bits): 3 bits sits 58.5 % of the way from INT2 to INT4.
        QTest::addRow("INT3") << 3.0 << 0.78 + 0.16 * 0.5849625007211562;
        QTest::addRow("6 bits") << 6.0 << 0.94 + 0.04 * 0.5849625007211562;
        // Below 2 bits the INT4->INT2 slope continues: 1 bit = 0.78 - 0.16.
        QTest::addRow("1 bit") << 1.0 << 0.62;
    }
    void precisionAnchors()
    {
        QFETCH(double, bits);
        QFETCH(double, quality);
        QVERIFY(qAbs(quantisationQuality(bits, EstimatorConstants()) - quality) < 1e-9);
    }

    void pruningAndDistillation_data()
    {
        QTest::addColumn<double>("prune");
        QTest::addColumn<double>("distill");
        QTest::addColumn<double>("quality");
        QTest::addRow("nothing") << 0.0 << 1.0 << 1.0;
        QTest::addRow("50 percent pruning") << 0.5 << 1.0 << 0.90; // 1 - (0.025 + 0.075)
        QTest::addRow("30 percent pruning") << 0.3 << 1.0 << 1.0 - (0.015 + 0.0162);
        QTest::addRow("90 percent pruning") << 0.9 << 1.0 << 1.0 - (0.045 + 0.4374);
        QTest::addRow("4x student") << 0.0 << 4.0 << 0.92;
        QTest::addRow("2x student") << 0.0 << 2.0 << 0.96;
        QTest::addRow("both") << 0.5 << 4.0 << 0.90 * 0.92;
    }
    void pruningAndDistillation()
    {
        QFETCH(double, prune);
        QFETCH(double, distill);
        QFETCH(double, quality);
        QVERIFY(qAbs(qualityRetained(32.0, prune, distill, EstimatorConstants()) - quality) < 1e-12);
    }

    void bands_data()
    {
        QTest::addColumn<double>("quality");
        QTest::addColumn<QString>("band");
        QTest::addRow("FP16") << 0.999 << QStringLiteral("near-lossless");
        QTest::addRow("INT8") << 0.980 << QStringLiteral("near-lossless");
        QTest::addRow("97 percent") << 0.97 << QStringLiteral("minor");
        QTest::addRow("INT4 94 percent") << 0.94 << QStringLiteral("noticeable drift");
        QTest::addRow("50 percent pruning") << 1.0 - (0.05 * 0.5 + 0.6 * 0.125) << QStringLiteral("noticeable drift");
        QTest::addRow("89.9 percent") << 0.899 << QStringLiteral("significant");
        QTest::addRow("INT2 78 percent") << 0.78 << QStringLiteral("significant");
        QTest::addRow("60 percent") << 0.60 << QStringLiteral("broken");
    }
    void bands()
    {
        QFETCH(double, quality);
        QFETCH(QString, band);
        const auto name = qualityBandName(qualityBand(quality, EstimatorConstants()));
        QCOMPARE(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())), band);
    }

    void moreBitsNeverLessQuality()
    {
        const EstimatorConstants constants;
        double previous = -1.0;
        for (double bits = 1.0; bits <= 32.0; bits += 0.125) {
            const double quality = quantisationQuality(bits, constants);
            QVERIFY2(quality >= previous, qPrintable(QStringLiteral("at %1 bits").arg(bits)));
            QVERIFY(quality >= 0.0 && quality <= 1.0);
            previous = quality;
        }
    }

    void morePruningOrDistillationNeverMoreQuality()
    {
        const EstimatorConstants constants;
        double previous = 2.0;
        for (int step = 0; step <= 99; ++step) {
            const double quality = pruningQuality(step / 100.0, constants);
            QVERIFY(quality <= previous);
            QVERIFY(quality >= 0.0);
            previous = quality;
        }
        previous = 2.0;
        for (double factor = 1.0; factor <= 64.0; factor *= 1.25) {
            const double quality = distillationQuality(factor, constants);
            QVERIFY(quality <= previous);
            previous = quality;
        }
    }

    void constantsRoundTripAndReset()
    {
        EstimatorConstants constants;
        constants.qualityInt4 = 0.93;
        constants.pruneCubic = 0.5;
        const auto copy = EstimatorConstants::fromJson(constants.toJson());
        QVERIFY(copy == constants);
        QCOMPARE(copy.qualityInt4, 0.93);
        constants.reset();
        QVERIFY(constants == EstimatorConstants());
        // Absent keys keep their defaults.
        const auto partial = EstimatorConstants::fromJson("{\"quality\": {\"int4\": 0.95}}");
        QCOMPARE(partial.qualityInt4, 0.95);
        QCOMPARE(partial.qualityInt8, 0.98);
        QVERIFY(qAbs(quantisationQuality(4.0, partial) - 0.95) < 1e-12);
    }

    void constantsRejectNonsense_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("mentions");
        QTest::addRow("unknown key") << QStringLiteral("{\"quality\": {\"int5\": 0.9}}")
                                     << QStringLiteral("quality.int5");
        QTest::addRow("not a number") << QStringLiteral("{\"quality\": {\"int4\": \"high\"}}")
                                      << QStringLiteral("quality.int4");
        QTest::addRow("unordered") << QStringLiteral("{\"quality\": {\"int4\": 0.99}}")
                                   << QStringLiteral("quality.int4");
        QTest::addRow("negative") << QStringLiteral("{\"quality\": {\"prune_cubic\": -1}}")
                                  << QStringLiteral("prune_cubic");
        QTest::addRow("not JSON") << QStringLiteral("{") << QStringLiteral("not valid JSON");
    }
    void constantsRejectNonsense()
    {
        QFETCH(QString, json);
        QFETCH(QString, mentions);
        try {
            EstimatorConstants::fromJson(json.toStdString());
            QFAIL("accepted invalid constants");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(mentions), e.what());
        }
    }

    void everyConstantIsDescribedWithSources()
    {
        QVERIFY(constantDescriptions().size() >= 16);
        for (const auto& description : constantDescriptions()) {
            QVERIFY(!description.label.empty());
            QVERIFY(!description.sources.empty());
            QVERIFY(description.kind == "rule of thumb, calibrated from published results"
                || description.kind == "runtime behaviour, measured");
        }
    }
};

QTEST_GUILESS_MAIN(TestQualityModel)
#include "tst_qualitymodel.moc"
