// The K-quants' steps after each group's scale fit: quantising the group scales under the block's
// scale, requantising the values against the stored scales, and packing. Shared by the reference
// quantisers (GgufQuantize.cpp) and the SIMD fit (KQuantFast.cpp), so both write the same bytes.
#pragma once

#include "tensor/GgufBlocks.h"

#include <cstdint>

namespace complab {

// scales / offsets / levels are what each group's fit produced (16 groups of 16 for Q2_K, Q3_K and
// Q6_K, 8 groups of 32 for Q4_K and Q5_K); levels are overwritten by the requantised ones.
void finishBlockQ2K(
    const float* x, const float* scales, const float* offsets, std::uint8_t (&levels)[blockQK_K], BlockQ2_K& out);
void finishBlockQ3K(const float* x, const float* scales, std::int8_t (&levels)[blockQK_K], BlockQ3_K& out);
void finishBlockQ4K(
    const float* x, const float* scales, const float* offsets, std::uint8_t (&levels)[blockQK_K], BlockQ4_K& out);
void finishBlockQ5K(
    const float* x, const float* scales, const float* offsets, std::uint8_t (&levels)[blockQK_K], BlockQ5_K& out);
void finishBlockQ6K(const float* x, const float* scales, std::int8_t (&levels)[blockQK_K], BlockQ6_K& out);

} // namespace complab
