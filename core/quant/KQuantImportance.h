// ggml's importance-weighted K-quant quantisers (the quant_weights paths of ggml-quants.c that
// llama-quantize takes with --imatrix): the same block formats, with each value's error weighted by
// its column's importance (llama.cpp's imatrix: the mean squared activation seen by that column).
#pragma once

#include "tensor/DType.h"

#include <cstddef>

namespace complab {

// Quantises blockCount whole super-blocks of `type` (Q2_K ... Q6_K) from src into dst, importance
// holding one weight per value of src (the column importances of the row), byte-identical to ggml's
// ggml_quantize_chunk with that imatrix. Returns false, writing nothing, for any other type.
bool quantizeKBlocksWithImportance(
    DType type, const float* src, std::size_t blockCount, const float* importance, std::byte* dst);

} // namespace complab
