// The fit panel answers the inverse questions exactly as the estimator does, for the device chosen
// in its list, and says whether the recipe fits (green, amber, red).
#include "FitPanel.h"
#include "LabState.h"
#include "estimate/FitQuestions.h"
#include "estimate/PrecisionLadder.h"

#include <QComboBox>
#include <QLocale>
#include <QPushButton>
#include <QTest>

using namespace complab;

class TestFitPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void useButtonsPutTheAnswersIntoTheRecipe()
    {
        LabState state;
        LabRecipe recipe = state.recipe(); // the seed example: 8B, INT4, 8K, first-order
        recipe.context = 4096;
        state.setRecipe(recipe);
        FitPanel panel(&state);
        const HardwareTier* tier = defaultHardwareTierTable().find("gpu-24gb");
        panel.deviceBox()->setCurrentIndex(static_cast<int>(tier - defaultHardwareTierTable().rows().data()));

        // Best scheme: INT4 -> a wider format the 24 GB card still holds, on the precision slider.
        const QuantScheme* best = bestSchemeThatFits(state.input(), *tier);
        QVERIFY(best);
        QVERIFY(panel.useButton(QStringLiteral("scheme"))->isEnabled());
        panel.useButton(QStringLiteral("scheme"))->click();
        QCOMPARE(state.recipe().precisionStep, ladderPosition(*best)->step);
        QVERIFY(!panel.useButton(QStringLiteral("scheme"))->isEnabled()); // nothing left to apply

        // Longest context: the largest stop of the context slider at or below the answer.
        const ContextFit context = longestContextThatFits(state.input(), *tier);
        std::int64_t stop = 0;
        for (const std::int64_t step : contextSteps())
            if (step <= context.longestContext)
                stop = step;
        panel.useButton(QStringLiteral("context"))->click();
        QCOMPARE(state.recipe().context, stop);
        QVERIFY(!panel.useButton(QStringLiteral("context"))->isEnabled());
        // It still fits after the change.
        QVERIFY(fitsOnTier(state.input(), *state.estimate().architecture, *tier, EstimatorConstants()));

        // Largest model: the size slider moves to it.
        const Architecture* model = largestModelThatFits(state.input(), *tier);
        QVERIFY(model);
        panel.useButton(QStringLiteral("model"))->click();
        QCOMPARE(state.recipe().parameters, model->parameters);
        QVERIFY(!state.recipe().useLoadedModel);
    }

    void answersMatchTheEstimator_data()
    {
        QTest::addColumn<QString>("device");
        QTest::addColumn<double>("parameters");
        QTest::addColumn<QString>("verdictStart");
        QTest::addRow("8B on Apple Silicon 8 GB") << "apple-silicon-8gb" << 8e9 << "fits";
        QTest::addRow("8B on a 24 GB GPU") << "gpu-24gb" << 8e9 << "fits comfortably";
        QTest::addRow("70B on a 24 GB GPU") << "gpu-24gb" << 70e9 << "does not fit";
        QTest::addRow("70B on 4x80 GB") << "multi-gpu-4x80gb" << 70e9 << "fits comfortably";
        QTest::addRow("405B on a phone") << "phone-6gb" << 405e9 << "does not fit";
    }
    void answersMatchTheEstimator()
    {
        QFETCH(QString, device);
        QFETCH(double, parameters);
        QFETCH(QString, verdictStart);
        LabState state;
        LabRecipe recipe = state.recipe();
        recipe.parameters = parameters;
        state.setRecipe(recipe);
        FitPanel panel(&state);
        const HardwareTier* tier = defaultHardwareTierTable().find(device.toStdString());
        QVERIFY(tier);
        const int row = static_cast<int>(tier - defaultHardwareTierTable().rows().data());
        panel.deviceBox()->setCurrentIndex(row);
        QCOMPARE(state.fitDevice(), tier);

        const ContextFit context = longestContextThatFits(state.input(), *tier);
        const QString contextText = QLocale().toString(qlonglong(context.longestContext));
        if (context.longestContext > 0)
            QVERIFY2(panel.field(QStringLiteral("context")).startsWith(contextText + QStringLiteral(" tokens")),
                qPrintable(panel.field(QStringLiteral("context"))));
        else
            QVERIFY(panel.field(QStringLiteral("context")).startsWith(QStringLiteral("none")));
        const QuantScheme* scheme = bestSchemeThatFits(state.input(), *tier);
        QCOMPARE(panel.field(QStringLiteral("scheme")),
            scheme ? QString::fromLatin1(scheme->label.data(), static_cast<int>(scheme->label.size()))
                   : QStringLiteral("none fits"));
        const Architecture* model = largestModelThatFits(state.input(), *tier);
        if (model)
            QVERIFY(panel.field(QStringLiteral("model")).startsWith(QString::fromStdString(model->name)));
        else
            QCOMPARE(panel.field(QStringLiteral("model")), QStringLiteral("none fits"));
        QVERIFY2(panel.field(QStringLiteral("verdict")).startsWith(verdictStart),
            qPrintable(panel.field(QStringLiteral("verdict"))));
        QCOMPARE(fitsOnTier(state.input(), *state.estimate().architecture, *tier, state.constants()),
            !panel.field(QStringLiteral("verdict")).startsWith(QStringLiteral("does not")));
    }

    void seedExampleOnItsTier()
    {
        // The CLI's --fit apple-silicon-8gb for the seed example: 9767 tokens, int4_g128, Qwen3-8B.
        LabState state;
        FitPanel panel(&state);
        const HardwareTier* tier = defaultHardwareTierTable().find("apple-silicon-8gb");
        panel.deviceBox()->setCurrentIndex(static_cast<int>(tier - defaultHardwareTierTable().rows().data()));
        QCOMPARE(panel.field(QStringLiteral("context")), QStringLiteral("9767 tokens")); // C locale: no separator
        QCOMPARE(panel.field(QStringLiteral("scheme")), QStringLiteral("INT4, group 128 (GPTQ/AWQ)"));
        QVERIFY(panel.field(QStringLiteral("model")).startsWith(QStringLiteral("Qwen3-8B")));
        QCOMPARE(panel.field(QStringLiteral("budget")), QStringLiteral("5.2 GB of 5.4 GB usable"));
        QVERIFY(panel.field(QStringLiteral("verdict")).startsWith(QStringLiteral("fits, but tightly")));
    }

    void followsTheRecipe()
    {
        LabState state;
        FitPanel panel(&state);
        const QString before = panel.field(QStringLiteral("context"));
        LabRecipe recipe = state.recipe();
        recipe.kvType = KvCacheType::Q4_0;
        state.setRecipe(recipe);
        QVERIFY(panel.field(QStringLiteral("context")) != before);
    }
};

QTEST_MAIN(TestFitPanel)
#include "tst_fitpanel.moc"
