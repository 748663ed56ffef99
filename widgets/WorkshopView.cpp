#include "WorkshopView.h"

#include "ArithmeticPanel.h"
#include "DecisionGuidePanel.h"
#include "EstimateCharts.h"
#include "JobRunner.h"
#include "LabState.h"
#include "MeasuredCharts.h"
#include "PruneMaskView.h"
#include "QuantRowDemo.h"
#include "RecipePane.h"
#include "SummaryCards.h"
#include "TechniqueMap.h"
#include "TemperatureDemo.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QListWidget>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QShortcut>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace complab {

namespace {

constexpr double presentationScale = 1.6;

// A chapter page's layout. A box layout with word-wrapped labels reports a height-for-width that
// sums its charts' preferred heights, and the scroll area would make every chapter scroll by it.
// Without it the page is sized by its minimum, and the charts take what the screen has.
class ChapterLayout : public QVBoxLayout
{
public:
    using QVBoxLayout::QVBoxLayout;
    bool hasHeightForWidth() const override { return false; }
};

QLabel* wrappedLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    return label;
}

// A page part: widgets stacked top to bottom without margins, each with its stretch factor.
QWidget* column(QWidget* parent, std::initializer_list<std::pair<QWidget*, int>> parts)
{
    auto* widget = new QWidget(parent);
    auto* layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    for (const auto& [part, stretch] : parts) {
        if (part)
            layout->addWidget(part, stretch);
        else
            layout->addStretch(stretch);
    }
    return widget;
}

// An estimate chart set showing one tab only, without the tab bar.
EstimateCharts* singleChart(LabState* state, int tab, QWidget* parent)
{
    auto* charts = new EstimateCharts(state, parent);
    charts->setCurrentIndex(tab);
    charts->tabBar()->hide();
    charts->setMinimumHeight(280);
    return charts;
}

// A measured chart set showing only some of its tabs.
MeasuredCharts* measuredTabs(std::initializer_list<int> shown, QWidget* parent)
{
    auto* charts = new MeasuredCharts(parent);
    for (int tab = 0; tab < MeasuredCharts::TabCount; ++tab)
        charts->tabs()->setTabVisible(tab, std::find(shown.begin(), shown.end(), tab) != shown.end());
    charts->tabs()->setCurrentIndex(*shown.begin());
    charts->setMinimumHeight(300);
    return charts;
}

} // namespace

