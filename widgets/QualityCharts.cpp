#include "QualityCharts.h"

#include "EstimateChartData.h"
#include "EstimateChartView.h"
#include "LabState.h"
#include "TableText.h"
#include "estimate/QualityModel.h"

#include <QChart>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace complab {

namespace {

QString percentText(double value)
{
    return QLocale().toString(value, 'f', 1) + QStringLiteral(" %");
}

QString groupName(LandscapeGroup group)
{
    switch (group) {
    case LandscapeGroup::GeneralPurpose:
        return QualityCharts::tr("General-purpose open models");
    case LandscapeGroup::Small:
        return QualityCharts::tr("Small models (≤ 4B)");
    case LandscapeGroup::Tiny:
        return QualityCharts::tr("Tiny models (≤ 1.5B)");
    case LandscapeGroup::Large:
        return QualityCharts::tr("Large models (≥ 40B)");
    }
    return {};
}

// A one-point marker moved only when its point changed.
void replaceIfMoved(QScatterSeries* marker, const QPointF& point)
{
    if (marker->count() != 1 || marker->at(0) != point)
        marker->replace({point});
}

// The landscape model at a chart point, for the hover text.
const LandscapeEntry* entryAt(const QPointF& point, bool int4)
{
    for (const auto& entry : defaultLandscapeTable().rows()) {
        const double x = (int4 ? entry.int4Bytes : entry.fp16Bytes) / 1e9;
        if (std::abs(x - point.x()) < 1e-6 * std::max(1.0, x) && std::abs(entry.quality - point.y()) < 1e-6)
            return &entry;
    }
    return nullptr;
}

} // namespace

QualityCharts::QualityCharts(QWidget* parent)
    : QObject(parent)
{
    // Short axis titles: the three charts share one row.
    m_curveViews << buildCurve(parent, tr("Quality against precision"), tr("Bits per weight"), true, 1, 32);
    m_curveViews << buildCurve(parent, tr("Quality against pruning"), tr("Pruned (%)"), false, 0, 90);
    m_curveViews << buildCurve(parent, tr("Quality against distillation"), tr("Smaller by (×)"), true, 1, 16);
    m_explanation = new QLabel(parent);
    m_explanation->setWordWrap(true);
    m_explanation->setTextFormat(Qt::RichText);
    m_explanation->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_explanation->setMargin(4);
    buildLandscape(parent);
}

EstimateChartView* QualityCharts::buildCurve(
    QWidget* parent, const QString& title, const QString& xTitle, bool logX, double xMin, double xMax)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    QAbstractAxis* axisX = nullptr;
    if (logX) {
        auto* axis = new QLogValueAxis;
        axis->setBase(2);
        axis->setLabelFormat(QStringLiteral("%.6g"));
        axis->setRange(xMin, xMax);
        axis->setMinorTickCount(0);
        axisX = axis;
    } else {
        auto* axis = new QValueAxis;
        axis->setLabelFormat(QStringLiteral("%.0f"));
        axis->setRange(xMin, xMax);
        axis->setTickCount(4); // 0, 30, 60, 90
        axisX = axis;
    }
    axisX->setTitleText(xTitle);
    auto* axisY = new QValueAxis;
    axisY->setTitleText(tr("Quality (%)"));
    axisY->setRange(40, 100);
    axisY->setTickCount(7);
    axisY->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    auto* view = new EstimateChartView(chart, parent);
    auto* curve = new QLineSeries;
    curve->setName(tr("Rule of thumb"));
    auto* marker = new QScatterSeries;
    marker->setName(tr("This recipe"));
    marker->setMarkerSize(12);
    for (QXYSeries* series : {static_cast<QXYSeries*>(curve), static_cast<QXYSeries*>(marker)}) {
        chart->addSeries(series);
        series->attachAxis(axisX);
        series->attachAxis(axisY);
        view->addHoverText(series, [series, xTitle](const QPointF& point) {
            return tr("%1\n%2: %3\nquality %4")
                .arg(series->name(), xTitle, QLocale().toString(point.x(), 'g', 3), percentText(point.y()));
        });
    }
    // Measured on the open model (empty until the Quality tab measures it): hidden from the legend
    // while empty, so the rule-of-thumb charts stay uncluttered before a measurement.
    auto* topToken = new QLineSeries;
    auto* perplexity = new QLineSeries;
    topToken->setPen(QPen(QColor(31, 119, 180), 2.0));
    perplexity->setPen(QPen(QColor(214, 39, 40), 2.0));
    for (QLineSeries* series : {topToken, perplexity}) {
        series->setPointsVisible(true);
        chart->addSeries(series);
        series->attachAxis(axisX);
        series->attachAxis(axisY);
        view->addHoverText(series, [series, xTitle](const QPointF& point) {
            return tr("%1, on %2\n%3: %4\nmeasured %5")
                .arg(series->name(), series->property("model").toString(), xTitle,
                    QLocale().toString(point.x(), 'g', 3), percentText(point.y()));
        });
    }
    // No legend: four entries do not fit a third of the tab. The explanation under the charts is the key,
    // and each point names its series on hover.
    chart->legend()->hide();
    m_curves << curve;
    m_curveMarkers << marker;
    m_measuredTopToken << topToken;
    m_measuredPerplexity << perplexity;
    m_curveQualityAxes << axisY;
    return view;
}

