// Compare mode: the open checkpoint against a second one of the same model (e.g. the original
// safetensors and a GGUF quantised elsewhere). Every tensor pair's real error, worst first, and the
// overlaid histograms of the selected pair; tensors found in one file only are listed. Opening and
// comparing run as background jobs.
#pragma once

#include "recipe/CheckpointComparison.h"

#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QLineSeries;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QValueAxis;
class QLogValueAxis;
class QChart;

namespace complab {

class Checkpoint;
class EstimateChartView;
class JobRunner;
enum class ChartExportFormat;

class ComparePanel : public QWidget
{
    Q_OBJECT
public:
    enum Column { TensorColumn, TypesColumn, ErrorColumn, SqnrColumn, MaxErrorColumn, ColumnCount };

    explicit ComparePanel(QWidget* parent = nullptr);
    ~ComparePanel() override;

    void setReference(std::shared_ptr<const Checkpoint> reference);
    // Opens `path` in the background and compares it with the reference.
    void compareWith(const QString& path);

    JobRunner* runner() const { return m_runner; }
    const std::optional<CheckpointComparison>& comparison() const { return m_comparison; }
    QTableWidget* table() const { return m_table; }
    QLineSeries* referenceSeries() const { return m_referenceSeries; }
    QLineSeries* otherSeries() const { return m_otherSeries; }
    EstimateChartView* chartView() const { return m_view; }
    QString summaryText() const;

Q_SIGNALS:
    void compared();
    void exportRequested(complab::EstimateChartView* view, complab::ChartExportFormat format);

private:
    void chooseFile();
    void showComparison(const CheckpointComparison& comparison, const QString& otherName);
    void showPair(int row);

    std::shared_ptr<const Checkpoint> m_reference;
    JobRunner* m_runner;
    QPushButton* m_choose;
    QLabel* m_summary;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QTableWidget* m_table;
    QChart* m_chart;
    QValueAxis* m_axisX;
    QLogValueAxis* m_axisY;
    QLineSeries* m_referenceSeries;
    QLineSeries* m_otherSeries;
    EstimateChartView* m_view;
    std::optional<CheckpointComparison> m_comparison;
    QString m_otherName;
};

} // namespace complab
