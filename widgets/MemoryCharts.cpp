#include "MemoryCharts.h"

#include "EstimateChartData.h"
#include "EstimateChartView.h"
#include "Format.h"
#include "LabRecipe.h"
#include "LabState.h"
#include "estimate/PrecisionLadder.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace complab {

namespace {

constexpr KvCacheType contextKvTypes[] = {KvCacheType::F16, KvCacheType::Fp8, KvCacheType::Q8_0, KvCacheType::Q4_0};

QString gb(double gigabytes)
{
    return MemoryCharts::tr("%1 GB").arg(QLocale().toString(gigabytes, 'f', gigabytes < 10 ? 2 : 1));
}

// A nice upper bound for a value axis: 1, 2 or 5 times a power of ten above the value.
double niceCeiling(double value)
{
    if (value <= 0)
        return 1;
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (step * power >= value)
            return step * power;
    }
    return 10 * power;
}

// Context points from tokens to K tokens (the axis' unit).
QList<QPointF> inThousands(QList<QPointF> points)
{
    for (QPointF& point : points)
        point.rx() /= 1024;
    return points;
}

// Setting a range relays out the axis labels, even to the same values.
void setRangeIfChanged(QValueAxis* axis, double maximum)
{
    if (axis->min() != 0 || axis->max() != maximum)
        axis->setRange(0, maximum);
}

QColor statusColour(chartdata::FitStatus status)
{
    switch (status) {
    case chartdata::FitStatus::Comfortable:
        return QColor(0x2e, 0x9e, 0x44);
    case chartdata::FitStatus::Tight:
        return QColor(0xe0, 0x9a, 0x12);
    case chartdata::FitStatus::TooBig:
        return QColor(0xd6, 0x3a, 0x3a);
    }
    return {};
}

} // namespace

MemoryCharts::MemoryCharts(QWidget* parent)
    : QObject(parent)
{
    buildVram(parent);
    buildContext(parent);
    buildFootprint(parent);
}

void MemoryCharts::buildVram(QWidget* parent)
{
    m_vramChart = new QChart;
    m_vramChart->setTitle(tr("VRAM required, term by term, against device budgets"));
    auto* series = new QStackedBarSeries;
    for (const QString& name : {tr("Weights"), tr("KV cache"), tr("Activations"), tr("Runtime overhead")}) {
        auto* set = new QBarSet(name);
        *set << 0 << 0;
        series->append(set);
        m_vramSets << set;
    }
    m_vramChart->addSeries(series);
    m_vramCategories = new QBarCategoryAxis;
    m_vramCategories->setTitleText(tr("Runtime profile"));
    m_vramCategories->append({tr("first-order"), tr("llama.cpp")});
    m_vramAxis = new QValueAxis;
    m_vramAxis->setTitleText(tr("Memory (GB)"));
    m_vramAxis->setLabelFormat(QStringLiteral("%.3g"));
    m_vramChart->addAxis(m_vramCategories, Qt::AlignBottom);
    m_vramChart->addAxis(m_vramAxis, Qt::AlignLeft);
    series->attachAxis(m_vramCategories);
    series->attachAxis(m_vramAxis);
    m_vramView = new EstimateChartView(m_vramChart, parent);
    for (int i = 0; i < m_vramSets.size(); ++i) {
        QBarSet* set = m_vramSets[i];
        m_vramView->addHoverText(set, [this, set](int index) {
            // llama.cpp's activations are its compute buffers: say so where it matters.
            const QString term = set == m_vramSets[2] && index == 1 ? tr("Compute buffer") : set->label();
            return tr("%1, %2: %3").arg(term, m_vramCategories->at(index), gb(set->at(index)));
        });
    }
    // Tier budgets as horizontal lines across both bars (x in category units, -0.5 .. 1.5).
    for (int i = 0; i < 3; ++i) {
        auto* line = new QLineSeries;
        line->append({{-0.5, 0}, {1.5, 0}});
        m_vramChart->addSeries(line);
        line->attachAxis(m_vramCategories);
        line->attachAxis(m_vramAxis);
        m_vramView->addHoverText(line, [line](const QPointF&) { return line->property("hoverText").toString(); });
        m_tierLines << line;
    }
    m_vramChart->legend()->setAlignment(Qt::AlignRight);
}

