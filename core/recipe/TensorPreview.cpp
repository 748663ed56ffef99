#include "recipe/TensorPreview.h"

#include "io/Checkpoint.h"
#include "quant/QuantizeJob.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace complab {

Histogram histogramOf(std::span<const float> values, double lowest, double highest, std::size_t bins)
{
    if (bins == 0 || !(lowest < highest))
        throw std::invalid_argument("a histogram needs bins and a range with lowest < highest");
    Histogram histogram;
    histogram.lowest = lowest;
    histogram.highest = highest;
    histogram.counts.assign(bins, 0);
    const double scale = static_cast<double>(bins) / (highest - lowest);
    const auto last = static_cast<double>(bins - 1);
    for (const float value : values) {
        if (!std::isfinite(value))
            continue;
        const double position = std::clamp((static_cast<double>(value) - lowest) * scale, 0.0, last);
        ++histogram.counts[static_cast<std::size_t>(position)];
    }
    return histogram;
}

namespace {

// A range that shows every finite value, never empty (a constant tensor gets a unit-wide one).
std::pair<double, double> rangeOf(std::span<const float> a, std::span<const float> b)
{
    double lowest = INFINITY;
    double highest = -INFINITY;
    for (const auto values : {a, b})
        for (const float value : values)
            if (std::isfinite(value)) {
                lowest = std::min(lowest, static_cast<double>(value));
                highest = std::max(highest, static_cast<double>(value));
            }
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
    std::vector<float> error(original.size());
    double largestError = 0.0;
    std::size_t zeros = 0;
    for (std::size_t i = 0; i < original.size(); ++i) {
        error[i] = stored[i] - original[i];
        largestError = std::max(largestError, static_cast<double>(std::abs(error[i])));
        zeros += stored[i] == 0.0f;
    }
    const double errorHalfWidth = largestError > 0.0 ? largestError : std::max(1e-12, (highest - lowest) * 1e-3);
    preview.error = histogramOf(error, -errorHalfWidth, errorHalfWidth, options.histogramBins);
    preview.storedZeroFraction
        = original.empty() ? 0.0 : static_cast<double>(zeros) / static_cast<double>(original.size());
    throwIfStopped(stop);

    // Where rounding costs most: the largest weight the quantiser saw.
    const std::vector<float>& quantiserInput = compressed.quantiserInput.empty() ? original : compressed.quantiserInput;
    std::size_t largest = 0;
    for (std::size_t i = 1; i < quantiserInput.size(); ++i)
        if (std::abs(quantiserInput[i]) > std::abs(quantiserInput[largest]))
            largest = i;
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
