#include "MainWindow.h"

#include "Appearance.h"
#include "ComparePanel.h"
#include "ConstantsPanel.h"
#include "DecisionGuidePanel.h"
#include "EstimateChartView.h"
#include "EstimateCharts.h"
#include "FitPanel.h"
#include "Format.h"
#include "HotSpotsPanel.h"
#include "JobRunner.h"
#include "LabState.h"
#include "MeasuredCharts.h"
#include "MessageBar.h"
#include "ModelPane.h"
#include "PruneMaskView.h"
#include "QualitySweepPanel.h"
#include "RecipeDocument.h"
#include "RecipePane.h"
#include "RecipeSettings.h"
#include "ReportExporter.h"
#include "RunPanel.h"
#include "SamplePaths.h"
#include "SummaryCards.h"
#include "TensorStatsWidget.h"
#include "WorkshopView.h"
#include "estimate/CheckpointArchitecture.h"
#include "io/Checkpoint.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSaveFile>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace complab {

namespace {

constexpr int maximumRecentFiles = 8;
const QString recentKey = QStringLiteral("recentFiles");

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_openRunner(new JobRunner(this))
    , m_messages(new MessageBar(this))
    , m_lab(new LabState(this))
    , m_modelPane(new ModelPane(this))
    , m_stats(new TensorStatsWidget(this))
    , m_recipe(new RecipePane(m_lab, this))
    , m_cards(new SummaryCards(m_lab, this))
    , m_charts(new EstimateCharts(m_lab, this))
    , m_fit(new FitPanel(m_lab, this))
    , m_guide(new DecisionGuidePanel(m_lab, this))
    , m_constants(new ConstantsPanel(m_lab, this))
    , m_measured(new MeasuredCharts(this))
    , m_hotSpots(new HotSpotsPanel(this))
    , m_masks(new PruneMaskView(this))
    , m_compare(new ComparePanel(this))
    , m_run(new RunPanel(this))
    , m_report(new ReportExporter(this))
    , m_quality(new QualitySweepPanel(this))
{
    setWindowTitle(tr("Compression Lab"));
    setAcceptDrops(true);
    setDockNestingEnabled(true);

    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(4, 4, 4, 4);
    centralLayout->addWidget(m_messages);
    centralLayout->addWidget(m_cards);
    centralLayout->addWidget(m_charts, 1);
    setCentralWidget(central);

    auto* recipeScroll = new QScrollArea(this);
    recipeScroll->setWidget(m_recipe);
    recipeScroll->setWidgetResizable(true);
    recipeScroll->setFrameShape(QFrame::NoFrame);
    recipeScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* recipeDock = addDock(QStringLiteral("recipe"), tr("Recipe"), recipeScroll, Qt::LeftDockWidgetArea);
    auto* fitDock = addDock(QStringLiteral("fit"), tr("Fit a device"), m_fit, Qt::LeftDockWidgetArea);
    auto* guideDock = addDock(QStringLiteral("guide"), tr("Decision guide"), m_guide, Qt::LeftDockWidgetArea);
    auto* constantsDock = addDock(QStringLiteral("constants"), tr("Constants"), m_constants, Qt::LeftDockWidgetArea);
    splitDockWidget(recipeDock, fitDock, Qt::Vertical);
    tabifyDockWidget(fitDock, guideDock);
    tabifyDockWidget(guideDock, constantsDock);
    fitDock->raise();
    auto* modelDock = addDock(QStringLiteral("model"), tr("Model"), m_modelPane, Qt::RightDockWidgetArea);
    auto* statsDock = addDock(QStringLiteral("statistics"), tr("Tensor statistics"), m_stats, Qt::RightDockWidgetArea);
    splitDockWidget(modelDock, statsDock, Qt::Vertical);
    // The measured charts sit under the estimate charts; the side docks keep the full height.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    auto* measuredDock
        = addDock(QStringLiteral("measured"), tr("Measured on this checkpoint"), m_measured, Qt::BottomDockWidgetArea);
    resizeDocks({recipeDock, modelDock}, {390, 420}, Qt::Horizontal);
    resizeDocks({recipeDock, fitDock}, {560, 300}, Qt::Vertical);
    resizeDocks({measuredDock}, {400}, Qt::Vertical);

    connect(m_modelPane, &ModelPane::tensorSelected, this, [this](int tensorIndex) {
        m_stats->setTensor(m_checkpoint, tensorIndex);
        m_measured->setTensor(tensorIndex);
        m_selectedTensor = tensorIndex;
        if (m_workshop)
            m_workshop->setTensor(tensorIndex);
    });
    const auto measuredRecipe = [this] { return documentOf(m_lab->recipe(), std::nullopt); };
    m_measured->setRecipeProvider(measuredRecipe);
    m_lab->setStoragePlanner(
        [this](const LabRecipe& lab) { return planStorage(m_checkpoint, documentOf(lab, std::nullopt)); });
    m_hotSpots->setRecipeProvider(measuredRecipe);
    m_masks->setRecipeProvider(measuredRecipe);
    const int masksTab = m_measured->tabs()->addTab(m_masks, tr("Masks"));
    m_measured->tabs()->setTabToolTip(masksTab, tr("Which weights magnitude, 2:4 and structured pruning remove"));
    connect(m_modelPane, &ModelPane::tensorSelected, m_masks, &PruneMaskView::setTensor);
    connect(m_lab, &LabState::changed, m_masks, &PruneMaskView::recipeChanged);
    const int compareTab = m_measured->tabs()->addTab(m_compare, tr("Compare"));
    m_measured->tabs()->setTabToolTip(compareTab, tr("The open checkpoint against a second one of the same model"));
    connect(m_compare, &ComparePanel::exportRequested, this, &MainWindow::exportChart);
    m_run->setRecipeProvider([this] { return recipeForExport(); });
    // Quality after a run (and in a report) is measured on the bundled sample's held-out TinyStories text.
    if (const QString sample = bundledSamplePath(); !sample.isEmpty()) {
        const QString heldOut = QFileInfo(sample).dir().filePath(QStringLiteral("lab-tinystories-heldout.txt"));
        m_run->setEvaluationText(heldOut, 2048);
        m_report->setEvaluationText(heldOut, 1024);
    }
    connect(
        m_report, &ReportExporter::failed, this, [this](const QString& message) { m_messages->showMessage(message); });
    connect(m_report, &ReportExporter::written, this,
        [this](const QString&, const QString& summary) { statusBar()->showMessage(summary, 10000); });
    const int runTab = m_measured->tabs()->addTab(m_run, tr("Run"));
    m_quality->setRecipeProvider(measuredRecipe);
    m_quality->setConstantsProvider([this] { return m_lab->constants(); });
    if (const QString sample = bundledSamplePath(); !sample.isEmpty())
        m_quality->setEvaluationText(
            QFileInfo(sample).dir().filePath(QStringLiteral("lab-tinystories-heldout.txt")), 1024);
    const int qualityTab = m_measured->tabs()->addTab(m_quality, tr("Quality"));
    m_measured->tabs()->setTabToolTip(qualityTab,
        tr("Perplexity and top-token agreement measured at INT2…INT8 beside the rule of thumb, and per-layer "
           "sensitivity"));
    connect(m_lab, &LabState::changed, m_quality, &QualitySweepPanel::constantsChanged);
    connect(m_quality, &QualitySweepPanel::exportRequested, this, &MainWindow::exportChart);
    // The measured sweeps join the rule-of-thumb curves of the estimate charts, on the same axes.
    connect(m_quality, &QualitySweepPanel::measured, this, [this] {
        m_charts->qualityCharts()->setMeasured(m_quality->modelName(), m_quality->measuredPoints());
        m_charts->qualityCharts()->updateCurves(*m_lab);
    });
    m_measured->tabs()->setTabToolTip(runTab, tr("Compress the whole model with the recipe and save the result"));
    connect(
        m_run, &RunPanel::errorOccurred, this, [this](const QString& message) { m_messages->showMessage(message); });
    // A Run's measured quality joins the quality card while the recipe is still the one that was run.
    connect(m_run->runner(), &JobRunner::started, this, [this, measuredRecipe] {
        m_ranRecipe = measuredRecipe().toJson();
        m_cards->setMeasuredQuality(QString());
    });
    connect(m_run, &RunPanel::evaluated, this, [this, measuredRecipe] {
        const auto& quality = m_run->measuredQuality();
        if (!quality || measuredRecipe().toJson() != m_ranRecipe)
            return;
        m_cards->setMeasuredQuality(tr("Measured by Run: same top token %1, perplexity %2%3")
                                        .arg(format::percent(quality->sameTopFraction, 1),
                                            quality->perplexityRatio >= 1 ? QStringLiteral("+") : QString(),
                                            format::percent(quality->perplexityRatio - 1.0, 1)));
    });
    connect(m_lab, &LabState::changed, this, [this, measuredRecipe] {
        if (!m_ranRecipe.empty() && measuredRecipe().toJson() != m_ranRecipe) {
            m_ranRecipe.clear();
            m_cards->setMeasuredQuality(QString());
        }
    });
    const int hotSpotsTab = m_measured->tabs()->addTab(m_hotSpots, tr("Hot spots"));
    m_measured->tabs()->setTabToolTip(hotSpotsTab,
        tr("Every tensor of the model under the recipe, worst first, with a button to keep it at higher precision"));
    connect(m_lab, &LabState::changed, m_measured, &MeasuredCharts::recipeChanged);
    connect(m_lab, &LabState::changed, m_hotSpots, &HotSpotsPanel::recipeChanged);
    connect(m_hotSpots, &HotSpotsPanel::promoteRequested, this, &MainWindow::keepTensorAt);
    connect(m_measured, &MeasuredCharts::exportRequested, this, &MainWindow::exportChart);
    connect(m_charts, &EstimateCharts::exportRequested, this, &MainWindow::exportChart);

    createMenus();
    statusBar()->showMessage(tr("Ready"));

    connect(m_openRunner, &JobRunner::started, this, [this](const QString& title) { statusBar()->showMessage(title); });
    connect(m_openRunner, &JobRunner::failed, this, [this](const QString& message) {
        m_messages->showMessage(message);
        statusBar()->showMessage(tr("Could not open the model"));
    });

    QSettings settings;
    m_baseFontSize = QApplication::font().pointSizeF();
    zoomBy(settings.value(QStringLiteral("view/zoom"), 0).toInt());
    m_lab->setRecipe(loadRecipe(settings));
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1600, 1000);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

MainWindow::~MainWindow() = default;

QTreeView* MainWindow::tensorTree() const
{
    return m_modelPane->tensorTree();
}

TensorTreeModel* MainWindow::tensorModel() const
{
    return m_modelPane->tensorModel();
}

ModelCardWidget* MainWindow::modelCard() const
{
    return m_modelPane->modelCard();
}

MetadataModel* MainWindow::metadataModel() const
{
    return m_modelPane->metadataModel();
}

QDockWidget* MainWindow::addDock(const QString& name, const QString& title, QWidget* content, Qt::DockWidgetArea area)
{
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(name); // saveState() finds docks by name
    dock->setWidget(content);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::createMenus()
{
    auto* file = menuBar()->addMenu(tr("&File"));
    auto* open = file->addAction(tr("&Open Checkpoint File…"), this, &MainWindow::chooseFile);
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("Open a .safetensors, .gguf, .h5 or llama2.c .bin file."));
    file->addAction(tr("Open Model &Folder…"), this, &MainWindow::chooseFolder);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addAction(tr("Open the &Sample Model"), this, [this] {
        const QString sample = bundledSamplePath();
        if (sample.isEmpty())
            m_messages->showMessage(tr("The bundled sample model was not found next to the program."));
        else
            openPath(sample);
    });
    file->addSeparator();
    auto* openRecipeAction = file->addAction(tr("Open Re&cipe…"), this, &MainWindow::chooseRecipeToOpen);
    openRecipeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openRecipeAction->setToolTip(
        tr("Set the sliders from a recipe file (.json) saved by the lab or the command line."));
    auto* saveRecipeAction = file->addAction(tr("&Save Recipe As…"), this, &MainWindow::chooseRecipeToSave);
    saveRecipeAction->setShortcut(QKeySequence::Save);
    saveRecipeAction->setToolTip(
        tr("Save the sliders and constants as a recipe: reopen it here, or run it with compression-lab-cli apply."));
    auto* reportAction = file->addAction(tr("Export &Report…"), this, &MainWindow::chooseReportToExport);
    reportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    reportAction->setToolTip(tr("Measure the recipe on the open model and write a report: an HTML page or a PDF "
                                "with the charts, or the measurements as CSV or HDF5."));
    file->addSeparator();
    auto* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    auto* panes = m_viewMenu->addMenu(tr("&Panes"));
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        panes->addAction(dock->toggleViewAction());
    auto* appearance = m_viewMenu->addMenu(tr("&Appearance"));
    auto* appearances = new QActionGroup(this);
    const Appearance current = parseAppearance(QSettings().value(QStringLiteral("view/appearance")).toString());
    for (const auto& [choice, label] : {std::pair{Appearance::System, tr("Follow the &System")},
             std::pair{Appearance::Light, tr("&Light")}, std::pair{Appearance::Dark, tr("&Dark")}}) {
        auto* action = appearance->addAction(label, this, [this, choice] { setAppearance(choice); });
        action->setCheckable(true);
        action->setChecked(choice == current);
        appearances->addAction(action);
    }
    addLanguageMenu(m_viewMenu);
    m_viewMenu->addSeparator();
    m_viewMenu
        ->addAction(tr("&Workshop"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W), this,
            [this] { showWorkshop(m_workshop ? m_workshop->chapter() : 0, false); })
        ->setToolTip(tr("The lab as a lesson in seven chapters, live on the open model"));
    m_viewMenu
        ->addAction(tr("&Present the Workshop"), QKeySequence(Qt::Key_F5), this,
            [this] { showWorkshop(m_workshop ? m_workshop->chapter() : 0, true); })
        ->setToolTip(tr("The workshop full screen in large type; arrow keys move between chapters"));
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(tr("Zoom &In"), QKeySequence::ZoomIn, this, [this] { zoomBy(1); });
    m_viewMenu->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, this, [this] { zoomBy(-1); });
    m_viewMenu->addAction(
        tr("&Actual Size"), QKeySequence(Qt::CTRL | Qt::Key_0), this, [this] { zoomBy(-m_zoomSteps); });

    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Compression Lab"), this, &MainWindow::showAbout);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(recentKey).toStringList();
    for (const QString& path : recent)
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openPath(path); })->setToolTip(path);
    m_recentMenu->setEnabled(!recent.isEmpty());
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear the List"), this, [this] {
            QSettings().remove(recentKey);
            rebuildRecentMenu();
        });
    }
}

