// The forward pass's arithmetic kernels. y = x · Wᵀ: x is [tokens, in] row-major, W is a checkpoint weight [out, in]
// row-major, y is [tokens, out]. Split over output rows with oneTBB; the per-block product has a
// run-time chosen AVX2/FMA path (target_clones) and a portable one.
#pragma once

#include "model/ModelWeights.h"

namespace complab {

void applyLinear(const RowMajorMatrix& x, const WeightTensor& weight, RowMajorMatrix& y);

// Attention's inner loops: out[j] = scale · (query · keys[j]) for `count` key rows, and
// out = Σ_j weights[j] · values[j] over `count` value rows (each `length` floats, rows `stride` apart).
void dotRows(const float* query, const float* keys, std::int64_t keyStride, std::int64_t count, std::int64_t length,
    float scale, float* out);
void accumulateRows(const float* weights, const float* values, std::int64_t valueStride, std::int64_t count,
    std::int64_t length, float* out);

} // namespace complab
