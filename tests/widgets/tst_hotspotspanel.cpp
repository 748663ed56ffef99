// Hot spots: every tensor of the bundled sample measured under a recipe, ranked worst first with the
// pipeline's own numbers; the promotion rule; a promoted tensor measured again at its new scheme.
#include "HotSpotsPanel.h"
#include "JobRunner.h"
#include "io/Checkpoint.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace complab;

namespace {

const QString sampleModel = QStringLiteral(COMPLAB_SAMPLE_DIR "/model.safetensors");

RecipeScheme schemeNamed(const std::string& name)
{
    RecipeScheme scheme;
    scheme.scheme = name;
    return scheme;
}

} // namespace

class TestHotSpotsPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void promotion_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addRow("int2") << "int2"
                              << "int8";
        QTest::addRow("int4") << "int4"
                              << "int8";
        QTest::addRow("q2_k") << "q2_k"
                              << "q6_k";
        QTest::addRow("q4_k") << "q4_k"
                              << "q6_k";
        QTest::addRow("q6_k") << "q6_k"
                              << "q8_0";
        QTest::addRow("q4_0") << "q4_0"
                              << "q8_0";
        QTest::addRow("nf4") << "nf4"
                             << "int8";
        QTest::addRow("int8") << "int8"
                              << "keep";
        QTest::addRow("q8_0") << "q8_0"
                              << "keep";
        QTest::addRow("fp8") << "fp8_e4m3"
                             << "keep";
    }
    void promotion()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        auto scheme = schemeNamed(from.toStdString());
        scheme.groupSize = 64;
        const auto promoted = promotedScheme(scheme);
        QCOMPARE(QString::fromStdString(promoted.scheme), to);
        if (to == QStringLiteral("int8") && from.startsWith(QStringLiteral("int")))
            QCOMPARE(promoted.groupSize, 64); // the group size stays
    }

    void ranksAndPromotes()
    {
        const std::shared_ptr<const Checkpoint> checkpoint = openCheckpoint(sampleModel.toStdString());
        Recipe recipe;
        recipe.quantization = schemeNamed("int4");
        HotSpotsPanel panel;
        panel.resize(1000, 600);
        panel.setRecipeProvider([&recipe] { return recipe; });
        panel.setDebounceMilliseconds(0);
        QSignalSpy measured(&panel, &HotSpotsPanel::measured);
        panel.setCheckpoint(checkpoint);
        panel.show(); // measured only while shown
        QTRY_COMPARE_WITH_TIMEOUT(measured.count(), 1, 60000);

        // Worst first, the pipeline's metrics, one row and one button per changed tensor.
        const auto& ranking = panel.ranking();
        QCOMPARE(ranking.size(), std::size_t(29)); // 28 projections and the embedding; norms are kept
        for (std::size_t i = 1; i < ranking.size(); ++i)
            QVERIFY(ranking[i].metrics->relativeError <= ranking[i - 1].metrics->relativeError);
        const Pipeline pipeline(checkpoint, recipe, PipelineOptions{});
        std::size_t planIndex = 0;
        while (pipeline.plan()[planIndex].sourceName != ranking.front().sourceName)
            ++planIndex;
        QCOMPARE(ranking.front().metrics->rmsError, pipeline.measure(planIndex, {}).metrics->rmsError);
        QCOMPARE(panel.table()->rowCount(), 29);
        QVERIFY(panel.summaryText().contains(QStringLiteral("29 of 38 tensors changed")));

        // The button asks to keep the worst tensor at int8 g128.
        QSignalSpy promote(&panel, &HotSpotsPanel::promoteRequested);
        auto* button = qobject_cast<QPushButton*>(panel.table()->cellWidget(0, HotSpotsPanel::ActionColumn));
        QVERIFY(button);
        QCOMPARE(button->text(), QStringLiteral("Keep at int8 g128"));
        button->click();
        QCOMPARE(promote.count(), 1);
        const QString worst = promote.front().at(0).toString();
        QCOMPARE(worst.toStdString(), ranking.front().sourceName);
        const double errorBefore = ranking.front().metrics->relativeError;

        // The window turns that into a rule; measured again, the tensor has left the top.
        recipe.rules.insert(recipe.rules.begin(),
            TensorRule{TensorRule::Syntax::Glob, worst.toStdString(), promote.front().at(1).value<RecipeScheme>()});
        panel.recipeChanged();
        QTRY_COMPARE_WITH_TIMEOUT(measured.count(), 2, 60000);
        const auto again = std::find_if(panel.ranking().begin(), panel.ranking().end(),
            [&worst](const TensorPlan& plan) { return plan.sourceName == worst.toStdString(); });
        QVERIFY(again != panel.ranking().end());
        QCOMPARE(QString::fromStdString(again->spec->name()), QStringLiteral("int8 g128"));
        QVERIFY(again->metrics->relativeError < errorBefore / 8);
        QVERIFY(panel.ranking().front().sourceName != worst.toStdString());
    }
};

QTEST_MAIN(TestHotSpotsPanel)
#include "tst_hotspotspanel.moc"
