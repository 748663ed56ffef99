// The estimator run backwards, for one device: the longest context that fits, the best scheme that
// fits at a chosen context, the largest real model that fits, and the offload ladder (VRAM and RAM
// with 0..all layers on the GPU, as llama.cpp's -ngl splits them).
#pragma once

#include "estimate/Estimator.h"

#include <cstdint>
#include <vector>

namespace complab {

struct ContextFit
{
    std::int64_t longestContext = 0; // 0: not even one token fits
    bool limitedByModel = false; // the model's own maximum context fits: the device is not the limit
};

ContextFit longestContextThatFits(const EstimateInput& input, const HardwareTier& tier,
    const EstimatorConstants& constants = EstimatorConstants(),
    const ArchitectureTable& architectures = defaultArchitectureTable());

// The realisable scheme of highest quality (fewest bits per weight among equals) that fits at the
// input's context; nullptr when none does.
const QuantScheme* bestSchemeThatFits(const EstimateInput& input, const HardwareTier& tier,
    const EstimatorConstants& constants = EstimatorConstants(),
    const ArchitectureTable& architectures = defaultArchitectureTable());

// The largest model of the architecture table that fits with the input's scheme, pruning and
// context; nullptr when none does.
const Architecture* largestModelThatFits(const EstimateInput& input, const HardwareTier& tier,
    const EstimatorConstants& constants = EstimatorConstants(),
    const ArchitectureTable& architectures = defaultArchitectureTable());

struct OffloadRung
{
    std::int64_t gpuLayers = 0;
    double vramBytes = 0;
    double ramBytes = 0;
    bool fits = false; // VRAM within the tier's budget
};

// One rung per layer count 0..layers; the output head moves to the GPU with the last layer.
std::vector<OffloadRung> offloadLadder(const EstimateInput& input, const HardwareTier& tier,
    const EstimatorConstants& constants = EstimatorConstants(),
    const ArchitectureTable& architectures = defaultArchitectureTable());

} // namespace complab
