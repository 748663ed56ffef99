#include "quant/BlockQuantFast.h"

#include "quant/GgufQuantize.h"
#include "tensor/GgufBlocks.h"
#include "util/CpuFeatures.h"

#include <cstdint>
#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define COMPLAB_BLOCKQUANT_X86 1
#endif

// Byte identity with the reference rests on the same float operations: a multiply and an add are two
// roundings here as there (this file is built with -ffp-contract=off, and the intrinsics never fuse),
// the scale is computed by the same scalar expression, and the AVX2 path converts exactly as the
// reference's truncating casts do for every value it sees. The values it would see differently —
// NaN or infinite input, and scales so small that the reciprocal loses the level range (the
// reference's casts then wrap) — are rare, so such a block goes to the reference quantiser instead.

namespace complab {

#ifdef COMPLAB_BLOCKQUANT_X86
namespace {

// Below this largest magnitude (or range, for Q*_1) a block goes to the reference path: the scale
// d = range / levels is then still a normal float, so 1 / d is finite and x / d stays within the
// level range plus a few ulps, where truncating to int32 and saturating to a byte agree with the
// reference's wrapping casts.
constexpr float smallestFastRange = 0x1p-100f;

#define COMPLAB_AVX2 __attribute__((target("avx2,f16c"), always_inline)) inline

// Four vectors of eight 32-bit levels (each in -128..127) to 32 bytes in element order.
COMPLAB_AVX2 __m256i packLevels(const __m256i (&levels)[4])
{
    const __m256i words01 = _mm256_packs_epi32(levels[0], levels[1]);
    const __m256i words23 = _mm256_packs_epi32(levels[2], levels[3]);
    const __m256i bytes = _mm256_packs_epi16(words01, words23);
    // The packs interleave the 128-bit lanes: 4-element groups come out as 0 2 4 6 1 3 5 7.
    return _mm256_permutevar8x32_epi32(bytes, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7));
}

struct BlockValues
{
    __m256 v[4];
};

COMPLAB_AVX2 void loadBlock(const float* x, BlockValues& block)
{
    for (int i = 0; i < 4; ++i)
        block.v[i] = _mm256_loadu_ps(x + 8 * i);
}

// True when the block holds a NaN or an infinity (the exponent field all ones).
COMPLAB_AVX2 bool hasNonFinite(const BlockValues& block)
{
    const __m256i exponentMask = _mm256_set1_epi32(0x7F800000);
    __m256i any = _mm256_setzero_si256();
    for (int i = 0; i < 4; ++i) {
        const __m256i exponent = _mm256_and_si256(_mm256_castps_si256(block.v[i]), exponentMask);
        any = _mm256_or_si256(any, _mm256_cmpeq_epi32(exponent, exponentMask));
    }
    return !_mm256_testz_si256(any, any);
}

COMPLAB_AVX2 float horizontalMax(const __m256& v)
{
    __m128 m = _mm_max_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    m = _mm_max_ps(m, _mm_movehl_ps(m, m));
    m = _mm_max_ss(m, _mm_movehdup_ps(m));
    return _mm_cvtss_f32(m);
}

COMPLAB_AVX2 float horizontalMin(const __m256& v)
{
    __m128 m = _mm_min_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    m = _mm_min_ps(m, _mm_movehl_ps(m, m));
    m = _mm_min_ss(m, _mm_movehdup_ps(m));
    return _mm_cvtss_f32(m);
}

COMPLAB_AVX2 float absMax(const BlockValues& block)
{
    const __m256 signMask = _mm256_set1_ps(-0.0f);
    __m256 largest = _mm256_andnot_ps(signMask, block.v[0]);
    for (int i = 1; i < 4; ++i)
        largest = _mm256_max_ps(largest, _mm256_andnot_ps(signMask, block.v[i]));
    return horizontalMax(largest);
}

// The first value (in element order) comparing equal to `target`: the reference's running
// minimum / maximum and its signed absolute maximum keep the first of equal candidates, which only
// shows in the sign of a zero or, for the magnitude, in which of ±a wins.
COMPLAB_AVX2 int firstEqual(const BlockValues& block, const __m256& target)
{
    std::uint32_t mask = 0;
    for (int i = 0; i < 4; ++i)
        mask |= static_cast<std::uint32_t>(_mm256_movemask_ps(_mm256_cmp_ps(block.v[i], target, _CMP_EQ_OQ)))
            << (8 * i);
    return __builtin_ctz(mask);
}

// The value of largest magnitude with its sign, the first on ties; +0 for an all-zero block.
COMPLAB_AVX2 float signedAbsMax(const float* x, const BlockValues& block, float magnitude)
{
    if (magnitude == 0)
        return 0.0f;
    const __m256 signMask = _mm256_set1_ps(-0.0f);
    const __m256 target = _mm256_set1_ps(magnitude);
    BlockValues magnitudes;
    for (int i = 0; i < 4; ++i)
        magnitudes.v[i] = _mm256_andnot_ps(signMask, block.v[i]);
    return x[firstEqual(magnitudes, target)];
}

COMPLAB_AVX2 std::uint16_t toHalf(float value)
{
    const __m128i half = _mm_cvtps_ph(_mm_set_ss(value), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    return static_cast<std::uint16_t>(_mm_extract_epi16(half, 0));
}

// Levels of a Q*_0 block: min(maxLevel, trunc(x * inverse + offset)), separate roundings.
COMPLAB_AVX2 __m256i symmetricLevels(const BlockValues& block, float inverse, float offset, int maxLevel)
{
    const __m256 scale = _mm256_set1_ps(inverse);
    const __m256 bias = _mm256_set1_ps(offset);
    const __m256i top = _mm256_set1_epi32(maxLevel);
    __m256i levels[4];
    for (int i = 0; i < 4; ++i)
        levels[i] = _mm256_min_epi32(top, _mm256_cvttps_epi32(_mm256_add_ps(_mm256_mul_ps(block.v[i], scale), bias)));
    return packLevels(levels);
}

// Levels of a Q*_1 block: trunc((x - min) * inverse + 0.5), clamped to maxLevel.
COMPLAB_AVX2 __m256i offsetLevels(const BlockValues& block, float min, float inverse, int maxLevel)
{
    const __m256 offset = _mm256_set1_ps(min);
    const __m256 scale = _mm256_set1_ps(inverse);
    const __m256 half = _mm256_set1_ps(0.5f);
    const __m256i top = _mm256_set1_epi32(maxLevel);
    __m256i levels[4];
    for (int i = 0; i < 4; ++i)
        levels[i] = _mm256_min_epi32(
            top, _mm256_cvttps_epi32(_mm256_add_ps(_mm256_mul_ps(_mm256_sub_ps(block.v[i], offset), scale), half)));
    return packLevels(levels);
}

// Two levels a byte: value j in the low nibble, value j + 16 in the high one.
COMPLAB_AVX2 void storeNibbles(const __m256i& levels, std::uint8_t* qs)
{
    const __m128i low = _mm_and_si128(_mm256_castsi256_si128(levels), _mm_set1_epi8(0x0F));
    const __m128i high = _mm_and_si128(_mm256_extracti128_si256(levels, 1), _mm_set1_epi8(0x0F));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(qs), _mm_or_si128(low, _mm_slli_epi16(high, 4)));
}

// Bit 4 of each of the 32 levels, value j at bit j.
COMPLAB_AVX2 std::uint32_t fifthBits(const __m256i& levels)
{
    return static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_slli_epi16(levels, 3)));
}

