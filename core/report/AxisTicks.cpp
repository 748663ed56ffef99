#include "report/AxisTicks.h"

#include "report/Canvas.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace complab::report {

AxisTicks niceTicks(double low, double high, int targetCount, bool extendLow, bool extendHigh)
{
    if (!(high > low)) {
        const double spread = std::abs(low) > 0 ? std::abs(low) * 0.1 : 1;
        if (extendHigh || !extendLow)
            high = low + spread;
        else
            low = high - spread;
    }
    const double rough = (high - low) / std::max(1, targetCount);
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    const double residual = rough / magnitude;
    // The 1-2-5 step nearest the rough one (geometrically), so the count stays close to the target.
    const double step = (residual < 1.5 ? 1 : residual < 3 ? 2 : residual < 7 ? 5 : 10) * magnitude;
    constexpr double tolerance = 1e-9;
    AxisTicks ticks;
    ticks.step = step;
    ticks.min = extendLow ? std::floor(low / step + tolerance) * step : low;
    ticks.max = extendHigh ? std::ceil(high / step - tolerance) * step : high;
    for (double k = std::ceil(ticks.min / step - tolerance); k <= std::floor(ticks.max / step + tolerance); k += 1) {
        const double value = k * step;
        ticks.values.push_back(std::abs(value) < step * tolerance ? 0.0 : value);
    }
    return ticks;
}

AxisTicks logTicks(double low, double high, bool extendLow, bool extendHigh)
{
    double lowDecade = std::log10(low), highDecade = std::log10(high);
    if (extendLow)
        lowDecade = std::floor(lowDecade + 1e-9);
    if (extendHigh)
        highDecade = std::ceil(highDecade - 1e-9);
    if (!(highDecade > lowDecade))
        highDecade = lowDecade + 1;
    AxisTicks ticks;
    ticks.min = std::pow(10.0, lowDecade);
    ticks.max = std::pow(10.0, highDecade);
    const double decades = highDecade - lowDecade;
    const int every = std::max(1, int(std::ceil(decades / 8)));
    ticks.step = std::pow(10.0, every);
    for (int d = int(std::floor(lowDecade)); d <= int(std::ceil(highDecade)); d += every) {
        for (const double multiple : {1.0, 2.0, 5.0}) {
            if (multiple != 1 && decades > 2)
                continue;
            const double value = multiple * std::pow(10.0, d);
            if (value >= ticks.min * (1 - 1e-9) && value <= ticks.max * (1 + 1e-9))
                ticks.values.push_back(value);
        }
    }
    return ticks;
}

std::string tickLabel(double value, double step)
{
    if (value == 0 || !std::isfinite(value))
        return "0";
    step = std::abs(step) > 0 ? std::abs(step) : std::abs(value);
    const double magnitude = std::abs(value);
    // Enough decimals for the step, and more while the value itself would be rounded (a step of 2.5).
    auto format = [](double scaled, double scaledStep) {
        int decimals = std::clamp(int(std::ceil(-std::log10(scaledStep) - 1e-9)), 0, 6);
        while (decimals < 6
            && std::abs(std::round(scaled * std::pow(10.0, decimals)) - scaled * std::pow(10.0, decimals)) > 1e-6)
            ++decimals;
        return formatDecimal(scaled, decimals);
    };
    if (magnitude >= 1e4) {
        constexpr std::pair<double, const char*> units[] = {{1e12, "T"}, {1e9, "G"}, {1e6, "M"}, {1e3, "k"}};
        for (const auto& [unit, suffix] : units) {
            if (magnitude >= unit)
                return format(value / unit, step / unit) + suffix;
        }
    }
    if (magnitude < 1e-4) {
        char buffer[32];
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific, 0);
        return std::string(buffer, result.ptr);
    }
    return format(value, step);
}

} // namespace complab::report
