// The quality charts of the lab: the rule-of-thumb curves (precision steps, pruning cubic,
// distillation logarithm) with the recipe marked on each, and the landscape of real models with the
// recipe's point moving among them. Built once; updates replace points only.
#pragma once

#include "estimate/EstimatorConstants.h"

#include <QObject>
#include <QPointF>

class QChart;
class QLabel;
class QLineSeries;
class QScatterSeries;
class QValueAxis;
class QWidget;

namespace complab {

class EstimateChartView;
class LabState;

class QualityCharts : public QObject
{
    Q_OBJECT
public:
    explicit QualityCharts(QWidget* parent);

    // Precision, pruning, distillation.
    QList<EstimateChartView*> curveViews() const { return m_curveViews; }
    EstimateChartView* landscapeView() const { return m_landscapeView; }
    // How the three factors multiply for the current recipe.
    QLabel* explanation() const { return m_explanation; }

    void updateCurves(const LabState& state);
    void updateLandscape(const LabState& state);

    // Points measured on the open model (the Quality tab's sweeps) drawn over the precision and the
    // pruning curves, in percent: the share of tokens whose top prediction stays the original's, and
    // perplexity kept (PPL₀ / PPL). Empty lists clear them.
    struct MeasuredPoints
    {
        QList<QPointF> precisionTopToken; // x: bits per weight, scales included
        QList<QPointF> precisionPerplexity;
        QList<QPointF> pruningTopToken; // x: weights pruned (%)
        QList<QPointF> pruningPerplexity;
    };
    void setMeasured(const QString& model, const MeasuredPoints& points);
    void clearMeasured() { setMeasured(QString(), MeasuredPoints{}); }
    // Per curve chart (precision, pruning, distillation): top token kept, perplexity kept.
    QList<QLineSeries*> measuredTopToken() const { return m_measuredTopToken; }
    QList<QLineSeries*> measuredPerplexity() const { return m_measuredPerplexity; }

    QList<QScatterSeries*> curveMarkers() const { return m_curveMarkers; }
    QScatterSeries* landscapeMarker() const { return m_landscapeMarker; }

private:
    EstimateChartView* buildCurve(
        QWidget* parent, const QString& title, const QString& xTitle, bool logX, double xMin, double xMax);
    void buildLandscape(QWidget* parent);

    QList<EstimateChartView*> m_curveViews;
    QList<QLineSeries*> m_curves;
    QList<QScatterSeries*> m_curveMarkers;
    QList<QLineSeries*> m_measuredTopToken;
    QList<QLineSeries*> m_measuredPerplexity;
    QList<QValueAxis*> m_curveQualityAxes;
    QString m_measuredModel;
    QLabel* m_explanation;
    EstimateChartView* m_landscapeView;
    QScatterSeries* m_landscapeMarker;
    QScatterSeries* m_landscapeInt4;
    QString m_landscapeReference;
    bool m_curvesDrawn = false;
    EstimatorConstants m_curveConstants;
};

} // namespace complab
