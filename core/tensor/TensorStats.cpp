#include "tensor/TensorStats.h"

#include <tbb/blocked_range.h>
#include <tbb/combinable.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <numeric>

namespace complab {

namespace {

// Per-block moments, merged with Chan et al.'s pairwise update so that the variance stays
// accurate for tensors whose mean is large compared with their spread.
struct BlockMoments
{
    std::uint64_t finite = 0;
    std::uint64_t zeros = 0;
    std::uint64_t nans = 0;
    std::uint64_t positiveInf = 0;
    std::uint64_t negativeInf = 0;
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    double mean = 0.0;
    double m2 = 0.0;

    void merge(const BlockMoments& other)
    {
        zeros += other.zeros;
        nans += other.nans;
        positiveInf += other.positiveInf;
        negativeInf += other.negativeInf;
        min = std::min(min, other.min);
        max = std::max(max, other.max);
        if (other.finite == 0)
            return;
        const double total = static_cast<double>(finite + other.finite);
        const double delta = other.mean - mean;
        mean += delta * static_cast<double>(other.finite) / total;
        m2 += other.m2 + delta * delta * static_cast<double>(finite) * static_cast<double>(other.finite) / total;
        finite += other.finite;
    }
};

BlockMoments momentsOf(const float* values, std::size_t count)
{
    BlockMoments moments;
    double sum = 0.0;
    for (std::size_t i = 0; i < count; ++i) {
        const float value = values[i];
        if (std::isnan(value)) {
            ++moments.nans;
            continue;
        }
        if (std::isinf(value)) {
            ++(value > 0 ? moments.positiveInf : moments.negativeInf);
            continue;
        }
        moments.zeros += value == 0.0f;
        ++moments.finite;
        sum += value;
        moments.min = std::min(moments.min, static_cast<double>(value));
        moments.max = std::max(moments.max, static_cast<double>(value));
    }
    if (moments.finite == 0)
        return moments;
    moments.mean = sum / static_cast<double>(moments.finite);
    for (std::size_t i = 0; i < count; ++i) {
        if (std::isfinite(values[i])) {
            const double delta = static_cast<double>(values[i]) - moments.mean;
            moments.m2 += delta * delta;
        }
    }
    return moments;
}

} // namespace

std::uint64_t Histogram::total() const
{
    return std::accumulate(counts.begin(), counts.end(), std::uint64_t{0});
}

TensorStats computeStats(
    const TensorView& tensor, Progress& progress, std::stop_token stop, const StatsOptions& options)
{
    const std::uint64_t count = tensor.elementCount();
    // Work blocks hold whole storage blocks of ggml block formats (32 or 256 values).
    const std::size_t storageBlock = dtypeBlockElements(tensor.info().dtype);
    const std::size_t blockElements
        = (std::max<std::size_t>(options.blockElements, 1) + storageBlock - 1) / storageBlock * storageBlock;
    const std::size_t blockCount = static_cast<std::size_t>((count + blockElements - 1) / blockElements);
    const auto blockRange = [&](std::size_t block) {
        const std::uint64_t first = static_cast<std::uint64_t>(block) * blockElements;
        return std::pair{first, static_cast<std::size_t>(std::min<std::uint64_t>(blockElements, count - first))};
    };
    // Two passes (moments, then histogram over [min, max]); each is half of the progress bar.
    std::atomic<std::size_t> blocksDone{0};
    const auto blockFinished = [&](double passOffset) {
        const auto done = blocksDone.fetch_add(1, std::memory_order_relaxed) + 1;
        progress.report(passOffset + 0.5 * static_cast<double>(done) / static_cast<double>(blockCount));
    };

    progress.setStep("statistics of " + tensor.info().name, 0.0);
    std::vector<BlockMoments> blockMoments(blockCount);
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blockCount), [&](const tbb::blocked_range<std::size_t>& r) {
        std::vector<float> buffer(std::min<std::uint64_t>(blockElements, count));
        for (std::size_t block = r.begin(); block != r.end(); ++block) {
            if (stop.stop_requested())
                return;
            const auto [first, size] = blockRange(block);
            tensor.toFloat(first, std::span(buffer.data(), size));
            blockMoments[block] = momentsOf(buffer.data(), size);
            blockFinished(0.0);
        }
    });
    throwIfStopped(stop);

    BlockMoments total;
    for (const auto& moments : blockMoments)
        total.merge(moments);

    TensorStats stats;
    stats.count = count;
    stats.finiteCount = total.finite;
    stats.zeroCount = total.zeros;
    stats.nanCount = total.nans;
    stats.positiveInfCount = total.positiveInf;
    stats.negativeInfCount = total.negativeInf;
    if (total.finite == 0) {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        stats.min = stats.max = stats.mean = stats.std = stats.absMax = nan;
        progress.report(1.0);
        return stats;
    }
    stats.min = total.min;
    stats.max = total.max;
    stats.mean = total.mean;
    stats.std = std::sqrt(total.m2 / static_cast<double>(total.finite));
    stats.absMax = std::max(std::abs(total.min), std::abs(total.max));

    // Histogram: a constant tensor still gets a visible bar, centred on its value.
    const std::size_t bins = std::max<std::size_t>(options.histogramBins, 1);
    double lowest = stats.min;
    double highest = stats.max;
    if (!(highest > lowest)) {
        const double pad = std::max(std::abs(lowest) * 0.5, 0.5);
        lowest -= pad;
        highest += pad;
    }
    stats.histogram.lowest = lowest;
    stats.histogram.highest = highest;
    const double scale = static_cast<double>(bins) / (highest - lowest);
    tbb::combinable<std::vector<std::uint64_t>> partialCounts([bins] { return std::vector<std::uint64_t>(bins, 0); });
    blocksDone = 0;
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blockCount), [&](const tbb::blocked_range<std::size_t>& r) {
        std::vector<float> buffer(std::min<std::uint64_t>(blockElements, count));
        auto& counts = partialCounts.local();
        for (std::size_t block = r.begin(); block != r.end(); ++block) {
            if (stop.stop_requested())
                return;
            const auto [first, size] = blockRange(block);
            tensor.toFloat(first, std::span(buffer.data(), size));
            for (std::size_t i = 0; i < size; ++i) {
                const float value = buffer[i];
                if (!std::isfinite(value))
                    continue;
                const auto bin = static_cast<std::size_t>((static_cast<double>(value) - lowest) * scale);
                ++counts[std::min(bin, bins - 1)];
            }
            blockFinished(0.5);
        }
    });
    throwIfStopped(stop);
    stats.histogram.counts.assign(bins, 0);
    partialCounts.combine_each([&](const std::vector<std::uint64_t>& counts) {
        for (std::size_t bin = 0; bin < bins; ++bin)
            stats.histogram.counts[bin] += counts[bin];
    });
    progress.report(1.0);
    return stats;
}

} // namespace complab
