#include "calib/Hessian.h"

#include <Eigen/Cholesky>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string>

namespace complab {

void requireCalibrationInputs(const Eigen::MatrixXf& inputs, Eigen::Index inFeatures)
{
    if (inputs.rows() == 0)
        throw std::invalid_argument("the calibration inputs hold no tokens");
    if (inputs.cols() != inFeatures)
        throw std::invalid_argument("the calibration inputs have " + std::to_string(inputs.cols())
            + " features per token but the weight takes " + std::to_string(inFeatures));
    if (!inputs.allFinite())
        throw std::invalid_argument("the calibration inputs hold NaN or infinite values");
}

Eigen::MatrixXd layerHessian(const Eigen::MatrixXf& inputs)
{
    const Eigen::MatrixXd x = inputs.cast<double>();
    const Eigen::Index n = x.cols();
    Eigen::MatrixXd hessian(n, n);
    constexpr Eigen::Index blockColumns = 64;
    const Eigen::Index blocks = (n + blockColumns - 1) / blockColumns;
    const double factor = 2.0 / static_cast<double>(x.rows());
    tbb::parallel_for(Eigen::Index(0), blocks, [&](Eigen::Index block) {
        const Eigen::Index first = block * blockColumns;
        const Eigen::Index count = std::min(blockColumns, n - first);
        hessian.middleCols(first, count).noalias() = factor * (x.transpose() * x.middleCols(first, count));
    });
    return hessian;
}

InverseHessianFactor inverseHessianFactor(Eigen::MatrixXd hessian, double dampeningFraction, bool actOrder)
{
    const Eigen::Index n = hessian.rows();
    InverseHessianFactor factor;
    factor.dead.assign(static_cast<std::size_t>(n), false);
    for (Eigen::Index j = 0; j < n; ++j) {
        if (hessian(j, j) == 0.0) {
            factor.dead[static_cast<std::size_t>(j)] = true;
            hessian(j, j) = 1.0;
        }
    }
    factor.order.resize(static_cast<std::size_t>(n));
    std::iota(factor.order.begin(), factor.order.end(), Eigen::Index(0));
    if (actOrder)
        std::stable_sort(factor.order.begin(), factor.order.end(),
            [&](Eigen::Index a, Eigen::Index b) { return hessian(a, a) > hessian(b, b); });
    factor.dampening = dampeningFraction * hessian.diagonal().mean();
    // Reversed processing order: with P the reversal and P·H·P = L Lᵀ, H⁻¹ = Uᵀ U for the upper
    // triangular U = P L⁻¹ P — one Cholesky and one triangular inverse instead of GPTQ's
    // Cholesky, inverse and second Cholesky.
    Eigen::MatrixXd reversed(n, n);
    for (Eigen::Index a = 0; a < n; ++a)
        for (Eigen::Index b = 0; b < n; ++b)
            reversed(a, b) = hessian(
                factor.order[static_cast<std::size_t>(n - 1 - a)], factor.order[static_cast<std::size_t>(n - 1 - b)]);
    reversed.diagonal().array() += factor.dampening;
    const Eigen::LLT<Eigen::MatrixXd> cholesky(reversed);
    if (cholesky.info() != Eigen::Success)
        throw std::invalid_argument("the damped layer Hessian is not positive definite; use more calibration tokens "
                                    "or a larger dampening");
    const Eigen::MatrixXd lowerInverse
        = cholesky.matrixL().solve(Eigen::MatrixXd::Identity(n, n)).triangularView<Eigen::Lower>();
    factor.upper = lowerInverse.reverse().cast<float>();
    return factor;
}

} // namespace complab
