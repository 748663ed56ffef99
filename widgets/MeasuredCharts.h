// The measured charts of the selected tensor: what the current recipe really does to its values,
// computed from the checkpoint by background jobs (never on the GUI thread) and redrawn as sliders
// move. Four tabs: reconstruction error against bits for every scheme the lab has (the recipe's
// own point highlighted), the weight histogram with the quantisation grid of one group laid over
// it, the histogram of the rounding error, and one row of weights before and after (the seed's
// "signal" demo on real data). A change starts a preview after a short pause (debounce); a newer
// change supersedes a preview still running, whose result is dropped.
#pragma once

#include "lowrank/LowRankFactorizer.h"
#include "quant/QuantizeJob.h"
#include "recipe/Recipe.h"
#include "recipe/TensorPreview.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QAbstractAxis;
class QChart;
class QLabel;
class QLineSeries;
class QProgressBar;
class QPushButton;
class QScatterSeries;
class QTabWidget;
class QTimer;
class QValueAxis;
class QLogValueAxis;

namespace complab {

class Checkpoint;
class EstimateChartView;
class JobRunner;
enum class ChartExportFormat;

class MeasuredCharts : public QWidget
{
    Q_OBJECT
public:
    enum Tab { ErrorTab, HistogramTab, RoundingTab, RowTab, SpectrumTab, TabCount };

    explicit MeasuredCharts(QWidget* parent = nullptr);
    ~MeasuredCharts() override;

    // The recipe the charts measure: exactly the document File ▸ Save Recipe would write.
    void setRecipeProvider(std::function<Recipe()> provider);
    void setCheckpoint(std::shared_ptr<const Checkpoint> checkpoint);
    // The selected tensor (checkpoint index); -1 clears the charts.
    void setTensor(int tensorIndex);
    // The recipe changed: measure the tensor again after the debounce pause.
    void recipeChanged();
    void setDebounceMilliseconds(int milliseconds);
    // Starts the pending measurement now instead of after the pause.
    void measureNow();

    JobRunner* previewRunner() const { return m_previewRunner; }
    JobRunner* sweepRunner() const { return m_sweepRunner; }
    JobRunner* spectrumRunner() const { return m_spectrumRunner; }
    const std::optional<SpectrumChart>& spectrum() const { return m_spectrum; }
    QLineSeries* singularValueSeries() const { return m_singularValues; }
    QLineSeries* energySeries() const { return m_energy; }
    QTabWidget* tabs() const { return m_tabs; }
    QList<EstimateChartView*> views() const { return m_views; }
    const std::optional<TensorPreview>& preview() const { return m_preview; }
    const std::vector<QuantOutcome>& sweep() const { return m_sweep; }
    QString statusText() const;
    // Number of preview results drawn so far (tests: superseded ones never count).
    int previewsDrawn() const { return m_previewsDrawn; }

    QScatterSeries* recipeMarker() const { return m_recipeMarker; }
    QLineSeries* integerSeries() const { return m_integerSeries; }
    QLineSeries* originalHistogramSeries() const { return m_originalHistogram; }
    QLineSeries* storedHistogramSeries() const { return m_storedHistogram; }
    QLineSeries* errorHistogramSeries() const { return m_errorHistogram; }
    QLineSeries* rowOriginalSeries() const { return m_rowOriginal; }
    QLineSeries* rowStoredSeries() const { return m_rowStored; }
    // Vertical lines of the grid levels shown on the weight histogram.
    int gridLinesShown() const { return static_cast<int>(m_gridLines.size()); }

Q_SIGNALS:
    void previewDrawn();
    void sweepDrawn();
    void spectrumDrawn();
    void exportRequested(complab::EstimateChartView* view, complab::ChartExportFormat format);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildErrorChart();
    void buildHistogramChart();
    void buildRoundingChart();
    void buildRowChart();
    void buildSpectrumChart();
    void startSpectrumIfShown();
    void drawSpectrum(const SpectrumChart& spectrum);
    void drawEnergyThreshold();
    EstimateChartView* addView(QChart* chart, const QString& tabTitle, const QString& toolTip);
    EstimateChartView* addView(
        QChart* chart, QAbstractAxis* x, QAbstractAxis* y, const QString& tabTitle, const QString& toolTip);
    void stopJobs();
    // False when there is nothing to preview (no tensor, no recipe, a recipe that cannot be measured).
    bool startPreview();
    void startSweep();
    void drawPreview(const TensorPreview& preview);
    void drawSweep(const std::vector<QuantOutcome>& sweep);
    void drawRecipeMarker();
    void clearCharts(const QString& why);
    void setStatus(const QString& text, bool isError = false);
    void updateBusy();
    void applyPalette();

    std::function<Recipe()> m_recipeProvider;
    std::shared_ptr<const Checkpoint> m_checkpoint;
    int m_tensorIndex = -1;
    JobRunner* m_previewRunner;
    JobRunner* m_sweepRunner;
    JobRunner* m_spectrumRunner;
    bool m_spectrumWanted = false;
    std::optional<double> m_recipeEnergy; // the recipe's low-rank energy, when it has one
    QTimer* m_debounce;
    bool m_sweepWanted = false;

    QLabel* m_status;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QTabWidget* m_tabs;
    QList<EstimateChartView*> m_views;

    QChart* m_errorChart = nullptr;
    QLogValueAxis* m_errorAxisX = nullptr;
    QLogValueAxis* m_errorAxisY = nullptr;
    QLineSeries* m_integerSeries = nullptr;
    QScatterSeries* m_blockSeries = nullptr;
    QScatterSeries* m_otherSeries = nullptr;
    QScatterSeries* m_recipeMarker = nullptr;

    QChart* m_histogramChart = nullptr;
    QValueAxis* m_histogramAxisX = nullptr;
    QLogValueAxis* m_histogramAxisY = nullptr;
    QLineSeries* m_originalHistogram = nullptr;
    QLineSeries* m_storedHistogram = nullptr;
    std::vector<QLineSeries*> m_gridLines;

    QChart* m_roundingChart = nullptr;
    QValueAxis* m_roundingAxisX = nullptr;
    QLogValueAxis* m_roundingAxisY = nullptr;
    QLineSeries* m_errorHistogram = nullptr;

    QChart* m_rowChart = nullptr;
    QValueAxis* m_rowAxisX = nullptr;
    QValueAxis* m_rowAxisY = nullptr;
    QLineSeries* m_rowOriginal = nullptr;
    QLineSeries* m_rowStored = nullptr;

    QChart* m_spectrumChart = nullptr;
    QValueAxis* m_spectrumAxisX = nullptr;
    QLogValueAxis* m_spectrumAxisY = nullptr;
    QValueAxis* m_energyAxis = nullptr;
    QLineSeries* m_singularValues = nullptr;
    QLineSeries* m_energy = nullptr;
    QLineSeries* m_threshold = nullptr;
    std::optional<SpectrumChart> m_spectrum;

    std::optional<TensorPreview> m_preview;
    std::vector<QuantOutcome> m_sweep;
    int m_previewsDrawn = 0;
};

} // namespace complab
