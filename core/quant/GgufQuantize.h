// ggml's reference block quantisers (quantize_row_*_ref, no importance matrix), reproduced so that
// the lab writes the very bytes llama.cpp's tools write: a GGUF file quantised here is identical
// to one quantised by ggml, and tests can compare against ggml's output byte for byte.
#pragma once

#include "tensor/DType.h"
#include "tensor/GgufBlocks.h"

#include <cstddef>

namespace complab {

// One block each: x holds the block's 32 (Q*_0, Q*_1) or 256 (K-quants) values.
void quantizeReference(const float* x, BlockQ4_0& out);
void quantizeReference(const float* x, BlockQ4_1& out);
void quantizeReference(const float* x, BlockQ5_0& out);
void quantizeReference(const float* x, BlockQ5_1& out);
void quantizeReference(const float* x, BlockQ8_0& out);
void quantizeReference(const float* x, BlockQ8_1& out);
void quantizeReference(const float* x, BlockQ2_K& out);
void quantizeReference(const float* x, BlockQ3_K& out);
void quantizeReference(const float* x, BlockQ4_K& out);
void quantizeReference(const float* x, BlockQ5_K& out);
void quantizeReference(const float* x, BlockQ6_K& out);
// The K-quants' dot-product partner; ggml leaves bsums of an all-zero block unwritten, here they are zero.
void quantizeReference(const float* x, BlockQ8_K& out);

// Reference quantisation of `count` floats (a whole number of blocks of `type`) into consecutive
// blocks written to dst (no alignment needed), byte-identical to ggml's quantize_row_<type>_ref.
// Throws std::invalid_argument for a type that is not a block format or a count that is not a
// whole number of blocks.
void quantizeBlocksReference(DType type, const float* src, std::size_t count, std::byte* dst);

// What the lab quantises with: the same contract and the same bytes as quantizeBlocksReference
// (the tests hold every fast path to byte identity), through SIMD paths chosen at run time where a
// format has one (core/quant/BlockQuantFast.cpp for Q*_0 / Q*_1, core/quant/KQuantFast.cpp for
// the K-quants), else the reference path.
void quantizeBlocks(DType type, const float* src, std::size_t count, std::byte* dst);

// quantizeBlocks with an importance vector (llama.cpp's imatrix: importance[i], the mean squared
// activation of src[i]'s column, weights src[i]'s error), byte-identical to ggml's
// ggml_quantize_chunk with that imatrix for one row of `count` values (core/quant/ImportanceQuantize.cpp;
// Q4_0 ... Q5_1 normalise by the row's mean square, so pass whole rows). Q8_0, Q8_1 and Q8_K ignore
// it, as ggml does. A null importance is quantizeBlocks above. Throws as quantizeBlocksReference does.
void quantizeBlocks(DType type, const float* src, std::size_t count, std::byte* dst, const float* importance);

} // namespace complab
