#include "MeasuredCharts.h"

#include "ChartPalette.h"
#include "EstimateChartView.h"
#include "Format.h"
#include "JobRunner.h"
#include "TableText.h"
#include "TensorStatsWidget.h"
#include "io/Checkpoint.h"
#include "lowrank/Svd.h"
#include "recipe/Pipeline.h"

#include <QAbstractAxis>
#include <QChart>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QProgressBar>
#include <QPushButton>
#include <QScatterSeries>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace complab {

namespace {

// More levels than this are drawn as no lines at all (int8's 255 would hide the histogram).
constexpr std::size_t maximumGridLines = 64;
// Log-scale histograms: empty bins sit just below the axis.
constexpr double emptyBinHeight = 0.5;
constexpr double histogramFloor = 0.8;

QString schemeLabel(const QuantSpec& spec)
{
    return QString::fromStdString(spec.name());
}

QString numberText(double value)
{
    return format::number(value, 3);
}

// "int4 g128: 16 levels 0.00213 apart in row 12, columns 128–255" (the grid's own description, in
// the interface's language).
QString gridText(const QuantSpec& spec, const QuantGroupGrid& grid)
{
    const QString scheme = schemeLabel(spec);
    const std::size_t n = grid.levels.size();
    const QString where = grid.rowCount > 1
        ? MeasuredCharts::tr("the whole tensor")
        : MeasuredCharts::tr("row %1, columns %2–%3")
              .arg(format::integer(grid.firstRow), format::integer(grid.firstColumn),
                  format::integer(grid.firstColumn + grid.columnCount - 1));
    if (n == 1)
        return MeasuredCharts::tr("%1: the group is all zero, one level (0) in %2").arg(scheme, where);
    if (spec.format == QuantFormat::Int || spec.isGgufBlockFormat())
        return MeasuredCharts::tr("%1: %2 levels %3 apart in %4")
            .arg(scheme, format::integer(n), numberText(grid.levels[1] - grid.levels[0]), where);
    return MeasuredCharts::tr("%1: %2 levels from %3 to %4 in %5")
        .arg(scheme, format::integer(n), numberText(grid.levels.front()), numberText(grid.levels.back()), where);
}

QString decibelText(double sqnr)
{
    return std::isfinite(sqnr) ? QLocale().toString(sqnr, 'f', 1) + QStringLiteral(" dB") : MeasuredCharts::tr("exact");
}

// Relative error on a log axis: an exact scheme has none to draw, so it sits on the floor.
double plottedError(double relativeError, double floor)
{
    return std::max(relativeError, floor);
}

QList<QPointF> logSafeOutline(const Histogram& histogram)
{
    auto points = TensorStatsWidget::stepOutline(histogram);
    for (auto& point : points)
        point.setY(std::max(point.y(), emptyBinHeight));
    return points;
}

std::uint64_t tallestBin(const Histogram& histogram)
{
    return histogram.counts.empty() ? 0 : *std::max_element(histogram.counts.begin(), histogram.counts.end());
}

QValueAxis* valueAxis(const QString& title, const QString& labelFormat)
{
    auto* axis = new QValueAxis;
    axis->setTitleText(title);
    axis->setLabelFormat(labelFormat);
    return axis;
}

// Puts the series on the view's chart against both axes, with its hover text.
void addSeries(EstimateChartView* view, QXYSeries* series, QAbstractAxis* x, QAbstractAxis* y,
    std::function<QString(const QPointF&)> hover)
{
    view->chart()->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
    view->addHoverText(series, std::move(hover));
}

QLogValueAxis* countAxis()
{
    auto* axis = new QLogValueAxis;
    axis->setTitleText(MeasuredCharts::tr("Weights (log scale)"));
    axis->setLabelFormat(QStringLiteral("%.6g"));
    axis->setBase(10);
    axis->setMinorTickCount(0);
    axis->setRange(histogramFloor, 10);
    return axis;
}

} // namespace