void MainWindow::rememberRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(recentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > maximumRecentFiles)
        recent.removeLast();
    settings.setValue(recentKey, recent);
    rebuildRecentMenu();
}

void MainWindow::setAppearance(Appearance appearance)
{
    QSettings().setValue(QStringLiteral("view/appearance"), appearanceId(appearance));
    applyAppearance(appearance);
}

void MainWindow::addLanguageMenu(QMenu* menu)
{
    // The languages are named in their own language, so a person can find theirs in any of them.
    const QString languageKey = QStringLiteral("view/language");
    auto* language = menu->addMenu(tr("&Language"));
    auto* languages = new QActionGroup(this);
    const QString current = QSettings().value(languageKey, QStringLiteral("system")).toString();
    for (const auto& [id, label] : {std::pair{QStringLiteral("system"), tr("Follow the &System")},
             std::pair{QStringLiteral("en"), QStringLiteral("&English")},
             std::pair{QStringLiteral("de"), QStringLiteral("&Deutsch")},
             std::pair{QStringLiteral("fr"), QStringLiteral("&Français")}}) {
        auto* action = language->addAction(label, this, [this, languageKey, id] {
            if (QSettings().value(languageKey, QStringLiteral("system")).toString() == id)
                return;
            QSettings().setValue(languageKey, id);
            m_messages->showMessage(
                tr("The language changes the next time Compression Lab starts."), MessageBar::Kind::Information);
        });
        action->setCheckable(true);
        action->setChecked(id == current);
        languages->addAction(action);
    }
}

