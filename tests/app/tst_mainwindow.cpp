// The main window on the offscreen platform: opens the bundled sample in the background, fills
// the model card and the tree, computes a histogram for a selected tensor, reports bad files in
// the message bar without a dialog.
#include "CliRunner.h"
#include "DecisionGuidePanel.h"
#include "EstimateCharts.h"
#include "Format.h"
#include "JobRunner.h"
#include "LabState.h"
#include "MainWindow.h"
#include "MeasuredCharts.h"
#include "MemoryCharts.h"
#include "MessageBar.h"
#include "MetadataModel.h"
#include "ModelCardWidget.h"
#include "QualityCharts.h"
#include "QualitySweepPanel.h"
#include "QuantRowDemo.h"
#include "RecipePane.h"
#include "ReportExporter.h"
#include "RunPanel.h"
#include "SummaryCards.h"
#include "TensorStatsWidget.h"
#include "TensorTreeModel.h"
#include "WorkshopView.h"
#include "estimate/PrecisionLadder.h"
#include "io/Checkpoint.h"
#include "recipe/Recipe.h"

#include <QBarSet>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QSignalSpy>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <cmath>

using namespace complab;

namespace {

// Opens the bundled sample and sets the sliders to INT4 with groups of 128 (the lab's default
// recipe, spelled out so that a changed default does not change what the tests measure).
void openSampleAtInt4(MainWindow& window)
{
    QSignalSpy opened(&window, &MainWindow::checkpointOpened);
    window.openPath(QStringLiteral(COMPLAB_SAMPLE_DIR));
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 20000);
    LabRecipe recipe = window.labState()->recipe();
    recipe.precisionStep = findPrecisionStep("INT4");
    recipe.groupSize = 128;
    window.labState()->setRecipe(recipe);
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("compression-lab-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    }

    void opensSampleAndShowsHistogram()
    {
        MainWindow window;
        window.show();
        QSignalSpy opened(&window, &MainWindow::checkpointOpened);
        window.openPath(QStringLiteral(COMPLAB_SAMPLE_DIR));
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 20000);
        QVERIFY(window.checkpoint());
        QCOMPARE(window.modelCard()->field(QStringLiteral("tensors")), QStringLiteral("38"));
        QCOMPARE(window.modelCard()->field(QStringLiteral("format")), QStringLiteral("safetensors"));
        QVERIFY(window.modelCard()->field(QStringLiteral("dtypes")).contains(QStringLiteral("BF16")));
        QVERIFY(window.modelCard()->field(QStringLiteral("architecture")).contains(QStringLiteral("4 layers")));

        // embed_tokens, layers, norm at the top level; four layers below.
        QAbstractItemModel* tree = window.tensorTree()->model();
        QCOMPARE(tree->rowCount(), 3);
        QModelIndex layers;
        for (int row = 0; row < tree->rowCount(); ++row)
            if (tree->index(row, 0).data().toString() == QStringLiteral("layers"))
                layers = tree->index(row, 0);
        QVERIFY(layers.isValid());
        QCOMPARE(tree->rowCount(layers), 4);

        // Select layers ▸ 1 ▸ mlp.down_proj.weight as a person would.
        const QModelIndex layer1 = tree->index(1, 0, layers);
        QModelIndex downProj;
        for (int row = 0; row < tree->rowCount(layer1); ++row)
            if (tree->index(row, 0, layer1).data().toString() == QStringLiteral("mlp.down_proj.weight"))
                downProj = tree->index(row, 0, layer1);
        QVERIFY(downProj.isValid());
        QSignalSpy ready(window.statsWidget(), &TensorStatsWidget::statsReady);
        window.tensorTree()->setCurrentIndex(downProj);
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(
            window.statsWidget()->field(QStringLiteral("count")), QLocale().toString(196608), 20000);
        const auto points = window.statsWidget()->histogramSeries()->points();
        QVERIFY(!points.isEmpty());
        double largest = 0;
        for (const auto& point : points)
            largest = std::max(largest, point.y());
        QVERIFY(largest > 0);
    }

