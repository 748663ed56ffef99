// Magnitude pruning (score |W_ij|): per tensor, per output row, N:M along the input dimension, and
// global — one threshold over many tensors, reaching the exact count with ties broken by tensor
// order, then row-major index. Each call is a job: Progress, stop token, oneTBB over rows/tensors.
#pragma once

#include "prune/PruneMask.h"

#include <vector>

namespace complab {

// PerTensor, PerRow or N:M (a Global spec is refused: use pruneGlobalMagnitude).
PruneResult pruneMagnitude(
    const Eigen::MatrixXf& weight, const PruneSpec& spec, Progress& progress, std::stop_token stop);

// Removes round(sparsity · total) weights of lowest |W| over all tensors together.
std::vector<PruneResult> pruneGlobalMagnitude(
    const std::vector<const Eigen::MatrixXf*>& weights, double sparsity, Progress& progress, std::stop_token stop);

// Applies a mask: kept weights unchanged, the rest exactly zero.
Eigen::MatrixXf applyMask(const Eigen::MatrixXf& weight, const PruneMask& keep);

} // namespace complab
