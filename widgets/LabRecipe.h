// What the lab's sliders hold: the recipe a person is composing (size, precision, pruning,
// distillation, low rank, context, batch, KV cache, runtime), the discrete steps the log-scale
// sliders move through, and how a recipe becomes the estimator's input.
#pragma once

#include "estimate/Estimator.h"

#include <QString>

#include <cstdint>
#include <span>

namespace complab {

struct LabRecipe
{
    bool useLoadedModel = false; // true: the open checkpoint's size and shape, not `parameters`
    double parameters = 8e9;
    int precisionStep = 8; // index into precisionLadder(): INT4
    int groupSize = 0; // integer grids only; 0: scales ignored (the seed's arithmetic)
    double pruneFraction = 0;
    QString pruneMethod = QStringLiteral("magnitude");
    double distillFactor = 1;
    double lowRankEnergy = 1.0; // 1: no low-rank factorisation
    std::int64_t context = 8192;
    std::int64_t batch = 1;
    KvCacheType kvType = KvCacheType::F16;
    RuntimeProfile runtime = RuntimeProfile::FirstOrder;
    bool flashAttention = false;

    bool operator==(const LabRecipe&) const = default;
};

// The stops of the log-scale sliders: round sizes 0.5B-405B, contexts 512-128K, factors 1x-16x.
std::span<const double> modelSizeSteps();
std::span<const std::int64_t> contextSteps();
std::span<const double> distillSteps();
// Index of the stop nearest to value in log scale.
int nearestStep(std::span<const double> steps, double value);
int nearestStep(std::span<const std::int64_t> steps, std::int64_t value);

// Pruning methods the recipe can name (ids as the recipe stores them) and their labels.
struct PruneMethodInfo
{
    const char* id;
    const char* label;
};
std::span<const PruneMethodInfo> pruneMethods();

// The estimator's input for a recipe. loaded: the open checkpoint's architecture (nullptr when none
// or the recipe does not use it); loadedParameters its parameter count.
EstimateInput toEstimateInput(const LabRecipe& recipe, const Architecture* loaded, double loadedParameters);

// "8 B", "0.5 B", "405 B": a parameter count as the size slider shows it.
QString parameterCountText(double parameters);
// "8K", "128K", "512": a context length as the context slider shows it.
QString contextText(std::int64_t tokens);

} // namespace complab