WorkshopView::WorkshopView(LabState* state, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_state(state)
    , m_chapterList(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_position(new QLabel(this))
    , m_previous(new QPushButton(tr("◀ Previous"), this))
    , m_next(new QPushButton(tr("Next ▶"), this))
    , m_present(new QPushButton(tr("Present (F5)"), this))
    , m_map(new TechniqueMap(state, this))
    , m_footprint(singleChart(state, EstimateCharts::FootprintTab, this))
    , m_quantRow(new QuantRowDemo(this))
    , m_arithmetic(new ArithmeticPanel(state, this))
    , m_qualityCurves(singleChart(state, EstimateCharts::QualityTab, this))
    , m_recipe(new RecipePane(state, this))
    , m_cards(new SummaryCards(state, this))
    , m_labCharts(new EstimateCharts(state, this))
    , m_landscape(singleChart(state, EstimateCharts::LandscapeTab, this))
    , m_guide(new DecisionGuidePanel(state, this))
    , m_guideCards(new SummaryCards(state, this))
{
    setWindowTitle(tr("Compression Lab — Workshop"));
    m_normalFont = font();

    auto* map = column(this, {{m_map, 0}, {m_footprint, 1}});
    addChapter(tr("The map"),
        tr("Compression is the family; quantisation is one member of it. Any technique that makes a model smaller or "
           "cheaper to run while keeping its behaviour belongs here. Four families do most of the work, and they "
           "compose: a self-hosted model has usually been through two or three of them. Each box says what the "
           "family would do to the open model under the lab's current recipe; the chart, what each precision alone "
           "would weigh."),
        map);
    connect(m_map, &TechniqueMap::demoRequested, this, &WorkshopView::showTechnique);

    addChapter(tr("What quantisation does"),
        tr("Quantisation stores every weight on a coarser grid. An FP32 weight can take about four billion values; "
           "INT8 allows 256, INT4 sixteen, INT2 four. The network still computes, on a blurred copy of itself. Below "
           "is a real row of the open model: lower the bits and watch the red steps. Each bit removed doubles the "
           "spacing of the grid and roughly doubles the error; at 2 bits most weights share a handful of values."),
        m_quantRow);

    auto* arithmetic = column(this, {{m_arithmetic, 0}, {m_qualityCurves, 1}});
    addChapter(tr("The arithmetic"),
        tr("Three first-order equations carry the lab's estimates. Memory falls linearly with the bits; pruning "
           "costs little until about 60 % and then the cubic term takes over; distillation loses a small, fixed "
           "amount per halving of the size. The constants are calibrated on published results (GPTQ, AWQ, Wanda, "
           "SparseGPT and distilled models), not derived: argue with them by editing them."),
        arithmetic);

    auto* lab = new QWidget(this);
    auto* labLayout = new QHBoxLayout(lab);
    labLayout->setContentsMargins(0, 0, 0, 0);
    // The sliders scroll on their own when large type makes them taller than the screen.
    auto* recipeScroll = new QScrollArea(lab);
    recipeScroll->setWidget(m_recipe);
    recipeScroll->setWidgetResizable(true);
    recipeScroll->setFrameShape(QFrame::NoFrame);
    recipeScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    labLayout->addWidget(recipeScroll, 2);
    auto* labRight = new QVBoxLayout;
    labRight->addWidget(m_cards);
    auto* openLab
        = new QPushButton(tr("Open the lab window, where the same recipe is measured on the checkpoint"), lab);
    connect(openLab, &QPushButton::clicked, this, &WorkshopView::labWindowRequested);
    labRight->addWidget(openLab, 0, Qt::AlignLeft);
    labRight->addWidget(m_labCharts, 1);
    labLayout->addLayout(labRight, 3);
    addChapter(tr("The lab"),
        tr("Compose the techniques and watch the footprint move. These cards are the rules of the previous chapter "
           "applied to the open model (or to any size you choose); they build intuition, they are not a benchmark. "
           "Calibration data, activation outliers and fine-tuning after pruning all move real results."),
        lab);

    addChapter(tr("The techniques in depth"),
        tr("Each technique on the open model, computed now on its own tensors (the tensor chosen in the lab window)."),
        buildTechniques());

    addChapter(tr("The landscape"),
        tr("Where real models sit: the bytes of their weights against a rough quality score (MMLU and chat-arena "
           "results at release, normalised so that Llama-3.1-8B at FP16 is about 100). INT4 moves every model to the "
           "left — a quarter of FP16's bytes — with little loss in height, which is why it became the default. The "
           "marker is the lab's current recipe."),
        m_landscape);

    auto* guide = column(this, {{m_guide, 0}, {m_guideCards, 0}, {nullptr, 1}});
    // Five situations need five rows, not half the page; the first one is described from the start.
    m_guide->situations()->setMaximumHeight(m_guide->situations()->sizeHintForRow(0) * 6 + 8);
    m_guide->situations()->setCurrentRow(0);
    addChapter(tr("The decision guide"),
        tr("Pick the situation closest to yours: the lab loads the recipe to reach for first, and the cards below show "
           "what it costs for the open model. A model is a budget of memory, arithmetic and attention; compression "
           "spends it more cheaply for almost the same behaviour."),
        guide);

    for (int i = 0; i < m_titles.size(); ++i)
        m_chapterList->addItem(tr("%1. %2").arg(i + 1).arg(m_titles[i]));
    m_chapterList->setAccessibleName(tr("Chapters"));
    m_chapterList->setMaximumWidth(m_chapterList->sizeHintForColumn(0) + 24);
    connect(m_chapterList, &QListWidget::currentRowChanged, this, &WorkshopView::setChapter);
    connect(m_previous, &QPushButton::clicked, this, &WorkshopView::previousChapter);
    connect(m_next, &QPushButton::clicked, this, &WorkshopView::nextChapter);
    connect(m_present, &QPushButton::clicked, this, [this] { setPresenting(!m_presenting); });
    m_present->setToolTip(tr("Full screen in large type; arrow keys move between chapters, Escape returns"));

    auto* navigation = new QHBoxLayout;
    navigation->addWidget(m_previous);
    navigation->addWidget(m_position, 1, Qt::AlignCenter);
    navigation->addWidget(m_present);
    navigation->addWidget(m_next);
    auto* right = new QVBoxLayout;
    right->addWidget(m_pages, 1);
    right->addLayout(navigation);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(m_chapterList);
    layout->addLayout(right, 1);

    // Presenter remotes send Page Up/Down; in presentation mode the arrow keys and Space move too
    // (a slider then leaves them to the talk: the mouse still moves it).
    const auto addKey = [this](QKeySequence key, bool presentingOnly, void (WorkshopView::*move)()) {
        auto* shortcut = new QShortcut(key, this);
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, this, move);
        if (presentingOnly) {
            shortcut->setEnabled(false);
            connect(this, &WorkshopView::presentingChanged, shortcut, &QShortcut::setEnabled);
        }
    };
    addKey(QKeySequence(Qt::Key_PageDown), false, &WorkshopView::nextChapter);
    addKey(QKeySequence(Qt::Key_PageUp), false, &WorkshopView::previousChapter);
    addKey(QKeySequence(Qt::Key_Right), true, &WorkshopView::nextChapter);
    addKey(QKeySequence(Qt::Key_Down), true, &WorkshopView::nextChapter);
    addKey(QKeySequence(Qt::Key_Space), true, &WorkshopView::nextChapter);
    addKey(QKeySequence(Qt::Key_Left), true, &WorkshopView::previousChapter);
    addKey(QKeySequence(Qt::Key_Up), true, &WorkshopView::previousChapter);
    auto* present = new QShortcut(QKeySequence(Qt::Key_F5), this);
    connect(present, &QShortcut::activated, this, [this] { setPresenting(!m_presenting); });
    auto* leave = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(leave, &QShortcut::activated, this, [this] { setPresenting(false); });

    resize(1400, 900);
    setChapter(0);
}

WorkshopView::~WorkshopView() = default;

void WorkshopView::addChapter(const QString& title, const QString& lead, QWidget* content)
{
    auto* page = new QWidget;
    auto* layout = new ChapterLayout(page);
    auto* heading
        = new QLabel(QStringLiteral("%1 · %2").arg(m_titles.size() + 1, 2, 10, QLatin1Char('0')).arg(title), page);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.8);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    heading->setObjectName(QStringLiteral("chapterHeading"));
    layout->addWidget(heading);
    layout->addWidget(wrappedLabel(lead, page));
    layout->addWidget(content, 1);
    auto* scroll = new QScrollArea(m_pages);
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_pages->addWidget(scroll);
    m_titles << title;
}