WorkshopView* MainWindow::workshop()
{
    if (m_workshop)
        return m_workshop;
    m_workshop = new WorkshopView(m_lab, this);
    m_workshop->setRecipeProvider([this] { return documentOf(m_lab->recipe(), std::nullopt); });
    connect(m_lab, &LabState::changed, m_workshop, &WorkshopView::recipeChanged);
    connect(m_workshop, &WorkshopView::labWindowRequested, this, [this] {
        m_workshop->setPresenting(false);
        raise();
        activateWindow();
    });
    if (m_checkpoint) {
        m_workshop->setCheckpoint(m_checkpoint);
        if (m_selectedTensor >= 0)
            m_workshop->setTensor(m_selectedTensor);
    }
    return m_workshop;
}

void MainWindow::showWorkshop(int chapter, bool presenting)
{
    WorkshopView* view = workshop();
    view->setChapter(chapter);
    if (presenting)
        view->setPresenting(true);
    else
        view->show();
    view->raise();
    view->activateWindow();
}

void MainWindow::zoomBy(int steps)
{
    // Zoom scales the application font; layouts, charts' axes and the cards grow with it.
    m_zoomSteps = std::clamp(m_zoomSteps + steps, -4, 8);
    QFont font = QApplication::font();
    font.setPointSizeF(m_baseFontSize * std::pow(1.1, m_zoomSteps));
    QApplication::setFont(font);
    QSettings().setValue(QStringLiteral("view/zoom"), m_zoomSteps);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Compression Lab"),
        tr("<h3>Compression Lab %1</h3><p>A laboratory for compressing language models: open a checkpoint, inspect "
           "its tensors, and see what quantisation, pruning, distillation and low-rank factorisation would do to its "
           "size, memory and quality. Figures marked “estimate” come from rules of thumb with their sources in the "
           "Constants pane.</p>"
           "<p><b>Built with</b> Qt 6 (LGPL 3; Qt Charts under GPL 3), Eigen (MPL 2.0), oneTBB (Apache 2.0), HDF5 "
           "(BSD-style HDF5 licence), nlohmann/json (MIT), CLI11 (BSD 3-clause).</p>"
           "<p><b>Sample model</b> lab-tinystories: a small Llama-architecture model trained for this project and "
           "shipped with it. Its training text is from TinyStories (Ronen Eldan and Yuanzhi Li, 2023), licensed "
           "CDLA-Sharing-1.0.</p>"
           "<p>The lab's ideas and constants follow the “Model Compression” explainer and the papers named beside "
           "each constant.</p>")
            .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::exportChart(EstimateChartView* view, ChartExportFormat format)
{
    const char* suffix = format == ChartExportFormat::Png ? "png" : format == ChartExportFormat::Svg ? "svg" : "csv";
    const QString filter = format == ChartExportFormat::Png ? tr("PNG images (*.png)")
        : format == ChartExportFormat::Svg                  ? tr("SVG drawings (*.svg)")
                                                            : tr("CSV tables (*.csv)");
    QSettings settings;
    QString name = view->chart()
                       ->title()
                       .section(QLatin1Char(':'), 0, 0)
                       .simplified()
                       .replace(QLatin1Char(' '), QLatin1Char('-'));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"),
        QDir(settings.value(QStringLiteral("exportDirectory"), QDir::homePath()).toString())
            .filePath(name.toLower() + QLatin1Char('.') + QLatin1String(suffix)),
        filter);
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("exportDirectory"), QFileInfo(path).absolutePath());
    m_charts->updateAll();
    const QByteArray bytes = format == ChartExportFormat::Png ? view->pngBytes()
        : format == ChartExportFormat::Svg                    ? view->svgBytes()
                                                              : view->csvBytes();
    // Written to a temporary file and renamed: an interrupted export never leaves half a file.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        m_messages->showMessage(tr("Could not write %1: %2").arg(path, file.errorString()));
        return;
    }
    statusBar()->showMessage(tr("Exported %1").arg(QFileInfo(path).fileName()), 5000);
}