MeasuredCharts::MeasuredCharts(QWidget* parent)
    : QWidget(parent)
    , m_previewRunner(new JobRunner(this))
    , m_sweepRunner(new JobRunner(this))
    , m_spectrumRunner(new JobRunner(this))
    , m_debounce(new QTimer(this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_tabs(new QTabWidget(this))
{
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_debounce, &QTimer::timeout, this, &MeasuredCharts::measureNow);

    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_cancel->hide();
    m_cancel->setToolTip(tr("Stop measuring this tensor"));
    connect(m_cancel, &QPushButton::clicked, this, [this] { stopJobs(); });

    auto* header = new QHBoxLayout;
    header->addWidget(m_status, 1);
    header->addWidget(m_progress);
    header->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(header);
    layout->addWidget(m_tabs, 1);

    buildErrorChart();
    buildHistogramChart();
    buildRoundingChart();
    buildRowChart();
    buildSpectrumChart();
    applyPalette();
    connect(m_tabs, &QTabWidget::currentChanged, this, &MeasuredCharts::startSpectrumIfShown);

    for (JobRunner* runner : {m_previewRunner, m_sweepRunner, m_spectrumRunner}) {
        connect(runner, &JobRunner::started, this, &MeasuredCharts::updateBusy);
        connect(runner, &JobRunner::finished, this, &MeasuredCharts::updateBusy);
        connect(runner, &JobRunner::failed, this, [this](const QString& message) { setStatus(message, true); });
    }
    // The sweep waits for the preview (see measureNow), whether it drew or failed; a cancel stops both.
    const auto sweepAfterPreview = [this] {
        if (m_sweepWanted)
            startSweep();
    };
    connect(m_previewRunner, &JobRunner::succeeded, this, sweepAfterPreview);
    connect(m_previewRunner, &JobRunner::failed, this, sweepAfterPreview);
    connect(m_previewRunner, &JobRunner::cancelled, this, [this] {
        if (!m_previewRunner->isRunning())
            setStatus(tr("Measuring stopped; move a slider or pick a tensor to measure again."));
    });
    clearCharts(tr("Open a model and select a tensor to see what the recipe does to its values."));
}

MeasuredCharts::~MeasuredCharts() = default;

void MeasuredCharts::stopJobs()
{
    m_debounce->stop();
    m_previewRunner->cancel();
    m_sweepRunner->cancel();
    m_spectrumRunner->cancel();
}

void MeasuredCharts::setRecipeProvider(std::function<Recipe()> provider)
{
    m_recipeProvider = std::move(provider);
}

void MeasuredCharts::setCheckpoint(std::shared_ptr<const Checkpoint> checkpoint)
{
    m_checkpoint = std::move(checkpoint);
    m_tensorIndex = -1;
    stopJobs();
    clearCharts(tr("Select a tensor to see what the recipe does to its values."));
}

void MeasuredCharts::setTensor(int tensorIndex)
{
    if (!m_checkpoint || tensorIndex < 0 || static_cast<std::size_t>(tensorIndex) >= m_checkpoint->tensors().size()) {
        m_tensorIndex = -1;
        stopJobs();
        clearCharts(tr("Select a tensor to see what the recipe does to its values."));
        return;
    }
    if (tensorIndex == m_tensorIndex)
        return;
    m_tensorIndex = tensorIndex;
    m_sweep.clear();
    m_preview.reset();
    m_spectrum.reset();
    m_sweepWanted = true;
    m_spectrumWanted = true;
    m_debounce->start();
}

void MeasuredCharts::recipeChanged()
{
    if (m_tensorIndex >= 0)
        m_debounce->start();
}

void MeasuredCharts::setDebounceMilliseconds(int milliseconds)
{
    m_debounce->setInterval(milliseconds);
}

void MeasuredCharts::measureNow()
{
    m_debounce->stop();
    // The preview first, with every core to itself: the sweep over all schemes (several times its work)
    // starts when the preview is done.
    if (!startPreview() && m_sweepWanted)
        startSweep();
    startSpectrumIfShown();
}

QString MeasuredCharts::statusText() const
{
    return m_status->text();
}

EstimateChartView* MeasuredCharts::addView(
    QChart* chart, QAbstractAxis* x, QAbstractAxis* y, const QString& tabTitle, const QString& toolTip)
{
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    return addView(chart, tabTitle, toolTip);
}

EstimateChartView* MeasuredCharts::addView(QChart* chart, const QString& tabTitle, const QString& toolTip)
{
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto* view = new EstimateChartView(chart, m_tabs);
    view->setMinimumHeight(220);
    connect(view, &EstimateChartView::exportRequested, this,
        [this, view](ChartExportFormat format) { Q_EMIT exportRequested(view, format); });
    const int index = m_tabs->addTab(view, tabTitle);
    m_tabs->setTabToolTip(index, toolTip);
    m_views << view;
    return view;
}

void MeasuredCharts::buildErrorChart()
{
    m_errorChart = new QChart;
    m_errorAxisX = new QLogValueAxis;
    m_errorAxisX->setTitleText(tr("Bits per weight, scales included"));
    m_errorAxisX->setBase(2);
    m_errorAxisX->setRange(1.7, 20);
    m_errorAxisX->setMinorTickCount(0);
    m_errorAxisX->setLabelFormat(QStringLiteral("%.6g"));
    m_errorAxisY = new QLogValueAxis;
    m_errorAxisY->setTitleText(tr("Relative error"));
    m_errorAxisY->setLabelFormat(QStringLiteral("%.6g"));
    m_errorAxisY->setBase(10);
    m_errorAxisY->setMinorTickCount(0);
    m_errorAxisY->setRange(1e-4, 1);
    m_errorChart->addAxis(m_errorAxisX, Qt::AlignBottom);
    m_errorChart->addAxis(m_errorAxisY, Qt::AlignLeft);
    auto* view = addView(m_errorChart, tr("Error/bits"),
        tr("Every scheme the lab has, measured on the selected tensor: fewer bits, more error. "
           "The integer line shows the cliff below 4 bits."));

    m_integerSeries = new QLineSeries;
    m_integerSeries->setName(tr("INT2–INT8, groups of 128"));
    m_integerSeries->setPointsVisible(true);
    m_blockSeries = new QScatterSeries;
    m_blockSeries->setName(tr("GGUF blocks (llama.cpp)"));
    m_blockSeries->setMarkerSize(9);
    m_otherSeries = new QScatterSeries;
    m_otherSeries->setName(tr("NF4, FP8, MXFP4, F16"));
    m_otherSeries->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_otherSeries->setMarkerSize(8);
    m_recipeMarker = new QScatterSeries;
    m_recipeMarker->setName(tr("This recipe"));
    m_recipeMarker->setMarkerShape(QScatterSeries::MarkerShapeStar);
    m_recipeMarker->setMarkerSize(20);
    m_recipeMarker->setColor(QColor(214, 39, 40));
    for (QXYSeries* series : std::initializer_list<QXYSeries*>{m_integerSeries, m_blockSeries, m_otherSeries}) {
        m_errorChart->addSeries(series);
        series->attachAxis(m_errorAxisX);
        series->attachAxis(m_errorAxisY);
        view->addHoverText(series, [this](const QPointF& point) {
            for (const auto& outcome : m_sweep)
                if (std::abs(outcome.metrics.bitsPerWeight - point.x()) < 1e-9
                    && std::abs(plottedError(outcome.metrics.relativeError, m_errorAxisY->min()) - point.y())
                        <= 1e-9 * std::max(1.0, point.y()))
                    return tr("%1: %2 bits/weight\nrelative error %3, SQNR %4")
                        .arg(schemeLabel(outcome.spec), numberText(outcome.metrics.bitsPerWeight),
                            numberText(outcome.metrics.relativeError), decibelText(outcome.metrics.sqnrDb));
            return QString();
        });
    }
    m_errorChart->addSeries(m_recipeMarker);
    m_recipeMarker->attachAxis(m_errorAxisX);
    m_recipeMarker->attachAxis(m_errorAxisY);
    view->addHoverText(m_recipeMarker, [this](const QPointF&) {
        if (!m_preview || !m_preview->plan.metrics)
            return QString();
        const auto& metrics = *m_preview->plan.metrics;
        return tr("This recipe on %1: %2 bits/weight\nrelative error %3, SQNR %4")
            .arg(QString::fromStdString(m_preview->plan.sourceName), numberText(metrics.bitsPerWeight),
                numberText(metrics.relativeError), decibelText(metrics.sqnrDb));
    });
}

void MeasuredCharts::buildHistogramChart()
{
    m_histogramChart = new QChart;
    m_histogramAxisX = valueAxis(tr("Weight value"), QStringLiteral("%.3g"));
    m_histogramAxisY = countAxis();
    auto* view = addView(m_histogramChart, m_histogramAxisX, m_histogramAxisY, tr("Grid"),
        tr("How the selected tensor's weights are spread, before and after the recipe, with the values one "
           "quantisation group can store drawn as vertical lines."));
    m_originalHistogram = new QLineSeries;
    m_originalHistogram->setName(tr("Original weights"));
    m_storedHistogram = new QLineSeries;
    m_storedHistogram->setName(tr("After the recipe"));
    m_storedHistogram->setPen(QPen(QColor(214, 39, 40), 1.5));
    for (QLineSeries* series : {m_originalHistogram, m_storedHistogram})
        addSeries(view, series, m_histogramAxisX, m_histogramAxisY, [series](const QPointF& point) {
            return tr("%1\nvalue %2: %3 weights")
                .arg(series->name(), numberText(point.x()), format::integer(static_cast<std::uint64_t>(point.y())));
        });
}

void MeasuredCharts::buildRoundingChart()
{
    m_roundingChart = new QChart;
    m_roundingAxisX = valueAxis(tr("Error per weight (stored − original)"), QStringLiteral("%.2g"));
    m_roundingAxisY = countAxis();
    auto* view = addView(m_roundingChart, m_roundingAxisX, m_roundingAxisY, tr("Rounding"),
        tr("The histogram of what the recipe changed in each weight of the selected tensor."));
    m_errorHistogram = new QLineSeries;
    m_errorHistogram->setName(tr("Error of each weight"));
    addSeries(view, m_errorHistogram, m_roundingAxisX, m_roundingAxisY, [](const QPointF& point) {
        return tr("error %1: %2 weights")
            .arg(numberText(point.x()), format::integer(static_cast<std::uint64_t>(point.y())));
    });
}

void MeasuredCharts::buildRowChart()
{
    m_rowChart = new QChart;
    m_rowAxisX = valueAxis(tr("Column"), QStringLiteral("%.0f"));
    m_rowAxisY = valueAxis(tr("Weight value"), QStringLiteral("%.3g"));
    auto* view = addView(m_rowChart, m_rowAxisX, m_rowAxisY, tr("One row"),
        tr("A stretch of one row of the selected tensor (the row with its largest weight): the original "
           "signal and what the recipe stores."));
    m_rowOriginal = new QLineSeries;
    m_rowOriginal->setName(tr("Original"));
    m_rowStored = new QLineSeries;
    m_rowStored->setName(tr("Stored by the recipe"));
    m_rowStored->setPointsVisible(true);
    m_rowStored->setPen(QPen(QColor(214, 39, 40), 1.2));
    for (QLineSeries* series : {m_rowOriginal, m_rowStored})
        addSeries(view, series, m_rowAxisX, m_rowAxisY, [series](const QPointF& point) {
            return tr("%1\ncolumn %2: %3")
                .arg(series->name(), QString::number(point.x(), 'f', 0), numberText(point.y()));
        });
}

void MeasuredCharts::buildSpectrumChart()
{
    m_spectrumChart = new QChart;
    m_spectrumAxisX = new QValueAxis;
    m_spectrumAxisX->setTitleText(tr("Rank (singular value number)"));
    m_spectrumAxisX->setLabelFormat(QStringLiteral("%.0f"));
    m_spectrumAxisY = new QLogValueAxis;
    m_spectrumAxisY->setTitleText(tr("Singular value"));
    m_spectrumAxisY->setLabelFormat(QStringLiteral("%.6g"));
    m_spectrumAxisY->setMinorTickCount(0);
    m_energyAxis = new QValueAxis;
    m_energyAxis->setTitleText(tr("Energy kept (%)"));
    m_energyAxis->setRange(0, 100);
    m_energyAxis->setTickCount(6);
    m_energyAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_spectrumChart->addAxis(m_spectrumAxisX, Qt::AlignBottom);
    m_spectrumChart->addAxis(m_spectrumAxisY, Qt::AlignLeft);
    m_spectrumChart->addAxis(m_energyAxis, Qt::AlignRight);
    auto* view = addView(m_spectrumChart, tr("Spectrum"),
        tr("The singular values of the selected tensor and the share of its energy (squared Frobenius norm) the "
           "first r of them keep: how far a low-rank factorisation can go."));
    m_singularValues = new QLineSeries;
    m_singularValues->setName(tr("Singular value σᵢ"));
    m_energy = new QLineSeries;
    m_energy->setName(tr("Energy kept by the first r (%)"));
    m_energy->setPen(QPen(QColor(255, 127, 14), 2.0));
    m_threshold = new QLineSeries;
    m_threshold->setName(tr("The recipe's rank"));
    QPen threshold(QColor(214, 39, 40), 1.5);
    threshold.setStyle(Qt::DashLine);
    m_threshold->setPen(threshold);
    m_spectrumChart->addSeries(m_singularValues);
    m_singularValues->attachAxis(m_spectrumAxisX);
    m_singularValues->attachAxis(m_spectrumAxisY);
    for (QLineSeries* series : {m_energy, m_threshold}) {
        m_spectrumChart->addSeries(series);
        series->attachAxis(m_spectrumAxisX);
        series->attachAxis(m_energyAxis);
    }
    view->addHoverText(m_singularValues, [](const QPointF& point) {
        return tr("σ%1 = %2").arg(QString::number(point.x(), 'f', 0), numberText(point.y()));
    });
    view->addHoverText(m_energy, [](const QPointF& point) {
        return tr("the first %1 keep %2 % of the energy")
            .arg(QString::number(point.x(), 'f', 0), QLocale().toString(point.y(), 'f', 1));
    });
}

void MeasuredCharts::startSpectrumIfShown()
{
    if (!m_spectrumWanted || m_tabs->currentIndex() != SpectrumTab || !m_checkpoint || m_tensorIndex < 0)
        return;
    m_spectrumWanted = false;
    const auto checkpoint = m_checkpoint;
    const auto index = static_cast<std::size_t>(m_tensorIndex);
    m_spectrumRunner->start<SpectrumChart>(
        tr("Singular values of %1").arg(QString::fromStdString(checkpoint->tensors()[index].name)),
        [checkpoint, index](Progress& progress, std::stop_token stop) {
            const auto view = checkpoint->tensor(index);
            const auto [rows, columns] = matrixShape(view.info());
            if (rows < 2 || columns < 2)
                throw std::invalid_argument(
                    "tensor '" + view.info().name + "' is a vector: it has no spectrum to factorise");
            const auto values = view.toFloats();
            requireFinite(view.info().name, values);
            const Eigen::MatrixXf weight
                = Eigen::Map<const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
                    values.data(), static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(columns));
            const double total = static_cast<double>(weight.cast<double>().squaredNorm());
            const auto smaller = static_cast<Eigen::Index>(std::min(rows, columns));
            // Exact up to 1536 (a few seconds); beyond, the leading 256 by randomized SVD.
            if (smaller <= 1536)
                return spectrumChart(exactSvd(weight, smaller, stop).singularValues, total, true);
            return spectrumChart(
                randomizedSvd(weight, 256, RandomizedSvdOptions{}, progress, stop).singularValues, total, false);
        },
        [this](const SpectrumChart& spectrum) { drawSpectrum(spectrum); });
}