// Minimum and maximum as the reference's running comparisons leave them (first of equals).
COMPLAB_AVX2 void minMax(const BlockValues& block, float& min, float& max)
{
    __m256 low = block.v[0];
    __m256 high = block.v[0];
    for (int i = 1; i < 4; ++i) {
        low = _mm256_min_ps(low, block.v[i]);
        high = _mm256_max_ps(high, block.v[i]);
    }
    min = horizontalMin(low);
    max = horizontalMax(high);
}

COMPLAB_AVX2 float firstOfZeros(const float* x, const BlockValues& block, float value)
{
    return value == 0 ? x[firstEqual(block, _mm256_setzero_ps())] : value;
}

// Rounds half away from zero (roundf): truncate, then step away from zero when the dropped
// fraction (exact: v - trunc(v)) is at least one half.
COMPLAB_AVX2 __m256i roundHalfAway(const __m256& v)
{
    const __m256 truncated = _mm256_round_ps(v, _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC);
    const __m256 signMask = _mm256_set1_ps(-0.0f);
    const __m256 fraction = _mm256_andnot_ps(signMask, _mm256_sub_ps(v, truncated));
    const __m256 away = _mm256_and_ps(_mm256_cmp_ps(fraction, _mm256_set1_ps(0.5f), _CMP_GE_OQ),
        _mm256_or_ps(_mm256_set1_ps(1.0f), _mm256_and_ps(signMask, v)));
    return _mm256_cvttps_epi32(_mm256_add_ps(truncated, away));
}

