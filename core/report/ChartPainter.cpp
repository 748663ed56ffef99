#include "report/ChartPainter.h"

#include "report/FontMetrics.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace complab::report {

namespace {

constexpr double padding = 6;
constexpr double titleSize = 11;
constexpr double axisTitleSize = 9;
constexpr double tickSize = 8;
constexpr double legendSize = 8;
constexpr double tickLength = 3;
constexpr double seriesWidth = 1.5;
constexpr double markerRadius = 2.5;
constexpr Colour textColour{40, 40, 40};
constexpr Colour axisColour{90, 90, 90};
constexpr Colour gridColour{225, 225, 225};
constexpr Colour frameColour{190, 190, 190};

double lineHeight(double size)
{
    return size * 1.25;
}

// From the top of a line box to its baseline: half the leading plus Helvetica's ascender.
double baselineOffset(double size)
{
    return size * 0.88;
}

// Raises a baseline so the text's x-height sits centred on a given y.
double centredBaseline(double y, double size)
{
    return y + size * 0.35;
}

TextStyle style(double size, Anchor anchor = Anchor::Start, bool bold = false, Colour colour = textColour)
{
    return TextStyle{.size = size, .bold = bold, .colour = colour, .anchor = anchor};
}

bool hasBars(const ChartSpec& spec)
{
    return !spec.categories.empty() || std::any_of(spec.series.begin(), spec.series.end(), [](const ChartSeries& s) {
        return s.style == SeriesStyle::Bars;
    });
}

bool hasLine(SeriesStyle s)
{
    return s == SeriesStyle::Line || s == SeriesStyle::DashedLine || s == SeriesStyle::LineWithMarkers;
}

bool hasMarkers(SeriesStyle s)
{
    return s == SeriesStyle::Markers || s == SeriesStyle::LineWithMarkers;
}

// Where the data lands: the plot rectangle and the axis ranges (log10 of them for a log axis).
struct Plot
{
    double left = 0, top = 0, right = 0, bottom = 0;
    double xMin = 0, xMax = 1, yMin = 0, yMax = 1;
    bool logY = false;
    bool categorical = false;
    std::size_t categories = 0;

    double slot() const { return (right - left) / double(std::max<std::size_t>(categories, 1)); }
    double mapX(double x) const
    {
        if (categorical)
            return left + (x + 0.5) * slot();
        return left + (x - xMin) / (xMax - xMin) * (right - left);
    }
    double mapY(double y) const
    {
        const double v = logY ? std::log10(y) : y;
        return bottom - (v - yMin) / (yMax - yMin) * (bottom - top);
    }
    bool usable(double x, double y) const
    {
        if (!std::isfinite(x) || !std::isfinite(y) || (logY && y <= 0))
            return false;
        return !categorical || (x > -0.5 && x < double(categories) - 0.5);
    }
};

// Liang-Barsky: clips the segment to the plot; false when nothing of it is inside.
bool clip(const Plot& plot, std::pair<double, double>& a, std::pair<double, double>& b)
{
    const double dx = b.first - a.first, dy = b.second - a.second;
    double t0 = 0, t1 = 1;
    const double p[] = {-dx, dx, -dy, dy};
    const double q[] = {a.first - plot.left, plot.right - a.first, a.second - plot.top, plot.bottom - a.second};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
    }
    if (t0 > t1)
        return false;
    const auto start = a;
    a = {start.first + t0 * dx, start.second + t0 * dy};
    b = {start.first + t1 * dx, start.second + t1 * dy};
    return true;
}

void drawLines(Canvas& canvas, const Plot& plot, const Canvas::Points& points, const Stroke& stroke)
{
    Canvas::Points run;
    auto flush = [&] {
        if (run.size() >= 2)
            canvas.polyline(run, stroke);
        run.clear();
    };
    for (std::size_t i = 1; i < points.size(); ++i) {
        auto a = points[i - 1];
        auto b = points[i];
        if (!clip(plot, a, b)) {
            flush();
            continue;
        }
        if (run.empty() || run.back() != a) {
            flush();
            run.push_back(a);
        }
        run.push_back(b);
    }
    flush();
}

