#include "estimate/PrecisionLadder.h"

#include "estimate/DataTable.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>

namespace complab {

namespace {

constexpr std::array<PrecisionStep, 15> ladder{{
    {"FP32", "fp32", 0, "training precision, the baseline"},
    {"FP16", "fp16", 0, "how most checkpoints are published"},
    {"BF16", "bf16", 0, "FP16's range-friendly cousin"},
    {"FP8", "fp8", 0, "datacentre GPUs (H100, MI300), vLLM, TensorRT-LLM"},
    {"INT8", "", 8, "LLM.int8(), SmoothQuant regime"},
    {"Q6_K", "q6_k", 0, "llama.cpp k-quant"},
    {"Q5_K", "q5_k", 0, "llama.cpp k-quant"},
    {"Q4_K", "q4_k", 0, "llama.cpp k-quant, the usual GGUF choice"},
    {"INT4", "", 4, "GPTQ / AWQ regime"},
    {"NF4", "nf4", 0, "bitsandbytes, QLoRA"},
    {"MXFP4", "mxfp4", 0, "OCP microscaling float"},
    {"Q3_K", "q3_k", 0, "llama.cpp k-quant"},
    {"INT3", "", 3, "GPTQ at its limit"},
    {"Q2_K", "q2_k", 0, "llama.cpp k-quant"},
    {"INT2", "", 2, "research territory: needs quantisation-aware training"},
}};

constexpr std::array<int, 5> groupSizes{0, 32, 64, 128, 256};

} // namespace

std::span<const PrecisionStep> precisionLadder()
{
    return ladder;
}

int findPrecisionStep(std::string_view label)
{
    for (std::size_t i = 0; i < ladder.size(); ++i) {
        if (equalsIgnoringCase(ladder[i].label, label))
            return static_cast<int>(i);
    }
    return -1;
}

std::span<const int> integerGroupSizes()
{
    return groupSizes;
}

double integerBitsPerWeight(int bits, int groupSize)
{
    return groupSize > 0 ? bits + 16.0 / groupSize : bits;
}

QuantScheme precisionStepScheme(int stepIndex, int groupSize)
{
    if (stepIndex < 0 || stepIndex >= static_cast<int>(ladder.size()))
        throw std::invalid_argument("precision step " + std::to_string(stepIndex) + " is outside the ladder [0, "
            + std::to_string(ladder.size() - 1) + "]");
    const PrecisionStep& step = ladder[static_cast<std::size_t>(stepIndex)];
    if (step.integerBits == 0) {
        const QuantScheme* scheme = findQuantScheme(step.schemeId);
        if (!scheme)
            throw std::logic_error("precision ladder names an unknown scheme");
        return *scheme;
    }
    if (std::find(groupSizes.begin(), groupSizes.end(), groupSize) == groupSizes.end())
        throw std::invalid_argument("group size " + std::to_string(groupSize) + " is not one of 0, 32, 64, 128, 256");
    const double bits = step.integerBits;
    return {step.label, step.label, bits, integerBitsPerWeight(step.integerBits, groupSize),
        groupSize > 0 ? "integer grid + FP16 scale per group" : "scales ignored", true};
}

std::optional<LadderPosition> ladderPosition(const QuantScheme& scheme)
{
    for (std::size_t i = 0; i < ladder.size(); ++i) {
        const PrecisionStep& step = ladder[i];
        if (step.integerBits == 0) {
            if (equalsIgnoringCase(step.schemeId, scheme.id))
                return LadderPosition{static_cast<int>(i), 0};
            continue;
        }
        if (step.integerBits != scheme.weightBits)
            continue;
        for (const int groupSize : groupSizes) {
            if (integerBitsPerWeight(step.integerBits, groupSize) == scheme.bitsPerWeight)
                return LadderPosition{static_cast<int>(i), groupSize};
        }
    }
    return std::nullopt;
}

} // namespace complab