QWidget* WorkshopView::techniquePage(const QString& lead, QWidget* demo)
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(wrappedLabel(lead, page));
    layout->addWidget(demo, 1);
    return page;
}

QWidget* WorkshopView::buildTechniques()
{
    m_techniques = new QTabWidget(this);
    m_errorCharts = measuredTabs({MeasuredCharts::ErrorTab, MeasuredCharts::HistogramTab}, this);
    m_techniques->addTab(
        techniquePage(tr("Post-training quantisation converts a trained model with a little calibration text. "
                         "<b>GPTQ</b> (Frantar et al. 2022) rounds one column at a time and lets the columns not yet "
                         "rounded absorb the error; <b>AWQ</b> (Lin et al. 2023) scales up the input channels that "
                         "meet large activations before rounding; <b>SmoothQuant</b> (Xiao et al. 2022) moves "
                         "activation outliers into the weights so that activations can be INT8 too; <b>QLoRA</b> "
                         "(Dettmers et al. 2023) brought the 4-bit NormalFloat code (NF4). Quantisation-aware "
                         "training goes below 4 bits with less loss, at the price of training. The chart: every "
                         "scheme's error on the selected tensor, measured."),
            m_errorCharts),
        tr("Quantisation"));
    m_masks = new PruneMaskView(this);
    m_techniques->addTab(
        techniquePage(tr("Pruning removes weights. Magnitude pruning drops the smallest; <b>Wanda</b> (Sun et al. "
                         "2023) weighs each weight by the size of the activations it multiplies; <b>SparseGPT</b> "
                         "(Frantar and Alistarh 2023) also updates the weights that stay to make up for those "
                         "removed. Scattered zeros need special kernels to run faster; <b>2:4</b> — two zeros in "
                         "every four — is the pattern NVIDIA's Ampere GPUs accelerate; removing whole rows leaves a "
                         "smaller dense matrix that is fast anywhere but costs more quality. White: removed."),
            m_masks),
        tr("Pruning"));
    m_temperature = new TemperatureDemo(this);
    m_techniques->addTab(
        techniquePage(tr("Distillation trains a smaller student to imitate a teacher. <b>Hinton, Vinyals and Dean "
                         "(2015)</b> train the student on the teacher's probabilities softened by a temperature T. At "
                         "T = 1 the likeliest token takes nearly everything; as T rises the runners-up appear, and "
                         "their sizes — which wrong answers are almost right — are what the student learns beyond "
                         "the label. Here the open model is the teacher. Distillation needs a training run, so the "
                         "lab estimates its size and quality rather than measuring them."),
            m_temperature),
        tr("Distillation"));
    m_spectrumCharts = measuredTabs({MeasuredCharts::SpectrumTab}, this);
    m_techniques->addTab(
        techniquePage(tr("A d × k matrix can be replaced by two thin factors of rank r, which saves bytes when "
                         "r·(d + k) &lt; d·k. The singular value decomposition gives the best such factors, and its "
                         "energy curve says how many of them a matrix needs. Trained language-model weights are "
                         "usually close to full rank — a slow curve — which is why low rank is a niche for them "
                         "(embedding tables, bottlenecks). LoRA adapters are low rank too, but for fine-tuning, not "
                         "for compression."),
            m_spectrumCharts),
        tr("Low rank"));
    return m_techniques;
}

