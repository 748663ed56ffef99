// Fast paths for ggml's K-quants (Q2_K ... Q6_K), byte-identical to the reference quantisers in
// GgufQuantize.cpp and chosen at run time (no -march=native).
#pragma once

#include "tensor/DType.h"

#include <cstddef>

namespace complab {

// Quantises blockCount whole super-blocks of `type` from src into dst and returns true, or returns
// false (writing nothing) when `type` has no fast path here.
bool quantizeKBlocksFast(DType type, const float* src, std::size_t blockCount, std::byte* dst);

} // namespace complab
