// The rule-of-thumb engine in one call: a recipe-like input (size, precision, pruning,
// distillation, context) in, footprint, VRAM by term, quality and hardware tier out. Plain
// arithmetic over the bundled tables: microseconds, no allocation per call, safe on the GUI thread.
#pragma once

#include "estimate/ArchitectureTable.h"
#include "estimate/EstimatorConstants.h"
#include "estimate/HardwareTierTable.h"
#include "estimate/QualityModel.h"
#include "estimate/QuantScheme.h"
#include "estimate/RuntimeProfile.h"
#include "estimate/VramEstimate.h"

#include <cstdint>

namespace complab {

struct EstimateInput
{
    double parameters = 8e9;
    // The model's shape; nullptr: the nearest real model of the (student's) size is assumed.
    const Architecture* architecture = nullptr;
    double weightBits = 16; // nominal bit-width (quality)
    double bitsPerWeight = 16; // including scales and zero points (footprint, VRAM)
    double pruneFraction = 0; // [0, 1)
    double distillFactor = 1; // >= 1: the student is this many times smaller
    std::int64_t context = 8192;
    std::int64_t batch = 1;
    KvCacheType kvType = KvCacheType::F16;
    RuntimeProfile runtime = RuntimeProfile::LlamaCpp;
    bool flashAttention = false;
    std::int64_t microBatch = 512;
    Backend backend = Backend::Cuda;
    std::int64_t devices = 1;

    // Sets weightBits and bitsPerWeight from a scheme.
    void setScheme(const QuantScheme& scheme);
};

struct Estimate
{
    const Architecture* architecture = nullptr;
    bool architectureAssumed = false; // taken from the table by size, not given
    double effectiveParameters = 0;
    double diskBytes = 0;
    double fractionSmallerThanFp32 = 0;
    VramBreakdown vram;
    double quality = 0;
    QualityBand qualityBand = QualityBand::Broken;
    const HardwareTier* tier = nullptr; // nullptr: nothing in the table fits
    // The smallest tier with a GPU or unified memory that fits (CUDA, ROCm, Metal): the answer to
    // "which graphics card" when `tier` is a CPU-only device (a phone or a Raspberry Pi).
    const HardwareTier* acceleratorTier = nullptr;
};

// Throws std::invalid_argument with a message a person can act on ("pruning fraction 1.5 is
// outside [0, 1)") when the input is impossible.
void validateEstimateInput(const EstimateInput& input);

// The architecture the estimate uses: the given one, or for a size alone (or a distilled student)
// the nearest real model in the table.
const Architecture& resolveArchitecture(
    const EstimateInput& input, const ArchitectureTable& table, bool* assumed = nullptr);

// VRAM of the input on one tier's backend and device count (llama.cpp overheads are per device).
VramBreakdown vramOnTier(const EstimateInput& input, const Architecture& architecture, const HardwareTier& tier,
    const EstimatorConstants& constants);
bool fitsOnTier(const EstimateInput& input, const Architecture& architecture, const HardwareTier& tier,
    const EstimatorConstants& constants);

Estimate estimate(const EstimateInput& input, const EstimatorConstants& constants = EstimatorConstants(),
    const ArchitectureTable& architectures = defaultArchitectureTable(),
    const HardwareTierTable& tiers = defaultHardwareTierTable());

} // namespace complab
