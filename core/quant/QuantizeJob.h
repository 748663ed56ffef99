// Quantising one tensor as a job: decode it to float, quantise row blocks in parallel (oneTBB,
// cancellable between blocks), and measure the error of the result. Also the sweep over many
// schemes that feeds the error-vs-bits chart.
#pragma once

#include "io/TensorInfo.h"
#include "quant/ImatrixFile.h"
#include "quant/QuantMetrics.h"
#include "quant/QuantSpec.h"
#include "recipe/Progress.h"

#include <memory>
#include <stop_token>
#include <string>
#include <vector>

namespace complab {

struct QuantOutcome
{
    std::string tensorName;
    QuantSpec spec;
    std::size_t rows = 0; // product of all dimensions but the last
    std::size_t columns = 0; // the last dimension: quantisation groups run along it
    QuantMetrics metrics;
    // Present when QuantizeOptions::keepValues was set.
    std::shared_ptr<const std::vector<float>> original;
    std::shared_ptr<const std::vector<float>> reconstruction;
};

struct QuantizeOptions
{
    bool keepValues = false;
    std::size_t rowsPerTask = 16;
    // Per-column importance by tensor name (an imatrix): ggml block schemes use the tensor's entry.
    std::shared_ptr<const ImportanceMap> importance = nullptr;
};

// NaN or infinity would poison every scale of its group and reach a file unnoticed: quantising
// refuses them. Throws std::invalid_argument naming the tensor and the counts.
void requireFinite(const std::string& tensorName, std::span<const float> values);

// Views a tensor as rows × columns (the last dimension is the row length).
std::pair<std::size_t, std::size_t> matrixShape(const TensorInfo& info);

// Throws std::invalid_argument (with the reason) when the scheme cannot take the tensor's shape,
// Cancelled when stopped.
QuantOutcome quantizeTensor(const TensorView& tensor, const QuantSpec& spec, Progress& progress, std::stop_token stop,
    const QuantizeOptions& options = {});

// Quantises already-decoded values (rows × columns) into `out`; the building block of the job.
// importance (empty or `columns` long, else std::invalid_argument) weights ggml block schemes.
void quantizeMatrix(const QuantSpec& spec, const float* values, std::size_t rows, std::size_t columns, float* out,
    Progress& progress, std::stop_token stop, std::size_t rowsPerTask = 16, std::span<const float> importance = {});

// Quantises rows x columns floats into ggml blocks of `type` (each row whole blocks), in parallel over
// rows; the bytes do not depend on the thread count. With a per-column importance (an imatrix row:
// empty or `columns` long, else std::invalid_argument) ggml's importance-weighted quantisers run.
// Throws Cancelled when stopped.
std::vector<std::byte> quantizeToBlocks(DType type, const std::vector<float>& values, std::size_t rows,
    std::size_t columns, std::stop_token stop, std::span<const float> importance = {});

// Every applicable scheme of `schemes` on one tensor; schemes that do not fit are skipped.
std::vector<QuantOutcome> sweepSchemes(
    const TensorView& tensor, const std::vector<QuantSpec>& schemes, Progress& progress, std::stop_token stop);

} // namespace complab