void QualityCharts::buildLandscape(QWidget* parent)
{
    auto* chart = new QChart;
    chart->setTitle(tr("Where real models sit: size on disk against quality (Llama-3.1-8B FP16 = 100)"));
    auto* axisX = new QLogValueAxis;
    axisX->setBase(10);
    axisX->setTitleText(tr("Weights on disk (GB, log scale)"));
    axisX->setLabelFormat(QStringLiteral("%.6g"));
    axisX->setRange(0.1, 1000);
    axisX->setMinorTickCount(8);
    auto* axisY = new QValueAxis;
    axisY->setTitleText(tr("Quality (normalised MMLU, Llama-3.1-8B = 100)"));
    axisY->setRange(20, 140);
    axisY->setTickCount(7);
    axisY->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    m_landscapeView = new EstimateChartView(chart, parent);
    const auto add = [&](QScatterSeries* series, const QString& name) {
        series->setName(name);
        chart->addSeries(series);
        series->attachAxis(axisX);
        series->attachAxis(axisY);
    };
    for (const auto group :
        {LandscapeGroup::GeneralPurpose, LandscapeGroup::Small, LandscapeGroup::Tiny, LandscapeGroup::Large}) {
        auto* series = new QScatterSeries;
        series->replace(chartdata::landscapePoints(defaultLandscapeTable(), group, false));
        series->setMarkerSize(10);
        add(series, groupName(group) + tr(", FP16"));
        m_landscapeView->addHoverText(series, [](const QPointF& point) {
            const auto* entry = entryAt(point, false);
            return entry ? tr("%1 at FP16: %2 GB, quality %3 (MMLU %4)\n%5")
                               .arg(QString::fromStdString(entry->name), QLocale().toString(point.x(), 'g', 3),
                                   QLocale().toString(entry->quality, 'f', 1), QLocale().toString(entry->mmlu, 'f', 1),
                                   tabletext::translated(tabletext::landscape, entry->source))
                         : QString();
        });
    }
    auto* int4 = new QScatterSeries;
    QList<QPointF> int4Points;
    for (const auto group :
        {LandscapeGroup::GeneralPurpose, LandscapeGroup::Small, LandscapeGroup::Tiny, LandscapeGroup::Large})
        int4Points << chartdata::landscapePoints(defaultLandscapeTable(), group, true);
    int4->replace(int4Points);
    int4->setMarkerSize(7);
    m_landscapeInt4 = int4;
    add(int4, tr("The same models at INT4"));
    m_landscapeView->addHoverText(int4, [](const QPointF& point) {
        const auto* entry = entryAt(point, true);
        return entry
            ? tr("%1 at INT4: %2 GB").arg(QString::fromStdString(entry->name), QLocale().toString(point.x(), 'g', 3))
            : QString();
    });
    m_landscapeMarker = new QScatterSeries;
    m_landscapeMarker->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_landscapeMarker->setMarkerSize(16);
    add(m_landscapeMarker, tr("This recipe (estimate)"));
    m_landscapeView->addHoverText(m_landscapeMarker, [this](const QPointF& point) {
        return tr("This recipe: %1 GB, quality ≈ %2\n(%3's FP16 quality × this recipe's retained share)")
            .arg(QLocale().toString(point.x(), 'g', 3), QLocale().toString(point.y(), 'f', 1), m_landscapeReference);
    });
    chart->legend()->setAlignment(Qt::AlignRight);
}

