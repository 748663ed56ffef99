// The estimate charts as tabs: VRAM by term, VRAM against context, footprint, quality curves and
// the landscape. Only the visible tab is redrawn on a change (the others catch up when shown), and
// the chart theme follows the application palette (dark or light).
#pragma once

#include "LabRecipe.h"
#include "estimate/Estimator.h"

#include <QTabWidget>

#include <vector>

namespace complab {

class EstimateChartView;
class LabState;
class MemoryCharts;
class QualityCharts;
enum class ChartExportFormat;

class EstimateCharts : public QTabWidget
{
    Q_OBJECT
public:
    enum Tab { VramTab, ContextTab, FootprintTab, QualityTab, LandscapeTab, TabCount };

    explicit EstimateCharts(LabState* state, QWidget* parent = nullptr);

    MemoryCharts* memoryCharts() const { return m_memory; }
    QualityCharts* qualityCharts() const { return m_quality; }
    QList<EstimateChartView*> views() const;
    // Brings every tab up to date at once (tests, exports).
    void updateAll();

Q_SIGNALS:
    void exportRequested(complab::EstimateChartView* view, complab::ChartExportFormat format);

protected:
    void changeEvent(QEvent* event) override;

private:
    void markDirty();
    void updateTab(int tab);
    void applyPaletteTheme();

    LabState* m_state;
    MemoryCharts* m_memory;
    QualityCharts* m_quality;
    std::vector<bool> m_dirty;
    // What the charts last drew from.
    bool m_drawn = false;
    EstimateInput m_drawnInput;
    EstimatorConstants m_drawnConstants;
    const HardwareTier* m_drawnDevice = nullptr;
    LabRecipe m_drawnRecipe;
};

} // namespace complab
