// AWQ, activation-aware weight quantisation (Lin et al. 2023): channels that see large inputs
// matter more, so scale input channel j by s_j = (mean_t |X_tj|)^α before round-to-nearest and
// divide the activations by s (folded into the preceding operation), which leaves the float layer
// unchanged: W X = (W diag(s)) (diag(s)⁻¹ X). α is searched on a grid over [0, 1] for the smallest
// ‖W X − Q(W diag(s)) diag(s)⁻¹ X‖; α = 0 is plain RTN, so the search never does worse on X.
#pragma once

#include "quant/QuantSpec.h"
#include "recipe/Progress.h"

#include <Eigen/Core>

#include <stop_token>
#include <vector>

namespace complab {

struct AwqOptions
{
    int gridPoints = 20; // α ∈ {0, 1/20, ..., 1}, as in the paper
};

struct AwqResult
{
    Eigen::MatrixXf weight; // what the layer computes with: Q(W diag(s)) diag(s)⁻¹
    Eigen::MatrixXf scaledQuantised; // Q(W diag(s)), what a checkpoint stores
    Eigen::VectorXf scales; // s, to fold into the operation feeding this layer (its outputs / s)
    double alpha = 0.0;
    std::vector<double> outputErrorByAlpha; // ‖ΔX‖² / ‖WX‖² for each grid point
};

// Any scheme quantizeMatrix takes (intN, NF4, FP8, ...). Throws std::invalid_argument when X does
// not fit W or the scheme cannot take the shape; Cancelled.
AwqResult awqQuantize(const Eigen::MatrixXf& weight, const Eigen::MatrixXf& inputs, const QuantSpec& spec,
    const AwqOptions& options, Progress& progress, std::stop_token stop);

} // namespace complab
