#include "EstimateCharts.h"

#include "ChartPalette.h"

#include "EstimateChartView.h"
#include "LabState.h"
#include "MemoryCharts.h"
#include "QualityCharts.h"

#include <QChart>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>

namespace complab {

EstimateCharts::EstimateCharts(LabState* state, QWidget* parent)
    : QTabWidget(parent)
    , m_state(state)
    , m_memory(new MemoryCharts(this))
    , m_quality(new QualityCharts(this))
    , m_dirty(TabCount, true)
{
    addTab(m_memory->vramView(), tr("&VRAM"));
    setTabToolTip(VramTab,
        tr("Memory the recipe needs, term by term, under both runtime profiles, with the budgets of "
           "nearby devices and the fit device."));
    addTab(m_memory->contextView(), tr("VRAM vs &context"));
    setTabToolTip(ContextTab, tr("How memory grows with the context length for each KV-cache format."));
    addTab(m_memory->footprintView(), tr("&Footprint"));
    setTabToolTip(FootprintTab, tr("Weights on disk at every precision, next to the FP32 baseline."));
    auto* quality = new QWidget(this);
    auto* qualityLayout = new QGridLayout(quality);
    qualityLayout->setContentsMargins(0, 0, 0, 0);
    const auto curves = m_quality->curveViews();
    // The three curves side by side (each gets the tab's full height), the arithmetic under them.
    qualityLayout->addWidget(curves[0], 0, 0);
    qualityLayout->addWidget(curves[1], 0, 1);
    qualityLayout->addWidget(curves[2], 0, 2);
    qualityLayout->addWidget(m_quality->explanation(), 1, 0, 1, 3);
    qualityLayout->setRowStretch(0, 1);
    addTab(quality, tr("&Quality curves"));
    setTabToolTip(QualityTab, tr("The three rule-of-thumb factors, each with this recipe marked."));
    addTab(m_quality->landscapeView(), tr("&Landscape"));
    setTabToolTip(
        LandscapeTab, tr("Published open models by size and benchmark quality, and where this recipe lands."));

    for (EstimateChartView* view : views())
        connect(view, &EstimateChartView::exportRequested, this,
            [this, view](ChartExportFormat format) { Q_EMIT exportRequested(view, format); });
    connect(m_state, &LabState::changed, this, &EstimateCharts::markDirty);
    connect(this, &QTabWidget::currentChanged, this, &EstimateCharts::updateTab);
    applyPaletteTheme();
    updateAll();
}

QList<EstimateChartView*> EstimateCharts::views() const
{
    QList<EstimateChartView*> all{m_memory->vramView(), m_memory->contextView(), m_memory->footprintView()};
    all << m_quality->curveViews() << m_quality->landscapeView();
    return all;
}

namespace {

// Everything the charts draw from: when none of it moved (the low-rank slider, a pruning method),
// the charts are left alone instead of repainting the same picture.
bool sameChartInputs(const EstimateInput& a, const EstimateInput& b)
{
    return a.parameters == b.parameters && a.architecture == b.architecture && a.weightBits == b.weightBits
        && a.bitsPerWeight == b.bitsPerWeight && a.pruneFraction == b.pruneFraction
        && a.distillFactor == b.distillFactor && a.context == b.context && a.batch == b.batch && a.kvType == b.kvType
        && a.runtime == b.runtime && a.flashAttention == b.flashAttention && a.microBatch == b.microBatch;
}

} // namespace

void EstimateCharts::markDirty()
{
    const bool unchanged = m_drawn && sameChartInputs(m_drawnInput, m_state->input())
        && m_drawnConstants == m_state->constants() && m_drawnDevice == m_state->fitDevice()
        && m_drawnRecipe.precisionStep == m_state->recipe().precisionStep
        && m_drawnRecipe.groupSize == m_state->recipe().groupSize;
    if (unchanged)
        return;
    m_drawn = true;
    m_drawnInput = m_state->input();
    m_drawnConstants = m_state->constants();
    m_drawnDevice = m_state->fitDevice();
    m_drawnRecipe = m_state->recipe();
    std::fill(m_dirty.begin(), m_dirty.end(), true);
    updateTab(currentIndex());
}

void EstimateCharts::updateTab(int tab)
{
    if (tab < 0 || tab >= TabCount || !m_dirty[static_cast<std::size_t>(tab)])
        return;
    m_dirty[static_cast<std::size_t>(tab)] = false;
    switch (tab) {
    case VramTab:
        m_memory->updateVram(*m_state);
        break;
    case ContextTab:
        m_memory->updateContext(*m_state);
        break;
    case FootprintTab:
        m_memory->updateFootprint(*m_state);
        break;
    case QualityTab:
        m_quality->updateCurves(*m_state);
        break;
    case LandscapeTab:
        m_quality->updateLandscape(*m_state);
        break;
    }
}

void EstimateCharts::updateAll()
{
    std::fill(m_dirty.begin(), m_dirty.end(), true);
    for (int tab = 0; tab < TabCount; ++tab)
        updateTab(tab);
}

void EstimateCharts::changeEvent(QEvent* event)
{
    QTabWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPaletteTheme();
}

void EstimateCharts::applyPaletteTheme()
{
    for (EstimateChartView* view : views())
        applyPaletteToChart(view->chart(), palette());
}

} // namespace complab
