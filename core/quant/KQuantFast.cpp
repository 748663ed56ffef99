#include "quant/KQuantFast.h"

#include "quant/KQuantStages.h"
#include "tensor/GgufBlocks.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>

// How this stays byte-identical to the reference: the expensive part of every K-quant is the scale
// search that each group of 16 or 32 values runs on its own. Here one SIMD lane runs one group's
// search, so each lane performs exactly the reference's sequence of float operations (same order of
// summation, same rounding trick, comparisons turned into per-lane selects): IEEE arithmetic is
// lane-wise identical to scalar arithmetic. Within a group nothing is reordered. Like
// GgufQuantize.cpp this file is built with -ffp-contract=off, so no multiply-add is fused.
// What follows the fit (quantising the group scales, requantising, packing) is shared with the
// reference through KQuantStages.h.

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define COMPLAB_KQUANT_FAST 1
#define COMPLAB_KQUANT_CLONES [[gnu::target_clones("arch=x86-64-v3", "default")]]
#else
#define COMPLAB_KQUANT_FAST 0
#endif

namespace complab {

#if COMPLAB_KQUANT_FAST

namespace {

// The helpers below take and return vectors, which would change the ABI between the clones; all of
// them are internal and always inlined into one clone, so no call crosses that boundary. (GCC reports
// the warning at the end of the file, so it stays off to the end.)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"

// Eight lanes, one per group; GCC and clang lower these to AVX registers in the x86-64-v3 clone
// and to pairs of SSE ones otherwise.
// Vectors are passed by reference only (a 32-byte vector by value changes the ABI between the
// clones: clang's -Wpsabi).
typedef float Float8 __attribute__((vector_size(32)));
typedef std::int32_t Int8 __attribute__((vector_size(32)));
typedef std::uint8_t Bytes8 __attribute__((vector_size(8)));

constexpr float groupMaxEpsilon = 1e-15f; // as in GgufQuantize.cpp

// Per lane: a where mask is set (all ones), else b.
template <typename V, typename I> [[gnu::always_inline]] inline V select(const I& mask, const V& a, const V& b)
{
    return mask ? a : b; // one blend instruction
}

template <typename F, typename I> [[gnu::always_inline]] inline F absolute(const F& v)
{
    return std::bit_cast<F>(std::bit_cast<I>(v) & 0x7FFFFFFF);
}

// The reference's nearestInt per lane: add 1.5 * 2^23 and read the low mantissa bits.
template <typename F, typename I> [[gnu::always_inline]] inline I nearestInt(const F& v)
{
    const F shifted = v + 12582912.f;
    return (std::bit_cast<I>(shifted) & 0x007FFFFF) - 0x00400000;
}

// lo..hi per lane; the bounds are splat once by the caller (built inside a loop, GCC re-inserts
// them lane by lane on every iteration). The conditional operator lets GCC emit min / max.
template <typename I> [[gnu::always_inline]] inline I clampInt(const I& v, const I& low, const I& high)
{
    const I atLeastLow = v < low ? low : v;
    return high < atLeastLow ? high : atLeastLow;
}

template <typename F, typename I> [[gnu::always_inline]] inline F toFloat(const I& v)
{
    return __builtin_convertvector(v, F);
}

// Whether any lane's mask is set: the OR of its 64-bit quarters (one vptest, not eight extracts).
template <typename I> [[gnu::always_inline]] inline bool anyLane(const I& mask)
{
    std::uint64_t quarters[sizeof(I) / sizeof(std::uint64_t)];
    std::memcpy(quarters, &mask, sizeof(I));
    std::uint64_t any = 0;
    for (const std::uint64_t quarter : quarters)
        any |= quarter;
    return any != 0;
}

struct ScaleSearch
{
    int maxLevel;
    float firstStep;
    float stepSize;
    int steps;
};

// The error the scale search minimises: absolute or squared, per lane. A function rather than a
// lambda returning a vector: a lambda left out of line would return it outside the AVX2 clone
// (GCC's -Wpsabi, an error under -Werror in the sanitizer build).
template <typename F, typename I, bool absoluteError> [[gnu::always_inline]] inline F fitError(const F& diff)
{
    if constexpr (absoluteError)
        return absolute<F, I>(diff);
    else
        return diff * diff;
}

// fitScaleAndOffset of GgufQuantize.cpp, one group per lane: x[i] and w[i] hold value i of every
// lane's group. Sets each lane's levels, scale and offset.
template <typename F, typename I, int n, bool absoluteError>
[[gnu::always_inline]] inline void fitScaleAndOffsetLanes(
    const F (&x)[n], const F (&w)[n], const ScaleSearch& search, I (&levels)[n], F& scaleOut, F& offsetOut)
{
    const F zero = F{};
    const I lowest = I{};
    const I highest = I{} + search.maxLevel;
    F min = x[0];
    F max = x[0];
    F sumW = w[0];
    F sumX = sumW * x[0];
    for (int i = 1; i < n; ++i) {
        min = select(x[i] < min, x[i], min);
        max = select(x[i] > max, x[i], max);
        sumW += w[i];
        sumX += w[i] * x[i];
    }
    min = select(min > zero, zero, min);
    const I flat = max == min;
    const F flatOffset = -min;
    // As in the reference, an accepted candidate's offset moves min, and later candidates start from it.
    F inverseScale = static_cast<float>(search.maxLevel) / (max - min);
    F scale = 1.f / inverseScale;
    F bestError = zero;
    for (int i = 0; i < n; ++i) {
        levels[i] = clampInt(nearestInt<F, I>(inverseScale * (x[i] - min)), lowest, highest);
        bestError += w[i] * fitError<F, I, absoluteError>(scale * toFloat<F>(levels[i]) + min - x[i]);
    }
    I candidate[n];
    for (int step = 0; step <= search.steps; ++step) {
        const float numerator
            = search.firstStep + search.stepSize * static_cast<float>(step) + static_cast<float>(search.maxLevel);
        inverseScale = numerator / (max - min);
        F sumL = zero;
        F sumL2 = zero;
        F sumXL = zero;
        for (int i = 0; i < n; ++i) {
            candidate[i] = clampInt(nearestInt<F, I>(inverseScale * (x[i] - min)), lowest, highest);
            const F level = toFloat<F>(candidate[i]);
            sumL += w[i] * level;
            sumL2 += w[i] * level * level;
            sumXL += w[i] * level * x[i];
        }
        const F determinant = sumW * sumL2 - sumL * sumL;
        F candidateScale = (sumW * sumXL - sumX * sumL) / determinant;
        F candidateMin = (sumL2 * sumX - sumL * sumXL) / determinant;
        const I positiveMin = candidateMin > zero;
        candidateMin = select(positiveMin, zero, candidateMin);
        candidateScale = select(positiveMin, sumXL / sumL2, candidateScale);
        F candidateError = zero;
        for (int i = 0; i < n; ++i)
            candidateError += w[i]
                * fitError<F, I, absoluteError>(candidateScale * toFloat<F>(candidate[i]) + candidateMin - x[i]);
        const I accept = (determinant > zero) & (candidateError < bestError);
        if (!anyLane(accept))
            continue;
        for (int i = 0; i < n; ++i)
            levels[i] = select(accept, candidate[i], levels[i]);
        bestError = select(accept, candidateError, bestError);
        scale = select(accept, candidateScale, scale);
        min = select(accept, candidateMin, min);
    }
    for (int i = 0; i < n; ++i)
        levels[i] = select(flat, I{}, levels[i]);
    scaleOut = select(flat, zero, scale);
    offsetOut = select(flat, flatOffset, -min);
}

// signedAbsMax of GgufQuantize.cpp per lane.
template <typename F, typename I, int n> [[gnu::always_inline]] inline F signedAbsMaxLanes(const F (&x)[n])
{
    F largest = F{};
    F largestMagnitude = F{};
    for (int i = 0; i < n; ++i) {
        const F magnitude = absolute<F, I>(x[i]);
        const I larger = magnitude > largestMagnitude;
        largestMagnitude = select(larger, magnitude, largestMagnitude);
        largest = select(larger, x[i], largest);
    }
    return largest;
}

// fitSymmetricScale of GgufQuantize.cpp (Q6_K's search), one group per lane; `sets` independent
// vectors of groups run interleaved, which gives the adds of their sums independent chains.
template <typename F, typename I, int n, int sets>
[[gnu::always_inline]] inline void fitSymmetricScaleLanes(
    const F (&x)[sets][n], int maxLevel, I (&levels)[sets][n], F (&scaleOut)[sets])
{
    const F zero = F{};
    const I lowest = I{} - maxLevel;
    const I highest = I{} + (maxLevel - 1);
    F extreme[sets];
    I allZero[sets];
    F weights[sets][n];
    F weightedValues[sets][n]; // weight * value, the reference's first product in its XL terms
    for (int h = 0; h < sets; ++h) {
        extreme[h] = signedAbsMaxLanes<F, I>(x[h]);
        allZero[h] = absolute<F, I>(extreme[h]) < groupMaxEpsilon;
        for (int i = 0; i < n; ++i) {
            weights[h][i] = x[h][i] * x[h][i];
            weightedValues[h][i] = weights[h][i] * x[h][i];
        }
    }
    I candidate[sets][n];
    F sumXL[sets];
    F sumL2[sets];
    const auto candidateSums = [&](const F(&inverseScale)[sets]) {
        for (int h = 0; h < sets; ++h) {
            sumXL[h] = zero;
            sumL2[h] = zero;
        }
        for (int i = 0; i < n; ++i) {
            for (int h = 0; h < sets; ++h) {
                candidate[h][i] = clampInt(nearestInt<F, I>(inverseScale[h] * x[h][i]), lowest, highest);
                const F level = toFloat<F>(candidate[h][i]);
                sumXL[h] += weightedValues[h][i] * level;
                sumL2[h] += weights[h][i] * level * level;
            }
        }
    };
    F inverseScale[sets];
    for (int h = 0; h < sets; ++h)
        inverseScale[h] = static_cast<float>(-maxLevel) / extreme[h];
    candidateSums(inverseScale);
    F scale[sets];
    F best[sets];
    for (int h = 0; h < sets; ++h) {
        for (int i = 0; i < n; ++i)
            levels[h][i] = candidate[h][i];
        scale[h] = select(sumL2[h] != zero, sumXL[h] / sumL2[h], zero);
        best[h] = scale[h] * sumXL[h];
    }
    for (int step = -9; step <= 9; ++step) {
        if (step == 0)
            continue;
        const float numerator = -(static_cast<float>(maxLevel) + 0.1f * static_cast<float>(step));
        for (int h = 0; h < sets; ++h)
            inverseScale[h] = numerator / extreme[h];
        candidateSums(inverseScale);
        for (int h = 0; h < sets; ++h) {
            const I accept = (sumL2[h] > zero) & (sumXL[h] * sumXL[h] > best[h] * sumL2[h]);
            if (!anyLane(accept))
                continue;
            for (int i = 0; i < n; ++i)
                levels[h][i] = select(accept, candidate[h][i], levels[h][i]);
            scale[h] = select(accept, sumXL[h] / sumL2[h], scale[h]);
            best[h] = select(accept, scale[h] * sumXL[h], best[h]);
        }
    }
    for (int h = 0; h < sets; ++h) {
        for (int i = 0; i < n; ++i)
            levels[h][i] = select(allZero[h], I{}, levels[h][i] + maxLevel);
        scaleOut[h] = select(allZero[h], zero, scale[h]);
    }
}

// fitSymmetricScaleRefined of GgufQuantize.cpp (Q3_K's search), one group per lane; a lane stops
// sweeping when a sweep changed nothing in it, as the reference's loop does. Each value's update
// depends on the previous one's, a long chain of latency: `sets` independent vectors of groups run
// interleaved to overlap their chains.
template <typename F, typename I, int n, int sets>
[[gnu::always_inline]] inline void fitSymmetricScaleRefinedLanes(
    const F (&x)[sets][n], int maxLevel, I (&levels)[sets][n], F (&scaleOut)[sets])
{
    const F zero = F{};
    const I lowest = I{} - maxLevel;
    const I highest = I{} + (maxLevel - 1);
    I allZero[sets];
    F weights[sets][n];
    F weightedValues[sets][n]; // weight * value, the reference's first product in its XL terms
    F sumXL[sets];
    F sumL2[sets];
    I active[sets];
    for (int h = 0; h < sets; ++h) {
        const F extreme = signedAbsMaxLanes<F, I>(x[h]);
        allZero[h] = absolute<F, I>(extreme) < groupMaxEpsilon;
        const F inverseScale = static_cast<float>(-maxLevel) / extreme;
        sumXL[h] = zero;
        sumL2[h] = zero;
        for (int i = 0; i < n; ++i) {
            levels[h][i] = clampInt(nearestInt<F, I>(inverseScale * x[h][i]), lowest, highest);
            weights[h][i] = x[h][i] * x[h][i];
            weightedValues[h][i] = weights[h][i] * x[h][i];
            const F level = toFloat<F>(levels[h][i]);
            sumXL[h] += weights[h][i] * x[h][i] * level;
            sumL2[h] += weights[h][i] * level * level;
        }
        active[h] = ~allZero[h];
    }
    constexpr int lanes = sizeof(F) / sizeof(float);
    const auto activeLanes = [&active] {
        int count = 0;
        for (int h = 0; h < sets; ++h)
            for (int lane = 0; lane < lanes; ++lane)
                count += active[h][lane] != 0;
        return count;
    };
    // The reference's sweeps for one lane from sweep `first` on, in scalar code: the same operations
    // in the same order as the vector sweep performs for that lane, with the reference's branches.
    const auto finishLane = [&](int h, int lane, int first) {
        float laneXL = sumXL[h][lane];
        float laneL2 = sumL2[h][lane];
        for (int sweep = first; sweep < 5; ++sweep) {
            int changed = 0;
            for (int i = 0; i < n; ++i) {
                const float value = x[h][i][lane];
                const float weight = weights[h][i][lane];
                const float weightedValue = weightedValues[h][i][lane];
                const auto old = static_cast<float>(levels[h][i][lane]);
                const float removedXL = laneXL - weightedValue * old;
                if (!(removedXL > 0))
                    continue;
                const float removedL2 = laneL2 - weight * old * old;
                const float shifted = value * removedL2 / removedXL + 12582912.f;
                const int rounded = (std::bit_cast<std::int32_t>(shifted) & 0x007FFFFF) - 0x00400000;
                const int newLevel = rounded < -maxLevel ? -maxLevel : rounded > maxLevel - 1 ? maxLevel - 1 : rounded;
                if (newLevel == levels[h][i][lane])
                    continue;
                const auto newLevelF = static_cast<float>(newLevel);
                const float withXL = removedXL + weightedValue * newLevelF;
                const float withL2 = removedL2 + weight * newLevelF * newLevelF;
                if (withL2 > 0 && withXL * withXL * laneL2 > laneXL * laneXL * withL2) {
                    levels[h][i][lane] = newLevel;
                    laneXL = withXL;
                    laneL2 = withL2;
                    ++changed;
                }
            }
            if (changed == 0)
                break;
        }
        sumXL[h][lane] = laneXL;
        sumL2[h][lane] = laneL2;
    };
    for (int sweep = 0; sweep < 5; ++sweep) {
        // Once few lanes still sweep, a vector sweep would mostly compute discarded lanes.
        if (const int remaining = activeLanes(); remaining == 0) {
            break;
        } else if (remaining <= 2) {
            for (int h = 0; h < sets; ++h)
                for (int lane = 0; lane < lanes; ++lane)
                    if (active[h][lane] != 0)
                        finishLane(h, lane, sweep);
            break;
        }
        I changed[sets] = {};
        for (int i = 0; i < n; ++i) {
            for (int h = 0; h < sets; ++h) {
                // The reference's branches become conditions of one per-lane select; what a lane
                // computes past a failed condition is discarded.
                const F& value = x[h][i];
                const F& weight = weights[h][i];
                const F& weightedValue = weightedValues[h][i];
                const F old = toFloat<F>(levels[h][i]);
                const F removedXL = sumXL[h] - weightedValue * old;
                const F removedL2 = sumL2[h] - weight * old * old;
                const I newLevel = clampInt(nearestInt<F, I>(value * removedL2 / removedXL), lowest, highest);
                const F newLevelF = toFloat<F>(newLevel);
                const F withXL = removedXL + weightedValue * newLevelF;
                const F withL2 = removedL2 + weight * newLevelF * newLevelF;
                const I accept = active[h] & (removedXL > zero) & (newLevel != levels[h][i]) & (withL2 > zero)
                    & (withXL * withXL * sumL2[h] > sumXL[h] * sumXL[h] * withL2);
                levels[h][i] = select(accept, newLevel, levels[h][i]);
                sumXL[h] = select(accept, withXL, sumXL[h]);
                sumL2[h] = select(accept, withL2, sumL2[h]);
                changed[h] |= accept;
            }
        }
        for (int h = 0; h < sets; ++h)
            active[h] &= changed[h];
    }
    for (int h = 0; h < sets; ++h) {
        for (int i = 0; i < n; ++i)
            levels[h][i] = select(allZero[h], I{}, levels[h][i] + maxLevel);
        scaleOut[h] = select(allZero[h], zero, select(sumL2[h] > zero, sumXL[h] / sumL2[h], zero));
    }
}

// Value i of group g (groups of n) to lane g of rows[i], and back.
template <typename F, int n> [[gnu::always_inline]] inline void toLanes(const float* x, F (&rows)[n])
{
    constexpr int lanes = sizeof(F) / sizeof(float);
    for (int g = 0; g < lanes; ++g)
        for (int i = 0; i < n; ++i)
            rows[i][g] = x[n * g + i];
}

template <typename I, int n, typename Level>
[[gnu::always_inline]] inline void fromLanes(const I (&rows)[n], Level* levels)
{
    constexpr int lanes = sizeof(I) / sizeof(std::int32_t);
    for (int g = 0; g < lanes; ++g)
        for (int i = 0; i < n; ++i)
            levels[n * g + i] = static_cast<Level>(rows[i][g]);
}

template <typename F> [[gnu::always_inline]] inline void storeLanes(const F& v, float* out)
{
    std::memcpy(out, &v, sizeof(F));
}

// requantizeReference, eight consecutive values of one group at a time (they share the group's
// scale and offset, and each value's arithmetic is independent of the others').
[[gnu::always_inline]] inline void requantizeLanes(const float* x, const float* groupScales, const float* groupOffsets,
    const Requantization& requantization, std::uint8_t* levels)
{
    const int groupSize = requantization.groupSize;
    const Int8 lowest = Int8{} + requantization.lowest;
    const Int8 highest = Int8{} + requantization.highest;
    for (int j = 0; j < requantization.groups; ++j) {
        const float groupScale = groupScales[j];
        if (groupScale == 0)
            continue;
        for (int i = 0; i < groupSize; i += 8) {
            const int first = groupSize * j + i;
            Float8 values;
            std::memcpy(&values, x + first, sizeof(values));
            const Float8 scaled = groupOffsets ? (values + groupOffsets[j]) / groupScale : values / groupScale;
            const Int8 l = clampInt(nearestInt<Float8, Int8>(scaled), lowest, highest) + requantization.shift;
            const Bytes8 bytes = __builtin_convertvector(l, Bytes8); // levels are 0..63: no truncation
            std::memcpy(levels + first, &bytes, sizeof(bytes));
        }
    }
}

COMPLAB_KQUANT_CLONES void requantizeFast(const float* x, const float* groupScales, const float* groupOffsets,
    const Requantization& requantization, std::uint8_t* levels)
{
    requantizeLanes(x, groupScales, groupOffsets, requantization, levels);
}

template <typename Block> void storeBlock(const Block& block, std::byte* dst)
{
    std::memcpy(dst, &block, sizeof(Block));
}

// Q4_K and Q5_K: weights rms + |x| per group of 32, squared error.
template <typename Block,
    void (*finish)(const float*, const float*, const float*, std::uint8_t (&)[blockQK_K], Block&, RequantizeFunction)>
[[gnu::always_inline]] inline void quantizeScaleMinBlock(const float* x, const ScaleSearch& search, std::byte* dst)
{
    constexpr int n = 32;
    Float8 values[n];
    toLanes(x, values);
    Float8 sumX2 = Float8{};
    for (int i = 0; i < n; ++i)
        sumX2 += values[i] * values[i];
    Float8 rms;
    for (int g = 0; g < 8; ++g)
        rms[g] = std::sqrt(sumX2[g] / n);
    Float8 weights[n];
    for (int i = 0; i < n; ++i)
        weights[i] = rms + absolute<Float8, Int8>(values[i]);
    Int8 levelRows[n];
    Float8 scale;
    Float8 offset;
    fitScaleAndOffsetLanes<Float8, Int8, n, false>(values, weights, search, levelRows, scale, offset);
    float scales[8];
    float offsets[8];
    storeLanes(scale, scales);
    storeLanes(offset, offsets);
    std::uint8_t levels[blockQK_K];
    fromLanes(levelRows, levels);
    Block block{};
    finish(x, scales, offsets, levels, block, requantizeFast);
    storeBlock(block, dst);
}

COMPLAB_KQUANT_CLONES void quantizeQ4K(const float* src, std::size_t blockCount, std::byte* dst)
{
    for (std::size_t b = 0; b < blockCount; ++b)
        quantizeScaleMinBlock<BlockQ4_K, finishBlockQ4K>(
            src + b * blockQK_K, ScaleSearch{15, -1.f, 0.1f, 20}, dst + b * sizeof(BlockQ4_K));
}

COMPLAB_KQUANT_CLONES void quantizeQ5K(const float* src, std::size_t blockCount, std::byte* dst)
{
    for (std::size_t b = 0; b < blockCount; ++b)
        quantizeScaleMinBlock<BlockQ5_K, finishBlockQ5K>(
            src + b * blockQK_K, ScaleSearch{31, -0.5f, 0.1f, 15}, dst + b * sizeof(BlockQ5_K));
}

// Q2_K, Q3_K and Q6_K have sixteen groups of 16: two passes of eight lanes (sixteen-lane vectors
// are no native size below AVX-512, and GCC lowers parts of them lane by lane).
[[gnu::always_inline]] inline void quantizeBlockQ2K(const float* x, std::byte* dst)
{
    constexpr int n = 16;
    float scales[16];
    float offsets[16];
    std::uint8_t levels[blockQK_K];
    for (int half = 0; half < 2; ++half) {
        Float8 values[n];
        toLanes(x + 128 * half, values);
        Float8 weights[n];
        for (int i = 0; i < n; ++i)
            weights[i] = absolute<Float8, Int8>(values[i]);
        Int8 levelRows[n];
        Float8 scale;
        Float8 offset;
        fitScaleAndOffsetLanes<Float8, Int8, n, true>(
            values, weights, ScaleSearch{3, -0.5f, 0.1f, 15}, levelRows, scale, offset);
        storeLanes(scale, scales + 8 * half);
        storeLanes(offset, offsets + 8 * half);
        fromLanes(levelRows, levels + 128 * half);
    }
    BlockQ2_K block{};
    finishBlockQ2K(x, scales, offsets, levels, block, requantizeFast);
    storeBlock(block, dst);
}

COMPLAB_KQUANT_CLONES void quantizeQ2K(const float* src, std::size_t blockCount, std::byte* dst)
{
    for (std::size_t b = 0; b < blockCount; ++b)
        quantizeBlockQ2K(src + b * blockQK_K, dst + b * sizeof(BlockQ2_K));
}

// Q3_K and Q6_K: sixteen groups of 16, two halves of 8 lanes, a symmetric scale per group (Q3_K
// refines it with the reference's extra passes); they differ only in the fit and the packing.
template <DType type> [[gnu::always_inline]] inline void quantizeBlockSixteenGroups(const float* x, std::byte* dst)
{
    static_assert(type == DType::Q3_K || type == DType::Q6_K);
    constexpr int n = 16;
    Float8 values[2][n];
    toLanes(x, values[0]);
    toLanes(x + 128, values[1]);
    Int8 levelRows[2][n];
    Float8 scale[2];
    if constexpr (type == DType::Q3_K)
        fitSymmetricScaleRefinedLanes<Float8, Int8>(values, 4, levelRows, scale);
    else
        fitSymmetricScaleLanes<Float8, Int8>(values, 32, levelRows, scale);
    float scales[16];
    std::int8_t levels[blockQK_K];
    for (int half = 0; half < 2; ++half) {
        storeLanes(scale[half], scales + 8 * half);
        fromLanes(levelRows[half], levels + 128 * half);
    }
    if constexpr (type == DType::Q3_K) {
        BlockQ3_K block{};
        finishBlockQ3K(x, scales, levels, block, requantizeFast);
        storeBlock(block, dst);
    } else {
        BlockQ6_K block{};
        finishBlockQ6K(x, scales, levels, block, requantizeFast);
        storeBlock(block, dst);
    }
}

COMPLAB_KQUANT_CLONES void quantizeQ3K(const float* src, std::size_t blockCount, std::byte* dst)
{
    for (std::size_t b = 0; b < blockCount; ++b)
        quantizeBlockSixteenGroups<DType::Q3_K>(src + b * blockQK_K, dst + b * sizeof(BlockQ3_K));
}

COMPLAB_KQUANT_CLONES void quantizeQ6K(const float* src, std::size_t blockCount, std::byte* dst)
{
    for (std::size_t b = 0; b < blockCount; ++b)
        quantizeBlockSixteenGroups<DType::Q6_K>(src + b * blockQK_K, dst + b * sizeof(BlockQ6_K));
}

} // namespace

bool quantizeKBlocksFast(DType type, const float* src, std::size_t blockCount, std::byte* dst)
{
    switch (type) {
    case DType::Q2_K:
        quantizeQ2K(src, blockCount, dst);
        return true;
    case DType::Q3_K:
        quantizeQ3K(src, blockCount, dst);
        return true;
    case DType::Q4_K:
        quantizeQ4K(src, blockCount, dst);
        return true;
    case DType::Q5_K:
        quantizeQ5K(src, blockCount, dst);
        return true;
    case DType::Q6_K:
        quantizeQ6K(src, blockCount, dst);
        return true;
    default:
        return false;
    }
}

#else

bool quantizeKBlocksFast(DType, const float*, std::size_t, std::byte*)
{
    return false; // SIMD fit only on x86-64: quantizeBlocks falls back to the reference path
}

#endif

} // namespace complab
