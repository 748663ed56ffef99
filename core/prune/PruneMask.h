// Which weights a pruner keeps, chosen from a score per weight (|W| for magnitude, |W|·‖X_j‖ for
// Wanda), and what pruning cost: the sparsity reached and ‖W − Ŵ‖/‖W‖. Selection is exact — the
// requested number of weights goes, however many scores tie — and deterministic: among equal
// scores the weight with the lower row-major index is pruned first.
#pragma once

#include "prune/PruneSpec.h"
#include "recipe/Progress.h"

#include <Eigen/Core>

#include <cstdint>
#include <stop_token>

namespace complab {

// true = kept. Same shape as the weight ([out_features, in_features]).
using PruneMask = Eigen::Array<bool, Eigen::Dynamic, Eigen::Dynamic>;

struct PruneMetrics
{
    std::uint64_t count = 0;
    std::uint64_t pruned = 0; // weights the mask removes
    double sparsity = 0.0; // pruned / count
    double relativeError = 0.0; // ‖W − Ŵ‖_F / ‖W‖_F
};

struct PruneResult
{
    Eigen::MatrixXf weight; // the pruned (and, for SparseGPT, updated) weight
    PruneMask keep;
    PruneMetrics metrics;
};

// How many weights of `count` a sparsity removes (rounded to nearest).
std::uint64_t prunedCount(double sparsity, std::uint64_t count);

// The mask a PerTensor / PerRow / N:M spec selects from scores (higher = more important).
// Global specs go through pruneGlobalMagnitude. Throws std::invalid_argument when the spec does
// not fit the shape or a score is NaN; Cancelled when stopped (checked per block of rows).
PruneMask selectMask(const Eigen::MatrixXf& scores, const PruneSpec& spec, Progress& progress, std::stop_token stop);

// Keeps N of every M consecutive scores of `count` (the N highest; ties keep the higher index, so
// the lower is pruned first, as everywhere). Writes count booleans to keep.
void selectNOfM(const float* scores, std::ptrdiff_t stride, std::size_t count, int keepN, int groupM, bool* keep,
    std::ptrdiff_t keepStride);

// Marks the `prune` lowest of `count` strided scores as removed (false) and the rest kept;
// ties: lower index pruned first. The building block of every unstructured selection.
void pruneLowestScores(const float* scores, std::ptrdiff_t stride, std::size_t count, std::size_t prune, bool* keep,
    std::ptrdiff_t keepStride);

PruneMetrics measurePruning(const Eigen::MatrixXf& original, const Eigen::MatrixXf& pruned, const PruneMask& keep);

} // namespace complab
