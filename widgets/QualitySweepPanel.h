// Measured quality on the open model, beside the rule of thumb: the bit-width sweep (INT2…INT8,
// groups of 128, every weight matrix) as the share of tokens whose top prediction stays the
// original's and as perplexity kept, over the seed's precision curve; the magnitude-pruning sweep
// (10…90 % of every layer weight), which the lab window draws over the rule-of-thumb pruning curve;
// and per-layer sensitivity (the KL divergence when only that layer is quantised with the recipe's
// scheme). One background job, started with Measure (it runs the model some twenty times).
#pragma once

#include "QualityCharts.h"
#include "estimate/EstimatorConstants.h"
#include "model/QualitySweep.h"
#include "recipe/Recipe.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QBarCategoryAxis;
class QBarSeries;
class QBarSet;
class QChart;
class QLabel;
class QLineSeries;
class QProgressBar;
class QPushButton;
class QValueAxis;

namespace complab {

class Checkpoint;
class EstimateChartView;
class JobRunner;
enum class ChartExportFormat;

struct QualitySweepResult
{
    std::string scheme; // of the layer sensitivity
    QString whyNot; // set when the model cannot be evaluated
    PerplexityResult original;
    std::vector<VariantQuality> bits; // int2 … int8
    std::vector<double> pruningFractions; // magnitude pruning of every layer weight, per tensor
    std::vector<VariantQuality> pruning; // in the order of pruningFractions
    std::vector<VariantQuality> layers; // in layer order
};

class QualitySweepPanel : public QWidget
{
    Q_OBJECT
public:
    explicit QualitySweepPanel(QWidget* parent = nullptr);
    ~QualitySweepPanel() override;

    void setCheckpoint(std::shared_ptr<const Checkpoint> checkpoint);
    void setRecipeProvider(std::function<Recipe()> provider);
    void setConstantsProvider(std::function<EstimatorConstants()> provider);
    void setEvaluationText(const QString& path, std::int64_t predictions);
    void measure();
    // Redraws the rule-of-thumb curve (the constants changed).
    void constantsChanged();

    JobRunner* runner() const { return m_runner; }
    const std::optional<QualitySweepResult>& result() const { return m_result; }
    QLineSeries* ruleSeries() const { return m_rule; }
    QLineSeries* topTokenSeries() const { return m_topToken; }
    QLineSeries* perplexitySeries() const { return m_perplexity; }
    QBarSet* layerSet() const { return m_layerSet; }
    QString statusText() const;
    // The result as points for the rule-of-thumb charts (empty before a measurement).
    QualityCharts::MeasuredPoints measuredPoints() const;
    // The folder (or file) name the points were measured on.
    QString modelName() const;

Q_SIGNALS:
    void measured();
    void exportRequested(complab::EstimateChartView* view, complab::ChartExportFormat format);

private:
    void draw(const QualitySweepResult& result);

    std::shared_ptr<const Checkpoint> m_checkpoint;
    std::function<Recipe()> m_recipeProvider;
    std::function<EstimatorConstants()> m_constantsProvider;
    QString m_textPath;
    std::int64_t m_predictions = 1024;
    JobRunner* m_runner;
    QPushButton* m_measure;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_status;
    QChart* m_bitsChart;
    QLineSeries* m_rule;
    QLineSeries* m_topToken;
    QLineSeries* m_perplexity;
    QChart* m_layerChart;
    QBarSeries* m_layerSeries;
    QBarSet* m_layerSet;
    QBarCategoryAxis* m_layerAxis;
    QValueAxis* m_kldAxis;
    std::optional<QualitySweepResult> m_result;
};

} // namespace complab