void MemoryCharts::buildContext(QWidget* parent)
{
    m_contextChart = new QChart;
    m_contextChart->setTitle(tr("VRAM against context length: where the KV cache overtakes the weights"));
    auto* axisX = new QLogValueAxis;
    axisX->setBase(2);
    // Thousands of tokens (K = 1024, as the context slider counts): "128" fits under the axis, "131072" did not.
    axisX->setTitleText(tr("Context length (K tokens, log scale)"));
    axisX->setLabelFormat(QStringLiteral("%.6g"));
    axisX->setRange(0.5, 128);
    axisX->setMinorTickCount(0);
    m_contextAxis = new QValueAxis;
    m_contextAxis->setTitleText(tr("Memory (GB)"));
    m_contextAxis->setLabelFormat(QStringLiteral("%.3g"));
    m_contextChart->addAxis(axisX, Qt::AlignBottom);
    m_contextChart->addAxis(m_contextAxis, Qt::AlignLeft);
    m_contextView = new EstimateChartView(m_contextChart, parent);
    const auto add = [&](QXYSeries* series, const QString& name) {
        series->setName(name);
        m_contextChart->addSeries(series);
        series->attachAxis(axisX);
        series->attachAxis(m_contextAxis);
        m_contextView->addHoverText(series, [series](const QPointF& point) {
            return tr("%1\n%2 tokens: %3")
                .arg(series->name(), contextText(static_cast<std::int64_t>(std::llround(point.x() * 1024))),
                    gb(point.y()));
        });
    };
    for (const auto type : contextKvTypes) {
        auto* series = new QLineSeries;
        add(series, tr("Total VRAM, KV cache %1").arg(QString::fromLatin1(kvCacheTypeInfo(type).id.data())));
        m_contextTotals << series;
    }
    m_contextWeights = new QLineSeries;
    add(m_contextWeights, tr("Weights alone"));
    m_contextKv = new QLineSeries;
    add(m_contextKv, tr("KV cache alone (chosen type)"));
    m_contextCrossover = new QScatterSeries;
    m_contextCrossover->setMarkerSize(12);
    add(m_contextCrossover, tr("KV cache overtakes the weights"));
    m_contextCurrent = new QScatterSeries;
    m_contextCurrent->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_contextCurrent->setMarkerSize(12);
    add(m_contextCurrent, tr("This recipe"));
    m_contextChart->legend()->setAlignment(Qt::AlignRight);
}

void MemoryCharts::buildFootprint(QWidget* parent)
{
    m_footprintChart = new QChart;
    m_footprintChart->setTitle(tr("Weights on disk for each precision, against the FP32 baseline"));
    auto* series = new QHorizontalBarSeries;
    m_footprintSet = new QBarSet(tr("Weights on disk (the chosen precision in orange)"));
    m_footprintCategories = new QBarCategoryAxis;
    m_footprintCategories->setTitleText(tr("Precision"));
    // Bottom to top, so FP32 sits at the top as the baseline.
    const auto ladder = precisionLadder();
    for (auto step = ladder.rbegin(); step != ladder.rend(); ++step) {
        *m_footprintSet << 0;
        m_footprintCategories->append(QString::fromLatin1(step->label.data(), static_cast<int>(step->label.size())));
    }
    series->append(m_footprintSet);
    m_footprintChart->addSeries(series);
    m_footprintAxis = new QValueAxis;
    m_footprintAxis->setTitleText(tr("Weights on disk (GB)"));
    m_footprintAxis->setLabelFormat(QStringLiteral("%.3g"));
    m_footprintChart->addAxis(m_footprintCategories, Qt::AlignLeft);
    m_footprintChart->addAxis(m_footprintAxis, Qt::AlignBottom);
    series->attachAxis(m_footprintCategories);
    series->attachAxis(m_footprintAxis);
    m_footprintView = new EstimateChartView(m_footprintChart, parent);
    m_footprintView->addHoverText(m_footprintSet, [this](int index) {
        const double fp32 = m_footprintSet->at(m_footprintSet->count() - 1);
        return tr("%1: %2, %3 of FP32")
            .arg(m_footprintCategories->at(index), gb(m_footprintSet->at(index)),
                format::percent(fp32 > 0 ? m_footprintSet->at(index) / fp32 : 0, 0));
    });
    m_footprintChart->legend()->setAlignment(Qt::AlignBottom);
}

