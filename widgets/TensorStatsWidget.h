// Statistics and value histogram of the selected tensor, computed by a background job with a
// progress bar and a cancel button; the window stays responsive whatever the tensor's size.
#pragma once

#include "tensor/TensorStats.h"

#include <QWidget>

#include <memory>

class QChart;
class QChartView;
class QFormLayout;
class QLabel;
class QLineSeries;
class QProgressBar;
class QPushButton;

namespace complab {

class Checkpoint;
class JobRunner;

class TensorStatsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit TensorStatsWidget(QWidget* parent = nullptr);
    ~TensorStatsWidget() override;

    // Starts computing the statistics of one tensor (cancelling any computation under way).
    void setTensor(const std::shared_ptr<const Checkpoint>& checkpoint, int tensorIndex);
    void clear();

    JobRunner* runner() const { return m_runner; }
    // The histogram outline: two points per bin (its left and right edge at the bin's count).
    QLineSeries* histogramSeries() const { return m_series; }
    QString field(const QString& name) const;

    // Chart geometry of a histogram as a closed step outline (exposed for tests).
    static QList<QPointF> stepOutline(const Histogram& histogram);

Q_SIGNALS:
    void statsReady();

protected:
    void changeEvent(QEvent* event) override;

private:
    void showStats(const TensorStats& stats);
    void setFieldsEmpty();
    QLabel* addField(const QString& name, const QString& label, const QString& toolTip);

    JobRunner* m_runner;
    QLabel* m_title;
    QFormLayout* m_form;
    std::vector<std::pair<QString, QLabel*>> m_fields;
    QChart* m_chart;
    QChartView* m_chartView;
    QLineSeries* m_series;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QLabel* m_status;
    QString m_tensorName;
};

} // namespace complab
