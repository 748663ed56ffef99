// The lab's precision slider, highest precision first: the fifteen weight formats a person steps
// through (FP32 ... INT2), each either a fixed block layout from the scheme table or an integer grid
// whose cost depends on the chosen group size (one FP16 scale per group).
#pragma once

#include "estimate/QuantScheme.h"

#include <optional>
#include <span>
#include <string_view>

namespace complab {

struct PrecisionStep
{
    std::string_view label; // "INT4", shown on the slider
    std::string_view schemeId; // a fixed layout of quantSchemes() ("q4_k"); empty for integer grids
    int integerBits = 0; // 8, 4, 3, 2 for integer grids (group size chosen separately); 0 otherwise
    std::string_view regime; // where the format is met: "GPTQ / AWQ regime"
};

std::span<const PrecisionStep> precisionLadder();
// Index of the step with this label (case-insensitive), or -1.
int findPrecisionStep(std::string_view label);
// Group sizes the lab offers for integer grids; 0 means "scales ignored", the seed's arithmetic.
std::span<const int> integerGroupSizes();
// bits + 16 / groupSize (one FP16 scale per group), or bits alone for group size 0: INT4 with
// group 128 is 4.125 bits per weight, as quantSchemes() lists int4_g128.
double integerBitsPerWeight(int bits, int groupSize);
// Nominal bit-width and bits per weight of a step; groupSize matters for integer grids only.
// Throws std::invalid_argument for an index outside the ladder or an unknown group size.
QuantScheme precisionStepScheme(int stepIndex, int groupSize);

// Where a scheme of quantSchemes() sits on the ladder: its step and, for integer grids, the group
// size with the same bits per weight ("int4_g128" -> INT4, 128; "q8_0" -> INT8, 32). std::nullopt
// for schemes the ladder does not offer (the K_M mixes).
struct LadderPosition
{
    int step = 0;
    int groupSize = 0;
};
std::optional<LadderPosition> ladderPosition(const QuantScheme& scheme);

} // namespace complab
