// The fit panel answers the inverse questions exactly as the estimator does, for the device chosen
// in its list, and says whether the recipe fits (green, amber, red).
#include "FitPanel.h"
#include "LabState.h"
#include "estimate/FitQuestions.h"

#include <QComboBox>
#include <QLocale>
#include <QTest>

using namespace complab;

class TestFitPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

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
