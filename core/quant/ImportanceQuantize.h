// ggml's importance-weighted block quantisers (the quant_weights paths of ggml-quants.c that
// llama-quantize takes with --imatrix): the same block formats, with each value's error weighted by
// its column's importance (llama.cpp's imatrix: the mean squared activation seen by that column).
#pragma once

#include "tensor/DType.h"

#include <cstddef>

namespace complab {

// Quantises blockCount whole blocks of `type` (Q4_0, Q4_1, Q5_0, Q5_1, Q2_K ... Q6_K) from src into
// dst, importance holding one weight per value of src, byte-identical to ggml's ggml_quantize_chunk
// with that imatrix. src is one row: the 32-value formats scale their weights by the row's mean
// square. Returns false, writing nothing, for any other type.
bool quantizeBlocksWithImportance(
    DType type, const float* src, std::size_t blockCount, const float* importance, std::byte* dst);

} // namespace complab
