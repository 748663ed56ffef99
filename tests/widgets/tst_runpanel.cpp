// The Run panel: a whole-model run of the bundled sample fills the table tensor by tensor with the
// pipeline's numbers and writes the bytes the pipeline (and so `apply`) writes; Save copies them
// atomically; Cancel leaves no file and no rows; a recipe the format refuses is explained.
#include "Format.h"
#include "JobRunner.h"
#include "RunPanel.h"
#include "io/Checkpoint.h"
#include "util/Sha256.h"

#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

using namespace complab;

namespace {

const QString sampleModel = QStringLiteral(COMPLAB_SAMPLE_DIR "/model.safetensors");

Recipe recipeOf(const std::string& scheme)
{
    Recipe recipe;
    recipe.quantization.scheme = scheme;
    return recipe;
}

std::string hashOf(const std::filesystem::path& path)
{
    return Sha256::ofFilePrefix(path, std::filesystem::file_size(path));
}

} // namespace

class TestRunPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runFillsTheTableAndSaves_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<int>("format");
        QTest::addRow("q4_k gguf") << "q4_k" << int(RunPanel::Format::Gguf);
        QTest::addRow("int4 safetensors") << "int4" << int(RunPanel::Format::Safetensors);
    }
    void runFillsTheTableAndSaves()
    {
        QFETCH(QString, scheme);
        QFETCH(int, format);
        const std::shared_ptr<const Checkpoint> checkpoint = openCheckpoint(sampleModel.toStdString());
        const Recipe recipe = recipeOf(scheme.toStdString());
        RunPanel panel;
        panel.setRecipeProvider([recipe] { return recipe; });
        panel.setCheckpoint(checkpoint);
        panel.setFormat(RunPanel::Format(format));
        QSignalSpy finished(&panel, &RunPanel::runFinished);
        panel.run();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(panel.table()->rowCount(), 38, 5000);

        // The same bytes as the pipeline run directly (what `apply` runs), and the same numbers.
        QTemporaryDir dir;
        const auto direct = std::filesystem::path(dir.path().toStdString())
            / ("direct" + std::string(format == int(RunPanel::Format::Gguf) ? ".gguf" : ".safetensors"));
        Pipeline pipeline(checkpoint, recipe, {direct});
        Progress progress;
        const auto plans = pipeline.run(progress, {});
        QCOMPARE(hashOf(panel.outputPath()), hashOf(direct));
        QCOMPARE(panel.result().size(), plans.size());
        for (std::size_t i = 0; i < plans.size(); ++i) {
            QCOMPARE(
                panel.table()->item(int(i), RunPanel::TensorColumn)->text(), format::tensorLabel(plans[i].outputName));
            QVERIFY(panel.table()
                        ->item(int(i), RunPanel::TensorColumn)
                        ->toolTip()
                        .startsWith(QString::fromStdString(plans[i].outputName)));
            QCOMPARE(panel.result()[i].metrics.has_value(), plans[i].metrics.has_value());
            if (plans[i].metrics)
                QCOMPARE(panel.result()[i].metrics->rmsError, plans[i].metrics->rmsError);
        }
        QVERIFY(panel.summaryText().contains(QStringLiteral("38 tensors")));

        // Save: atomically, the same bytes; no .partial left behind.
        QSignalSpy saved(&panel, &RunPanel::saved);
        const QString target
            = dir.filePath(QStringLiteral("saved") + QString::fromStdString(direct.extension().string()));
        panel.saveTo(target);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 30000);
        QCOMPARE(hashOf(target.toStdString()), hashOf(direct));
        QVERIFY(!std::filesystem::exists(target.toStdString() + ".partial"));

        // Saving over the open checkpoint is refused.
        QSignalSpy errors(&panel, &RunPanel::errorOccurred);
        panel.saveTo(sampleModel);
        QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, 30000);
        QVERIFY(errors.front().front().toString().contains(QStringLiteral("never overwrites")));
    }

    // After the run, quality against the original on the sample's held-out text.
    void evaluatesAfterTheRun()
    {
        const std::shared_ptr<const Checkpoint> checkpoint = openCheckpoint(sampleModel.toStdString());
        std::string scheme = "q8_0";
        RunPanel panel;
        panel.setRecipeProvider([&scheme] { return recipeOf(scheme); });
        panel.setCheckpoint(checkpoint);
        panel.setEvaluationText(QStringLiteral(COMPLAB_SAMPLE_DIR "/lab-tinystories-heldout.txt"), 256);
        QSignalSpy evaluated(&panel, &RunPanel::evaluated);
        panel.run();
        QTRY_COMPARE_WITH_TIMEOUT(evaluated.count(), 1, 120000);
        QVERIFY2(panel.evaluationText().contains(QStringLiteral("perplexity")), qPrintable(panel.evaluationText()));
        QVERIFY(panel.evaluationText().contains(QStringLiteral("256 tokens")));
        QVERIFY2(
            panel.evaluationText().contains(QStringLiteral("29 tensors replaced")), qPrintable(panel.evaluationText()));
        const QString q8 = panel.evaluationText();
        scheme = "q2_k";
        panel.run();
        QTRY_COMPARE_WITH_TIMEOUT(evaluated.count(), 2, 120000);
        QVERIFY(panel.evaluationText() != q8);
    }

    void cancelLeavesNothing()
    {
        const std::shared_ptr<const Checkpoint> checkpoint = openCheckpoint(sampleModel.toStdString());
        RunPanel panel;
        panel.setRecipeProvider([] { return recipeOf("q2_k"); });
        panel.setCheckpoint(checkpoint);
        QSignalSpy finished(panel.runner(), &JobRunner::finished);
        panel.run();
        panel.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCoreApplication::processEvents();
        QCOMPARE(panel.table()->rowCount(), 0);
        QVERIFY(panel.outputPath().empty());
        QVERIFY(panel.result().empty());
        // And the next run works.
        QSignalSpy done(&panel, &RunPanel::runFinished);
        panel.run();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 60000);
        QVERIFY(std::filesystem::exists(panel.outputPath()));
    }

    void refusedRecipeIsExplained()
    {
        // A global scheme llama.cpp cannot store switches the run to safetensors, and says so.
        RunPanel panel;
        Recipe recipe = recipeOf("nf4");
        panel.setRecipeProvider([&recipe] { return recipe; });
        panel.setCheckpoint(openCheckpoint(sampleModel.toStdString()));
        panel.setFormat(RunPanel::Format::Gguf);
        QSignalSpy finished(&panel, &RunPanel::runFinished);
        panel.run();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(panel.outputPath().extension().string(), std::string(".safetensors"));
        QVERIFY(panel.summaryText().contains(QStringLiteral("has no GGUF type")));

        // A per-tensor rule GGUF cannot store is refused with the pipeline's message, no rows.
        recipe = recipeOf("q4_k");
        recipe.rules.push_back(TensorRule{TensorRule::Syntax::Glob, "*v_proj*", RecipeScheme{"nf4", 64, false}});
        panel.setFormat(RunPanel::Format::Gguf);
        QSignalSpy errors(&panel, &RunPanel::errorOccurred);
        panel.run();
        QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, 30000);
        QVERIFY2(errors.front().front().toString().contains(QStringLiteral("no GGUF type")),
            qPrintable(errors.front().front().toString()));
        QCOMPARE(panel.table()->rowCount(), 0);
        QVERIFY(panel.outputPath().empty());
    }
};

QTEST_MAIN(TestRunPanel)
#include "tst_runpanel.moc"
