// SIMD paths for ggml's simple block formats (Q8_0, Q4_0, Q4_1, Q5_0, Q5_1), byte-identical to the
// reference quantisers in GgufQuantize.cpp and chosen at run time (no -march=native).
#pragma once

#include "tensor/DType.h"

#include <cstddef>

namespace complab {

// Quantises blockCount whole blocks of `type` from src into dst and returns true, or returns false
// (writing nothing) when `type` has no fast path here.
bool quantizeSimpleBlocksFast(DType type, const float* src, std::size_t blockCount, std::byte* dst);

} // namespace complab
