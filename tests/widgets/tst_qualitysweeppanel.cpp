// The quality tab on the bundled sample: INT2…INT8 measured (top-token agreement falling as bits
// fall, the cliff at 2 bits), the rule-of-thumb curve beside them, magnitude pruning 10…90 %, one
// sensitivity bar per layer.
#include "JobRunner.h"
#include "QualitySweepPanel.h"
#include "io/Checkpoint.h"

#include <QBarSet>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTest>

using namespace complab;

class TestQualitySweepPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void measuresTheSample()
    {
        QualitySweepPanel panel;
        panel.setConstantsProvider([] { return EstimatorConstants{}; });
        panel.setRecipeProvider([] {
            Recipe recipe;
            recipe.quantization.scheme = "int3";
            return recipe;
        });
        QVERIFY(panel.ruleSeries()->count() > 10);
        panel.setCheckpoint(openCheckpoint(COMPLAB_SAMPLE_DIR "/model.safetensors"));
        panel.setEvaluationText(QStringLiteral(COMPLAB_SAMPLE_DIR "/lab-tinystories-heldout.txt"), 128);
        QSignalSpy measured(&panel, &QualitySweepPanel::measured);
        panel.measure();
        QTRY_COMPARE_WITH_TIMEOUT(measured.count(), 1, 300000);

        const auto top = panel.topTokenSeries()->points();
        QCOMPARE(top.size(), 7); // int2 … int8
        QVERIFY(top.front().x() < top.back().x());
        QVERIFY(top.back().y() > 95.0); // INT8 keeps nearly every top token
        QVERIFY(top.front().y() < top.back().y() - 20.0); // INT2 loses many: the cliff
        QCOMPARE(panel.perplexitySeries()->count(), 7);
        QVERIFY(panel.perplexitySeries()->points().back().y() > panel.perplexitySeries()->points().front().y());
        QCOMPARE(panel.layerSet()->count(), 4);
        for (int i = 0; i < 4; ++i)
            QVERIFY(panel.layerSet()->at(i) > 0.0);
        QCOMPARE(panel.result()->scheme, std::string("int3 g128"));
        QVERIFY(panel.statusText().contains(QStringLiteral("128 held-out tokens")));

        // The pruning sweep, as points for the rule-of-thumb pruning curve: 0 % (the original) first.
        QCOMPARE(panel.result()->pruning.size(), std::size_t(5));
        const auto points = panel.measuredPoints();
        QCOMPARE(points.precisionTopToken, top);
        QCOMPARE(points.pruningTopToken.size(), 6);
        QCOMPARE(points.pruningTopToken.front(), QPointF(0, 100));
        QCOMPARE(points.pruningTopToken[3].x(), 50.0);
        QCOMPARE(points.pruningTopToken[3].y(), 100.0 * panel.result()->pruning[2].quality.sameTopFraction);
        QVERIFY(points.pruningTopToken[1].y() > 90.0); // 10 % of the smallest weights barely matter
        QVERIFY(points.pruningTopToken.back().y() < points.pruningTopToken[1].y() - 20.0); // 90 % does
        QCOMPARE(points.pruningPerplexity.size(), 6);
        QCOMPARE(panel.modelName(), QStringLiteral("lab-tinystories"));
    }
};

QTEST_MAIN(TestQualitySweepPanel)
#include "tst_qualitysweeppanel.moc"