void MemoryCharts::updateVram(const LabState& state)
{
    const bool firstOrderChosen = state.input().runtime == RuntimeProfile::FirstOrder;
    const Estimate& firstOrder = firstOrderChosen ? state.estimate() : state.otherProfileEstimate();
    const Estimate& llamaCpp = firstOrderChosen ? state.otherProfileEstimate() : state.estimate();
    const chartdata::VramBar bars[]
        = {chartdata::vramBar(tr("first-order"), firstOrder.vram), chartdata::vramBar(tr("llama.cpp"), llamaCpp.vram)};
    for (int i = 0; i < 2; ++i) {
        m_vramSets[0]->replace(i, bars[i].weights);
        m_vramSets[1]->replace(i, bars[i].kvCache);
        m_vramSets[2]->replace(i, bars[i].activations);
        m_vramSets[3]->replace(i, bars[i].overhead);
    }
    // Renaming relays out the axis and the legend: only when something really changed.
    const QString firstOrderName = firstOrderChosen ? tr("first-order (chosen)") : tr("first-order");
    if (m_vramCategories->at(0) != firstOrderName) {
        m_vramCategories->replace(m_vramCategories->at(0), firstOrderName);
        m_vramCategories->replace(
            m_vramCategories->at(1), firstOrderChosen ? tr("llama.cpp") : tr("llama.cpp (chosen)"));
    }

    const double total = state.estimate().vram.totalBytes();
    const auto lines
        = chartdata::tierLines(total, state.fitDevice(), defaultHardwareTierTable(), state.constants().tierHeadroom);
    double top = std::max(bars[0].total(), bars[1].total());
    // The bars and the nearby tiers set the scale, not a far-away device: for a tiny model even the
    // smallest tier (a phone) would squash the bars to nothing.
    const auto farAbove = [&](const chartdata::TierLine& line) { return line.budgetGb > 4 * top; };
    double scaleTop = top;
    for (const auto& line : lines)
        if (!line.isFitDevice && !farAbove(line))
            scaleTop = std::max(scaleTop, line.budgetGb);
    QColor tint = Qt::transparent;
    for (int i = 0; i < m_tierLines.size(); ++i) {
        QLineSeries* series = m_tierLines[i];
        const bool used = i < static_cast<int>(lines.size());
        if (series->isVisible() != used)
            series->setVisible(used);
        if (!used)
            continue;
        const auto& line = lines[static_cast<std::size_t>(i)];
        // A device far above the recipe would squash the bars to nothing: pin its line to the top
        // of the chart and say so in its name.
        const bool offScale = line.budgetGb > 4 * std::max(scaleTop, top);
        const double y = line.budgetGb;
        series->replace({{-0.5, y}, {1.5, y}});
        if (offScale && series->isVisible())
            series->setVisible(false); // the tint and the fit panel still tell
        // Short names keep the legend on one line; the budget is in the hover text.
        const QString name = line.isFitDevice ? tr("Fit: %1").arg(line.name) : line.name;
        if (series->name() != name)
            series->setName(name);
        series->setProperty(
            "hoverText", tr("%1: budget %2 (usable memory less headroom)").arg(line.name, gb(line.budgetGb)));
        QPen pen(line.isFitDevice ? QColor(0x80, 0x80, 0x80) : QColor(0x9a, 0xa5, 0xb1));
        pen.setWidthF(line.isFitDevice ? 3 : 1.5);
        pen.setStyle(line.isFitDevice ? Qt::SolidLine : Qt::DashLine);
        if (line.isFitDevice) {
            // Judged as the fit panel judges it: on the device's own backend and device count.
            const double onDevice = state.fitDevice() && state.estimate().architecture
                ? vramOnTier(state.input(), *state.estimate().architecture, *state.fitDevice(), state.constants())
                      .totalBytes()
                : total;
            const QColor colour = statusColour(chartdata::fitStatus(onDevice / 1e9, line.budgetGb));
            pen.setColor(colour);
            tint = colour;
            tint.setAlpha(40);
        }
        if (series->pen() != pen)
            series->setPen(pen);
        if (!offScale)
            top = std::max(top, y);
    }
    if (m_vramChart->plotAreaBackgroundBrush().color() != tint) {
        m_vramChart->setPlotAreaBackgroundBrush(tint);
        m_vramChart->setPlotAreaBackgroundVisible(tint.alpha() > 0);
    }
    setRangeIfChanged(m_vramAxis, niceCeiling(top * 1.08));
}

