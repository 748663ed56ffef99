#include "quant/GgufQuantize.h"

#include "quant/BlockQuantFast.h"
#include "quant/ImportanceQuantize.h"
#include "quant/KQuantFast.h"
#include "quant/KQuantStages.h"

#include <algorithm>
#include <bit>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>

// Byte identity with ggml rests on doing the same float operations in the same order: every
// expression below keeps ggml's association and int-to-float conversions, and this file is built
// with -ffp-contract=off because a fused multiply-add rounds once instead of twice and moves the
// K-quants' scale search onto different candidates.

namespace complab {

namespace {

// Values whose largest magnitude is below this are treated as all zero (ggml's GROUP_MAX_EPS).
constexpr float groupMaxEpsilon = 1e-15f;

// Rounds to the nearest integer, ties to even, by adding 1.5 * 2^23: the sum's low mantissa bits
// are then the rounded value. ggml rounds this way throughout the K-quants; for |value| > 2^22,
// infinities and NaN the result is garbage, but the same garbage ggml gets.
int nearestInt(float value)
{
    const float shifted = value + 12582912.f;
    const auto bits = std::bit_cast<std::int32_t>(shifted);
    return (bits & 0x007FFFFF) - 0x00400000;
}

// The float-to-small-integer casts of the Q*_0 / Q*_1 formats, as x86 performs them: truncate to a
// 32-bit integer (cvttss2si, which gives INT32_MIN for NaN and out-of-range values), keep the low
// byte. Only a block whose scale is so small that its reciprocal overflows reaches those values;
// spelling the conversion out keeps them defined behaviour and identical to ggml's x86 build.
std::int8_t truncateToInt8(float value)
{
    const bool representable = value > -2147483648.f && value < 2147483648.f;
    const std::int32_t truncated = representable ? static_cast<std::int32_t>(value) : INT32_MIN;
    return static_cast<std::int8_t>(truncated);
}

std::uint8_t truncateToUint8(float value)
{
    return static_cast<std::uint8_t>(truncateToInt8(value));
}

// The value of largest magnitude, keeping its sign (the first one on ties).
float signedAbsMax(const float* x, int n)
{
    float largest = 0;
    float largestMagnitude = 0;
    for (int i = 0; i < n; ++i) {
        const float magnitude = std::fabs(x[i]);
        if (magnitude > largestMagnitude) {
            largestMagnitude = magnitude;
            largest = x[i];
        }
    }
    return largest;
}

void storeLittleEndian32(std::uint32_t bits, std::uint8_t (&out)[4])
{
    for (int i = 0; i < 4; ++i)
        out[i] = static_cast<std::uint8_t>(bits >> (8 * i));
}

// Symmetric fit of n values to levels -maxLevel..maxLevel-1 (returned offset by maxLevel): tries the
// scale that maps the extreme value to -maxLevel and 18 nudged ones, keeping the levels that minimise
// the weighted squared error (weights x² unless given). Returns the least-squares scale of the
// chosen levels. (ggml's make_qx_quants with rmse_type 1.)
float fitSymmetricScale(const float* x, int n, int maxLevel, std::int8_t* levels, const float* weights = nullptr)
{
    const float extreme = signedAbsMax(x, n);
    if (std::fabs(extreme) < groupMaxEpsilon) {
        std::fill(levels, levels + n, std::int8_t(0));
        return 0.f;
    }
    const auto level = [maxLevel](float inverseScale, float value) {
        return std::clamp(nearestInt(inverseScale * value), -maxLevel, maxLevel - 1);
    };
    float inverseScale = static_cast<float>(-maxLevel) / extreme;
    float sumWeightedXL = 0;
    float sumWeightedL2 = 0;
    for (int i = 0; i < n; ++i) {
        const int l = level(inverseScale, x[i]);
        levels[i] = static_cast<std::int8_t>(l + maxLevel);
        const float weight = weights ? weights[i] : x[i] * x[i];
        sumWeightedXL += weight * x[i] * static_cast<float>(l);
        sumWeightedL2 += weight * static_cast<float>(l) * static_cast<float>(l);
    }
    float scale = sumWeightedL2 != 0 ? sumWeightedXL / sumWeightedL2 : 0.0f;
    // Maximising sumXL² / sumL2 is minimising the weighted error at the least-squares scale.
    float best = scale * sumWeightedXL;
    for (int step = -9; step <= 9; ++step) {
        if (step == 0)
            continue;
        inverseScale = -(static_cast<float>(maxLevel) + 0.1f * static_cast<float>(step)) / extreme;
        sumWeightedXL = 0;
        sumWeightedL2 = 0;
        for (int i = 0; i < n; ++i) {
            const int l = level(inverseScale, x[i]);
            const float weight = weights ? weights[i] : x[i] * x[i];
            sumWeightedXL += weight * x[i] * static_cast<float>(l);
            sumWeightedL2 += weight * static_cast<float>(l) * static_cast<float>(l);
        }
        if (sumWeightedL2 > 0 && sumWeightedXL * sumWeightedXL > best * sumWeightedL2) {
            for (int i = 0; i < n; ++i)
                levels[i] = static_cast<std::int8_t>(maxLevel + level(inverseScale, x[i]));
            scale = sumWeightedXL / sumWeightedL2;
            best = scale * sumWeightedXL;
        }
    }
    return scale;
}

// Symmetric fit for Q3_K: starts from the scale mapping the extreme value to -maxLevel, then moves
// single values to the level that most improves the x²-weighted fit, for up to five sweeps.
// Levels are returned offset by maxLevel, except for an all-zero group (all levels 0).
// (ggml's make_q3_quants with do_rmse.)
float fitSymmetricScaleRefined(const float* x, int n, int maxLevel, std::int8_t* levels)
{
    const float extreme = signedAbsMax(x, n);
    if (std::fabs(extreme) < groupMaxEpsilon) {
        std::fill(levels, levels + n, std::int8_t(0));
        return 0.f;
    }
    const auto clampLevel = [maxLevel](int l) { return std::clamp(l, -maxLevel, maxLevel - 1); };
    const float inverseScale = static_cast<float>(-maxLevel) / extreme;
    float sumWeightedXL = 0;
    float sumWeightedL2 = 0;
    for (int i = 0; i < n; ++i) {
        const int l = clampLevel(nearestInt(inverseScale * x[i]));
        levels[i] = static_cast<std::int8_t>(l);
        const float weight = x[i] * x[i];
        sumWeightedXL += weight * x[i] * static_cast<float>(l);
        sumWeightedL2 += weight * static_cast<float>(l) * static_cast<float>(l);
    }
    for (int sweep = 0; sweep < 5; ++sweep) {
        int changed = 0;
        for (int i = 0; i < n; ++i) {
            const float weight = x[i] * x[i];
            const auto old = static_cast<float>(levels[i]);
            float withoutXL = sumWeightedXL - weight * x[i] * old;
            if (withoutXL > 0) {
                float withoutL2 = sumWeightedL2 - weight * old * old;
                const int newLevel = clampLevel(nearestInt(x[i] * withoutL2 / withoutXL));
                if (newLevel != levels[i]) {
                    withoutXL += weight * x[i] * static_cast<float>(newLevel);
                    withoutL2 += weight * static_cast<float>(newLevel) * static_cast<float>(newLevel);
                    if (withoutL2 > 0
                        && withoutXL * withoutXL * sumWeightedL2 > sumWeightedXL * sumWeightedXL * withoutL2) {
                        levels[i] = static_cast<std::int8_t>(newLevel);
                        sumWeightedXL = withoutXL;
                        sumWeightedL2 = withoutL2;
                        ++changed;
                    }
                }
            }
        }
        if (changed == 0)
            break;
    }
    for (int i = 0; i < n; ++i)
        levels[i] = static_cast<std::int8_t>(levels[i] + maxLevel);
    return sumWeightedL2 > 0.0f ? sumWeightedXL / sumWeightedL2 : 0.0f;
}

// Asymmetric fit of n values to levels 0..maxLevel as scale * level - offset with offset >= 0:
// tries steps + 1 inverse scales around maxLevel / range, solves the weighted least-squares scale
// and offset for each candidate's levels, and keeps the best. Returns the scale and sets offset.
// (ggml's make_qkx2_quants.)
float fitScaleAndOffset(
    const float* x, const float* weights, int n, const ScaleSearch& search, std::uint8_t* levels, float& offset)
{
    float min = x[0];
    float max = x[0];
    float sumW = weights[0];
    float sumX = sumW * x[0];
    for (int i = 1; i < n; ++i) {
        min = x[i] < min ? x[i] : min;
        max = x[i] > max ? x[i] : max;
        const float w = weights[i];
        sumW += w;
        sumX += w * x[i];
    }
    // The offset only ever subtracts: a group of positive values still starts at zero.
    if (min > 0)
        min = 0;
    if (max == min) {
        std::fill(levels, levels + n, std::uint8_t(0));
        offset = -min;
        return 0.f;
    }
    const auto error = [&search](float diff) { return search.absoluteError ? std::fabs(diff) : diff * diff; };
    float inverseScale = static_cast<float>(search.maxLevel) / (max - min);
    float scale = 1 / inverseScale;
    float bestError = 0;
    for (int i = 0; i < n; ++i) {
        const int l = nearestInt(inverseScale * (x[i] - min));
        levels[i] = static_cast<std::uint8_t>(std::clamp(l, 0, search.maxLevel));
        bestError += weights[i] * error(scale * static_cast<float>(levels[i]) + min - x[i]);
    }
    std::uint8_t candidate[blockQK_K];
    for (int step = 0; step <= search.steps; ++step) {
        inverseScale
            = (search.firstStep + search.stepSize * static_cast<float>(step) + static_cast<float>(search.maxLevel))
            / (max - min);
        float sumL = 0;
        float sumL2 = 0;
        float sumXL = 0;
        for (int i = 0; i < n; ++i) {
            const int l = std::clamp(nearestInt(inverseScale * (x[i] - min)), 0, search.maxLevel);
            candidate[i] = static_cast<std::uint8_t>(l);
            const float w = weights[i];
            const auto level = static_cast<float>(l);
            sumL += w * level;
            sumL2 += w * level * level;
            sumXL += w * level * x[i];
        }
        const float determinant = sumW * sumL2 - sumL * sumL;
        if (determinant > 0) {
            float candidateScale = (sumW * sumXL - sumX * sumL) / determinant;
            float candidateMin = (sumL2 * sumX - sumL * sumXL) / determinant;
            if (candidateMin > 0) {
                candidateMin = 0;
                candidateScale = sumXL / sumL2;
            }
            float candidateError = 0;
            for (int i = 0; i < n; ++i)
                candidateError
                    += weights[i] * error(candidateScale * static_cast<float>(candidate[i]) + candidateMin - x[i]);
            if (candidateError < bestError) {
                std::copy(candidate, candidate + n, levels);
                bestError = candidateError;
                scale = candidateScale;
                min = candidateMin;
            }
        }
    }
    offset = -min;
    return scale;
}

// Q2_K and Q3_K pack four 2-bit levels a byte: byte l of each 32-byte run holds values l, l+32,
// l+64 and l+96 of a 128-value half.
template <typename Level> void packTwoBitLevels(const Level* levels, std::uint8_t* qs)
{
    for (std::size_t j = 0; j < blockQK_K; j += 128)
        for (std::size_t l = 0; l < 32; ++l)
            qs[j / 4 + l] = static_cast<std::uint8_t>(
                levels[j + l] | (levels[j + l + 32] << 2) | (levels[j + l + 64] << 4) | (levels[j + l + 96] << 6));
}

// Q4_K and Q5_K: eight groups of 32, each with a 6-bit scale and a 6-bit min under the block's d
// and dmin. Fits each group's scale and offset and its levels (0..maxLevel).
void fitScaleMinGroups(const float* x, const ScaleSearch& search, float (&scales)[blockQK_K / 32],
    float (&offsets)[blockQK_K / 32], std::uint8_t (&levels)[blockQK_K])
{
    constexpr int groupSize = 32;
    constexpr int groups = blockQK_K / groupSize;
    for (int j = 0; j < groups; ++j) {
        const float* group = x + groupSize * j;
        // Weights favour large values, relative to the group's RMS.
        float sumX2 = 0;
        for (int l = 0; l < groupSize; ++l)
            sumX2 += group[l] * group[l];
        const float rms = std::sqrt(sumX2 / groupSize);
        float weights[groupSize];
        for (int l = 0; l < groupSize; ++l)
            weights[l] = rms + std::fabs(group[l]);
        scales[j] = fitScaleAndOffset(group, weights, groupSize, search, levels + groupSize * j, offsets[j]);
    }
}

// Q4_K / Q5_K: each group's 6-bit scale and offset levels into the 12 packed bytes.
void packScaleMinK4(
    const std::uint8_t* scaleLevels, const std::uint8_t* offsetLevels, std::uint8_t (&packedScales)[kScaleBytes])
{
    for (int j = 0; j < 8; ++j) {
        const std::uint8_t scale = scaleLevels[j];
        const std::uint8_t offset = offsetLevels[j];
        if (j < 4) {
            packedScales[j] = scale;
            packedScales[j + 4] = offset;
        } else {
            packedScales[j + 4] = static_cast<std::uint8_t>((scale & 0xF) | ((offset & 0xF) << 4));
            packedScales[j - 4] |= static_cast<std::uint8_t>((scale >> 4) << 6);
            packedScales[j] |= static_cast<std::uint8_t>((offset >> 4) << 6);
        }
    }
}

// Q4_K / Q5_K: stores d and dmin, packs the scale levels and requantises all values against the
// scales as stored (6-bit, half precision), as the decoder will see them.
void completeScaleMinSuperBlock(const float* x, int maxLevel, const std::uint8_t* scaleLevels,
    const std::uint8_t* offsetLevels, float blockScale, float blockOffset, std::uint8_t (&packedScales)[kScaleBytes],
    std::uint16_t& d, std::uint16_t& dmin, std::uint8_t (&levels)[blockQK_K], RequantizeFunction requantize)
{
    constexpr int groupSize = 32;
    constexpr int groups = blockQK_K / groupSize;
    packScaleMinK4(scaleLevels, offsetLevels, packedScales);
    d = floatToHalf(blockScale);
    dmin = floatToHalf(blockOffset);
    float groupScales[groups];
    float groupOffsets[groups];
    for (int j = 0; j < groups; ++j) {
        std::uint8_t scale;
        std::uint8_t offset;
        unpackScaleMinK4(j, packedScales, scale, offset);
        groupScales[j] = halfToFloat(d) * scale;
        groupOffsets[j] = halfToFloat(dmin) * offset;
    }
    requantize(x, groupScales, groupOffsets, Requantization{groupSize, groups, 0, maxLevel, 0}, levels);
}

// The reference's scale quantisation for Q4_K / Q5_K: each group's scale and offset to 6 bits under
// the largest of each.
void quantizeScaleMins(const float* scales, const float* offsets, std::uint8_t (&scaleLevels)[8],
    std::uint8_t (&offsetLevels)[8], float& blockScale, float& blockOffset)
{
    constexpr int groups = 8;
    float maxScale = 0; // scales are positive: the offset absorbs the sign
    float maxOffset = 0;
    for (int j = 0; j < groups; ++j) {
        maxScale = scales[j] > maxScale ? scales[j] : maxScale;
        maxOffset = offsets[j] > maxOffset ? offsets[j] : maxOffset;
    }
    const float inverseScale = maxScale > 0 ? 63.f / maxScale : 0.f;
    const float inverseOffset = maxOffset > 0 ? 63.f / maxOffset : 0.f;
    for (int j = 0; j < groups; ++j) {
        // ggml narrows to a byte before clamping to 63.
        scaleLevels[j] = std::min<std::uint8_t>(63, static_cast<std::uint8_t>(nearestInt(inverseScale * scales[j])));
        offsetLevels[j] = std::min<std::uint8_t>(63, static_cast<std::uint8_t>(nearestInt(inverseOffset * offsets[j])));
    }
    blockScale = maxScale / 63.f;
    blockOffset = maxOffset / 63.f;
}

template <typename Block>
void quantizeAll(const float* src, std::size_t blockCount, std::size_t blockElements, std::byte* dst)
{
    for (std::size_t i = 0; i < blockCount; ++i) {
        Block block{};
        quantizeReference(src + i * blockElements, block);
        std::memcpy(dst + i * sizeof(Block), &block, sizeof(Block));
    }
}

} // namespace

void quantizeReference(const float* x, BlockQ4_0& out)
{
    constexpr int half = blockQK4_0 / 2;
    // The extreme value maps to level 0 exactly (-8 * d), so its sign sets the sign of d.
    const float d = signedAbsMax(x, blockQK4_0) / -8;
    const float inverse = d != 0 ? 1.0f / d : 0.0f;
    out.d = floatToHalf(d);
    for (int j = 0; j < half; ++j) {
        const int low = std::min<int>(15, truncateToInt8(x[j] * inverse + 8.5f));
        const int high = std::min<int>(15, truncateToInt8(x[j + half] * inverse + 8.5f));
        out.qs[j] = static_cast<std::uint8_t>(low | (high << 4));
    }
}

namespace {
void minMax(const float* x, int n, float& min, float& max)
{
    min = FLT_MAX;
    max = -FLT_MAX;
    for (int j = 0; j < n; ++j) {
        min = x[j] < min ? x[j] : min;
        max = x[j] > max ? x[j] : max;
    }
}
} // namespace

void quantizeReference(const float* x, BlockQ4_1& out)
{
    constexpr int half = blockQK4_1 / 2;
    float min;
    float max;
    minMax(x, blockQK4_1, min, max);
    const float d = (max - min) / 15;
    const float inverse = d != 0 ? 1.0f / d : 0.0f;
    out.d = floatToHalf(d);
    out.m = floatToHalf(min);
    for (int j = 0; j < half; ++j) {
        const int low = std::min<int>(15, truncateToInt8((x[j] - min) * inverse + 0.5f));
        const int high = std::min<int>(15, truncateToInt8((x[j + half] - min) * inverse + 0.5f));
        out.qs[j] = static_cast<std::uint8_t>(low | (high << 4));
    }
}

void quantizeReference(const float* x, BlockQ5_0& out)
{
    constexpr int half = blockQK5_0 / 2;
    const float d = signedAbsMax(x, blockQK5_0) / -16;
    const float inverse = d != 0 ? 1.0f / d : 0.0f;
    out.d = floatToHalf(d);
    std::uint32_t fifthBits = 0;
    for (int j = 0; j < half; ++j) {
        const auto low = static_cast<std::uint8_t>(std::min<int>(31, truncateToInt8(x[j] * inverse + 16.5f)));
        const auto high = static_cast<std::uint8_t>(std::min<int>(31, truncateToInt8(x[j + half] * inverse + 16.5f)));
        out.qs[j] = static_cast<std::uint8_t>((low & 0x0F) | ((high & 0x0F) << 4));
        fifthBits |= ((low & 0x10u) >> 4) << j;
        fifthBits |= ((high & 0x10u) >> 4) << (j + half);
    }
    storeLittleEndian32(fifthBits, out.qh);
}

void quantizeReference(const float* x, BlockQ5_1& out)
{
    constexpr int half = blockQK5_1 / 2;
    float min;
    float max;
    minMax(x, blockQK5_1, min, max);
    const float d = (max - min) / 31;
    const float inverse = d != 0 ? 1.0f / d : 0.0f;
    out.d = floatToHalf(d);
    out.m = floatToHalf(min);
    std::uint32_t fifthBits = 0;
    for (int j = 0; j < half; ++j) {
        // No clamp here in ggml: (x - min) / d is at most 31 plus rounding, which truncates to 31.
        const std::uint8_t low = truncateToUint8((x[j] - min) * inverse + 0.5f);
        const std::uint8_t high = truncateToUint8((x[j + half] - min) * inverse + 0.5f);
        out.qs[j] = static_cast<std::uint8_t>((low & 0x0F) | ((high & 0x0F) << 4));
        fifthBits |= ((low & 0x10u) >> 4) << j;
        fifthBits |= ((high & 0x10u) >> 4) << (j + half);
    }
    storeLittleEndian32(fifthBits, out.qh);
}

namespace {
float absMax(const float* x, int n)
{
    float largest = 0.0f;
    for (int j = 0; j < n; ++j)
        largest = largest > std::fabs(x[j]) ? largest : std::fabs(x[j]);
    return largest;
}
} // namespace

void quantizeReference(const float* x, BlockQ8_0& out)
{
    const float d = absMax(x, blockQK8_0) / 127;
    const float inverse = d != 0 ? 1.0f / d : 0.0f;
    out.d = floatToHalf(d);
    // roundf: ties away from zero, unlike the K-quants' nearestInt.
    for (std::size_t j = 0; j < blockQK8_0; ++j)
        out.qs[j] = truncateToInt8(std::round(x[j] * inverse));
}

void quantizeReference(const float* x, BlockQ8_1& out)
{
    const float d = absMax(x, blockQK8_1) / 127;
    const float inverse = d != 0 ? 1.0f / d : 0.0f;
    out.d = floatToHalf(d);
    int sum = 0;
    for (std::size_t j = 0; j < blockQK8_1; ++j) {
        out.qs[j] = truncateToInt8(std::round(x[j] * inverse));
        sum += out.qs[j];
    }
    out.s = floatToHalf(static_cast<float>(sum) * d);
}

void quantizeReference(const float* x, BlockQ2_K& out)
{
    // Sixteen groups of 16, each with a 4-bit scale and a 4-bit min; weights favour large values and
    // the error is absolute, which suits two-bit levels better than squared error.
    constexpr int groupSize = 16;
    constexpr int groups = blockQK_K / groupSize;
    constexpr ScaleSearch search{3, -0.5f, 0.1f, 15, true};
    std::uint8_t levels[blockQK_K];
    float scales[groups];
    float offsets[groups];
    for (int j = 0; j < groups; ++j) {
        float weights[groupSize];
        for (int l = 0; l < groupSize; ++l)
            weights[l] = std::fabs(x[groupSize * j + l]);
        scales[j]
            = fitScaleAndOffset(x + groupSize * j, weights, groupSize, search, levels + groupSize * j, offsets[j]);
    }
    finishBlockQ2K(x, scales, offsets, levels, out, requantizeReference);
}

void finishBlockQ2K(const float* x, const float* scales, const float* offsets, std::uint8_t (&levels)[blockQK_K],
    BlockQ2_K& out, RequantizeFunction requantize)
{
    constexpr int groupSize = 16;
    constexpr int groups = blockQK_K / groupSize;
    float maxScale = 0;
    float maxOffset = 0;
    for (int j = 0; j < groups; ++j) {
        maxScale = scales[j] > maxScale ? scales[j] : maxScale;
        maxOffset = offsets[j] > maxOffset ? offsets[j] : maxOffset;
    }
    if (maxScale > 0) {
        const float inverse = 15.f / maxScale;
        for (int j = 0; j < groups; ++j)
            out.scales[j] = static_cast<std::uint8_t>(nearestInt(inverse * scales[j]));
        out.d = floatToHalf(maxScale / 15.f);
    } else {
        std::fill(std::begin(out.scales), std::end(out.scales), std::uint8_t(0));
        out.d = floatToHalf(0.f);
    }
    if (maxOffset > 0) {
        const float inverse = 15.f / maxOffset;
        for (int j = 0; j < groups; ++j)
            out.scales[j] |= static_cast<std::uint8_t>(nearestInt(inverse * offsets[j]) << 4);
        out.dmin = floatToHalf(maxOffset / 15.f);
    } else {
        out.dmin = floatToHalf(0.f);
    }
    completeBlockQ2K(x, levels, out, requantize);
}

void completeBlockQ2K(const float* x, std::uint8_t (&levels)[blockQK_K], BlockQ2_K& out, RequantizeFunction requantize)
{
    constexpr int groupSize = 16;
    constexpr int groups = blockQK_K / groupSize;
    float groupScales[groups];
    float groupOffsets[groups];
    for (int j = 0; j < groups; ++j) {
        groupScales[j] = halfToFloat(out.d) * (out.scales[j] & 0xF);
        groupOffsets[j] = halfToFloat(out.dmin) * (out.scales[j] >> 4);
    }
    requantize(x, groupScales, groupOffsets, Requantization{groupSize, groups, 0, 3, 0}, levels);
    packTwoBitLevels(levels, out.qs);
}

void quantizeReference(const float* x, BlockQ3_K& out)
{
    // Sixteen groups of 16 with signed 6-bit scales; levels -4..3 are stored as two low bits in qs
    // and a high bit in hmask.
    constexpr int groupSize = 16;
    constexpr int groups = blockQK_K / groupSize;
    std::int8_t levels[blockQK_K];
    float scales[groups];
    for (int j = 0; j < groups; ++j)
        scales[j] = fitSymmetricScaleRefined(x + groupSize * j, groupSize, 4, levels + groupSize * j);
    finishBlockQ3K(x, scales, levels, out, requantizeReference);
}

void finishBlockQ3K(const float* x, const float* scales, std::int8_t (&levels)[blockQK_K], BlockQ3_K& out,
    RequantizeFunction requantize)
{
    constexpr int groupSize = 16;
    constexpr int groups = blockQK_K / groupSize;
    float maxScale = 0; // the scale of largest magnitude, with its sign
    float maxScaleMagnitude = 0;
    for (int j = 0; j < groups; ++j) {
        const float magnitude = std::fabs(scales[j]);
        if (magnitude > maxScaleMagnitude) {
            maxScaleMagnitude = magnitude;
            maxScale = scales[j];
        }
    }

    // Scales 0-7 use the low nibbles and 8-15 the high nibbles of bytes 0-7; their top two bits go
    // to bytes 8-11, two bits per scale.
    std::fill(std::begin(out.scales), std::end(out.scales), std::uint8_t(0));
    if (maxScale != 0) {
        const float inverse = -32.f / maxScale;
        for (int j = 0; j < groups; ++j) {
            // ggml narrows to a signed byte before clamping.
            const auto rounded = static_cast<std::int8_t>(nearestInt(inverse * scales[j]));
            const int stored = std::clamp<int>(rounded, -32, 31) + 32;
            if (j < 8)
                out.scales[j] = static_cast<std::uint8_t>(stored & 0xF);
            else
                out.scales[j - 8] |= static_cast<std::uint8_t>((stored & 0xF) << 4);
            out.scales[j % 4 + 8] |= static_cast<std::uint8_t>((stored >> 4) << (2 * (j / 4)));
        }
        out.d = floatToHalf(1 / inverse);
    } else {
        out.d = floatToHalf(0.f);
    }
    completeBlockQ3K(x, levels, out, requantize);
}

void completeBlockQ3K(const float* x, std::int8_t (&levels)[blockQK_K], BlockQ3_K& out, RequantizeFunction requantize)
{
    constexpr int groupSize = 16;
    constexpr int groups = blockQK_K / groupSize;
    float groupScales[groups];
    for (int j = 0; j < groups; ++j) {
        const int lowBits = j < 8 ? out.scales[j] & 0xF : out.scales[j - 8] >> 4;
        const int highBits = (out.scales[8 + j % 4] >> (2 * (j / 4))) & 3;
        const int scale = (lowBits | (highBits << 4)) - 32;
        groupScales[j] = halfToFloat(out.d) * static_cast<float>(scale);
    }
    // Levels are 0..7 after the shift: the same bytes signed or unsigned.
    requantize(
        x, groupScales, nullptr, Requantization{groupSize, groups, -4, 3, 4}, reinterpret_cast<std::uint8_t*>(levels));

    // The high bit of value j (levels are 0..7) goes to bit j / 32 of hmask byte j % 32; without a
    // branch, which would be mispredicted half the time.
    // (Accumulated in a local: levels and hmask are both bytes and may alias as far as the compiler
    // knows, which would reload and store every byte.)
    for (std::size_t byte = 0; byte < 32; ++byte) {
        unsigned mask = 0;
        for (std::size_t bit = 0; bit < 8; ++bit)
            mask |= static_cast<unsigned>((levels[byte + 32 * bit] >> 2) & 1) << bit;
        out.hmask[byte] = static_cast<std::uint8_t>(mask);
    }
    for (std::size_t j = 0; j < blockQK_K; ++j)
        levels[j] = static_cast<std::int8_t>(levels[j] & 3);
    packTwoBitLevels(levels, out.qs);
}

void quantizeReference(const float* x, BlockQ4_K& out)
{
    std::uint8_t levels[blockQK_K];
    float scales[blockQK_K / 32];
    float offsets[blockQK_K / 32];
    fitScaleMinGroups(x, ScaleSearch{15, -1.f, 0.1f, 20, false}, scales, offsets, levels);
    finishBlockQ4K(x, scales, offsets, levels, out, requantizeReference);
}

namespace {

// Q4_K and Q5_K: the eight group scales and offsets quantised to 6 bits against the super-block's
// own, then the block completed by `complete`.
template <typename Block, auto complete>
void finishScaleMinBlock(const float* x, const float* scales, const float* offsets, std::uint8_t (&levels)[blockQK_K],
    Block& out, RequantizeFunction requantize)
{
    std::uint8_t scaleLevels[8];
    std::uint8_t offsetLevels[8];
    float blockScale;
    float blockOffset;
    quantizeScaleMins(scales, offsets, scaleLevels, offsetLevels, blockScale, blockOffset);
    complete(x, scaleLevels, offsetLevels, blockScale, blockOffset, levels, out, requantize);
}

} // namespace

void finishBlockQ4K(const float* x, const float* scales, const float* offsets, std::uint8_t (&levels)[blockQK_K],
    BlockQ4_K& out, RequantizeFunction requantize)
{
    finishScaleMinBlock<BlockQ4_K, completeBlockQ4K>(x, scales, offsets, levels, out, requantize);
}

void completeBlockQ4K(const float* x, const std::uint8_t* scaleLevels, const std::uint8_t* offsetLevels,
    float blockScale, float blockOffset, std::uint8_t (&levels)[blockQK_K], BlockQ4_K& out,
    RequantizeFunction requantize)
{
    completeScaleMinSuperBlock(
        x, 15, scaleLevels, offsetLevels, blockScale, blockOffset, out.scales, out.d, out.dmin, levels, requantize);
    // Each 32-byte run holds two groups: the first in the low nibbles, the second in the high ones.
    for (std::size_t j = 0; j < blockQK_K; j += 64)
        for (std::size_t l = 0; l < 32; ++l)
            out.qs[j / 2 + l] = static_cast<std::uint8_t>(levels[j + l] | (levels[j + l + 32] << 4));
}

void quantizeReference(const float* x, BlockQ5_K& out)
{
    std::uint8_t levels[blockQK_K];
    float scales[blockQK_K / 32];
    float offsets[blockQK_K / 32];
    fitScaleMinGroups(x, ScaleSearch{31, -0.5f, 0.1f, 15, false}, scales, offsets, levels);
    finishBlockQ5K(x, scales, offsets, levels, out, requantizeReference);
}

void finishBlockQ5K(const float* x, const float* scales, const float* offsets, std::uint8_t (&levels)[blockQK_K],
    BlockQ5_K& out, RequantizeFunction requantize)
{
    finishScaleMinBlock<BlockQ5_K, completeBlockQ5K>(x, scales, offsets, levels, out, requantize);
}

void completeBlockQ5K(const float* x, const std::uint8_t* scaleLevels, const std::uint8_t* offsetLevels,
    float blockScale, float blockOffset, std::uint8_t (&levels)[blockQK_K], BlockQ5_K& out,
    RequantizeFunction requantize)
{
    completeScaleMinSuperBlock(
        x, 31, scaleLevels, offsetLevels, blockScale, blockOffset, out.scales, out.d, out.dmin, levels, requantize);
    // Low nibbles as in Q4_K; the fifth bit of value l of group g is bit g of qh[l].
    std::fill(std::begin(out.qh), std::end(out.qh), std::uint8_t(0));
    for (std::size_t j = 0; j < blockQK_K; j += 64) {
        const auto firstGroupBit = static_cast<std::uint8_t>(1u << (j / 32));
        const auto secondGroupBit = static_cast<std::uint8_t>(firstGroupBit << 1);
        for (std::size_t l = 0; l < 32; ++l) {
            // Levels are 0..31: bit 4 goes to qh, without a branch.
            const int first = levels[j + l];
            const int second = levels[j + l + 32];
            out.qh[l]
                |= static_cast<std::uint8_t>(((first >> 4) ? firstGroupBit : 0) | ((second >> 4) ? secondGroupBit : 0));
            out.qs[j / 2 + l] = static_cast<std::uint8_t>((first & 15) | ((second & 15) << 4));
        }
    }
}

void quantizeReference(const float* x, BlockQ6_K& out)
{
    // Sixteen groups of 16 with signed 8-bit scales; levels -32..31 are stored as four low bits in
    // ql and two high bits in qh.
    constexpr int groupSize = 16;
    constexpr int groups = blockQK_K / groupSize;
    std::int8_t levels[blockQK_K];
    float scales[groups];
    for (int j = 0; j < groups; ++j)
        scales[j] = fitSymmetricScale(x + groupSize * j, groupSize, 32, levels + groupSize * j);
    finishBlockQ6K(x, scales, levels, out, requantizeReference);
}

void finishBlockQ6K(const float* x, const float* scales, std::int8_t (&levels)[blockQK_K], BlockQ6_K& out,
    RequantizeFunction requantize)
{
    constexpr int groupSize = 16;
    constexpr int groups = blockQK_K / groupSize;
    float maxScale = 0;
    float maxScaleMagnitude = 0;
    for (int j = 0; j < groups; ++j) {
        const float magnitude = std::fabs(scales[j]);
        if (magnitude > maxScaleMagnitude) {
            maxScaleMagnitude = magnitude;
            maxScale = scales[j];
        }
    }
    if (maxScaleMagnitude < groupMaxEpsilon) {
        out = BlockQ6_K{};
        return;
    }

    const float inverse = -128.f / maxScale;
    out.d = floatToHalf(1 / inverse);
    for (int j = 0; j < groups; ++j)
        out.scales[j] = static_cast<std::int8_t>(std::min(127, nearestInt(inverse * scales[j])));

    float groupScales[groups];
    for (int j = 0; j < groups; ++j)
        groupScales[j] = halfToFloat(out.d) * out.scales[j];
    requantize(x, groupScales, nullptr, Requantization{groupSize, groups, -32, 31, 32},
        reinterpret_cast<std::uint8_t*>(levels));

    // Per 128 values: ql byte l holds values l and l+64 (low nibbles), byte l+32 values l+32 and
    // l+96; qh byte l holds the top two bits of values l, l+32, l+64, l+96.
    for (std::size_t j = 0; j < blockQK_K; j += 128) {
        std::uint8_t* ql = out.ql + j / 2;
        std::uint8_t* qh = out.qh + j / 4;
        for (std::size_t l = 0; l < 32; ++l) {
            const int q1 = levels[j + l];
            const int q2 = levels[j + l + 32];
            const int q3 = levels[j + l + 64];
            const int q4 = levels[j + l + 96];
            ql[l] = static_cast<std::uint8_t>((q1 & 0xF) | ((q3 & 0xF) << 4));
            ql[l + 32] = static_cast<std::uint8_t>((q2 & 0xF) | ((q4 & 0xF) << 4));
            qh[l] = static_cast<std::uint8_t>((q1 >> 4) | ((q2 >> 4) << 2) | ((q3 >> 4) << 4) | ((q4 >> 4) << 6));
        }
    }
}

void quantizeReference(const float* x, BlockQ8_K& out)
{
    const float extreme = signedAbsMax(x, blockQK_K);
    if (extreme == 0) {
        out = BlockQ8_K{};
        return;
    }
    // 127 rather than 128 levels below zero: ggml's IQ kernels need the symmetric range.
    const float inverse = -127.f / extreme;
    for (std::size_t j = 0; j < blockQK_K; ++j)
        out.qs[j] = static_cast<std::int8_t>(std::min(127, nearestInt(inverse * x[j])));
    for (std::size_t j = 0; j < blockQK_K / 16; ++j) {
        int sum = 0;
        for (std::size_t i = 0; i < 16; ++i)
            sum += out.qs[j * 16 + i];
        out.bsums[j] = static_cast<std::int16_t>(sum);
    }
    out.d = 1 / inverse;
}

float fitGroupScaleAndOffset(
    const float* x, const float* weights, int n, const ScaleSearch& search, std::uint8_t* levels, float& offset)
{
    return fitScaleAndOffset(x, weights, n, search, levels, offset);
}

float fitGroupSymmetricScale(const float* x, const float* weights, int n, int maxLevel, std::int8_t* levels)
{
    return fitSymmetricScale(x, n, maxLevel, levels, weights);
}

void requantizeReference(const float* x, const float* groupScales, const float* groupOffsets,
    const Requantization& requantization, std::uint8_t* levels)
{
    const int groupSize = requantization.groupSize;
    for (int j = 0; j < requantization.groups; ++j) {
        const float groupScale = groupScales[j];
        if (groupScale == 0)
            continue;
        for (int i = 0; i < groupSize; ++i) {
            const float value = x[groupSize * j + i];
            const int l = nearestInt(groupOffsets ? (value + groupOffsets[j]) / groupScale : value / groupScale);
            levels[groupSize * j + i] = static_cast<std::uint8_t>(
                std::clamp(l, requantization.lowest, requantization.highest) + requantization.shift);
        }
    }
}

void quantizeBlocksReference(DType type, const float* src, std::size_t count, std::byte* dst)
{
    if (!isBlockFormat(type))
        throw std::invalid_argument(
            "quantizeBlocksReference: " + std::string(dtypeName(type)) + " is not a block format");
    const std::size_t blockElements = dtypeBlockElements(type);
    if (count % blockElements != 0)
        throw std::invalid_argument("quantizeBlocksReference: " + std::to_string(count)
            + " values are not a whole number of " + std::string(dtypeName(type)) + " blocks of "
            + std::to_string(blockElements));
    const std::size_t blockCount = count / blockElements;
    switch (type) {
    case DType::Q4_0:
        return quantizeAll<BlockQ4_0>(src, blockCount, blockElements, dst);
    case DType::Q4_1:
        return quantizeAll<BlockQ4_1>(src, blockCount, blockElements, dst);
    case DType::Q5_0:
        return quantizeAll<BlockQ5_0>(src, blockCount, blockElements, dst);
    case DType::Q5_1:
        return quantizeAll<BlockQ5_1>(src, blockCount, blockElements, dst);
    case DType::Q8_0:
        return quantizeAll<BlockQ8_0>(src, blockCount, blockElements, dst);
    case DType::Q8_1:
        return quantizeAll<BlockQ8_1>(src, blockCount, blockElements, dst);
    case DType::Q2_K:
        return quantizeAll<BlockQ2_K>(src, blockCount, blockElements, dst);
    case DType::Q3_K:
        return quantizeAll<BlockQ3_K>(src, blockCount, blockElements, dst);
    case DType::Q4_K:
        return quantizeAll<BlockQ4_K>(src, blockCount, blockElements, dst);
    case DType::Q5_K:
        return quantizeAll<BlockQ5_K>(src, blockCount, blockElements, dst);
    case DType::Q6_K:
        return quantizeAll<BlockQ6_K>(src, blockCount, blockElements, dst);
    case DType::Q8_K:
        return quantizeAll<BlockQ8_K>(src, blockCount, blockElements, dst);
    default:
        throw std::invalid_argument(
            "quantizeBlocksReference: no reference quantiser for " + std::string(dtypeName(type)));
    }
}

void quantizeBlocks(DType type, const float* src, std::size_t count, std::byte* dst)
{
    if (isBlockFormat(type) && count % dtypeBlockElements(type) == 0) {
        const std::size_t blockCount = count / dtypeBlockElements(type);
        if (quantizeSimpleBlocksFast(type, src, blockCount, dst) || quantizeKBlocksFast(type, src, blockCount, dst))
            return;
    }
    quantizeBlocksReference(type, src, count, dst);
}

void quantizeBlocks(DType type, const float* src, std::size_t count, std::byte* dst, const float* importance)
{
    if (importance != nullptr && isBlockFormat(type) && count % dtypeBlockElements(type) == 0 && count > 0
        && quantizeBlocksWithImportance(type, src, count / dtypeBlockElements(type), importance, dst))
        return;
    // No importance, a format that ignores it (Q8_*), or bad arguments (which throw).
    quantizeBlocks(type, src, count, dst);
}

} // namespace complab