struct LegendRow
{
    std::vector<std::size_t> series;
    std::vector<std::string> names;
    double width = 0;
};

constexpr double swatchWidth = 16;
constexpr double legendGap = 12;

std::vector<LegendRow> legendRows(const ChartSpec& spec, double available)
{
    std::vector<LegendRow> rows;
    for (std::size_t i = 0; i < spec.series.size(); ++i) {
        if (spec.series[i].name.empty())
            continue;
        const std::string name = elideText(spec.series[i].name, available - swatchWidth - 4, legendSize, false);
        const double itemWidth = swatchWidth + 4 + textWidth(name, legendSize, false);
        if (rows.empty() || rows.back().width + legendGap + itemWidth > available)
            rows.emplace_back();
        auto& row = rows.back();
        row.width += (row.series.empty() ? 0 : legendGap) + itemWidth;
        row.series.push_back(i);
        row.names.push_back(name);
    }
    return rows;
}

void drawLegend(Canvas& canvas, const ChartSpec& spec, const std::vector<LegendRow>& rows, double centreX, double top)
{
    for (const auto& row : rows) {
        double x = centreX - row.width / 2;
        const double baseline = top + baselineOffset(legendSize);
        const double middle = baseline - legendSize * 0.33;
        for (std::size_t k = 0; k < row.series.size(); ++k) {
            const ChartSeries& series = spec.series[row.series[k]];
            if (series.style == SeriesStyle::Bars) {
                canvas.rect(x + 3, middle - 4.5, 9, 9, series.colour, std::nullopt);
            } else {
                if (hasLine(series.style))
                    canvas.line(x, middle, x + swatchWidth, middle,
                        {series.colour, seriesWidth, series.style == SeriesStyle::DashedLine});
                if (hasMarkers(series.style))
                    canvas.circle(x + swatchWidth / 2, middle, markerRadius, series.colour, std::nullopt);
            }
            canvas.text(x + swatchWidth + 4, baseline, row.names[k], style(legendSize));
            x += swatchWidth + 4 + textWidth(row.names[k], legendSize, false) + legendGap;
        }
        top += lineHeight(legendSize);
    }
}

struct CategoryLabels
{
    bool vertical = false;
    std::size_t every = 1;
    double height = 0; // below the axis, tick included
    double overhang = 0; // how far a label may reach past its slot's edge at either end of the axis
    double maxLength = 0; // vertical labels are cut to this
};

CategoryLabels categoryLayout(const std::vector<std::string>& labels, double slot, double chartHeight)
{
    CategoryLabels layout;
    double widest = 0;
    for (const auto& label : labels)
        widest = std::max(widest, textWidth(label, tickSize, false));
    layout.height = tickLength + 2 + lineHeight(tickSize);
    if (widest + 4 <= slot)
        return layout;
    if (widest <= 40) {
        layout.every = std::size_t(std::ceil((widest + 6) / slot));
        layout.overhang = std::max(0.0, (widest - slot) / 2);
        return layout;
    }
    layout.vertical = true;
    layout.every = std::max<std::size_t>(1, std::size_t(std::ceil(lineHeight(tickSize) / slot)));
    layout.maxLength = std::min(widest, std::max(30.0, 0.3 * chartHeight));
    layout.height = tickLength + 2 + layout.maxLength + 2;
    return layout;
}

} // namespace

