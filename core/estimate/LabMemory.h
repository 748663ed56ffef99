// What the lab itself needs in RAM to run a recipe, before it runs: the largest tensor's F32
// working set, plus for calibrated methods (GPTQ, AWQ, SparseGPT, Wanda) the captured calibration
// activations and, for the second-order ones, the Hessian of the widest layer input.
#pragma once

#include "estimate/ArchitectureTable.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace complab {

enum class LabMethod { RoundToNearest, Magnitude, Wanda, Awq, Gptq, SparseGpt };

std::string_view labMethodId(LabMethod method); // "rtn", "magnitude", "wanda", "awq", "gptq", "sparsegpt"
std::optional<LabMethod> parseLabMethod(std::string_view id);

struct LabMemoryNeed
{
    double largestTensorBytes = 0; // original + working copy + reconstruction, F32
    double calibrationBytes = 0; // captured activations
    double hessianBytes = 0; // F32 [in x in] of the widest layer input

    double totalBytes() const { return largestTensorBytes + calibrationBytes + hessianBytes; }
};

// calibrationTokens: samples x sequence length (default 128 x 512).
LabMemoryNeed labMemoryNeed(
    const Architecture& architecture, LabMethod method, std::int64_t calibrationTokens = 128 * 512);

} // namespace complab
