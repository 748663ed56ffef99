// The memory charts of the lab: VRAM by term (both runtime profiles) against hardware-tier
// budgets, VRAM against context length per KV-cache type, and the footprint of every precision
// step against FP32. Built once; each update only replaces points and values.
#pragma once

#include <QObject>

class QBarCategoryAxis;
class QBarSet;
class QChart;
class QLineSeries;
class QLogValueAxis;
class QScatterSeries;
class QValueAxis;

namespace complab {

class EstimateChartView;
class LabState;

class MemoryCharts : public QObject
{
    Q_OBJECT
public:
    explicit MemoryCharts(QWidget* parent);

    EstimateChartView* vramView() const { return m_vramView; }
    EstimateChartView* contextView() const { return m_contextView; }
    EstimateChartView* footprintView() const { return m_footprintView; }

    void updateVram(const LabState& state);
    void updateContext(const LabState& state);
    void updateFootprint(const LabState& state);

    // For tests: the bars' sets (weights, KV cache, activations, overhead) and the tier lines.
    QList<QBarSet*> vramSets() const { return m_vramSets; }
    QList<QLineSeries*> tierLineSeries() const { return m_tierLines; }
    QList<QLineSeries*> contextTotals() const { return m_contextTotals; }
    QBarSet* footprintSet() const { return m_footprintSet; }

private:
    void buildVram(QWidget* parent);
    void buildContext(QWidget* parent);
    void buildFootprint(QWidget* parent);

    QChart* m_vramChart;
    EstimateChartView* m_vramView;
    QList<QBarSet*> m_vramSets;
    QBarCategoryAxis* m_vramCategories;
    QValueAxis* m_vramAxis;
    QList<QLineSeries*> m_tierLines;

    QChart* m_contextChart;
    EstimateChartView* m_contextView;
    QList<QLineSeries*> m_contextTotals; // F16, FP8, Q8_0, Q4_0
    QLineSeries* m_contextWeights;
    QLineSeries* m_contextKv;
    QScatterSeries* m_contextCrossover;
    QScatterSeries* m_contextCurrent;
    QValueAxis* m_contextAxis;

    QChart* m_footprintChart;
    EstimateChartView* m_footprintView;
    QBarSet* m_footprintSet;
    QBarCategoryAxis* m_footprintCategories;
    QValueAxis* m_footprintAxis;
};

} // namespace complab