void drawChart(Canvas& canvas, double x, double y, double w, double h, const ChartSpec& spec)
{
    Plot plot;
    plot.logY = spec.logY;
    plot.categorical = hasBars(spec);
    if (plot.categorical) {
        double lastIndex = -1;
        for (const auto& series : spec.series)
            for (const auto& [px, py] : series.points)
                if (std::isfinite(px) && std::isfinite(py) && px >= -0.5)
                    lastIndex = std::max(lastIndex, std::round(px));
        plot.categories = std::max(spec.categories.size(), std::size_t(std::min(lastIndex + 1, 1e6)));
    }

    // The data's extent, from the points that can be drawn.
    constexpr double inf = std::numeric_limits<double>::infinity();
    double xLow = inf, xHigh = -inf, yLow = inf, yHigh = -inf;
    for (const auto& series : spec.series) {
        for (const auto& [px, py] : series.points) {
            if (!plot.usable(px, py))
                continue;
            xLow = std::min(xLow, px), xHigh = std::max(xHigh, px);
            yLow = std::min(yLow, py), yHigh = std::max(yHigh, py);
        }
    }
    const bool empty = xLow > xHigh;

    double top = y + padding;
    const double innerWidth = w - 2 * padding;
    for (const auto& line : wrapText(spec.title, innerWidth, titleSize, true)) {
        canvas.text(x + w / 2, top + baselineOffset(titleSize), elideText(line, innerWidth, titleSize, true),
            style(titleSize, Anchor::Middle, true));
        top += lineHeight(titleSize);
    }
    if (!spec.title.empty())
        top += 4;

    if (empty) {
        const double bottom = std::max(top + 1, y + h - padding);
        canvas.rect(x + padding, top, innerWidth, bottom - top, std::nullopt, Stroke{frameColour, 0.75});
        canvas.text(x + w / 2, centredBaseline((top + bottom) / 2, axisTitleSize),
            elideText(spec.emptyText, innerWidth - 8, axisTitleSize, false),
            style(axisTitleSize, Anchor::Middle, false, colours::grey));
        return;
    }

    // Y axis range and ticks.
    if (plot.categorical && !plot.logY)
        yLow = std::min(yLow, 0.0), yHigh = std::max(yHigh, 0.0);
    if (spec.yMin && (!plot.logY || *spec.yMin > 0))
        yLow = *spec.yMin;
    if (spec.yMax && (!plot.logY || *spec.yMax > 0))
        yHigh = *spec.yMax;
    if (yLow > yHigh)
        std::swap(yLow, yHigh);
    const std::vector<LegendRow> legend = legendRows(spec, innerWidth);
    double bottom = y + h - padding - double(legend.size()) * lineHeight(legendSize) - (legend.empty() ? 0 : 4);
    const double xTitleTop = bottom - (spec.xTitle.empty() ? 0 : lineHeight(axisTitleSize));
    bottom = xTitleTop;
    const double approximateHeight = std::max(20.0, bottom - top - lineHeight(tickSize) - tickLength);
    const int yTarget = std::clamp(int(approximateHeight / 40), 2, 8);
    const AxisTicks yTicks = plot.logY ? logTicks(yLow, yHigh, !spec.yMin, !spec.yMax)
                                       : niceTicks(yLow, yHigh, yTarget, !spec.yMin, !spec.yMax);
    plot.yMin = plot.logY ? std::log10(yTicks.min) : yTicks.min;
    plot.yMax = plot.logY ? std::log10(yTicks.max) : yTicks.max;
    std::vector<std::string> yLabels;
    double yLabelWidth = 0;
    for (const double value : yTicks.values) {
        yLabels.push_back(tickLabel(value, plot.logY ? value : yTicks.step));
        yLabelWidth = std::max(yLabelWidth, textWidth(yLabels.back(), tickSize, false));
    }

    double left = x + padding;
    const double yTitleBaseline = left + axisTitleSize * 0.75;
    if (!spec.yTitle.empty())
        left = yTitleBaseline + axisTitleSize * 0.25 + 3;
    plot.left = left + yLabelWidth + 3 + tickLength;
    plot.right = x + w - padding;

    // X axis: numeric ticks, or one slot per category.
    AxisTicks xTicks;
    std::vector<std::string> xLabels;
    CategoryLabels categoryLabels;
    double xLabelHeight = tickLength + 2 + lineHeight(tickSize);
    if (plot.categorical) {
        for (std::size_t i = 0; i < plot.categories; ++i)
            xLabels.push_back(i < spec.categories.size() ? spec.categories[i] : std::to_string(i));
        for (int pass = 0; pass < 2; ++pass) {
            categoryLabels = categoryLayout(xLabels, plot.slot(), h);
            plot.left = std::max(plot.left, x + 2 + categoryLabels.overhang);
            plot.right = x + w - std::max(padding, categoryLabels.overhang + 2);
        }
        xLabelHeight = categoryLabels.height;
    } else {
        double low = spec.xMin.value_or(xLow), high = spec.xMax.value_or(xHigh);
        if (low > high)
            std::swap(low, high);
        if (!(high > low)) { // a single x: centre it
            const double spread = std::abs(low) > 0 ? std::abs(low) * 0.1 : 1;
            low -= spread, high += spread;
        }
        for (int target = std::clamp(int((plot.right - plot.left) / 60), 2, 10); target >= 2; --target) {
            xTicks = niceTicks(low, high, target, false, false);
            xLabels.clear();
            double widest = 0;
            for (const double value : xTicks.values) {
                xLabels.push_back(tickLabel(value, xTicks.step));
                widest = std::max(widest, textWidth(xLabels.back(), tickSize, false));
            }
            plot.xMin = xTicks.min, plot.xMax = xTicks.max;
            const double first = xLabels.empty() ? 0 : textWidth(xLabels.front(), tickSize, false);
            const double last = xLabels.empty() ? 0 : textWidth(xLabels.back(), tickSize, false);
            plot.left = std::max(plot.left, x + 2 + first / 2);
            plot.right = std::min(plot.right, x + w - std::max(padding, last / 2 + 2));
            if (double(xLabels.size()) * (widest + 8) <= plot.right - plot.left)
                break;
        }
    }
    plot.top = top + tickSize * 0.5;
    plot.bottom = std::max(plot.top + 1, bottom - xLabelHeight);
    plot.right = std::max(plot.right, plot.left + 1);

    // Grid, then data, then axes over them.
    const Stroke grid{gridColour, 0.5};
    const Stroke axis{axisColour, 0.8};
    for (std::size_t i = 0; i < yTicks.values.size(); ++i) {
        const double ty = plot.mapY(yTicks.values[i]);
        canvas.line(plot.left, ty, plot.right, ty, grid);
        canvas.line(plot.left - tickLength, ty, plot.left, ty, axis);
        canvas.text(
            plot.left - tickLength - 3, centredBaseline(ty, tickSize), yLabels[i], style(tickSize, Anchor::End));
    }
    if (!plot.categorical) {
        for (std::size_t i = 0; i < xTicks.values.size(); ++i) {
            const double tx = plot.mapX(xTicks.values[i]);
            canvas.line(tx, plot.top, tx, plot.bottom, grid);
            canvas.line(tx, plot.bottom, tx, plot.bottom + tickLength, axis);
            canvas.text(tx, plot.bottom + tickLength + 2 + baselineOffset(tickSize), xLabels[i],
                style(tickSize, Anchor::Middle));
        }
    } else {
        for (std::size_t i = 0; i < plot.categories; i += categoryLabels.every) {
            const double tx = plot.mapX(double(i));
            canvas.line(tx, plot.bottom, tx, plot.bottom + tickLength, axis);
            if (categoryLabels.vertical) {
                TextStyle label = style(tickSize, Anchor::End);
                label.vertical = true;
                canvas.text(tx + tickSize * 0.3, plot.bottom + tickLength + 2,
                    elideText(xLabels[i], categoryLabels.maxLength, tickSize, false), label);
            } else {
                canvas.text(tx, plot.bottom + tickLength + 2 + baselineOffset(tickSize), xLabels[i],
                    style(tickSize, Anchor::Middle));
            }
        }
    }

    std::size_t barSeries = 0;
    for (const auto& series : spec.series)
        barSeries += series.style == SeriesStyle::Bars;
    std::size_t barIndex = 0;
    const double baseline
        = plot.logY ? plot.bottom : std::clamp(plot.mapY(0.0), std::min(plot.top, plot.bottom), plot.bottom);
    for (const auto& series : spec.series) {
        if (series.style == SeriesStyle::Bars) {
            const double groupWidth = plot.slot() * 0.8;
            const double barWidth = groupWidth / double(barSeries);
            for (const auto& [px, py] : series.points) {
                if (!plot.usable(px, py))
                    continue;
                const double barLeft
                    = plot.left + std::round(px) * plot.slot() + plot.slot() * 0.1 + double(barIndex) * barWidth;
                const double barTop = std::clamp(plot.mapY(py), plot.top, plot.bottom);
                const double height = std::abs(baseline - barTop);
                if (height > 0)
                    canvas.rect(barLeft, std::min(barTop, baseline),
                        std::max(0.5, barWidth - std::min(1.0, barWidth * 0.1)), height, series.colour, std::nullopt);
            }
            ++barIndex;
            continue;
        }
        Canvas::Points points;
        for (const auto& [px, py] : series.points)
            if (plot.usable(px, py))
                points.emplace_back(plot.mapX(px), plot.mapY(py));
        if (hasLine(series.style))
            drawLines(canvas, plot, points, {series.colour, seriesWidth, series.style == SeriesStyle::DashedLine});
        if (hasMarkers(series.style) || points.size() == 1) {
            for (const auto& [px, py] : points)
                if (px >= plot.left && px <= plot.right && py >= plot.top && py <= plot.bottom)
                    canvas.circle(px, py, markerRadius, series.colour, std::nullopt);
        }
    }
    canvas.line(plot.left, plot.top, plot.left, plot.bottom, axis);
    canvas.line(plot.left, plot.bottom, plot.right, plot.bottom, axis);

    // Titles and legend.
    const double plotCentre = (plot.left + plot.right) / 2;
    if (!spec.xTitle.empty()) {
        const double available = std::min(plot.right - plot.left, 2 * std::min(plotCentre - x, x + w - plotCentre));
        canvas.text(plotCentre, xTitleTop + baselineOffset(axisTitleSize),
            elideText(spec.xTitle, available, axisTitleSize, false), style(axisTitleSize, Anchor::Middle));
    }
    if (!spec.yTitle.empty()) {
        TextStyle title = style(axisTitleSize, Anchor::Middle);
        title.vertical = true;
        canvas.text(yTitleBaseline, (plot.top + plot.bottom) / 2,
            elideText(spec.yTitle, plot.bottom - plot.top, axisTitleSize, false), title);
    }
    drawLegend(canvas, spec, legend, x + w / 2, y + h - padding - double(legend.size()) * lineHeight(legendSize));
}