__attribute__((target("avx2,f16c"))) void quantizeQ8_0(const float* src, std::size_t blockCount, std::byte* dst)
{
    for (std::size_t b = 0; b < blockCount; ++b, src += blockQK8_0, dst += sizeof(BlockQ8_0)) {
        BlockValues block;
        loadBlock(src, block);
        const float largest = absMax(block);
        BlockQ8_0 out;
        if (hasNonFinite(block) || (largest != 0 && !(largest >= smallestFastRange))) {
            quantizeReference(src, out);
        } else {
            const float d = largest / 127;
            const float inverse = d != 0 ? 1.0f / d : 0.0f;
            out.d = toHalf(d);
            const __m256 scale = _mm256_set1_ps(inverse);
            __m256i levels[4];
            for (int i = 0; i < 4; ++i)
                levels[i] = roundHalfAway(_mm256_mul_ps(block.v[i], scale));
            _mm256_storeu_si256(reinterpret_cast<__m256i*>(out.qs), packLevels(levels));
        }
        std::memcpy(dst, &out, sizeof out);
    }
}

template <typename Block, int maxLevel>
__attribute__((target("avx2,f16c"))) void quantizeSymmetric(const float* src, std::size_t blockCount, std::byte* dst)
{
    constexpr float levelOffset = (maxLevel + 1) / 2;
    for (std::size_t b = 0; b < blockCount; ++b, src += 32, dst += sizeof(Block)) {
        BlockValues block;
        loadBlock(src, block);
        const float largest = absMax(block);
        Block out;
        if (hasNonFinite(block) || (largest != 0 && !(largest >= smallestFastRange))) {
            quantizeReference(src, out);
        } else {
            // The extreme value maps to level 0 exactly, so its sign sets the sign of d.
            const float d = signedAbsMax(src, block, largest) / -levelOffset;
            const float inverse = d != 0 ? 1.0f / d : 0.0f;
            out.d = toHalf(d);
            const __m256i levels = symmetricLevels(block, inverse, levelOffset + 0.5f, maxLevel);
            storeNibbles(levels, out.qs);
            if constexpr (maxLevel == 31) {
                const std::uint32_t bits = fifthBits(levels);
                std::memcpy(out.qh, &bits, sizeof bits); // x86 is little-endian, as the format
            }
        }
        std::memcpy(dst, &out, sizeof out);
    }
}

template <typename Block, int maxLevel>
__attribute__((target("avx2,f16c"))) void quantizeWithOffset(const float* src, std::size_t blockCount, std::byte* dst)
{
    for (std::size_t b = 0; b < blockCount; ++b, src += 32, dst += sizeof(Block)) {
        BlockValues block;
        loadBlock(src, block);
        float min;
        float max;
        minMax(block, min, max);
        const float range = max - min;
        Block out;
        if (hasNonFinite(block) || !(range < 3e38f) || (range != 0 && !(range >= smallestFastRange))) {
            quantizeReference(src, out);
        } else {
            min = firstOfZeros(src, block, min);
            max = firstOfZeros(src, block, max);
            const float d = (max - min) / maxLevel;
            const float inverse = d != 0 ? 1.0f / d : 0.0f;
            out.d = toHalf(d);
            out.m = toHalf(min);
            const __m256i levels = offsetLevels(block, min, inverse, maxLevel);
            storeNibbles(levels, out.qs);
            if constexpr (maxLevel == 31) {
                const std::uint32_t bits = fifthBits(levels);
                std::memcpy(out.qh, &bits, sizeof bits);
            }
        }
        std::memcpy(dst, &out, sizeof out);
    }
}

} // namespace
#endif

bool quantizeSimpleBlocksFast(DType type, const float* src, std::size_t blockCount, std::byte* dst)
{
#ifdef COMPLAB_BLOCKQUANT_X86
    if (!hasAvx2WithF16c())
        return false;
    switch (type) {
    case DType::Q8_0:
        quantizeQ8_0(src, blockCount, dst);
        return true;
    case DType::Q4_0:
        quantizeSymmetric<BlockQ4_0, 15>(src, blockCount, dst);
        return true;
    case DType::Q5_0:
        quantizeSymmetric<BlockQ5_0, 31>(src, blockCount, dst);
        return true;
    case DType::Q4_1:
        quantizeWithOffset<BlockQ4_1, 15>(src, blockCount, dst);
        return true;
    case DType::Q5_1:
        quantizeWithOffset<BlockQ5_1, 31>(src, blockCount, dst);
        return true;
    default:
        return false;
    }
#else
    (void)type;
    (void)src;
    (void)blockCount;
    (void)dst;
    return false; // the reference path serves other architectures
#endif
}

} // namespace complab
