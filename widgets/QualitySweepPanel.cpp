#include "QualitySweepPanel.h"

#include "ChartPalette.h"
#include "EstimateChartData.h"
#include "EstimateChartView.h"
#include "EvaluationSetup.h"
#include "Format.h"
#include "JobRunner.h"
#include "io/Checkpoint.h"
#include "model/CompressionSweeps.h"
#include "model/Evaluator.h"
#include "model/Transformer.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace complab {

QualitySweepPanel::QualitySweepPanel(QWidget* parent)
    : QWidget(parent)
    , m_runner(new JobRunner(this))
    , m_measure(new QPushButton(tr("Measure quality"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_bitsChart(new QChart)
    , m_rule(new QLineSeries)
    , m_topToken(new QLineSeries)
    , m_perplexity(new QLineSeries)
    , m_layerChart(new QChart)
    , m_layerSeries(new QBarSeries)
    , m_layerSet(new QBarSet(tr("KL divergence")))
    , m_layerAxis(new QBarCategoryAxis)
    , m_kldAxis(new QValueAxis)
{
    m_measure->setToolTip(tr("Run the model on the held-out text at INT2…INT8 and with one layer at a time "
                             "quantised: some twenty forward passes over the text"));
    m_measure->setEnabled(false);
    m_cancel->setEnabled(false);
    m_progress->setRange(0, 1000);
    m_status->setWordWrap(true);
    m_status->setText(tr("Measure runs the model to put measured points beside the rule of thumb."));

    // Quality against bits: the seed's curve and the two measured ones.
    auto* bitsAxis = new QLogValueAxis;
    bitsAxis->setBase(2);
    bitsAxis->setRange(1.7, 20);
    bitsAxis->setMinorTickCount(0);
    bitsAxis->setLabelFormat(QStringLiteral("%.6g"));
    bitsAxis->setTitleText(tr("Bits per weight, scales included"));
    auto* qualityAxis = new QValueAxis;
    qualityAxis->setRange(0, 100);
    qualityAxis->setTickCount(6);
    qualityAxis->setLabelFormat(QStringLiteral("%.0f"));
    qualityAxis->setTitleText(tr("Quality (%)"));
    m_bitsChart->addAxis(bitsAxis, Qt::AlignBottom);
    m_bitsChart->addAxis(qualityAxis, Qt::AlignLeft);
    m_rule->setName(tr("Rule of thumb"));
    QPen rule(QColor(130, 130, 130), 2.0);
    rule.setStyle(Qt::DashLine);
    m_rule->setPen(rule);
    m_topToken->setName(tr("Top token kept"));
    m_topToken->setPointsVisible(true);
    m_topToken->setPen(QPen(QColor(31, 119, 180), 2.0));
    m_perplexity->setName(tr("Perplexity kept"));
    m_perplexity->setPointsVisible(true);
    m_perplexity->setPen(QPen(QColor(214, 39, 40), 2.0));
    auto* bitsView = new EstimateChartView(m_bitsChart, this);
    for (QLineSeries* series : {m_rule, m_topToken, m_perplexity}) {
        m_bitsChart->addSeries(series);
        series->attachAxis(bitsAxis);
        series->attachAxis(qualityAxis);
        bitsView->addHoverText(series, [series](const QPointF& point) {
            return tr("%1\n%2 bits/weight: %3 %")
                .arg(series->name(), format::number(point.x(), 3), QLocale().toString(point.y(), 'f', 1));
        });
    }
    m_bitsChart->legend()->setAlignment(Qt::AlignBottom);
    m_bitsChart->setTitle(tr("Quality against bits: measured and rule of thumb"));

    // Per-layer sensitivity.
    m_layerSeries->append(m_layerSet);
    m_layerChart->addSeries(m_layerSeries);
    m_layerAxis->setTitleText(tr("Layer"));
    m_kldAxis->setTitleText(tr("KL divergence"));
    m_kldAxis->setLabelFormat(QStringLiteral("%.3g"));
    m_layerChart->addAxis(m_layerAxis, Qt::AlignBottom);
    m_layerChart->addAxis(m_kldAxis, Qt::AlignLeft);
    m_layerSeries->attachAxis(m_layerAxis);
    m_layerSeries->attachAxis(m_kldAxis);
    m_layerChart->legend()->hide();
    m_layerChart->setTitle(tr("Per-layer sensitivity"));
    // An empty bar chart draws its axis titles loose at the top: hidden until there are bars.
    m_layerAxis->setVisible(false);
    m_kldAxis->setVisible(false);
    auto* layerView = new EstimateChartView(m_layerChart, this);
    layerView->addHoverText(m_layerSet, [this](int index) {
        return tr("layer %1: KL divergence %2 nats/token").arg(index).arg(format::number(m_layerSet->at(index), 3));
    });
    for (EstimateChartView* view : {bitsView, layerView}) {
        applyPaletteToChart(view->chart(), palette());
        connect(view, &EstimateChartView::exportRequested, this,
            [this, view](ChartExportFormat format) { Q_EMIT exportRequested(view, format); });
    }

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_measure);
    controls->addWidget(m_cancel);
    controls->addWidget(m_progress);
    controls->addWidget(m_status, 1);
    auto* charts = new QHBoxLayout;
    charts->addWidget(bitsView, 3);
    charts->addWidget(layerView, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addLayout(charts, 1);

    connect(m_measure, &QPushButton::clicked, this, &QualitySweepPanel::measure);
    connect(m_cancel, &QPushButton::clicked, m_runner, &JobRunner::cancel);
    connect(m_runner, &JobRunner::started, this, [this] {
        m_measure->setEnabled(false);
        m_cancel->setEnabled(true);
    });
    connect(m_runner, &JobRunner::finished, this, [this] {
        m_measure->setEnabled(m_checkpoint != nullptr);
        m_cancel->setEnabled(false);
    });
    connect(m_runner, &JobRunner::progressChanged, this, [this](double fraction, const QString& step) {
        m_progress->setValue(int(fraction * 1000));
        m_status->setText(tr("Measuring… %1").arg(step.toHtmlEscaped()));
    });
    connect(m_runner, &JobRunner::failed, this,
        [this](const QString& message) { m_status->setText(format::errorHtml(message)); });
    connect(m_runner, &JobRunner::cancelled, this, [this] { m_status->setText(tr("Measuring stopped.")); });
}

QualitySweepPanel::~QualitySweepPanel()
{
    m_runner->cancel();
    m_runner->waitForIdle();
}

void QualitySweepPanel::setCheckpoint(std::shared_ptr<const Checkpoint> checkpoint)
{
    m_runner->cancel();
    m_checkpoint = std::move(checkpoint);
    m_result.reset();
    m_topToken->clear();
    m_perplexity->clear();
    m_layerSet->remove(0, m_layerSet->count());
    m_layerAxis->setVisible(false);
    m_kldAxis->setVisible(false);
    m_layerChart->setTitle(tr("Per-layer sensitivity"));
    m_measure->setEnabled(m_checkpoint != nullptr);
    m_progress->setValue(0);
    m_status->setText(tr("Measure runs the model to put measured points beside the rule of thumb."));
}

void QualitySweepPanel::setRecipeProvider(std::function<Recipe()> provider)
{
    m_recipeProvider = std::move(provider);
}

void QualitySweepPanel::setConstantsProvider(std::function<EstimatorConstants()> provider)
{
    m_constantsProvider = std::move(provider);
    constantsChanged();
}

void QualitySweepPanel::constantsChanged()
{
    m_rule->replace(
        chartdata::quantisationQualityCurve(m_constantsProvider ? m_constantsProvider() : EstimatorConstants{}));
}

void QualitySweepPanel::setEvaluationText(const QString& path, std::int64_t predictions)
{
    m_textPath = path;
    m_predictions = predictions;
}

QString QualitySweepPanel::statusText() const
{
    return m_status->text();
}

void QualitySweepPanel::measure()
{
    if (!m_checkpoint || m_textPath.isEmpty())
        return;
    // Layer sensitivity at the recipe's scheme when it is a quantiser, else INT4 g128.
    QuantSpec spec = QuantSpec::integer(4, 128);
    if (m_recipeProvider)
        if (const auto recipeSpec = m_recipeProvider().quantization.spec(); recipeSpec
            && recipeSpec->ggufStorageType() != DType::F32 && recipeSpec->ggufStorageType() != DType::F16
            && recipeSpec->ggufStorageType() != DType::BF16)
            spec = *recipeSpec;
    const auto checkpoint = m_checkpoint;
    const std::string textPath = QFile::encodeName(m_textPath).toStdString();
    const auto predictions = m_predictions;
    m_runner->start<QualitySweepResult>(
        tr("Measuring quality"),
        [checkpoint, textPath, predictions, spec](Progress& progress, std::stop_token stop) {
            QualitySweepResult result;
            const auto tokenizer
                = evaluationTokenizer(*checkpoint, &result.whyNot); // reads files: not on the GUI thread
            if (!tokenizer)
                return result;
            result.scheme = spec.name();
            progress.setStep("loading the model", 0.0);
            auto setup = prepareEvaluation(*checkpoint, *tokenizer, textPath, predictions);
            Progress quiet;
            const auto baseline
                = EvaluationBaseline::compute(Transformer(setup.weights), std::move(setup.windows), quiet, stop);
            result.original = baseline->perplexity();
            Progress bits(
                [&progress](double f, const std::string&) { progress.setStep("INT2 … INT8", 0.05 + 0.35 * f); });
            result.bits = sweepBits(*baseline, *setup.weights, QuantSpec::integer(4, 128), bits, stop, 2, 8);
            Progress pruning(
                [&progress](double f, const std::string&) { progress.setStep("pruning 10 … 90 %", 0.4 + 0.25 * f); });
            result.pruningFractions = {0.1, 0.3, 0.5, 0.7, 0.9};
            result.pruning = sweepPruning(*baseline, *setup.weights, result.pruningFractions, false, pruning, stop);
            Progress layers(
                [&progress](double f, const std::string&) { progress.setStep("layer by layer", 0.65 + 0.35 * f); });
            result.layers = layerSensitivity(*baseline, *setup.weights, spec, layers, stop);
            // In layer order for the bars ("layer 12").
            std::sort(result.layers.begin(), result.layers.end(), [](const VariantQuality& a, const VariantQuality& b) {
                return std::stoi(a.label.substr(a.label.rfind(' ') + 1))
                    < std::stoi(b.label.substr(b.label.rfind(' ') + 1));
            });
            progress.report(1.0);
            return result;
        },
        [this](const QualitySweepResult& result) { draw(result); });
}

void QualitySweepPanel::draw(const QualitySweepResult& result)
{
    if (!result.whyNot.isEmpty()) {
        m_status->setText(tr("Cannot measure: %1.").arg(result.whyNot.toHtmlEscaped()));
        return;
    }
    m_result = result;
    const QualityCharts::MeasuredPoints points = measuredPoints();
    m_topToken->replace(points.precisionTopToken);
    m_perplexity->replace(points.precisionPerplexity);
    m_bitsChart->setTitle(tr("Measured on %1 and the rule of thumb").arg(modelName().toHtmlEscaped()));

    m_layerSet->remove(0, m_layerSet->count());
    QStringList categories;
    double largest = 0.0;
    for (std::size_t i = 0; i < result.layers.size(); ++i) {
        const double kld = result.layers[i].quality.meanKld;
        m_layerSet->append(kld);
        categories << QString::number(i);
        largest = std::max(largest, kld);
    }
    m_layerAxis->setCategories(categories);
    m_layerAxis->setVisible(true);
    m_kldAxis->setVisible(true);
    m_kldAxis->setRange(0, largest > 0 ? largest * 1.15 : 1e-3);
    m_layerChart->setTitle(tr("One layer at a time at %1").arg(QString::fromStdString(result.scheme)));
    m_status->setText(
        tr("Original perplexity %1 on %2 held-out tokens. Top token kept: how often the quantised model's "
           "first choice is the original's; perplexity kept: PPL₀ / PPL. Measured on this checkpoint.")
            .arg(QLocale().toString(result.original.perplexity, 'f', 3))
            .arg(QLocale().toString(qlonglong(result.original.tokens))));
    Q_EMIT measured();
}

QString QualitySweepPanel::modelName() const
{
    if (!m_checkpoint)
        return {};
    // A folder names a Hugging Face model; a single file (GGUF, llama2.c) names itself.
    const auto& path = m_checkpoint->path();
    return QString::fromStdString(
        (path.extension() == ".safetensors" ? path.parent_path().filename() : path.filename()).string());
}

QualityCharts::MeasuredPoints QualitySweepPanel::measuredPoints() const
{
    QualityCharts::MeasuredPoints points;
    if (!m_result)
        return points;
    for (const auto& variant : m_result->bits) {
        points.precisionTopToken << QPointF(variant.bitsPerWeight, 100.0 * variant.quality.sameTopFraction);
        points.precisionPerplexity << QPointF(variant.bitsPerWeight, 100.0 / variant.quality.perplexityRatio);
    }
    for (std::size_t i = 0; i < m_result->pruning.size() && i < m_result->pruningFractions.size(); ++i) {
        const auto& quality = m_result->pruning[i].quality;
        const double x = 100.0 * m_result->pruningFractions[i];
        points.pruningTopToken << QPointF(x, 100.0 * quality.sameTopFraction);
        points.pruningPerplexity << QPointF(x, 100.0 / quality.perplexityRatio);
    }
    // Nothing pruned, nothing quantised: the original model keeps everything.
    if (!points.pruningTopToken.isEmpty()) {
        points.pruningTopToken.prepend(QPointF(0, 100));
        points.pruningPerplexity.prepend(QPointF(0, 100));
    }
    auto byX = [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); };
    for (QList<QPointF>* list :
        {&points.precisionTopToken, &points.precisionPerplexity, &points.pruningTopToken, &points.pruningPerplexity})
        std::sort(list->begin(), list->end(), byX);
    return points;
}

} // namespace complab
