// The one place that decides how sizes and counts are scaled for a person: "7.3 MB", "3.67 M".
// Widgets format the scaled value with the locale; the CLI prints it as is.
#pragma once

#include <cstdint>
#include <string>

namespace complab {

struct ScaledValue
{
    double value;
    const char* unit; // "B", "KB", "MB", "GB", "TB" or "", "K", "M", "B" (billion), "T"
    int decimals; // digits after the point worth showing
};

// Decimal units (1 GB = 10^9 bytes), as disk sizes and model sizes are quoted.
ScaledValue scaleBytes(std::uint64_t bytes);
ScaledValue scaleCount(std::uint64_t count);

// Plain-text forms for the CLI and logs: "7.3 MB", "3.67 M".
std::string formatBytes(std::uint64_t bytes);
std::string formatCount(std::uint64_t count);

} // namespace complab
