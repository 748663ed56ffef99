// Axis ticks for the report charts: 1-2-5 steps on linear axes, decades on logarithmic ones, and
// compact tick labels that never depend on the locale.
#pragma once

#include <string>
#include <vector>

namespace complab::report {

// Tick positions on a linear axis: steps of 1, 2 or 5 times a power of ten, about `targetCount` of them.
// An end that may be extended is moved out to the next tick; `min` and `max` are the axis ends.
struct AxisTicks
{
    double min = 0;
    double max = 1;
    double step = 1;
    std::vector<double> values;
};
AxisTicks niceTicks(double low, double high, int targetCount = 5, bool extendLow = true, bool extendHigh = true);
// Decades (with 2 and 5 between them when the range is short) on a logarithmic axis; low > 0.
AxisTicks logTicks(double low, double high, bool extendLow = true, bool extendHigh = true);

// Compact, locale-free tick labels: "0", "0.2", "15", "2500", "12.5k", "3M", "1e-05". `step` is the
// tick spacing and sets the number of decimals.
std::string tickLabel(double value, double step);

} // namespace complab::report
