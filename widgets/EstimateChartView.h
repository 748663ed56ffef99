// A chart view for the lab's estimate charts: hover tooltips on points and bars, and the chart as
// PNG, SVG or CSV bytes (the app writes them to disk). A right click offers the exports.
#pragma once

#include <QChartView>

#include <functional>

class QBarSet;
class QXYSeries;

namespace complab {

enum class ChartExportFormat { Png, Svg, Csv };

class EstimateChartView : public QChartView
{
    Q_OBJECT
public:
    explicit EstimateChartView(QChart* chart, QWidget* parent = nullptr);

    // Shows text(point) while the pointer is over a point of the series.
    void addHoverText(QXYSeries* series, std::function<QString(const QPointF&)> text);
    // Shows text(index) while the pointer is over bar `index` of the set.
    void addHoverText(QBarSet* set, std::function<QString(int)> text);

    // The chart as an image at the screen's pixel ratio (sharp on HiDPI).
    QByteArray pngBytes() const;
    QByteArray svgBytes() const;
    // Every series' data, one row per point or bar: series, x (or category), y; headers from the axis titles.
    QByteArray csvBytes() const;
    // The text shown by the last hover (for tests).
    const QString& lastHoverText() const { return m_lastHoverText; }

Q_SIGNALS:
    void exportRequested(complab::ChartExportFormat format);

protected:
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void showHover(const QString& text, bool entering);

    QString m_lastHoverText;
};

} // namespace complab
