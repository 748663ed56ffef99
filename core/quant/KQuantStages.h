// The K-quants' steps after each group's scale fit: quantising the group scales under the block's
// scale, requantising the values against the stored scales, and packing. Shared by the reference
// quantisers (GgufQuantize.cpp) and the SIMD fit (KQuantFast.cpp), so both write the same bytes.
#pragma once

#include "tensor/GgufBlocks.h"

#include <cstdint>

namespace complab {

// The search of fitGroupScaleAndOffset: steps + 1 inverse scales (firstStep + stepSize * step +
// maxLevel) / range, each candidate's levels solved for a weighted least-squares scale and offset.
struct ScaleSearch
{
    int maxLevel;
    float firstStep;
    float stepSize;
    int steps;
    bool absoluteError; // minimise weighted |error| instead of weighted error²
};

// Asymmetric fit of n values to levels 0..maxLevel as scale * level - offset (ggml's make_qkx2_quants,
// and make_qkx3_quants with weights); returns the scale and sets offset.
float fitGroupScaleAndOffset(
    const float* x, const float* weights, int n, const ScaleSearch& search, std::uint8_t* levels, float& offset);
// Symmetric fit to levels -maxLevel..maxLevel-1, returned offset by maxLevel (ggml's make_qx_quants,
// rmse_type 1); weights x² when weights is null.
float fitGroupSymmetricScale(const float* x, const float* weights, int n, int maxLevel, std::int8_t* levels);

// The last fit step: every value of each group whose stored scale is nonzero becomes
// clamp(nearestInt((x + offset) / scale), lowest, highest) + shift (offset only with groupOffsets);
// groups whose stored scale is zero keep their fitted levels.
struct Requantization
{
    int groupSize;
    int groups;
    int lowest;
    int highest;
    int shift;
};
using RequantizeFunction = void (*)(const float* x, const float* groupScales, const float* groupOffsets,
    const Requantization& requantization, std::uint8_t* levels);
void requantizeReference(const float* x, const float* groupScales, const float* groupOffsets,
    const Requantization& requantization, std::uint8_t* levels);

// scales / offsets / levels are what each group's fit produced (16 groups of 16 for Q2_K, Q3_K and
// Q6_K, 8 groups of 32 for Q4_K and Q5_K); levels are overwritten by the requantised ones.
void finishBlockQ2K(const float* x, const float* scales, const float* offsets, std::uint8_t (&levels)[blockQK_K],
    BlockQ2_K& out, RequantizeFunction requantize);
void finishBlockQ3K(const float* x, const float* scales, std::int8_t (&levels)[blockQK_K], BlockQ3_K& out,
    RequantizeFunction requantize);
void finishBlockQ4K(const float* x, const float* scales, const float* offsets, std::uint8_t (&levels)[blockQK_K],
    BlockQ4_K& out, RequantizeFunction requantize);
void finishBlockQ5K(const float* x, const float* scales, const float* offsets, std::uint8_t (&levels)[blockQK_K],
    BlockQ5_K& out, RequantizeFunction requantize);
void finishBlockQ6K(const float* x, const float* scales, std::int8_t (&levels)[blockQK_K], BlockQ6_K& out,
    RequantizeFunction requantize);

// The same steps from already quantised group scales (ggml's importance-weighted paths choose them
// differently): Q2_K and Q3_K take out.scales, out.d (and out.dmin) as set; Q4_K and Q5_K take each
// group's 6-bit scale and offset level and the block's scale and offset as floats.
void completeBlockQ2K(const float* x, std::uint8_t (&levels)[blockQK_K], BlockQ2_K& out, RequantizeFunction requantize);
void completeBlockQ3K(const float* x, std::int8_t (&levels)[blockQK_K], BlockQ3_K& out, RequantizeFunction requantize);
void completeBlockQ4K(const float* x, const std::uint8_t* scaleLevels, const std::uint8_t* offsetLevels,
    float blockScale, float blockOffset, std::uint8_t (&levels)[blockQK_K], BlockQ4_K& out,
    RequantizeFunction requantize);
void completeBlockQ5K(const float* x, const std::uint8_t* scaleLevels, const std::uint8_t* offsetLevels,
    float blockScale, float blockOffset, std::uint8_t (&levels)[blockQK_K], BlockQ5_K& out,
    RequantizeFunction requantize);

} // namespace complab
