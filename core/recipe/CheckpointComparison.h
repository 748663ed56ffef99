// Two checkpoints of the same model compared tensor by tensor — e.g. the original safetensors and a
// GGUF quantised elsewhere: tensors matched by name (Hugging Face and llama.cpp names alike), q/k
// rows brought to one layout when one file holds HF's rotate-half order and the other llama.cpp's
// interleaved one, then the real error of the second against the first and the histograms of both.
// Reads two tensors at a time; a job (progress, cancellation).
#pragma once

#include "quant/QuantMetrics.h"
#include "recipe/Progress.h"
#include "tensor/DType.h"
#include "tensor/TensorStats.h"

#include <cstdint>
#include <stop_token>
#include <string>
#include <vector>

namespace complab {

class Checkpoint;

struct TensorComparison
{
    std::string referenceName;
    std::string otherName;
    std::vector<std::int64_t> shape;
    DType referenceType = DType::F32;
    DType otherType = DType::F32;
    bool reordered = false; // q/k rows of the reference put in the other's layout first
    QuantMetrics metrics; // the other's values against the reference's
    Histogram referenceHistogram;
    Histogram otherHistogram; // on the same bins
};

struct CheckpointComparison
{
    std::vector<TensorComparison> tensors; // worst relative error first
    std::vector<std::string> onlyInReference;
    std::vector<std::string> onlyInOther;
    std::vector<std::string> notCompared; // "name: why" (shapes differ, no head count for q/k rows, ...)
    std::uint64_t comparedWeights = 0;
    double relativeError = 0.0; // over every compared weight: ‖A − B‖ / ‖A‖
};

// Throws CheckpointError for unreadable tensors, Cancelled when stopped.
CheckpointComparison compareCheckpoints(const Checkpoint& reference, const Checkpoint& other, std::size_t histogramBins,
    Progress& progress, std::stop_token stop);

} // namespace complab
