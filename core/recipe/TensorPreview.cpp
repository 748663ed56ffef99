#include "recipe/TensorPreview.h"

#include "io/Checkpoint.h"
#include "quant/QuantizeJob.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_reduce.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace complab {

namespace {

// Values per task of the parallel passes below (about 1 MB of floats).
constexpr std::size_t previewChunk = std::size_t(1) << 18;

// Counts valueAt(i) for i < n into bins over [lowest, highest] (values outside go to the end bins,
// non-finite ones nowhere). Parallel over chunks; counts add up the same in any order.
template <typename ValueAt>
Histogram countInto(std::size_t n, ValueAt valueAt, double lowest, double highest, std::size_t bins)
{
    if (bins == 0 || !(lowest < highest))
        throw std::invalid_argument("a histogram needs bins and a range with lowest < highest");
    Histogram histogram;
    histogram.lowest = lowest;
    histogram.highest = highest;
    const double scale = static_cast<double>(bins) / (highest - lowest);
    const auto last = static_cast<double>(bins - 1);
    histogram.counts = tbb::parallel_reduce(
        tbb::blocked_range<std::size_t>(0, n, previewChunk), std::vector<std::uint64_t>(bins, 0),
        [&](const tbb::blocked_range<std::size_t>& range, std::vector<std::uint64_t> counts) {
            for (std::size_t i = range.begin(); i < range.end(); ++i) {
                const float value = valueAt(i);
                if (!std::isfinite(value))
                    continue;
                const double position = std::clamp((static_cast<double>(value) - lowest) * scale, 0.0, last);
                ++counts[static_cast<std::size_t>(position)];
            }
            return counts;
        },
        [](std::vector<std::uint64_t> left, const std::vector<std::uint64_t>& right) {
            for (std::size_t b = 0; b < left.size(); ++b)
                left[b] += right[b];
            return left;
        });
    return histogram;
}

} // namespace

Histogram histogramOf(std::span<const float> values, double lowest, double highest, std::size_t bins)
{
    return countInto(
        values.size(), [&values](std::size_t i) { return values[i]; }, lowest, highest, bins);
}

namespace {

// A range that shows every finite value, never empty (a constant tensor gets a unit-wide one).
std::pair<double, double> rangeOf(std::span<const float> a, std::span<const float> b)
{
    using Range = std::pair<double, double>;
    const auto join = [](Range left, const Range& right) {
        return Range{std::min(left.first, right.first), std::max(left.second, right.second)};
    };
    Range whole{INFINITY, -INFINITY};
    for (const auto values : {a, b})
        whole = join(whole,
            tbb::parallel_reduce(
                tbb::blocked_range<std::size_t>(0, values.size(), previewChunk), Range{INFINITY, -INFINITY},
                [&values](const tbb::blocked_range<std::size_t>& range, Range partial) {
                    // In float and branch-free (the compiler vectorises it); a float's min is exact.
                    float low = INFINITY;
                    float high = -INFINITY;
                    for (std::size_t i = range.begin(); i < range.end(); ++i) {
                        const float value = values[i];
                        const bool finite = std::isfinite(value);
                        low = finite && value < low ? value : low;
                        high = finite && value > high ? value : high;
                    }
                    return Range{std::min(partial.first, double(low)), std::max(partial.second, double(high))};
                },
                join));
    const auto [lowest, highest] = whole;
    if (!(lowest <= highest))
        return {-1.0, 1.0};
    if (lowest == highest) {
        const double half = std::max(0.5, std::abs(lowest) * 0.5);
        return {lowest - half, highest + half};
    }
    return {lowest, highest};
}

} // namespace