void MeasuredCharts::drawSpectrum(const SpectrumChart& spectrum)
{
    m_spectrum = spectrum;
    QList<QPointF> values;
    QList<QPointF> energy;
    double smallest = INFINITY;
    double largest = 0;
    for (std::size_t i = 0; i < spectrum.singularValues.size(); ++i) {
        const double x = static_cast<double>(i + 1);
        const double sigma = spectrum.singularValues[i];
        if (sigma > 0) {
            values << QPointF(x, sigma);
            smallest = std::min(smallest, sigma);
            largest = std::max(largest, sigma);
        }
        energy << QPointF(x, 100.0 * spectrum.cumulativeEnergy[i]);
    }
    m_singularValues->replace(values);
    m_energy->replace(energy);
    m_spectrumAxisX->setRange(1, std::max<double>(2, static_cast<double>(spectrum.singularValues.size())));
    if (largest > 0)
        m_spectrumAxisY->setRange(smallest / 1.5, largest * 1.5);
    drawEnergyThreshold();
    Q_EMIT spectrumDrawn();
}

void MeasuredCharts::drawEnergyThreshold()
{
    if (!m_spectrum) {
        m_threshold->clear();
        return;
    }
    const QString name = m_checkpoint && m_tensorIndex >= 0
        ? QString::fromStdString(m_checkpoint->tensors()[static_cast<std::size_t>(m_tensorIndex)].name)
        : QString();
    const QString computed = m_spectrum->complete
        ? tr("all %1 singular values").arg(m_spectrum->singularValues.size())
        : tr("the leading %1 (randomized SVD)").arg(m_spectrum->singularValues.size());
    if (!m_recipeEnergy) {
        m_threshold->clear();
        m_spectrumChart->setTitle(tr("Spectrum of %1: %2<br>low rank is off in this recipe").arg(name, computed));
        return;
    }
    const auto [rows, columns] = matrixShape(m_checkpoint->tensors()[static_cast<std::size_t>(m_tensorIndex)]);
    const auto fullRank = static_cast<qulonglong>(std::min(rows, columns));
    Eigen::VectorXd sigma(static_cast<Eigen::Index>(m_spectrum->singularValues.size()));
    for (Eigen::Index i = 0; i < sigma.size(); ++i)
        sigma[i] = m_spectrum->singularValues[static_cast<std::size_t>(i)];
    const auto rank = rankForEnergy(sigma, m_spectrum->totalEnergy, *m_recipeEnergy);
    if (rank > sigma.size()) {
        m_threshold->clear();
        m_spectrumChart->setTitle(tr("Spectrum of %1: %2<br>%3 % of the energy needs more than these")
                                      .arg(name, computed, QLocale().toString(100.0 * *m_recipeEnergy, 'f', 0)));
        return;
    }
    m_threshold->replace({QPointF(static_cast<double>(rank), 0), QPointF(static_cast<double>(rank), 100)});
    m_spectrumChart->setTitle(tr("Spectrum of %1: %2<br>keeping %3 % of the energy takes rank %4 of %5")
                                  .arg(name, computed, QLocale().toString(100.0 * *m_recipeEnergy, 'f', 0))
                                  .arg(rank)
                                  .arg(fullRank));
}

