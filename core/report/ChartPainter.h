// Charts and tables for the reports, drawn on any Canvas so the HTML page (SVG) and the PDF show the
// same picture: axes with 1-2-5 ticks, grid, titles, a legend under the plot, line, marker and bar
// series. Everything, labels included, stays inside the rectangle it is given.
#pragma once

#include "report/AxisTicks.h"
#include "report/Canvas.h"

#include <optional>
#include <string>
#include <vector>

namespace complab::report {

enum class SeriesStyle { Line, DashedLine, Markers, LineWithMarkers, Bars };

struct ChartSeries
{
    std::string name; // in the legend; a series without a name has no legend entry
    Colour colour;
    SeriesStyle style = SeriesStyle::Line;
    Canvas::Points points; // (x, y); for bars x is the category index
};

// Values a chart skips: NaN and infinite coordinates, y <= 0 on a logarithmic axis, bars whose index is
// not a category. Values outside an explicit xMin..yMax window are cut at the plot frame: lines are
// clipped, bars end at the frame, markers outside are left out.
struct ChartSpec
{
    std::string title, xTitle, yTitle;
    std::vector<ChartSeries> series;
    std::optional<double> xMin, xMax, yMin, yMax; // unset: from the data, y widened to the next tick
    bool logY = false;
    // For bar charts: x = 0..n-1 labelled with these, thinned or turned vertical when crowded. A chart
    // with categories or any bar series has a category x axis.
    std::vector<std::string> categories;
    std::string emptyText = "No data"; // shown, centred in the frame, when no point can be drawn
};

void drawChart(Canvas& canvas, double x, double y, double w, double h, const ChartSpec& spec);

// A ruled table: bold header, thin rules, each cell cut with "…" to fit its column. Columns are as wide as
// `columnFractions` of `width` say (equal when empty), numbers right-aligned where `rightAlign` says.
// Draws exactly the rows given (page breaks draw a slice at a time) and returns the height used, which
// is tableRowHeight(fontSize) times the rows drawn, the header included.
double drawTable(Canvas& canvas, double x, double y, double width, const std::vector<std::string>& header,
    const std::vector<std::vector<std::string>>& rows, double fontSize, const std::vector<double>& columnFractions = {},
    const std::vector<bool>& rightAlign = {});
double tableRowHeight(double fontSize);

} // namespace complab::report
