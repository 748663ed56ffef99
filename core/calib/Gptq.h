// GPTQ (Frantar et al. 2022): quantise a weight column by column to one of the lab's uniform
// integer grids (intN per group, per channel or per tensor — the same grid and F16 scales as RTN),
// compensating each column's rounding error on the columns not yet quantised through the damped
// inverse layer Hessian, with lazy block updates. Optional act-order (columns by descending
// diag H). Groups keep their natural column ranges even under act-order, so the result is stored
// exactly as RTN's would be; a group's scale is fitted when its first column comes up, on the
// values as they stand then.
#pragma once

#include "quant/QuantSpec.h"
#include "recipe/Progress.h"

#include <Eigen/Core>

#include <stop_token>

namespace complab {

struct GptqOptions
{
    Eigen::Index blockSize = 128;
    double dampening = 0.01; // λ = dampening · mean(diag H)
    bool actOrder = false;
};

// weight: [out_features, in_features]; hessian: 2XᵀX/n (in × in, see layerHessian). Returns the
// dequantised weight. Throws std::invalid_argument for a scheme other than intN, a shape the
// scheme cannot take, or a Hessian of the wrong size; Cancelled when stopped.
Eigen::MatrixXf gptqQuantize(const Eigen::MatrixXf& weight, const Eigen::MatrixXd& hessian, const QuantSpec& spec,
    const GptqOptions& options, Progress& progress, std::stop_token stop);

// The same from calibration inputs X (tokens × in_features).
Eigen::MatrixXf gptqQuantizeWithInputs(const Eigen::MatrixXf& weight, const Eigen::MatrixXf& inputs,
    const QuantSpec& spec, const GptqOptions& options, Progress& progress, std::stop_token stop);

} // namespace complab
