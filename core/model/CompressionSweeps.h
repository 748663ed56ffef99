// Measured quality of pruned and low-rank variants of a model against its baseline: the model-level
// answer to "how far can I prune" and "how much of the spectrum can go", next to the bit-width sweep
// (model/QualitySweep.h). The layers' linear weights are changed (q, k, v, o, gate, up, down); the
// embedding and the classifier are kept, as the recipe's default. Variants are built one at a time,
// so memory stays at one copy of the changed tensors.
#pragma once

#include "model/QualitySweep.h"
#include "prune/PruneSpec.h"

#include <vector>

namespace complab {

// Magnitude pruning of every layer weight at each sparsity (per tensor, unstructured), then the 2:4
// pattern when `withTwoFour` (50 % with the hardware-friendly structure). Labels: "30 % magnitude",
// "2:4 magnitude". parameters = the weights set to zero.
std::vector<VariantQuality> sweepPruning(const EvaluationBaseline& baseline, const ModelWeights& base,
    const std::vector<double>& sparsities, bool withTwoFour, Progress& progress, std::stop_token stop);

// Truncated SVD of every layer weight keeping each share of the spectrum's energy (Σσ²). Labels:
// "90 % energy"; bitsPerWeight = 0; parameters = the weights of the factors r(d + k) summed, which
// is what a factored model would store (more than d·k where the rank passes the break-even).
std::vector<VariantQuality> sweepLowRank(const EvaluationBaseline& baseline, const ModelWeights& base,
    const std::vector<double>& energies, Progress& progress, std::stop_token stop);

} // namespace complab
