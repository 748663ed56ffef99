#include "EstimateChartView.h"

#include <QAbstractAxis>
#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBuffer>
#include <QContextMenuEvent>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QSvgGenerator>
#include <QToolTip>
#include <QXYSeries>

namespace complab {

namespace {

QString csvField(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    return QLatin1Char('"') + QString(text).replace(QStringLiteral("\""), QStringLiteral("\"\"")) + QLatin1Char('"');
}

QString number(double value)
{
    return QString::number(value, 'g', 10); // C locale: CSV readers expect a point
}

} // namespace

EstimateChartView::EstimateChartView(QChart* chart, QWidget* parent)
    : QChartView(chart, parent)
{
    // Tick labels in the interface language's number format (0,25 in German), like every other number.
    if (chart) {
        chart->setLocalizeNumbers(true);
        chart->setLocale(QLocale());
    }
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
    setToolTip(tr("Hover over points and bars for values; right-click to export the chart or its data."));
}

void EstimateChartView::addHoverText(QXYSeries* series, std::function<QString(const QPointF&)> text)
{
    connect(series, &QXYSeries::hovered, this,
        [this, text](const QPointF& point, bool state) { showHover(text(point), state); });
}

void EstimateChartView::addHoverText(QBarSet* set, std::function<QString(int)> text)
{
    connect(set, &QBarSet::hovered, this, [this, text](bool state, int index) { showHover(text(index), state); });
}

void EstimateChartView::showHover(const QString& text, bool entering)
{
    if (!entering) {
        QToolTip::hideText();
        return;
    }
    m_lastHoverText = text;
    QToolTip::showText(QCursor::pos(), text, this);
}

QByteArray EstimateChartView::pngBytes() const
{
    const QPixmap pixmap = const_cast<EstimateChartView*>(this)->grab();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    pixmap.save(&buffer, "PNG");
    return bytes;
}

QByteArray EstimateChartView::svgBytes() const
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(size());
    generator.setViewBox(rect());
    generator.setTitle(chart()->title());
    QPainter painter(&generator);
    const_cast<EstimateChartView*>(this)->render(&painter);
    painter.end();
    return bytes;
}

QByteArray EstimateChartView::csvBytes() const
{
    QString xTitle = tr("x");
    QString yTitle = tr("y");
    const auto horizontal = chart()->axes(Qt::Horizontal);
    const auto vertical = chart()->axes(Qt::Vertical);
    if (!horizontal.isEmpty() && !horizontal.front()->titleText().isEmpty())
        xTitle = horizontal.front()->titleText();
    if (!vertical.isEmpty() && !vertical.front()->titleText().isEmpty())
        yTitle = vertical.front()->titleText();
    QString csv
        = tr("series") + QLatin1Char(',') + csvField(xTitle) + QLatin1Char(',') + csvField(yTitle) + QLatin1Char('\n');
    for (QAbstractSeries* series : chart()->series()) {
        if (auto* xy = qobject_cast<QXYSeries*>(series)) {
            for (const QPointF& point : xy->points())
                csv += csvField(xy->name()) + QLatin1Char(',') + number(point.x()) + QLatin1Char(',')
                    + number(point.y()) + QLatin1Char('\n');
        } else if (auto* bars = qobject_cast<QAbstractBarSeries*>(series)) {
            QStringList categories;
            for (QAbstractAxis* axis : bars->attachedAxes())
                if (auto* categoryAxis = qobject_cast<QBarCategoryAxis*>(axis))
                    categories = categoryAxis->categories();
            for (QBarSet* set : bars->barSets())
                for (int i = 0; i < set->count(); ++i)
                    csv += csvField(set->label()) + QLatin1Char(',')
                        + csvField(i < categories.size() ? categories[i] : QString::number(i)) + QLatin1Char(',')
                        + number(set->at(i)) + QLatin1Char('\n');
        }
    }
    return csv.toUtf8();
}

void EstimateChartView::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu menu(this);
    menu.addAction(tr("Export as &PNG image…"), this, [this] { Q_EMIT exportRequested(ChartExportFormat::Png); });
    menu.addAction(tr("Export as &SVG drawing…"), this, [this] { Q_EMIT exportRequested(ChartExportFormat::Svg); });
    menu.addAction(tr("Export data as &CSV…"), this, [this] { Q_EMIT exportRequested(ChartExportFormat::Csv); });
    menu.exec(event->globalPos());
}

} // namespace complab
