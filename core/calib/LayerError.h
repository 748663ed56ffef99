// How far a compressed layer's outputs are from the original's on calibration inputs X
// (tokens × in_features): ‖X(W − Ŵ)ᵀ‖_F / ‖XWᵀ‖_F — the quantity GPTQ, AWQ, Wanda and SparseGPT
// minimise, and what the lab compares them to the naive methods by. Also the RTN baseline.
#pragma once

#include "quant/QuantSpec.h"
#include "recipe/Progress.h"

#include <Eigen/Core>

#include <stop_token>

namespace complab {

// Throws std::invalid_argument when X does not fit W (see requireCalibrationInputs).
double outputRelativeError(
    const Eigen::MatrixXf& weight, const Eigen::MatrixXf& compressed, const Eigen::MatrixXf& inputs);

// Round-to-nearest with the quantisation engine (quantizeMatrix, groups along in_features):
// the naive method the calibrated ones are compared with. Returns the dequantised weight.
Eigen::MatrixXf roundToNearest(
    const Eigen::MatrixXf& weight, const QuantSpec& spec, Progress& progress, std::stop_token stop);

} // namespace complab