bool MeasuredCharts::startPreview()
{
    if (!m_checkpoint || m_tensorIndex < 0 || !m_recipeProvider)
        return false;
    Recipe recipe;
    try {
        recipe = m_recipeProvider();
    } catch (const std::exception& e) {
        setStatus(tr("The recipe cannot be measured: %1").arg(QString::fromStdString(e.what())), true);
        return false;
    }
    m_recipeEnergy = recipe.lowRank ? recipe.lowRank->energy : std::nullopt;
    drawEnergyThreshold();
    const auto checkpoint = m_checkpoint;
    const auto index = static_cast<std::size_t>(m_tensorIndex);
    const QString name = QString::fromStdString(checkpoint->tensors()[index].name);
    setStatus(tr("Measuring %1 under the recipe…").arg(name));
    m_previewRunner->start<TensorPreview>(
        tr("Measuring %1").arg(name),
        [checkpoint, recipe, index](Progress&, std::stop_token stop) {
            const Pipeline pipeline(checkpoint, recipe, PipelineOptions{});
            const auto& plan = pipeline.plan();
            const auto found = std::find_if(
                plan.begin(), plan.end(), [index](const TensorPlan& entry) { return entry.sourceIndex == index; });
            if (found == plan.end())
                throw std::invalid_argument(
                    "tensor '" + checkpoint->tensors()[index].name + "' is not part of the export");
            return pipeline.preview(static_cast<std::size_t>(found - plan.begin()), PreviewOptions{}, stop);
        },
        [this](const TensorPreview& preview) { drawPreview(preview); });
    return true;
}

