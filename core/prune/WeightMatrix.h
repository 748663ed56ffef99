// A checkpoint tensor as the weight matrix pruning, low rank and calibration work on:
// [out_features, in_features] floats (y = W x), and back to the bytes of a plain float dtype.
// Anything that is not a finite 2-D matrix is refused with a message naming the tensor.
#pragma once

#include "io/TensorInfo.h"

#include <Eigen/Core>

#include <cstddef>
#include <vector>

namespace complab {

// Throws std::invalid_argument for 1-D/0-D/3-D+ tensors, empty ones and NaN/Inf values.
Eigen::MatrixXf loadWeightMatrix(const TensorView& tensor);

// Row-major bytes of `weight` in F32, F16 or BF16 (round to nearest even); other types throw.
std::vector<std::byte> encodeWeightMatrix(const Eigen::MatrixXf& weight, DType type);

} // namespace complab
