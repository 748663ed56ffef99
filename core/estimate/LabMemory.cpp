#include "estimate/LabMemory.h"

#include "estimate/DataTable.h"

#include <algorithm>
#include <array>

namespace complab {

namespace {

constexpr std::array<LabMethod, 6> methods{LabMethod::RoundToNearest, LabMethod::Magnitude, LabMethod::Wanda,
    LabMethod::Awq, LabMethod::Gptq, LabMethod::SparseGpt};

} // namespace

std::string_view labMethodId(LabMethod method)
{
    switch (method) {
    case LabMethod::RoundToNearest:
        return "rtn";
    case LabMethod::Magnitude:
        return "magnitude";
    case LabMethod::Wanda:
        return "wanda";
    case LabMethod::Awq:
        return "awq";
    case LabMethod::Gptq:
        return "gptq";
    case LabMethod::SparseGpt:
        return "sparsegpt";
    }
    return "rtn";
}

std::optional<LabMethod> parseLabMethod(std::string_view id)
{
    for (const auto method : methods) {
        if (equalsIgnoringCase(labMethodId(method), id))
            return method;
    }
    return std::nullopt;
}

LabMemoryNeed labMemoryNeed(const Architecture& architecture, LabMethod method, std::int64_t calibrationTokens)
{
    const auto hidden = static_cast<double>(architecture.hiddenSize);
    const auto intermediate = static_cast<double>(architecture.intermediateSize);
    const auto tokens = static_cast<double>(std::max<std::int64_t>(calibrationTokens, 0));
    // The lab streams one tensor at a time: the original (decoded to F32), a working copy and the
    // reconstruction it measures error against.
    const double largestTensor = std::max({architecture.embeddingParameters(), hidden * intermediate,
        hidden * static_cast<double>(architecture.attentionHeads * architecture.headDim)});
    LabMemoryNeed need;
    need.largestTensorBytes = 3.0 * 4.0 * largestTensor;
    switch (method) {
    case LabMethod::RoundToNearest:
    case LabMethod::Magnitude:
        break;
    case LabMethod::Wanda:
        // Input norms need one layer's inputs at a time.
        need.calibrationBytes = tokens * hidden * 4.0;
        break;
    case LabMethod::Awq:
    case LabMethod::Gptq:
    case LabMethod::SparseGpt:
        // Activation capture keeps every layer's inputs for the whole calibration set (F32).
        need.calibrationBytes = tokens * hidden * static_cast<double>(architecture.layers) * 4.0;
        if (method != LabMethod::Awq) {
            const double widestInput = std::max(hidden, intermediate);
            need.hessianBytes = widestInput * widestInput * 4.0;
        }
        break;
    }
    return need;
}

} // namespace complab