void MemoryCharts::updateContext(const LabState& state)
{
    static const auto samples = chartdata::contextSamples(512, 131072);
    const auto curves = chartdata::contextCurves(state.input(),
        std::vector<KvCacheType>(std::begin(contextKvTypes), std::end(contextKvTypes)), samples, state.constants());
    double top = 0;
    for (std::size_t i = 0; i < curves.totals.size(); ++i) {
        QLineSeries* series = m_contextTotals[static_cast<int>(i)];
        series->replace(inThousands(curves.totals[i].points));
        const double width = curves.totals[i].kvType == state.input().kvType ? 3.5 : 1.5;
        if (series->pen().widthF() != width) {
            QPen pen = series->pen();
            pen.setWidthF(width);
            series->setPen(pen);
        }
        top = std::max(top, curves.totals[i].points.back().y());
    }
    m_contextWeights->replace(inThousands(curves.weights));
    m_contextKv->replace(inThousands(curves.kvCache));
    // Fixed colours (a theme would cycle through too few): one per KV type, the chosen type's KV
    // cache alone dashed in its colour, the weights dashed grey.
    static const QColor kvColours[]
        = {QColor(0x1f, 0x77, 0xb4), QColor(0x2c, 0xa0, 0x2c), QColor(0xff, 0x7f, 0x0e), QColor(0x94, 0x67, 0xbd)};
    QColor chosen = kvColours[0];
    for (std::size_t i = 0; i < curves.totals.size(); ++i) {
        QLineSeries* series = m_contextTotals[static_cast<int>(i)];
        if (series->color() != kvColours[i])
            series->setColor(kvColours[i]);
        if (curves.totals[i].kvType == state.input().kvType)
            chosen = kvColours[i];
    }
    const auto dashed = [](QXYSeries* series, const QColor& colour, double width) {
        QPen pen(colour, width, Qt::DashLine);
        if (series->pen() != pen)
            series->setPen(pen);
    };
    dashed(m_contextKv, chosen, 2.0);
    dashed(m_contextWeights, QColor(0x80, 0x80, 0x80), 2.0);
    if (m_contextCrossover->color() != QColor(0xd6, 0x3a, 0x3a))
        m_contextCrossover->setColor(QColor(0xd6, 0x3a, 0x3a));
    if (m_contextCurrent->color() != QColor(0xe0, 0x6c, 0x1f))
        m_contextCurrent->setColor(QColor(0xe0, 0x6c, 0x1f));
    top = std::max(top, curves.kvCache.back().y());
    if (curves.kvOvertakesWeightsAt > 0)
        m_contextCrossover->replace(
            {{static_cast<double>(curves.kvOvertakesWeightsAt) / 1024, curves.weights.front().y()}});
    else
        m_contextCrossover->clear();
    const double context = std::clamp(static_cast<double>(state.input().context), 512.0, 131072.0);
    m_contextCurrent->replace({{context / 1024, state.estimate().vram.totalBytes() / 1e9}});
    setRangeIfChanged(m_contextAxis, niceCeiling(top * 1.05));
}

void MemoryCharts::updateFootprint(const LabState& state)
{
    const auto bars = chartdata::footprintBars(state.input(), std::max(state.recipe().groupSize, 0));
    const int count = static_cast<int>(bars.size());
    for (int i = 0; i < count; ++i)
        m_footprintSet->replace(count - 1 - i, bars[static_cast<std::size_t>(i)].gigabytes);
    const int selected = count - 1 - state.recipe().precisionStep;
    if (m_footprintSet->selectedBars() != QList<int>{selected}) {
        m_footprintSet->deselectAllBars();
        m_footprintSet->selectBar(selected);
    }
    const QColor orange(0xe0, 0x6c, 0x1f);
    if (m_footprintSet->selectedColor() != orange) // a theme change resets it
        m_footprintSet->setSelectedColor(orange);
    setRangeIfChanged(m_footprintAxis, niceCeiling(bars.front().gigabytes * 1.15));
}

} // namespace complab