void WorkshopView::setRecipeProvider(std::function<Recipe()> provider)
{
    m_errorCharts->setRecipeProvider(provider);
    m_spectrumCharts->setRecipeProvider(provider);
    m_masks->setRecipeProvider(std::move(provider));
}

void WorkshopView::setCheckpoint(std::shared_ptr<const Checkpoint> checkpoint)
{
    m_quantRow->setCheckpoint(checkpoint);
    m_errorCharts->setCheckpoint(checkpoint);
    m_spectrumCharts->setCheckpoint(checkpoint);
    m_masks->setCheckpoint(checkpoint);
    m_temperature->setCheckpoint(checkpoint);
    if (checkpoint) {
        const int tensor = defaultDemoTensor(*checkpoint);
        if (tensor >= 0) {
            m_errorCharts->setTensor(tensor);
            m_spectrumCharts->setTensor(tensor);
            m_masks->setTensor(tensor);
        }
    }
}

void WorkshopView::setTensor(int tensorIndex)
{
    m_quantRow->setTensor(tensorIndex);
    m_errorCharts->setTensor(tensorIndex);
    m_spectrumCharts->setTensor(tensorIndex);
    m_masks->setTensor(tensorIndex);
}

void WorkshopView::recipeChanged()
{
    m_errorCharts->recipeChanged();
    m_spectrumCharts->recipeChanged();
    m_masks->recipeChanged();
}

int WorkshopView::chapter() const
{
    return m_pages->currentIndex();
}

