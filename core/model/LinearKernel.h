// y = x · Wᵀ for the forward pass: x is [tokens, in] row-major, W is a checkpoint weight [out, in]
// row-major, y is [tokens, out]. Split over output rows with oneTBB; the per-block product has a
// run-time chosen AVX2/FMA path (target_clones) and a portable one.
#pragma once

#include "model/ModelWeights.h"

namespace complab {

void applyLinear(const RowMajorMatrix& x, const WeightTensor& weight, RowMajorMatrix& y);

} // namespace complab