void MeasuredCharts::startSweep()
{
    m_sweepWanted = false;
    if (!m_checkpoint || m_tensorIndex < 0)
        return;
    const auto checkpoint = m_checkpoint;
    const auto index = static_cast<std::size_t>(m_tensorIndex);
    m_sweepRunner->start<std::vector<QuantOutcome>>(
        tr("Measuring every scheme on %1").arg(QString::fromStdString(checkpoint->tensors()[index].name)),
        [checkpoint, index](Progress& progress, std::stop_token stop) {
            return sweepSchemes(checkpoint->tensor(index), standardSchemes(), progress, stop);
        },
        [this](const std::vector<QuantOutcome>& sweep) { drawSweep(sweep); });
}

void MeasuredCharts::drawPreview(const TensorPreview& preview)
{
    m_preview = preview;
    ++m_previewsDrawn;
    const auto& plan = preview.plan;
    const QString name = QString::fromStdString(plan.sourceName);
    const QString shape = format::shape(plan.shape);

    // Status: what the recipe does to this tensor, in numbers measured just now.
    if (plan.metrics) {
        const auto& metrics = *plan.metrics;
        QString what = plan.spec ? schemeLabel(*plan.spec) : QString::fromUtf8(dtypeName(plan.storedAs));
        if (!plan.steps.empty()) {
            QStringList steps;
            for (const auto& step : plan.steps)
                steps << QString::fromStdString(step);
            what = steps.join(QStringLiteral(" + ")) + QStringLiteral(" + ") + what;
        }
        QString text = tr("<b>%1</b> (%2) under this recipe: %3, %4 bits/weight — RMS error %5, relative error %6, "
                          "SQNR %7")
                           .arg(name.toHtmlEscaped(), shape, what.toHtmlEscaped(), numberText(metrics.bitsPerWeight),
                               numberText(metrics.rmsError), format::percent(metrics.relativeError, 2),
                               decibelText(metrics.sqnrDb));
        if (preview.storedZeroFraction > 0.001)
            text += tr(", %1 of the weights stored as exactly zero").arg(format::percent(preview.storedZeroFraction));
        setStatus(text + tr(". <i>Measured on this checkpoint.</i>"));
    } else {
        setStatus(tr("<b>%1</b> (%2) is stored unchanged as %3%4.")
                      .arg(name.toHtmlEscaped(), shape, QString::fromUtf8(dtypeName(plan.storedAs)),
                          plan.keptBecause.empty() ? QString()
                                                   : QStringLiteral(" (")
                                  + tabletext::translated(tabletext::phrases, plan.keptBecause).toHtmlEscaped()
                                  + QStringLiteral(")")));
    }

    // Weight histogram with the grid of one group.
    m_originalHistogram->replace(logSafeOutline(preview.original));
    m_storedHistogram->replace(logSafeOutline(preview.stored));
    // The range shows every weight and every level of the drawn grid (a level no weight uses is
    // part of the story: symmetric INT2 spends one of its four there).
    double left = preview.original.lowest;
    double right = preview.original.highest;
    if (preview.grid && !preview.grid->levels.empty() && preview.grid->levels.size() <= maximumGridLines) {
        const double margin = 0.03 * (right - left);
        left = std::min(left, static_cast<double>(preview.grid->levels.front()) - margin);
        right = std::max(right, static_cast<double>(preview.grid->levels.back()) + margin);
    }
    m_histogramAxisX->setRange(left, right);
    const double tallest = static_cast<double>(std::max(tallestBin(preview.original), tallestBin(preview.stored)));
    m_histogramAxisY->setRange(histogramFloor, std::max(10.0, tallest * 2.0));
    for (QLineSeries* line : m_gridLines) {
        m_histogramChart->removeSeries(line);
        delete line;
    }
    m_gridLines.clear();
    QString gridNote;
    if (preview.grid && !preview.grid->levels.empty()) {
        const auto& levels = preview.grid->levels;
        if (levels.size() <= maximumGridLines) {
            QPen pen(QColor(30, 140, 30, 220));
            pen.setWidthF(1.3);
            pen.setStyle(Qt::DashLine);
            for (std::size_t i = 0; i < levels.size(); ++i) {
                auto* line = new QLineSeries;
                line->setPen(pen);
                line->setName(tr("Grid: %1 levels of one group").arg(levels.size()));
                line->append(levels[i], histogramFloor);
                line->append(levels[i], m_histogramAxisY->max());
                m_histogramChart->addSeries(line);
                line->attachAxis(m_histogramAxisX);
                line->attachAxis(m_histogramAxisY);
                const auto markers = m_histogramChart->legend()->markers(line);
                if (i > 0)
                    for (auto* marker : markers)
                        marker->setVisible(false);
                m_gridLines.push_back(line);
            }
        } else {
            gridNote = tr(" (%1 levels, too many to draw)").arg(levels.size());
        }
        gridNote = QStringLiteral("<br>")
            + (plan.spec ? gridText(*plan.spec, *preview.grid).toHtmlEscaped() : QString()) + gridNote;
    } else if (!plan.spec) {
        gridNote = tr("<br>not quantised: no grid");
    }
    m_histogramChart->setTitle(tr("Weights of %1, before and after%2").arg(name, gridNote));

    // Rounding error.
    m_errorHistogram->replace(logSafeOutline(preview.error));
    m_roundingAxisX->setRange(preview.error.lowest, preview.error.highest);
    m_roundingAxisY->setRange(histogramFloor, std::max(10.0, static_cast<double>(tallestBin(preview.error)) * 2.0));
    m_roundingChart->setTitle(plan.metrics
            ? tr("What the recipe changed in each weight of %1<br>RMS error %2, largest %3")
                  .arg(name, numberText(plan.metrics->rmsError), numberText(plan.metrics->maxAbsError))
            : tr("%1 is stored unchanged: every error is zero").arg(name));

    // One row, before and after.
    QList<QPointF> original;
    QList<QPointF> stored;
    double lowest = 0.0;
    double highest = 0.0;
    for (std::size_t i = 0; i < preview.sampleOriginal.size(); ++i) {
        const double x = static_cast<double>(preview.sampleFirstColumn + i);
        original << QPointF(x, preview.sampleOriginal[i]);
        stored << QPointF(x, preview.sampleStored[i]);
        lowest = std::min(
            {lowest, static_cast<double>(preview.sampleOriginal[i]), static_cast<double>(preview.sampleStored[i])});
        highest = std::max(
            {highest, static_cast<double>(preview.sampleOriginal[i]), static_cast<double>(preview.sampleStored[i])});
    }
    m_rowOriginal->replace(original);
    m_rowStored->replace(stored);
    if (!original.isEmpty()) {
        m_rowAxisX->setRange(original.front().x(), original.back().x());
        const double margin = std::max(1e-9, (highest - lowest) * 0.05);
        m_rowAxisY->setRange(lowest - margin, highest + margin);
    }
    m_rowChart->setTitle(
        tr("Row %1 of %2, columns %3–%4: original and stored<br>RMS error in this stretch %5")
            .arg(preview.sampleRow)
            .arg(name)
            .arg(preview.sampleFirstColumn)
            .arg(preview.sampleFirstColumn + std::max<std::size_t>(preview.sampleOriginal.size(), 1) - 1)
            .arg(numberText(preview.sampleRmsError)));
    drawRecipeMarker();
    applyPalette();
    Q_EMIT previewDrawn();
}