void QualityCharts::updateCurves(const LabState& state)
{
    const EstimatorConstants& constants = state.constants();
    // Only what moved is replaced: a replaced series repaints even when its points are the same.
    if (!m_curvesDrawn || !(m_curveConstants == constants)) {
        m_curves[0]->replace(chartdata::quantisationQualityCurve(constants));
        m_curves[1]->replace(chartdata::pruningQualityCurve(constants));
        m_curves[2]->replace(chartdata::distillationQualityCurve(constants));
        m_curveConstants = constants;
        m_curvesDrawn = true;
    }
    const EstimateInput& input = state.input();
    replaceIfMoved(m_curveMarkers[0], {input.weightBits, 100 * quantisationQuality(input.weightBits, constants)});
    replaceIfMoved(
        m_curveMarkers[1], {100 * input.pruneFraction, 100 * pruningQuality(input.pruneFraction, constants)});
    replaceIfMoved(m_curveMarkers[2], {input.distillFactor, 100 * distillationQuality(input.distillFactor, constants)});
    for (QScatterSeries* marker : m_curveMarkers)
        if (marker->color() != QColor(0xe0, 0x6c, 0x1f)) // a theme change resets it
            marker->setColor(QColor(0xe0, 0x6c, 0x1f));
    // The rule of thumb grey and dashed, as in the Quality tab, so the measured lines stand apart.
    for (QLineSeries* curve : m_curves)
        if (curve->pen().style() != Qt::DashLine) {
            QPen pen(QColor(130, 130, 130), 2.0);
            pen.setStyle(Qt::DashLine);
            curve->setPen(pen);
        }
    const QList<QColor> measuredColours{QColor(31, 119, 180), QColor(214, 39, 40)};
    for (int chart = 0; chart < m_measuredTopToken.size(); ++chart)
        for (int kind = 0; kind < 2; ++kind) {
            QLineSeries* series = kind == 0 ? m_measuredTopToken[chart] : m_measuredPerplexity[chart];
            if (series->pen().color() != measuredColours[kind])
                series->setPen(QPen(measuredColours[kind], 2.0));
        }
    const double precision = quantisationQuality(input.weightBits, constants);
    const double pruning = pruningQuality(input.pruneFraction, constants);
    const double distillation = distillationQuality(input.distillFactor, constants);
    m_explanation->setText(
        tr("<b>The factors multiply:</b> quality retained = precision × pruning × distillation = %1 × %2 × %3 = "
           "<b>%4</b>.<br><span style='color:#828282'>&#9473;&#9473;</span> rule of thumb, calibrated from "
           "published results &nbsp; <span style='color:#e06c1f'>&#9679;</span> this recipe &nbsp; %5")
            .arg(percentText(100 * precision), percentText(100 * pruning), percentText(100 * distillation),
                percentText(
                    100 * qualityRetained(input.weightBits, input.pruneFraction, input.distillFactor, constants)),
                m_measuredModel.isEmpty()
                    ? tr("(Measure quality, in the Quality tab under the charts, adds points measured on the "
                         "open model.)")
                    : tr("<span style='color:#1f77b4'>&#9679;</span> top token kept and <span "
                         "style='color:#d62728'>&#9679;</span> perplexity kept (PPL₀ / PPL), measured on %1")
                          .arg(m_measuredModel.toHtmlEscaped())));
}

void QualityCharts::setMeasured(const QString& model, const MeasuredPoints& points)
{
    m_measuredModel = model;
    const QList<QList<QPointF>> topToken{points.precisionTopToken, points.pruningTopToken, {}};
    const QList<QList<QPointF>> perplexity{points.precisionPerplexity, points.pruningPerplexity, {}};
    for (int chart = 0; chart < m_measuredTopToken.size(); ++chart) {
        double lowest = 40.0; // the rule-of-thumb range; measured points below it widen the axis
        for (int kind = 0; kind < 2; ++kind) {
            QLineSeries* series = kind == 0 ? m_measuredTopToken[chart] : m_measuredPerplexity[chart];
            const QList<QPointF>& values = kind == 0 ? topToken[chart] : perplexity[chart];
            // Short names: three charts share the tab's width. The model is in the hover text.
            series->setName(kind == 0 ? tr("Measured: top token") : tr("Measured: PPL₀/PPL"));
            series->setProperty("model", model);
            series->replace(values);
            for (const QPointF& point : values)
                lowest = std::min(lowest, point.y());
        }
        m_curveQualityAxes[chart]->setRange(lowest < 40.0 ? 0.0 : 40.0, 100.0);
        m_curveQualityAxes[chart]->setTickCount(lowest < 40.0 ? 6 : 7);
    }
}

void QualityCharts::updateLandscape(const LabState& state)
{
    const auto marker
        = chartdata::landscapeMarker(state.input(), state.estimate(), defaultLandscapeTable(), state.constants());
    m_landscapeReference = marker.reference;
    // Checked on every update: a chart theme change resets series colours.
    if (m_landscapeInt4->color() != QColor(Qt::transparent)) {
        m_landscapeInt4->setColor(Qt::transparent);
        m_landscapeInt4->setBorderColor(QColor(0x80, 0x80, 0x80));
    }
    if (m_landscapeMarker->color() != QColor(0xe0, 0x6c, 0x1f))
        m_landscapeMarker->setColor(QColor(0xe0, 0x6c, 0x1f));
    // The log axis cannot show sizes below its floor; pin tiny models to the edge.
    replaceIfMoved(m_landscapeMarker, {std::max(marker.point.x(), 0.1), marker.point.y()});
}

} // namespace complab
