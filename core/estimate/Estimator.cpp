#include "estimate/Estimator.h"

#include "estimate/Footprint.h"

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace complab {

namespace {

void require(bool condition, const char* what, double value, const char* range)
{
    if (!condition) {
        std::ostringstream message;
        message << what << " " << value << " is outside " << range;
        throw std::invalid_argument(message.str());
    }
}

VramInput vramInput(const EstimateInput& input, const Architecture& architecture)
{
    VramInput vram;
    vram.architecture = &architecture;
    vram.weightBytes = diskBytes(input.parameters, input.bitsPerWeight, input.pruneFraction, input.distillFactor);
    vram.context = input.context;
    vram.batch = input.batch;
    vram.kvType = input.kvType;
    vram.runtime = input.runtime;
    vram.flashAttention = input.flashAttention;
    vram.microBatch = input.microBatch;
    vram.backend = input.backend;
    vram.devices = input.devices;
    return vram;
}

} // namespace

void EstimateInput::setScheme(const QuantScheme& scheme)
{
    weightBits = scheme.weightBits;
    bitsPerWeight = scheme.bitsPerWeight;
}

void validateEstimateInput(const EstimateInput& input)
{
    require(std::isfinite(input.parameters) && input.parameters >= 1e4 && input.parameters <= 1e13, "parameter count",
        input.parameters, "[1e4, 1e13]");
    require(input.weightBits >= 1.0 && input.weightBits <= 32.0, "bit-width", input.weightBits, "[1, 32]");
    require(
        input.bitsPerWeight >= 1.0 && input.bitsPerWeight <= 64.0, "bits per weight", input.bitsPerWeight, "[1, 64]");
    require(input.pruneFraction >= 0.0 && input.pruneFraction < 1.0, "pruning fraction", input.pruneFraction, "[0, 1)");
    require(input.distillFactor >= 1.0 && input.distillFactor <= 1024.0, "distillation factor", input.distillFactor,
        "[1, 1024]");
    require(input.context >= 1 && input.context <= 100'000'000, "context", static_cast<double>(input.context),
        "[1, 100000000] tokens");
    require(input.batch >= 1 && input.batch <= 4096, "batch", static_cast<double>(input.batch), "[1, 4096]");
    require(input.microBatch >= 1 && input.microBatch <= 65536, "micro-batch", static_cast<double>(input.microBatch),
        "[1, 65536]");
    require(
        input.devices >= 1 && input.devices <= 1024, "device count", static_cast<double>(input.devices), "[1, 1024]");
}

const Architecture& resolveArchitecture(const EstimateInput& input, const ArchitectureTable& table, bool* assumed)
{
    // A distilled student is a different, smaller model: its shape comes from the nearest real one.
    const bool fromTable = input.architecture == nullptr || input.distillFactor > 1.0;
    if (assumed)
        *assumed = fromTable;
    if (!fromTable)
        return *input.architecture;
    return table.nearest(input.parameters / input.distillFactor);
}

VramBreakdown vramOnTier(const EstimateInput& input, const Architecture& architecture, const HardwareTier& tier,
    const EstimatorConstants& constants)
{
    auto vram = vramInput(input, architecture);
    vram.backend = tier.backend;
    vram.devices = tier.devices;
    return estimateVram(vram, constants);
}

bool fitsOnTier(const EstimateInput& input, const Architecture& architecture, const HardwareTier& tier,
    const EstimatorConstants& constants)
{
    return vramOnTier(input, architecture, tier, constants).totalBytes() <= tier.budgetBytes(constants.tierHeadroom);
}

Estimate estimate(const EstimateInput& input, const EstimatorConstants& constants,
    const ArchitectureTable& architectures, const HardwareTierTable& tiers)
{
    Estimate result;
    const Architecture& architecture = resolveArchitecture(input, architectures, &result.architectureAssumed);
    result.architecture = &architecture;
    result.effectiveParameters = effectiveParameters(input.parameters, input.pruneFraction, input.distillFactor);
    result.diskBytes = diskBytes(input.parameters, input.bitsPerWeight, input.pruneFraction, input.distillFactor);
    result.fractionSmallerThanFp32 = fractionSmallerThanFp32(input.parameters, result.diskBytes);
    result.vram = estimateVram(vramInput(input, architecture), constants);
    result.quality = qualityRetained(input.weightBits, input.pruneFraction, input.distillFactor, constants);
    result.qualityBand = qualityBand(result.quality, constants);
    for (const auto& tier : tiers.rows()) {
        if ((!result.tier || (!result.acceleratorTier && tier.backend != Backend::Cpu))
            && fitsOnTier(input, architecture, tier, constants)) {
            if (!result.tier)
                result.tier = &tier;
            if (tier.backend != Backend::Cpu)
                result.acceleratorTier = &tier;
        }
        if (result.tier && result.acceleratorTier)
            break;
    }
    return result;
}

} // namespace complab