    void opensQuantisedGguf()
    {
        MainWindow window;
        window.show();
        QSignalSpy opened(&window, &MainWindow::checkpointOpened);
        window.openPath(
            QStringLiteral(COMPLAB_SHARED_DATA_DIR "/models/lab-tinystories-gguf/lab-tinystories-q4_k.gguf"));
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 20000);
        QCOMPARE(window.modelCard()->field(QStringLiteral("format")), QStringLiteral("GGUF v3"));
        QVERIFY(window.modelCard()->field(QStringLiteral("architecture")).contains(QStringLiteral("llama")));
        QVERIFY(window.metadataModel()->rowCount() >= 20);
        // token_embd.weight is a top-level Q4_K tensor: its type shows the real cost per weight.
        QAbstractItemModel* tree = window.tensorTree()->model();
        bool found = false;
        for (int row = 0; row < tree->rowCount(); ++row) {
            if (tree->index(row, 0).data().toString() == QStringLiteral("token_embd.weight")) {
                QCOMPARE(tree->index(row, TensorTreeModel::DTypeColumn).data().toString(),
                    QStringLiteral("Q4_K (%1 bits)").arg(QLocale().toString(4.5)));
                found = true;
            }
        }
        QVERIFY(found);
        // The statistics of the first matrix (dequantised Q4_K) arrive by themselves.
        QTRY_COMPARE_WITH_TIMEOUT(
            window.statsWidget()->field(QStringLiteral("count")), QLocale().toString(524288), 20000);
    }

    void labFollowsTheOpenModelAndChartsUpdateInPlace()
    {
        MainWindow window;
        window.show();
        QSignalSpy opened(&window, &MainWindow::checkpointOpened);
        window.openPath(QStringLiteral(COMPLAB_SAMPLE_DIR));
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 20000);
        // The estimate uses the checkpoint's own size and shape (config.json: 4 layers, 4 KV heads x 32).
        QVERIFY(window.recipePane()->valueText(QStringLiteral("size")).startsWith(QStringLiteral("as loaded: 3")));
        QCOMPARE(window.labState()->input().parameters, 3672320.0);
        QCOMPARE(window.labState()->estimate().architecture->layers, 4);
        QVERIFY(!window.labState()->estimate().architectureAssumed);

        // Series are created once; a slider move replaces their values.
        MemoryCharts* memory = window.charts()->memoryCharts();
        const QList<QBarSet*> sets = memory->vramSets();
        QSlider* size = window.recipePane()->slider(QStringLiteral("size"));
        size->setFocus();
        QTest::keyClick(size, Qt::Key_End);
        QCOMPARE(window.summaryCards()->field(QStringLiteral("disk")), QStringLiteral("202.5 GB")); // 405 B x 4 bits
        QCOMPARE(memory->vramSets(), sets);
        QCOMPARE(sets[0]->at(0), 202.5); // first-order weights, GB
        // Hidden tabs catch up when shown.
        window.charts()->setCurrentIndex(EstimateCharts::FootprintTab);
        QCOMPARE(memory->footprintSet()->at(14), 405e9 * 32 / 8 / 1e9); // FP32, at the top

        // The decision guide sets the recipe and says why.
        window.guidePanel()->situations()->setCurrentRow(3); // long context
        window.guidePanel()->applySituation(3);
        QVERIFY(window.guidePanel()->explanation().contains(QStringLiteral("KV cache")));
        QVERIFY(window.labState()->recipe().context >= 32768);
    }

    // With a model open, the cards count its own tensors: kept norms at BF16, scales, per-tensor rules.
    void cardsCountTheModelsTensorsAndPerTensorRules()
    {
        MainWindow window;
        window.show();
        openSampleAtInt4(window);
        QVERIFY(window.labState()->recipe().useLoadedModel);

        // Independently: every matrix at 4 bits + one F16 scale per 128, every vector in BF16.
        double bits = 0, weights = 0, downProj = 0;
        for (const auto& info : window.checkpoint()->tensors()) {
            const double n = double(info.elementCount());
            bits += n * (info.shape.size() == 2 ? 4.125 : 16.0);
            weights += n;
            if (info.name == "model.layers.0.mlp.down_proj.weight")
                downProj = n;
        }
        QVERIFY(downProj > 0);
        const auto planned = window.labState()->plannedStorage();
        QVERIFY(planned.has_value());
        QCOMPARE(planned->tensors, std::size_t(38));
        QCOMPARE(planned->quantised, std::size_t(29));
        QVERIFY(std::abs(planned->bitsPerWeight - bits / weights) < 1e-9);
        QVERIFY(std::abs(window.labState()->estimate().diskBytes - bits / 8) < 1.0);
        QCOMPARE(window.summaryCards()->field(QStringLiteral("diskKind")), QStringLiteral("planned"));
        QVERIFY(window.summaryCards()->field(QStringLiteral("diskDetail")).contains(QStringLiteral("38 tensors")));

        // Keeping one matrix at int8 (a hot spot's button) adds its 4 extra bits per weight.
        window.keepTensorAt(QStringLiteral("model.layers.0.mlp.down_proj.weight"), RecipeScheme{"int8", 128, false});
        const auto promoted = window.labState()->plannedStorage();
        QVERIFY(promoted.has_value());
        QCOMPARE(promoted->rules, std::size_t(1));
        QVERIFY(std::abs(promoted->bitsPerWeight - (bits + 4.0 * downProj) / weights) < 1e-9);
        QVERIFY(std::abs(window.labState()->estimate().diskBytes - (bits + 4.0 * downProj) / 8) < 1.0);
        QVERIFY(
            window.summaryCards()->field(QStringLiteral("diskDetail")).contains(QStringLiteral("1 per-tensor rule")));

        // A size of the slider's own (not the loaded model) is the rule of thumb again.
        LabRecipe recipe = window.labState()->recipe();
        recipe.useLoadedModel = false;
        window.labState()->setRecipe(recipe);
        QVERIFY(!window.labState()->plannedStorage().has_value());
        QCOMPARE(window.summaryCards()->field(QStringLiteral("diskKind")), QStringLiteral("estimate"));
    }

    // The Quality tab's measurement joins the rule-of-thumb curves of the estimate charts.
    void measuredPointsJoinTheQualityCurves()
    {
        MainWindow window;
        window.show();
        QSignalSpy opened(&window, &MainWindow::checkpointOpened);
        window.openPath(QStringLiteral(COMPLAB_SAMPLE_DIR));
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 20000);
        QualityCharts* quality = window.charts()->qualityCharts();
        QCOMPARE(quality->measuredTopToken()[0]->count(), 0);
        window.qualityPanel()->setEvaluationText(
            QStringLiteral(COMPLAB_SAMPLE_DIR "/lab-tinystories-heldout.txt"), 128);
        QSignalSpy measured(window.qualityPanel(), &QualitySweepPanel::measured);
        window.qualityPanel()->measure();
        QTRY_COMPARE_WITH_TIMEOUT(measured.count(), 1, 300000);
        QCOMPARE(quality->measuredTopToken()[0]->points(), window.qualityPanel()->measuredPoints().precisionTopToken);
        QCOMPARE(quality->measuredTopToken()[0]->count(), 7);
        QCOMPARE(quality->measuredPerplexity()[1]->count(), 6);
        QCOMPARE(quality->measuredTopToken()[2]->count(), 0); // distillation is not measured
        QCOMPARE(quality->measuredTopToken()[0]->property("model").toString(), QStringLiteral("lab-tinystories"));
        QVERIFY(quality->explanation()->text().contains(QStringLiteral("measured on lab-tinystories")));
        // Another model: the points were not measured on it.
        window.openPath(
            QStringLiteral(COMPLAB_SHARED_DATA_DIR "/models/lab-tinystories-gguf/lab-tinystories-q4_k.gguf"));
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 2, 20000);
        QCOMPARE(quality->measuredTopToken()[0]->count(), 0);
    }

    // A Run's measurement joins the quality card until the recipe changes.
    void runsMeasuredQualityJoinsTheCard()
    {
        MainWindow window;
        window.show();
        openSampleAtInt4(window);
        LabRecipe recipe = window.labState()->recipe();
        QVERIFY(window.summaryCards()->field(QStringLiteral("qualityMeasured")).isEmpty());
        window.runPanel()->setEvaluationText(QStringLiteral(COMPLAB_SAMPLE_DIR "/lab-tinystories-heldout.txt"), 256);
        QSignalSpy evaluated(window.runPanel(), &RunPanel::evaluated);
        window.runPanel()->run();
        QTRY_COMPARE_WITH_TIMEOUT(evaluated.count(), 1, 120000);
        const auto quality = window.runPanel()->measuredQuality();
        QVERIFY(quality.has_value());
        const QString measured = window.summaryCards()->field(QStringLiteral("qualityMeasured"));
        QVERIFY2(measured.contains(format::percent(quality->sameTopFraction, 1)), qPrintable(measured));
        // Another bit-width is not what was measured.
        recipe.precisionStep = findPrecisionStep("INT8");
        window.labState()->setRecipe(recipe);
        QVERIFY(window.summaryCards()->field(QStringLiteral("qualityMeasured")).isEmpty());
    }

    // Wanda pruning on the sliders takes the calibration text the sample ships beside the model:
    // the saved recipe names it (magnitude pruning does not), and the measured preview of a layer
    // weight runs the calibration and draws, exactly half of each row removed.
    void calibratedPruningUsesTheTextBesideTheModel()
    {
        MainWindow window;
        window.show();
        openSampleAtInt4(window);
        LabRecipe lab = window.labState()->recipe();
        lab.pruneFraction = 0.5;
        lab.pruneMethod = QStringLiteral("magnitude");
        window.labState()->setRecipe(lab);
        QTemporaryDir dir;
        const QString magnitudePath = dir.filePath(QStringLiteral("magnitude.json"));
        QVERIFY(window.saveRecipe(magnitudePath));
        QVERIFY(!Recipe::load(QFile::encodeName(magnitudePath).toStdString()).calibration);

        lab.pruneMethod = QStringLiteral("wanda");
        window.labState()->setRecipe(lab);
        const QString wandaPath = dir.filePath(QStringLiteral("wanda.json"));
        QVERIFY(window.saveRecipe(wandaPath));
        const Recipe saved = Recipe::load(QFile::encodeName(wandaPath).toStdString());
        QVERIFY(saved.calibration);
        QVERIFY2(QString::fromStdString(saved.calibration->path)
                     .endsWith(QStringLiteral("/lab-tinystories-calibration.txt")),
            saved.calibration->path.c_str());
        QCOMPARE(saved.pruning->method, std::string("wanda"));

        const auto index = window.checkpoint()->indexOf("model.layers.0.self_attn.q_proj.weight");
        QVERIFY(index);
        QSignalSpy drawn(window.measuredCharts(), &MeasuredCharts::previewDrawn);
        window.measuredCharts()->setTensor(static_cast<int>(*index));
        QTRY_VERIFY_WITH_TIMEOUT(drawn.count() >= 1, 60000);
        const QString status = window.measuredCharts()->statusText();
        QVERIFY2(!status.contains(QStringLiteral("cannot")), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("50.0 %")), qPrintable(status));
    }

    // The round trip of issue 11: a recipe made with the sliders and saved by the GUI, applied by
    // compression-lab-cli, gives the very bytes the GUI's Run wrote, on the largest shared model
    // (lab-tinystories in F32) when the shared data is present, else on the bundled sample.
    void guiRunAndCliApplyWriteTheSameBytes()
    {
        QString model = QStringLiteral(COMPLAB_SHARED_DATA_DIR "/models/lab-tinystories");
        if (!QFileInfo::exists(model + QStringLiteral("/model.safetensors")))
            model = QStringLiteral(COMPLAB_SAMPLE_DIR);
        MainWindow window;
        window.show();
        QSignalSpy opened(&window, &MainWindow::checkpointOpened);
        window.openPath(model);
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 20000);
        LabRecipe lab = window.labState()->recipe();
        lab.precisionStep = findPrecisionStep("Q4_K");
        lab.pruneFraction = 0.3;
        lab.pruneMethod = QStringLiteral("magnitude");
        lab.lowRankEnergy = 0.98;
        window.labState()->setRecipe(lab);
        QTemporaryDir dir;
        const QString recipePath = dir.filePath(QStringLiteral("gui-recipe.json"));
        QVERIFY(window.saveRecipe(recipePath));

        window.runPanel()->setFormat(RunPanel::Format::Gguf);
        QSignalSpy finished(window.runPanel(), &RunPanel::runFinished);
        window.runPanel()->run();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 240000);
        QFile gui(QString::fromStdString(window.runPanel()->outputPath().string()));
        QVERIFY2(gui.open(QIODevice::ReadOnly), qPrintable(gui.fileName()));
        const QByteArray guiBytes = gui.readAll();

        const QString cliPath = dir.filePath(QStringLiteral("cli.gguf"));
        const auto applied = test::runCli(
            {QStringLiteral("apply"), model, QStringLiteral("--recipe"), recipePath, QStringLiteral("--out"), cliPath});
        QVERIFY2(applied.exitCode == 0, applied.err.constData());
        QFile cli(cliPath);
        QVERIFY(cli.open(QIODevice::ReadOnly));
        const QByteArray cliBytes = cli.readAll();
        QVERIFY(guiBytes.size() > 1000000);
        QCOMPARE(cliBytes.size(), guiBytes.size());
        QVERIFY(cliBytes == guiBytes);
        qInfo("%s: %lld bytes, identical", qPrintable(model), static_cast<long long>(guiBytes.size()));
    }

    void reportIsWrittenByAJob()
    {
        MainWindow window;
        window.show();
        openSampleAtInt4(window);
        ReportExporter* exporter = window.reportExporter();
        exporter->setEvaluationText(QStringLiteral(COMPLAB_SAMPLE_DIR "/lab-tinystories-heldout.txt"), 256);
        QTemporaryDir dir;
        // Cancelled at once: no file, no temporary.
        QSignalSpy cancelled(exporter->runner(), &JobRunner::cancelled);
        window.exportReport(dir.filePath(QStringLiteral("cancelled.pdf")));
        exporter->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 60000);
        exporter->runner()->waitForIdle();
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);

        QSignalSpy written(exporter, &ReportExporter::written);
        const QString path = dir.filePath(QStringLiteral("report.html"));
        window.exportReport(path);
        QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, 120000);
        QCOMPARE(written.front().at(0).toString(), path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray html = file.readAll();
        QVERIFY(html.contains("Compression report: model.safetensors"));
        QVERIFY(html.contains("<td>int4 g128</td>")); // the sliders' recipe
        QVERIFY(html.contains("29 changed"));
        QVERIFY(html.contains("on 256 tokens of lab-tinystories-heldout.txt"));
        QCOMPARE(html.count("<svg"), 5); // with the per-layer chart, since the model was run
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("report.html")));

        // An unknown extension is refused before any work.
        QSignalSpy failed(exporter, &ReportExporter::failed);
        window.exportReport(dir.filePath(QStringLiteral("report.docx")));
        QCOMPARE(failed.count(), 1);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("report.docx"))));
    }

    void workshopSharesTheLabAndFollowsItsTensor()
    {
        MainWindow window;
        window.show();
        openSampleAtInt4(window);
        // View ▸ Workshop opens it on the lab's model, at the chosen chapter.
        window.showWorkshop(WorkshopView::QuantisationChapter, false);
        WorkshopView* workshop = window.workshop();
        QVERIFY(workshop->isVisible());
        QCOMPARE(workshop->chapter(), int(WorkshopView::QuantisationChapter));
        QTRY_VERIFY_WITH_TIMEOUT(workshop->quantRow()->ladder() != nullptr, 20000);
        // A matrix chosen in the lab window becomes the workshop's row; a vector leaves it alone.
        const auto downProj = window.checkpoint()->indexOf("model.layers.1.mlp.down_proj.weight");
        QVERIFY(downProj);
        auto* proxy = qobject_cast<QSortFilterProxyModel*>(window.tensorTree()->model());
        QVERIFY(proxy);
        window.tensorTree()->setCurrentIndex(
            proxy->mapFromSource(window.tensorModel()->indexForTensor(int(*downProj))));
        QTRY_COMPARE_WITH_TIMEOUT(QString::fromStdString(workshop->quantRow()->ladder()->tensorName),
            QStringLiteral("model.layers.1.mlp.down_proj.weight"), 20000);
        // The sliders are shared: a change in the workshop's lab chapter moves the lab window's.
        workshop->recipePane()->slider(QStringLiteral("prune"))->setValue(50);
        QCOMPARE(window.recipePane()->slider(QStringLiteral("prune"))->value(), 50);
        QCOMPARE(
            workshop->cards()->field(QStringLiteral("disk")), window.summaryCards()->field(QStringLiteral("disk")));
        // Present (F5) and back; closing the workshop leaves presentation.
        window.showWorkshop(WorkshopView::LandscapeChapter, true);
        QVERIFY(workshop->isPresenting());
        QCOMPARE(workshop->chapter(), int(WorkshopView::LandscapeChapter));
        workshop->close();
        QVERIFY(!workshop->isPresenting());
    }

    void badFileShowsMessage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.safetensors"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("\x10\0\0\0\0\0\0\0{\"w\": 3}", 16));
        file.close();
        MainWindow window;
        window.show();
        window.openPath(path);
        QTRY_VERIFY_WITH_TIMEOUT(window.messageBar()->isVisible(), 20000);
        QVERIFY2(window.messageBar()->text().contains(path), qPrintable(window.messageBar()->text()));
        QVERIFY(!window.checkpoint());
    }

    void recipeSavedAndReopened()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lab.json"));
        LabRecipe chosen;
        {
            MainWindow window;
            QSignalSpy opened(&window, &MainWindow::checkpointOpened);
            window.openPath(QStringLiteral(COMPLAB_SAMPLE_DIR));
            QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 20000);
            chosen = window.labState()->recipe();
            chosen.useLoadedModel = true;
            chosen.precisionStep = findPrecisionStep("Q4_K");
            chosen.groupSize = 0;
            chosen.pruneFraction = 0.3;
            chosen.context = 4096;
            window.labState()->setRecipe(chosen);
            QVERIFY(window.saveRecipe(path));
        }
        // The file is a recipe the command line can apply: made for the sample, q4_k, 30 % pruned.
        const Recipe written = Recipe::load(QFile::encodeName(path).toStdString());
        QVERIFY(written.source);
        QCOMPARE(written.quantization.scheme, std::string("q4_k"));
        QCOMPARE(written.pruning->fraction, 0.3);

        // A fresh window: opening the recipe sets the sliders and opens the sample it was made for.
        MainWindow window;
        window.show();
        QSignalSpy opened(&window, &MainWindow::checkpointOpened);
        QVERIFY(window.openRecipe(path));
        QCOMPARE(window.labState()->recipe(), chosen);
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 20000);

        // A broken recipe names the file and the key, and leaves the sliders alone.
        const QString broken = dir.filePath(QStringLiteral("broken.json"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"format": "compression-lab-recipe", "version": 1, "runtime": {"context": 0}})");
        file.close();
        QVERIFY(!window.openRecipe(broken));
        QVERIFY(window.messageBar()->isVisible());
        QVERIFY2(window.messageBar()->text().contains(QStringLiteral("broken.json"))
                && window.messageBar()->text().contains(QStringLiteral("runtime.context")),
            qPrintable(window.messageBar()->text()));
        QCOMPARE(window.labState()->recipe(), chosen);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
