#include "util/Units.h"

#include <array>
#include <cstdio>

namespace complab {

namespace {

ScaledValue scale(std::uint64_t amount, const std::array<const char*, 5>& units, int decimals)
{
    double value = static_cast<double>(amount);
    std::size_t unit = 0;
    while (value >= 1000.0 && unit + 1 < units.size()) {
        value /= 1000.0;
        ++unit;
    }
    return {value, units[unit], unit == 0 ? 0 : decimals};
}

std::string render(const ScaledValue& scaled)
{
    char buffer[64];
    std::snprintf(
        buffer, sizeof buffer, "%.*f%s%s", scaled.decimals, scaled.value, scaled.unit[0] ? " " : "", scaled.unit);
    return buffer;
}

} // namespace

ScaledValue scaleBytes(std::uint64_t bytes)
{
    return scale(bytes, {"B", "KB", "MB", "GB", "TB"}, 1);
}

ScaledValue scaleCount(std::uint64_t count)
{
    return scale(count, {"", "K", "M", "B", "T"}, 2);
}

std::string formatBytes(std::uint64_t bytes)
{
    return render(scaleBytes(bytes));
}

std::string formatCount(std::uint64_t count)
{
    return render(scaleCount(count));
}

} // namespace complab