void MeasuredCharts::drawSweep(const std::vector<QuantOutcome>& sweep)
{
    m_sweep = sweep;
    // The axis spans the low-bit schemes; 16-bit formats, whose error is a rounding of the source's own
    // precision, sit on the floor (their hover text gives the value).
    double smallest = 1.0;
    double largest = 1e-3;
    for (const auto& outcome : m_sweep)
        if (outcome.metrics.relativeError > 0 && outcome.metrics.bitsPerWeight < 12) {
            smallest = std::min(smallest, outcome.metrics.relativeError);
            largest = std::max(largest, outcome.metrics.relativeError);
        }
    const double floor = std::pow(10.0, std::floor(std::log10(smallest) - 0.3));
    m_errorAxisY->setRange(floor, std::pow(10.0, std::ceil(std::log10(largest * 1.05))));
    QList<QPointF> integers;
    QList<QPointF> blocks;
    QList<QPointF> others;
    for (const auto& outcome : m_sweep) {
        const QPointF point(outcome.metrics.bitsPerWeight, plottedError(outcome.metrics.relativeError, floor));
        const auto& spec = outcome.spec;
        if (spec.format == QuantFormat::Int && spec.granularity == Granularity::PerGroup && spec.groupSize == 128
            && spec.symmetric)
            integers << point;
        else if (spec.isGgufBlockFormat())
            blocks << point;
        else
            others << point;
    }
    std::sort(integers.begin(), integers.end(), [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); });
    m_integerSeries->replace(integers);
    m_blockSeries->replace(blocks);
    m_otherSeries->replace(others);
    const QString name = m_checkpoint && m_tensorIndex >= 0
        ? QString::fromStdString(m_checkpoint->tensors()[static_cast<std::size_t>(m_tensorIndex)].name)
        : QString();
    m_errorChart->setTitle(
        tr("Reconstruction error against bits: %1 schemes measured on %2").arg(m_sweep.size()).arg(name));
    drawRecipeMarker();
    Q_EMIT sweepDrawn();
}