void MainWindow::chooseFile()
{
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Checkpoint"),
        settings.value(QStringLiteral("lastDirectory")).toString(),
        tr("Checkpoints (*.safetensors *.safetensors.index.json *.gguf *.h5 *.bin);;All files (*)"));
    if (!path.isEmpty())
        openPath(path);
}

void MainWindow::chooseFolder()
{
    QSettings settings;
    const QString path = QFileDialog::getExistingDirectory(
        this, tr("Open Model Folder"), settings.value(QStringLiteral("lastDirectory")).toString());
    if (!path.isEmpty())
        openPath(path);
}

void MainWindow::chooseRecipeToOpen()
{
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Recipe"),
        settings.value(QStringLiteral("lastRecipeDirectory")).toString(), tr("Recipes (*.json);;All files (*)"));
    if (!path.isEmpty())
        openRecipe(path);
}

void MainWindow::chooseRecipeToSave()
{
    QSettings settings;
    QString directory = settings.value(QStringLiteral("lastRecipeDirectory")).toString();
    const QString suggested = (directory.isEmpty() ? QString() : directory + QLatin1Char('/'))
        + (m_checkpoint ? QFileInfo(m_lab->loadedName()).completeBaseName() + QStringLiteral("-recipe.json")
                        : QStringLiteral("recipe.json"));
    QString path = QFileDialog::getSaveFileName(this, tr("Save Recipe"), suggested, tr("Recipes (*.json)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive))
        path += QStringLiteral(".json");
    saveRecipe(path);
}

Recipe MainWindow::recipeForExport() const
{
    // Exactly what File ▸ Save Recipe writes, so Run and reports match `compression-lab-cli apply`/`report`.
    std::optional<RecipeSource> source;
    if (m_checkpoint && m_lab->recipe().useLoadedModel)
        source = RecipeSource::of(*m_checkpoint); // the header only
    return documentOf(m_lab->recipe(), source);
}

Recipe MainWindow::documentOf(const LabRecipe& lab, const std::optional<RecipeSource>& source, QStringList* notes) const
{
    Recipe recipe
        = toRecipeDocument(lab, m_lab->constants(), m_recipeDocument ? *m_recipeDocument : Recipe{}, source, notes);
    if (recipe.pruning && recipe.pruning->method != "magnitude" && !recipe.calibration && m_calibration)
        recipe.calibration = m_calibration;
    return recipe;
}

void MainWindow::chooseReportToExport()
{
    if (!m_checkpoint) {
        m_messages->showMessage(tr("Open a model first: the report measures the recipe on its tensors."));
        return;
    }
    QSettings settings;
    const QString directory = settings.value(QStringLiteral("lastReportDirectory")).toString();
    QString filter = tr("HTML page (*.html)");
    QString path = QFileDialog::getSaveFileName(this, tr("Export Report"),
        (directory.isEmpty() ? QString() : directory + QLatin1Char('/'))
            + QFileInfo(m_lab->loadedName()).completeBaseName() + QStringLiteral("-report.html"),
        tr("HTML page (*.html);;PDF document (*.pdf);;Measurements as CSV (*.csv);;Measurements as HDF5 (*.h5)"),
        &filter);
    if (path.isEmpty())
        return;
    // A name typed without an extension takes the chosen filter's ("*.pdf" → ".pdf").
    if (QFileInfo(path).suffix().isEmpty()) {
        const auto star = filter.indexOf(QStringLiteral("*."));
        if (star >= 0)
            path += filter.mid(star + 1, filter.indexOf(QLatin1Char(')'), star) - star - 1);
    }
    settings.setValue(QStringLiteral("lastReportDirectory"), QFileInfo(path).absolutePath());
    exportReport(path);
}

void MainWindow::exportReport(const QString& path)
{
    m_messages->hide();
    if (!m_checkpoint)
        return;
    try {
        m_report->start(m_checkpoint, recipeForExport(), path);
    } catch (const std::exception& e) {
        m_messages->showMessage(tr("Cannot make a report of this recipe: %1").arg(QString::fromUtf8(e.what())));
    }
}

bool MainWindow::openRecipe(const QString& path)
{
    m_messages->hide();
    const QFileInfo info(path);
    // A recipe is a few kilobytes; anything far larger is not one, and is not read on this thread.
    constexpr qint64 largestRecipe = 4 * 1024 * 1024;
    if (info.size() > largestRecipe) {
        m_messages->showMessage(tr("%1 is %2 MB, too large to be a recipe.")
                                    .arg(info.fileName())
                                    .arg(static_cast<double>(info.size()) / 1e6, 0, 'f', 1));
        return false;
    }
    Recipe recipe;
    try {
        recipe = Recipe::load(QFile::encodeName(path).toStdString());
    } catch (const std::exception& e) {
        m_messages->showMessage(tr("Cannot open the recipe: %1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    QSettings().setValue(QStringLiteral("lastRecipeDirectory"), info.absolutePath());
    const OpenedRecipe opened = fromRecipeDocument(recipe, m_lab->recipe());
    m_recipeDocument = std::make_unique<Recipe>(recipe);
    m_lab->setConstants(opened.constants);
    m_lab->setRecipe(opened.lab);
    m_lab->refresh(); // its per-tensor rules, even when the sliders did not move
    QStringList notes = opened.notes;
    // The recipe was made for a checkpoint that is not open: open it, if it is still there.
    if (opened.lab.useLoadedModel && recipe.source) {
        const QString source = QFile::decodeName(QByteArray::fromStdString(recipe.source->path));
        const bool isOpen = m_checkpoint
            && QFileInfo(QFile::decodeName(QByteArray::fromStdString(m_checkpoint->path().string()))).absoluteFilePath()
                == QFileInfo(source).absoluteFilePath();
        if (!isOpen && QFileInfo::exists(source))
            openPath(source);
        else if (!isOpen)
            notes.append(tr("The recipe was made for %1, which is not on this machine.").arg(source));
    }
    statusBar()->showMessage(tr("Opened recipe %1").arg(info.fileName()), 5000);
    if (!notes.isEmpty())
        m_messages->showMessage(notes.join(QLatin1Char(' ')), MessageBar::Kind::Information);
    return true;
}

bool MainWindow::saveRecipe(const QString& path)
{
    m_messages->hide();
    std::optional<RecipeSource> source;
    try {
        if (m_checkpoint && m_lab->recipe().useLoadedModel)
            source = RecipeSource::of(*m_checkpoint); // reads only the checkpoint's header
        QStringList notes;
        const Recipe recipe = documentOf(m_lab->recipe(), source, &notes);
        recipe.save(QFile::encodeName(path).toStdString());
        m_recipeDocument = std::make_unique<Recipe>(recipe);
        QSettings().setValue(QStringLiteral("lastRecipeDirectory"), QFileInfo(path).absolutePath());
        statusBar()->showMessage(tr("Saved recipe %1").arg(QFileInfo(path).fileName()), 5000);
        if (!notes.isEmpty())
            m_messages->showMessage(notes.join(QLatin1Char(' ')), MessageBar::Kind::Information);
        return true;
    } catch (const std::exception& e) {
        m_messages->showMessage(tr("Cannot save the recipe to %1: %2").arg(path, QString::fromUtf8(e.what())));
        return false;
    }
}

void MainWindow::openPath(const QString& path)
{
    m_messages->hide();
    QSettings().setValue(QStringLiteral("lastDirectory"), QFileInfo(path).absolutePath());
    const std::string nativePath = QFile::encodeName(path).toStdString();
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    m_openRunner->start<std::shared_ptr<const Checkpoint>>(
        tr("Opening %1…").arg(QFileInfo(path).fileName()),
        [nativePath](Progress&, std::stop_token) { return openCheckpoint(nativePath); },
        [this, timer, path](const std::shared_ptr<const Checkpoint>& checkpoint) {
            rememberRecent(QFileInfo(path).absoluteFilePath());
            setCheckpoint(checkpoint, timer->elapsed());
        });
}

void MainWindow::keepTensorAt(const QString& tensorName, const RecipeScheme& scheme)
{
    if (!m_recipeDocument)
        m_recipeDocument = std::make_unique<Recipe>();
    auto& rules = m_recipeDocument->rules;
    const std::string name = tensorName.toStdString();
    std::erase_if(rules, [&name](const TensorRule& rule) { return rule.pattern == name; });
    rules.insert(rules.begin(), TensorRule{TensorRule::Syntax::Glob, name, scheme});
    m_lab->refresh(); // the cards and charts count the promoted tensor's bits
    m_measured->recipeChanged();
    m_hotSpots->recipeChanged();
    m_messages->showMessage(
        tr("%1 is now stored as %2: a per-tensor rule of the recipe (File ▸ Save Recipe writes it).")
            .arg(tensorName, QString::fromStdString(scheme.keeps() ? "its own type" : scheme.scheme)),
        MessageBar::Kind::Information);
}

void MainWindow::setCheckpoint(std::shared_ptr<const Checkpoint> checkpoint, qint64 milliseconds)
{
    m_stats->clear();
    m_checkpoint = std::move(checkpoint);
    const QString name = QString::fromStdString(m_checkpoint->path().filename().string());
    m_calibration.reset();
    {
        const QDir folder(QString::fromStdString(m_checkpoint->path().parent_path().string()));
        const QStringList texts
            = folder.entryList({QStringLiteral("*calibration*.txt")}, QDir::Files | QDir::Readable, QDir::Name);
        if (!texts.isEmpty()) {
            CalibrationSettings calibration; // no sha256: hashing a large text would hold up the window
            calibration.path = QFile::encodeName(folder.absoluteFilePath(texts.front())).toStdString();
            calibration.samples = 64; // 64 × 256 tokens: a capture of seconds for the lab's models
            calibration.sequenceLength = 256;
            m_calibration = calibration;
        }
    }
    // The estimate follows the opened model: its parameter count, and its shape when config.json gives it.
    const auto parameters = static_cast<double>(m_checkpoint->totalParameters());
    std::optional<Architecture> architecture;
    if (m_checkpoint->config())
        architecture = architectureFromConfig(*m_checkpoint->config(), parameters, name.toStdString());
    m_lab->setLoadedModel(std::move(architecture), parameters >= 1e6 ? parameters : 0, name);
    m_measured->setCheckpoint(m_checkpoint);
    m_hotSpots->setCheckpoint(m_checkpoint);
    m_masks->setCheckpoint(m_checkpoint);
    m_selectedTensor = -1;
    if (m_workshop)
        m_workshop->setCheckpoint(m_checkpoint);
    m_compare->setReference(m_checkpoint);
    m_run->setCheckpoint(m_checkpoint);
    m_quality->setCheckpoint(m_checkpoint);
    m_charts->qualityCharts()->clearMeasured();
    m_ranRecipe.clear();
    m_cards->setMeasuredQuality(QString());
    if (!m_compareOnOpen.isEmpty()) {
        m_compare->compareWith(m_compareOnOpen);
        m_measured->tabs()->setCurrentWidget(m_compare);
        m_compareOnOpen.clear();
    }
    m_modelPane->setCheckpoint(m_checkpoint);
    if (!m_tensorOnOpen.isEmpty()) {
        if (!m_modelPane->selectTensor(m_tensorOnOpen))
            m_messages->showMessage(tr("%1 has no tensor named %2.").arg(name, m_tensorOnOpen));
        m_tensorOnOpen.clear();
    }
    setWindowTitle(tr("%1 — Compression Lab").arg(name));
    statusBar()->showMessage(tr("Opened %1 in %2 ms").arg(name).arg(milliseconds));
    Q_EMIT checkpointOpened();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.front().isLocalFile())
        return;
    event->acceptProposedAction();
    const QString path = urls.front().toLocalFile();
    // A .json that is not a shard index or a config is taken for a recipe.
    const QString name = QFileInfo(path).fileName();
    if (name.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)
        && !name.endsWith(QStringLiteral(".index.json"), Qt::CaseInsensitive)
        && name.compare(QStringLiteral("config.json"), Qt::CaseInsensitive) != 0)
        openRecipe(path);
    else
        openPath(path);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    complab::saveRecipe(settings, m_lab->recipe());
    QMainWindow::closeEvent(event);
}

} // namespace complab