double tableRowHeight(double fontSize)
{
    return fontSize * 1.7;
}

double drawTable(Canvas& canvas, double x, double y, double width, const std::vector<std::string>& header,
    const std::vector<std::vector<std::string>>& rows, double fontSize, const std::vector<double>& columnFractions,
    const std::vector<bool>& rightAlign)
{
    std::size_t columns = header.size();
    for (const auto& row : rows)
        columns = std::max(columns, row.size());
    if (columns == 0)
        return 0;
    std::vector<double> widths(columns, width / double(columns));
    double total = 0;
    for (std::size_t c = 0; c < columnFractions.size() && c < columns; ++c)
        total += std::max(0.0, columnFractions[c]);
    if (columnFractions.size() == columns && total > 0)
        for (std::size_t c = 0; c < columns; ++c)
            widths[c] = width * std::max(0.0, columnFractions[c]) / total;

    const double rowHeight = tableRowHeight(fontSize);
    const double cellPadding = fontSize * 0.4;
    double top = y;
    auto drawRow = [&](const std::vector<std::string>& cells, bool bold) {
        double left = x;
        for (std::size_t c = 0; c < columns; ++c) {
            if (c < cells.size() && !cells[c].empty()) {
                const bool right = c < rightAlign.size() && rightAlign[c];
                const std::string text = elideText(cells[c], widths[c] - 2 * cellPadding, fontSize, bold);
                canvas.text(right ? left + widths[c] - cellPadding : left + cellPadding,
                    centredBaseline(top + rowHeight / 2, fontSize), text,
                    style(fontSize, right ? Anchor::End : Anchor::Start, bold, colours::black));
            }
            left += widths[c];
        }
        top += rowHeight;
    };
    const Stroke heavy{axisColour, 0.8};
    canvas.line(x, top, x + width, top, heavy);
    if (!header.empty()) {
        drawRow(header, true);
        canvas.line(x, top, x + width, top, {axisColour, 0.6});
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
        drawRow(rows[r], false);
        if (r + 1 < rows.size())
            canvas.line(x, top, x + width, top, {gridColour, 0.4});
    }
    if (!rows.empty())
        canvas.line(x, top, x + width, top, heavy);
    return top - y;
}

} // namespace complab::report