TensorPreview Pipeline::preview(std::size_t planIndex, const PreviewOptions& options, std::stop_token stop) const
{
    if (planIndex >= m_plan.size())
        throw std::invalid_argument("no tensor number " + std::to_string(planIndex) + " in the plan");
    TensorPreview preview;
    preview.plan = m_plan[planIndex];
    const auto view = m_checkpoint->tensor(preview.plan.sourceIndex);
    if (!isFloatingPoint(view.info().dtype) && !isBlockFormat(view.info().dtype))
        throw std::invalid_argument("tensor '" + view.info().name + "' holds "
            + std::string(dtypeName(view.info().dtype)) + " values, not weights the lab can chart");
    const auto [rows, columns] = matrixShape(view.info());
    preview.rows = rows;
    preview.columns = columns;

    Compressed compressed = compress(preview.plan, stop, true);
    const bool unchanged = compressed.original.empty(); // the export copies the bytes as they are
    std::vector<float> original = unchanged ? view.toFloats() : std::move(compressed.original);
    std::vector<float> stored(original.size());
    if (unchanged)
        stored = original;
    else
        convertToFloat(preview.plan.storedAs, compressed.bytes.data(), stored.size(), stored.data());
    throwIfStopped(stop);

    const auto [lowest, highest] = rangeOf(original, stored);
    preview.original = histogramOf(original, lowest, highest, options.histogramBins);
    preview.stored = histogramOf(stored, lowest, highest, options.histogramBins);
    // One parallel pass: the largest rounding error, the stored zeros, and where the largest weight the
    // quantiser saw sits (where rounding costs most; the first such index on ties, as a serial scan).
    const std::vector<float>& quantiserInput = compressed.quantiserInput.empty() ? original : compressed.quantiserInput;
    struct Pass
    {
        double largestError = 0.0;
        std::size_t zeros = 0;
        std::size_t largest = 0;
        float largestMagnitude = -1.0f;
    };
    const Pass pass = tbb::parallel_deterministic_reduce(
        tbb::blocked_range<std::size_t>(0, original.size(), previewChunk), Pass{},
        [&](const tbb::blocked_range<std::size_t>& range, Pass partial) {
            for (std::size_t i = range.begin(); i < range.end(); ++i) {
                partial.largestError
                    = std::max(partial.largestError, static_cast<double>(std::abs(stored[i] - original[i])));
                partial.zeros += stored[i] == 0.0f;
                const float magnitude = std::abs(quantiserInput[i]);
                if (magnitude > partial.largestMagnitude) {
                    partial.largestMagnitude = magnitude;
                    partial.largest = i;
                }
            }
            return partial;
        },
        [](Pass left, const Pass& right) { // left covers the smaller indices
            left.largestError = std::max(left.largestError, right.largestError);
            left.zeros += right.zeros;
            if (right.largestMagnitude > left.largestMagnitude) {
                left.largestMagnitude = right.largestMagnitude;
                left.largest = right.largest;
            }
            return left;
        });
    const double largestError = pass.largestError;
    const double errorHalfWidth = largestError > 0.0 ? largestError : std::max(1e-12, (highest - lowest) * 1e-3);
    preview.error = countInto(
        original.size(), [&](std::size_t i) { return stored[i] - original[i]; }, -errorHalfWidth, errorHalfWidth,
        options.histogramBins);
    preview.storedZeroFraction
        = original.empty() ? 0.0 : static_cast<double>(pass.zeros) / static_cast<double>(original.size());
    throwIfStopped(stop);
    const std::size_t largest = pass.largest;
    if (preview.plan.spec && rows > 0 && columns > 0)
        preview.grid = quantGroupGrid(*preview.plan.spec, quantiserInput.data(), rows, columns);
    if (columns > 0 && !original.empty()) {
        preview.sampleRow = largest / columns;
        const std::size_t width = std::min(std::max<std::size_t>(options.sampleColumns, 1), columns);
        const std::size_t column = largest % columns;
        preview.sampleFirstColumn = std::min(column / width * width, columns - width);
        const std::size_t first = preview.sampleRow * columns + preview.sampleFirstColumn;
        preview.sampleOriginal.assign(original.begin() + static_cast<std::ptrdiff_t>(first),
            original.begin() + static_cast<std::ptrdiff_t>(first + width));
        preview.sampleStored.assign(stored.begin() + static_cast<std::ptrdiff_t>(first),
            stored.begin() + static_cast<std::ptrdiff_t>(first + width));
        double squares = 0.0;
        for (std::size_t i = 0; i < width; ++i) {
            const double difference = static_cast<double>(preview.sampleStored[i]) - preview.sampleOriginal[i];
            squares += difference * difference;
        }
        preview.sampleRmsError = std::sqrt(squares / static_cast<double>(width));
    }
    return preview;
}

} // namespace complab
