#include "quant/QuantizeJob.h"

#include "quant/GgufQuantize.h"
#include "quant/TensorQuantizer.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <atomic>
#include <cmath>
#include <stdexcept>

namespace complab {

void requireFinite(const std::string& tensorName, std::span<const float> values)
{
    std::size_t nan = 0;
    std::size_t infinite = 0;
    for (const float value : values) {
        nan += std::isnan(value);
        infinite += std::isinf(value);
    }
    if (nan || infinite)
        throw std::invalid_argument("tensor '" + tensorName + "' holds " + std::to_string(nan) + " NaN and "
            + std::to_string(infinite) + " infinite values; quantising it would hide them");
}

std::pair<std::size_t, std::size_t> matrixShape(const TensorInfo& info)
{
    if (info.shape.empty())
        return {1, 1};
    const auto columns = static_cast<std::size_t>(info.shape.back());
    const auto count = info.elementCount();
    return {columns == 0 ? 0 : static_cast<std::size_t>(count / columns), columns};
}

void quantizeMatrix(const QuantSpec& spec, const float* values, std::size_t rows, std::size_t columns, float* out,
    Progress& progress, std::stop_token stop, std::size_t rowsPerTask, std::span<const float> importance)
{
    if (const auto problem = spec.whyNotApplicable(rows, columns); !problem.empty())
        throw std::invalid_argument(problem);
    if (!importance.empty() && importance.size() != columns)
        throw std::invalid_argument("importance vector of " + std::to_string(importance.size()) + " values for rows of "
            + std::to_string(columns));
    const float* weights = importance.empty() ? nullptr : importance.data();
    // ggml block formats round-trip through their real bytes; the others through TensorQuantizer.
    const auto blockType = spec.isGgufBlockFormat() ? spec.ggufStorageType() : std::nullopt;
    const std::optional<TensorQuantizer> quantizer
        = blockType ? std::nullopt : std::optional<TensorQuantizer>(std::in_place, spec, values, rows, columns);
    const std::size_t rowBytes = blockType ? columns / dtypeBlockElements(*blockType) * dtypeSize(*blockType) : 0;
    const std::size_t tasks = (rows + rowsPerTask - 1) / rowsPerTask;
    std::atomic<std::size_t> done{0};
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, tasks), [&](const tbb::blocked_range<std::size_t>& range) {
        std::vector<std::byte> blocks(rowBytes);
        for (std::size_t task = range.begin(); task != range.end(); ++task) {
            if (stop.stop_requested())
                return;
            const std::size_t first = task * rowsPerTask;
            const std::size_t count = std::min(rowsPerTask, rows - first);
            if (quantizer) {
                quantizer->quantizeRows(first, count, out + first * columns);
            } else {
                for (std::size_t row = first; row < first + count; ++row) {
                    quantizeBlocks(*blockType, values + row * columns, columns, blocks.data(), weights);
                    convertToFloat(*blockType, blocks.data(), columns, out + row * columns);
                }
            }
            progress.report(static_cast<double>(done.fetch_add(1) + 1) / static_cast<double>(tasks));
        }
    });
    throwIfStopped(stop);
}

std::vector<std::byte> quantizeToBlocks(DType type, const std::vector<float>& values, std::size_t rows,
    std::size_t columns, std::stop_token stop, std::span<const float> importance)
{
    if (!importance.empty() && importance.size() != columns)
        throw std::invalid_argument("importance vector of " + std::to_string(importance.size()) + " values for rows of "
            + std::to_string(columns));
    const float* weights = importance.empty() ? nullptr : importance.data();
    const std::size_t rowBytes = columns / dtypeBlockElements(type) * dtypeSize(type);
    std::vector<std::byte> bytes(rows * rowBytes);
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, rows, 16), [&](const tbb::blocked_range<std::size_t>& range) {
        if (stop.stop_requested())
            return;
        for (std::size_t row = range.begin(); row != range.end(); ++row)
            quantizeBlocks(type, values.data() + row * columns, columns, bytes.data() + row * rowBytes, weights);
    });
    throwIfStopped(stop);
    return bytes;
}

QuantOutcome quantizeTensor(const TensorView& tensor, const QuantSpec& spec, Progress& progress, std::stop_token stop,
    const QuantizeOptions& options)
{
    const auto [rows, columns] = matrixShape(tensor.info());
    if (const auto problem = spec.whyNotApplicable(rows, columns); !problem.empty())
        throw std::invalid_argument("tensor '" + tensor.info().name + "': " + problem);
    auto original = std::make_shared<std::vector<float>>(tensor.toFloats());
    throwIfStopped(stop);
    requireFinite(tensor.info().name, *original);
    auto reconstruction = std::make_shared<std::vector<float>>(rows * columns);
    std::span<const float> importance;
    if (options.importance && spec.isGgufBlockFormat()) {
        if (const auto entry = options.importance->find(tensor.info().name); entry != options.importance->end())
            importance = entry->second;
    }
    try {
        quantizeMatrix(spec, original->data(), rows, columns, reconstruction->data(), progress, stop,
            std::max<std::size_t>(options.rowsPerTask, 1), importance);
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument("tensor '" + tensor.info().name + "': " + e.what());
    }

    QuantOutcome outcome;
    outcome.tensorName = tensor.info().name;
    outcome.spec = spec;
    outcome.rows = rows;
    outcome.columns = columns;
    outcome.metrics
        = measureError(original->data(), reconstruction->data(), original->size(), spec.bitsPerWeight(rows, columns));
    if (options.keepValues) {
        outcome.original = std::move(original);
        outcome.reconstruction = std::move(reconstruction);
    }
    return outcome;
}

std::vector<QuantOutcome> sweepSchemes(
    const TensorView& tensor, const std::vector<QuantSpec>& schemes, Progress& progress, std::stop_token stop)
{
    const auto [rows, columns] = matrixShape(tensor.info());
    const std::vector<float> original = tensor.toFloats();
    requireFinite(tensor.info().name, original);
    std::vector<float> reconstruction(original.size());
    std::vector<QuantOutcome> outcomes;
    Progress silent;
    for (std::size_t i = 0; i < schemes.size(); ++i) {
        const auto& spec = schemes[i];
        progress.setStep(spec.name(), static_cast<double>(i) / static_cast<double>(schemes.size()));
        if (!spec.whyNotApplicable(rows, columns).empty())
            continue;
        quantizeMatrix(spec, original.data(), rows, columns, reconstruction.data(), silent, stop);
        QuantOutcome outcome;
        outcome.tensorName = tensor.info().name;
        outcome.spec = spec;
        outcome.rows = rows;
        outcome.columns = columns;
        outcome.metrics
            = measureError(original.data(), reconstruction.data(), original.size(), spec.bitsPerWeight(rows, columns));
        outcomes.push_back(std::move(outcome));
    }
    progress.report(1.0);
    return outcomes;
}

} // namespace complab
