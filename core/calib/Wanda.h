// Wanda, pruning by weights and activations (Sun et al. 2023): the score of W_ij is |W_ij| · ‖X_j‖₂,
// the weight's magnitude times the L2 norm of its input channel over the calibration tokens;
// weights are removed per output row (or N:M along the row) and the rest are left as they are.
#pragma once

#include "prune/PruneMask.h"

namespace complab {

// spec: PerRow or PerTensor unstructured, or N:M (Global is refused). Throws
// std::invalid_argument when X does not fit W or the spec the shape; Cancelled.
PruneResult wandaPrune(const Eigen::MatrixXf& weight, const Eigen::MatrixXf& inputs, const PruneSpec& spec,
    Progress& progress, std::stop_token stop);

// The same from the input-channel norms ‖X_j‖₂ (one per column of W), as when only the sums of
// squares were captured. Throws std::invalid_argument when the norms do not fit W.
PruneResult wandaPruneWithNorms(const Eigen::MatrixXf& weight, const Eigen::VectorXf& norms, const PruneSpec& spec,
    Progress& progress, std::stop_token stop);

// ‖X_j‖₂ for every input channel (accumulated in double).
Eigen::VectorXf inputChannelNorms(const Eigen::MatrixXf& inputs);

} // namespace complab