void MeasuredCharts::drawRecipeMarker()
{
    if (!m_preview || !m_preview->plan.metrics) {
        m_recipeMarker->clear();
        return;
    }
    const auto& metrics = *m_preview->plan.metrics;
    m_recipeMarker->replace({QPointF(metrics.bitsPerWeight, plottedError(metrics.relativeError, m_errorAxisY->min()))});
}

void MeasuredCharts::clearCharts(const QString& why)
{
    m_preview.reset();
    m_sweep.clear();
    for (QXYSeries* series : std::initializer_list<QXYSeries*>{m_integerSeries, m_blockSeries, m_otherSeries,
             m_recipeMarker, m_originalHistogram, m_storedHistogram, m_errorHistogram, m_rowOriginal, m_rowStored})
        series->clear();
    for (QLineSeries* line : m_gridLines) {
        m_histogramChart->removeSeries(line);
        delete line;
    }
    m_gridLines.clear();
    m_errorChart->setTitle(tr("Reconstruction error against bits (select a tensor)"));
    m_histogramChart->setTitle(tr("Weights before and after the recipe (select a tensor)"));
    m_roundingChart->setTitle(tr("Error of each weight (select a tensor)"));
    m_rowChart->setTitle(tr("One row, original and stored (select a tensor)"));
    m_spectrumChart->setTitle(tr("Singular values and energy (select a tensor)"));
    setStatus(why);
}

void MeasuredCharts::setStatus(const QString& text, bool isError)
{
    m_status->setText(isError ? format::errorHtml(text) : text);
}

void MeasuredCharts::updateBusy()
{
    const bool busy = m_previewRunner->isRunning() || m_sweepRunner->isRunning() || m_spectrumRunner->isRunning();
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
}

void MeasuredCharts::applyPalette()
{
    for (QChart* chart : {m_errorChart, m_histogramChart, m_roundingChart, m_rowChart})
        applyPaletteToChart(chart, palette());
}

void MeasuredCharts::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

} // namespace complab
