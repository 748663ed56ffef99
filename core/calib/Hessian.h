// The layer Hessian of calibrated compression and its inverse Cholesky factor. For a linear layer
// y = W x fed the calibration inputs X (tokens × in_features), the squared output error of a row
// change δ is δ H δᵀ with H = 2 XᵀX / n (GPTQ, Frantar et al. 2022; SparseGPT, Frantar & Alistarh
// 2023). Both methods walk the columns with the rows of the upper Cholesky factor U of the damped
// H⁻¹ (H⁻¹ = UᵀU): U(j, j) scales the error of column j and U(j, j+1…) spreads it to the rest.
#pragma once

#include <Eigen/Core>

#include <vector>

namespace complab {

// Checks X against the weight: in_features columns, at least one token, finite. Throws
// std::invalid_argument saying what is wrong.
void requireCalibrationInputs(const Eigen::MatrixXf& inputs, Eigen::Index inFeatures);

// H = 2 XᵀX / n in double precision (products over column blocks in parallel).
Eigen::MatrixXd layerHessian(const Eigen::MatrixXf& inputs);

struct InverseHessianFactor
{
    Eigen::MatrixXf upper; // U, in processing order
    std::vector<Eigen::Index> order; // processing position -> input column (identity unless act-order)
    std::vector<bool> dead; // input columns no calibration token reaches (diag H = 0)
    double dampening = 0.0; // λ added to the diagonal
};

// λ = dampeningFraction · mean(diag H) on the diagonal; dead columns get H_jj = 1 (their weights
// cannot matter to the calibration outputs, and are zeroed by the callers as the papers do).
// actOrder: columns in descending diag(H) (stable), GPTQ's "act-order". Throws
// std::invalid_argument when the damped Hessian is still not positive definite.
InverseHessianFactor inverseHessianFactor(Eigen::MatrixXd hessian, double dampeningFraction, bool actOrder);

} // namespace complab
