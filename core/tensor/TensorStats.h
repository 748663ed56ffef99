// Summary statistics and a histogram of one tensor's values, computed in parallel blocks with
// oneTBB. Results do not depend on the thread count: blocks are combined in a fixed order.
#pragma once

#include "io/TensorInfo.h"
#include "recipe/Progress.h"

#include <cstdint>
#include <stop_token>
#include <vector>

namespace complab {

struct Histogram
{
    double lowest = 0.0; // left edge of the first bin
    double highest = 0.0; // right edge of the last bin
    std::vector<std::uint64_t> counts;

    double binWidth() const { return counts.empty() ? 0.0 : (highest - lowest) / static_cast<double>(counts.size()); }
    double binCenter(std::size_t bin) const { return lowest + (static_cast<double>(bin) + 0.5) * binWidth(); }
    std::uint64_t total() const;
};

struct TensorStats
{
    std::uint64_t count = 0; // all elements
    std::uint64_t finiteCount = 0; // elements that are neither NaN nor infinite
    std::uint64_t zeroCount = 0; // exact zeros (+0 and -0)
    std::uint64_t nanCount = 0;
    std::uint64_t positiveInfCount = 0;
    std::uint64_t negativeInfCount = 0;
    // Over finite elements only; NaN when there are none.
    double min = 0.0;
    double max = 0.0;
    double mean = 0.0;
    double std = 0.0; // population standard deviation
    double absMax = 0.0;
    Histogram histogram; // finite values between min and max

    std::uint64_t infCount() const { return positiveInfCount + negativeInfCount; }
    double zeroFraction() const { return count ? static_cast<double>(zeroCount) / static_cast<double>(count) : 0.0; }
};

struct StatsOptions
{
    std::size_t histogramBins = 128;
    std::size_t blockElements = 1 << 16; // elements converted and summed per task
};

// Throws Cancelled when the token is stopped (checked between blocks).
TensorStats computeStats(
    const TensorView& tensor, Progress& progress, std::stop_token stop, const StatsOptions& options = {});

} // namespace complab
