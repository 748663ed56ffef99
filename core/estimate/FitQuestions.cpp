#include "estimate/FitQuestions.h"

#include "estimate/Footprint.h"

#include <algorithm>

namespace complab {

ContextFit longestContextThatFits(const EstimateInput& input, const HardwareTier& tier,
    const EstimatorConstants& constants, const ArchitectureTable& architectures)
{
    const Architecture& architecture = resolveArchitecture(input, architectures);
    EstimateInput probe = input;
    const auto fits = [&](std::int64_t context) {
        probe.context = context;
        return fitsOnTier(probe, architecture, tier, constants);
    };
    ContextFit result;
    const std::int64_t ceiling = architecture.maxContext;
    if (fits(ceiling)) {
        result.longestContext = ceiling;
        result.limitedByModel = true;
        return result;
    }
    if (!fits(1))
        return result;
    // VRAM never falls as the context grows, so bisect on [1, ceiling).
    std::int64_t low = 1;
    std::int64_t high = ceiling;
    while (high - low > 1) {
        const std::int64_t middle = low + (high - low) / 2;
        (fits(middle) ? low : high) = middle;
    }
    result.longestContext = low;
    return result;
}

const QuantScheme* bestSchemeThatFits(const EstimateInput& input, const HardwareTier& tier,
    const EstimatorConstants& constants, const ArchitectureTable& architectures)
{
    const Architecture& architecture = resolveArchitecture(input, architectures);
    const QuantScheme* best = nullptr;
    double bestQuality = -1.0;
    EstimateInput probe = input;
    for (const auto& scheme : quantSchemes()) {
        if (!scheme.realisable)
            continue;
        probe.setScheme(scheme);
        if (!fitsOnTier(probe, architecture, tier, constants))
            continue;
        const double quality = quantisationQuality(scheme.weightBits, constants);
        if (quality > bestQuality || (quality == bestQuality && scheme.bitsPerWeight < best->bitsPerWeight)) {
            best = &scheme;
            bestQuality = quality;
        }
    }
    return best;
}

const Architecture* largestModelThatFits(const EstimateInput& input, const HardwareTier& tier,
    const EstimatorConstants& constants, const ArchitectureTable& architectures)
{
    const Architecture* largest = nullptr;
    EstimateInput probe = input;
    probe.distillFactor = 1.0;
    for (const auto& architecture : architectures.rows()) {
        probe.parameters = architecture.parameters;
        probe.architecture = &architecture;
        if ((!largest || architecture.parameters > largest->parameters)
            && fitsOnTier(probe, architecture, tier, constants))
            largest = &architecture;
    }
    return largest;
}

std::vector<OffloadRung> offloadLadder(const EstimateInput& input, const HardwareTier& tier,
    const EstimatorConstants& constants, const ArchitectureTable& architectures)
{
    const Architecture& architecture = resolveArchitecture(input, architectures);
    const VramBreakdown full = vramOnTier(input, architecture, tier, constants);
    const double weights = diskBytes(input.parameters, input.bitsPerWeight, input.pruneFraction, input.distillFactor);
    const double embedding = weights * embeddingShare(architecture);
    const double outputHead = embedding; // a separate head or the GPU copy of a tied one: same size
    const bool llamaCpp = input.runtime == RuntimeProfile::LlamaCpp;
    // first-order counts the embedding table on the GPU; llama.cpp keeps it in RAM.
    const double gpuOnlyAtTheEnd = llamaCpp ? outputHead : embedding + (architecture.tiedEmbeddings ? 0.0 : outputHead);
    const double repeating = std::max(0.0, full.weightBytes - (llamaCpp ? outputHead : gpuOnlyAtTheEnd));
    const auto layers = architecture.layers;
    const double perLayerWeights = repeating / static_cast<double>(layers);
    const double perLayerKv = full.kvCacheBytes / static_cast<double>(layers);
    const double budget = tier.budgetBytes(constants.tierHeadroom);

    std::vector<OffloadRung> ladder;
    ladder.reserve(static_cast<std::size_t>(layers) + 1);
    for (std::int64_t n = 0; n <= layers; ++n) {
        const double onGpu = static_cast<double>(n);
        const double onCpu = static_cast<double>(layers - n);
        OffloadRung rung;
        rung.gpuLayers = n;
        rung.vramBytes = onGpu * (perLayerWeights + perLayerKv) + (n == layers ? gpuOnlyAtTheEnd : 0.0)
            + (n > 0 ? full.activationBytes + full.runtimeOverheadBytes : 0.0);
        rung.ramBytes = onCpu * (perLayerWeights + perLayerKv) + (n < layers ? gpuOnlyAtTheEnd : 0.0)
            + (n < layers ? full.activationBytes / static_cast<double>(tier.devices) : 0.0) + full.hostBytes;
        rung.fits = rung.vramBytes <= budget;
        ladder.push_back(rung);
    }
    return ladder;
}

} // namespace complab
