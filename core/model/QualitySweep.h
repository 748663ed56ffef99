// Measured quality of compressed variants of one model against its baseline: a scheme applied to
// the whole model, the bit-width sweep 2…8, per-tensor and per-layer sensitivity (one at a time),
// and a mixed-precision assignment for a bits-per-weight budget, measured against uniform
// quantisation at the same budget. Pruning and low-rank sweeps plug in through
// compareVariants() with weights made by ModelWeights::transformed().
#pragma once

#include "model/Evaluator.h"
#include "quant/QuantSpec.h"

#include <map>
#include <string>
#include <vector>

namespace complab {

// Quantise → dequantise (core/quant, the same code the quantize command writes with) every tensor of
// `names` the scheme applies to (all linearTensorNames() when empty); the rest stay as they are.
// Returns the variant and, through `quantised`, the names it changed.
std::shared_ptr<const ModelWeights> quantizedWeights(const ModelWeights& base, const QuantSpec& spec,
    const std::vector<std::string>& names, std::stop_token stop, std::vector<std::string>* quantised = nullptr);
// Per-tensor schemes: names missing from the map stay unquantised.
std::shared_ptr<const ModelWeights> quantizedWeights(
    const ModelWeights& base, const std::map<std::string, QuantSpec>& assignment, std::stop_token stop);

// Storage of the tensors in `assignment` (bits per weight averaged over their weights).
double averageBitsPerWeight(const ModelWeights& base, const std::map<std::string, QuantSpec>& assignment);

struct VariantQuality
{
    std::string label; // "int4 g128", "model.layers.0.mlp.down_proj.weight", "layer 2", "50 % magnitude", ...
    double bitsPerWeight = 0.0; // of the compressed tensors (0 when not a quantisation)
    std::int64_t parameters = 0; // weights changed
    ComparisonResult quality;
};

struct Variant
{
    std::string label;
    std::shared_ptr<const ModelWeights> weights;
    double bitsPerWeight = 0.0;
    std::int64_t parameters = 0;
};

// Each variant against the baseline, in order; progress over all of them.
std::vector<VariantQuality> compareVariants(
    const EvaluationBaseline& baseline, const std::vector<Variant>& variants, Progress& progress, std::stop_token stop);

// `family` with bits 2…8 (its format must be Int), each applied to the whole model.
std::vector<VariantQuality> sweepBits(const EvaluationBaseline& baseline, const ModelWeights& base,
    const QuantSpec& family, Progress& progress, std::stop_token stop, int minBits = 2, int maxBits = 8);

// One tensor (or one layer's tensors) at a time quantised with `spec`; sorted by mean KLD, most
// sensitive first.
std::vector<VariantQuality> tensorSensitivity(const EvaluationBaseline& baseline, const ModelWeights& base,
    const QuantSpec& spec, Progress& progress, std::stop_token stop);
std::vector<VariantQuality> layerSensitivity(const EvaluationBaseline& baseline, const ModelWeights& base,
    const QuantSpec& spec, Progress& progress, std::stop_token stop);

struct MixedPrecisionPlan
{
    std::map<std::string, QuantSpec> assignment;
    double bitsPerWeight = 0.0;
    VariantQuality mixed;
    VariantQuality uniform; // the most bits `family` offers within the budget, on every tensor
};

// Rule: the uniform level b is the highest bit-width of `family` whose storage fits the budget.
// Each tensor may take b − 1, b or b + 1 bits; the ΔKLD of quantising it alone is measured at each
// level; starting from b − 1 everywhere, the raise removing the most ΔKLD per stored bit that still
// fits is taken until none fits (greedy multiple-choice knapsack; ΔKLD assumed additive). The
// assignment and uniform b are then measured on the baseline's tokens (the same tokens the
// sensitivities came from). Throws std::invalid_argument when the budget is below 3-bit storage.
MixedPrecisionPlan proposeMixedPrecision(const EvaluationBaseline& baseline, const ModelWeights& base,
    const QuantSpec& family, double budgetBitsPerWeight, Progress& progress, std::stop_token stop);

} // namespace complab