void WorkshopView::setChapter(int chapter)
{
    if (chapter < 0 || chapter >= m_pages->count())
        return;
    const bool changed = chapter != m_pages->currentIndex();
    m_pages->setCurrentIndex(chapter);
    updateNavigation();
    if (changed)
        Q_EMIT chapterChanged(chapter);
}

void WorkshopView::nextChapter()
{
    setChapter(chapter() + 1);
}

void WorkshopView::previousChapter()
{
    setChapter(chapter() - 1);
}

QString WorkshopView::chapterTitle(int chapter) const
{
    return chapter >= 0 && chapter < m_titles.size() ? m_titles[chapter] : QString();
}

void WorkshopView::showTechnique(int technique)
{
    m_techniques->setCurrentIndex(technique);
    setChapter(TechniquesChapter);
}

void WorkshopView::updateNavigation()
{
    const int current = chapter();
    m_position->setText(tr("Chapter %1 of %2 · %3").arg(current + 1).arg(m_pages->count()).arg(chapterTitle(current)));
    m_previous->setEnabled(current > 0);
    m_next->setEnabled(current + 1 < m_pages->count());
    const QSignalBlocker block(m_chapterList);
    m_chapterList->setCurrentRow(current);
}

void WorkshopView::setPresenting(bool presenting)
{
    if (presenting == m_presenting)
        return;
    m_presenting = presenting;
    m_chapterList->setVisible(!presenting);
    m_present->setText(presenting ? tr("End presentation (Esc)") : tr("Present (F5)"));
    scaleFonts(presenting ? presentationScale : 1.0);
    if (presenting) {
        m_windowGeometry = geometry();
        // The whole screen even where no window manager honours the full-screen request.
        if (const QScreen* where = screen())
            setGeometry(where->geometry());
        showFullScreen();
    } else {
        showNormal();
        if (m_windowGeometry.isValid())
            setGeometry(m_windowGeometry);
    }
    Q_EMIT presentingChanged(presenting);
}

void WorkshopView::scaleFonts(double factor)
{
    m_fontScale = factor;
    m_scaling = true;
    QFont base = m_normalFont;
    base.setPointSizeF(m_normalFont.pointSizeF() * factor);
    setFont(base);
    // Each font as first seen (a key is its owner and which of the owner's fonts), so that scaling
    // never compounds.
    const auto original = [this](const void* owner, FontRole role, const QFont& current) -> const QFont& {
        return m_originalFonts.try_emplace({owner, role}, current).first->second;
    };
    const auto scaled = [factor](const QFont& font) {
        QFont result = font;
        result.setPointSizeF(font.pointSizeF() * factor);
        return result;
    };
    // Widgets that chose their own size (headings, the cards' values) keep their proportion.
    for (QWidget* widget : findChildren<QWidget*>()) {
        if (!widget->testAttribute(Qt::WA_SetFont))
            continue;
        const QFont& font = original(widget, FontRole::Widget, widget->font());
        if (font.resolveMask() & QFont::SizeResolved)
            widget->setFont(scaled(font));
    }
    // Qt Charts draw with fonts of their own, not the widget's.
    for (QChartView* view : findChildren<QChartView*>()) {
        QChart* chart = view->chart();
        chart->setTitleFont(scaled(original(chart, FontRole::ChartTitle, chart->titleFont())));
        chart->legend()->setFont(scaled(original(chart, FontRole::Legend, chart->legend()->font())));
        for (QAbstractAxis* axis : chart->axes()) {
            axis->setLabelsFont(scaled(original(axis, FontRole::AxisLabels, axis->labelsFont())));
            axis->setTitleFont(scaled(original(axis, FontRole::AxisTitle, axis->titleFont())));
        }
    }
    m_scaling = false;
}

void WorkshopView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    // The application font changed (View ▸ Zoom): presentation scales from the new size.
    if (event->type() == QEvent::ApplicationFontChange && !m_scaling) {
        m_normalFont = QApplication::font();
        scaleFonts(m_fontScale);
    }
}

void WorkshopView::closeEvent(QCloseEvent* event)
{
    setPresenting(false);
    QWidget::closeEvent(event);
}

} // namespace complab
