// Quantises a whole checkpoint into a new file, tensor by tensor from the memory map (never more
// than a couple of tensors in memory): ggml block formats are stored natively in GGUF; other
// schemes are written as their dequantised values (simulated quantisation) in safetensors.
// Tensors a scheme cannot take (1-D, rows not whole blocks, filtered out) keep their type.
#pragma once

#include "io/Checkpoint.h"
#include "quant/ImatrixFile.h"
#include "quant/QuantMetrics.h"
#include "quant/QuantSpec.h"
#include "recipe/Progress.h"

#include <filesystem>
#include <optional>
#include <regex>
#include <stop_token>
#include <string>
#include <vector>

namespace complab {

struct TensorQuantReport
{
    std::string name;
    bool quantised = false;
    std::string keptBecause; // why it was not quantised
    DType storedAs = DType::F32;
    std::optional<QuantMetrics> metrics; // for quantised tensors: what the file holds vs the original
    bool weightedByImportance = false; // quantised with its imatrix entry
};

struct CheckpointQuantizeOptions
{
    QuantSpec spec;
    std::optional<std::regex> tensorFilter; // quantise only tensors whose name matches (regex_search)
    std::string filterText; // the filter as typed, for messages
    std::filesystem::path output; // .gguf or .safetensors
    // llama.cpp's imatrix for ggml block schemes: tensors with an entry (by name) are quantised
    // with ggml's importance-weighted search; an entry whose length is not the row length is an error.
    std::shared_ptr<const ImportanceMap> importance = nullptr;
};

// Throws std::invalid_argument for a scheme/format combination that cannot be written,
// CheckpointError for I/O problems, Cancelled when stopped. The output appears atomically.
std::vector<TensorQuantReport> quantizeCheckpoint(
    const Checkpoint& checkpoint, const CheckpointQuantizeOptions& options, Progress& progress, std::stop_token stop);

} // namespace complab
