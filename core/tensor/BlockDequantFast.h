// AVX2 dequantisation of ggml's block formats (Q4_0 … Q8_0, Q2_K … Q6_K), chosen at run time, with
// the same float operations as the reference dequantize() of GgufBlocks.h, so the same values.
#pragma once

#include "tensor/DType.h"

#include <cstddef>

namespace complab {

// Dequantises blockCount blocks of `type` from src (no alignment needed) into out and returns true,
// or returns false (writing nothing) when this CPU or this type has no fast path.
bool dequantizeBlocksFast(DType type, const std::byte* src, std::size_t blockCount, float* out);

} // namespace complab
