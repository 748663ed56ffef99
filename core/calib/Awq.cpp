#include "calib/Awq.h"

#include "calib/Hessian.h"
#include "calib/LayerError.h"

#include <cmath>
#include <stdexcept>

namespace complab {

AwqResult awqQuantize(const Eigen::MatrixXf& weight, const Eigen::MatrixXf& inputs, const QuantSpec& spec,
    const AwqOptions& options, Progress& progress, std::stop_token stop)
{
    requireCalibrationInputs(inputs, weight.cols());
    if (!weight.allFinite())
        throw std::invalid_argument("the weight holds NaN or infinite values");
    if (options.gridPoints < 1)
        throw std::invalid_argument("the AWQ grid needs at least one step");
    // Output error as a quadratic form in the weight change: ‖Δ Xᵀ‖² = tr(Δ G Δᵀ), G = XᵀX.
    // The product in float (it dominates the search), the sum in double.
    const Eigen::MatrixXf gram = (layerHessian(inputs) * (0.5 * static_cast<double>(inputs.rows()))).cast<float>();
    const auto outputSquares = [&](const Eigen::MatrixXf& change) {
        const Eigen::MatrixXf projected = change * gram;
        return projected.cwiseProduct(change).cast<double>().sum();
    };
    const double signal = outputSquares(weight);
    Eigen::VectorXd magnitude = inputs.cwiseAbs().colwise().mean().transpose().cast<double>();
    // A channel no token reaches would get s = 0; keep it at a tiny fraction of the largest.
    const double floor = std::max(magnitude.maxCoeff() * 1e-6, 1e-12);
    magnitude = magnitude.cwiseMax(floor);

    AwqResult best;
    double bestError = INFINITY;
    Progress silent;
    for (int step = 0; step <= options.gridPoints; ++step) {
        throwIfStopped(stop);
        const double alpha = static_cast<double>(step) / options.gridPoints;
        Eigen::VectorXd scales = magnitude.array().pow(alpha);
        // Centre the scales on 1 (geometric mean of the extremes) so W diag(s) keeps its range.
        scales /= std::sqrt(scales.maxCoeff() * scales.minCoeff());
        const Eigen::VectorXf s = scales.cast<float>();
        const Eigen::MatrixXf scaledQuantised = roundToNearest(weight * s.asDiagonal(), spec, silent, stop);
        const Eigen::MatrixXf effective = scaledQuantised * s.cwiseInverse().asDiagonal();
        const double error = outputSquares(weight - effective);
        best.outputErrorByAlpha.push_back(signal > 0.0 ? error / signal : error);
        if (error < bestError) {
            bestError = error;
            best.alpha = alpha;
            best.scales = s;
            best.weight = effective;
            best.scaledQuantised = scaledQuantised;
        }
        progress.report(static_cast<double>(step + 1) / (options.gridPoints + 1));
    }
    return best;
}

} // namespace complab
