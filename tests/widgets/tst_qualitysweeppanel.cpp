// The quality tab on the bundled sample: INT2…INT8 measured (top-token agreement falling as bits
// fall, the cliff at 2 bits), the rule-of-thumb curve beside them, one sensitivity bar per layer.
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
    }
};

QTEST_MAIN(TestQualitySweepPanel)
#include "tst_qualitysweeppanel.moc"
