#include "tensor/BlockDequantFast.h"

#include "tensor/GgufBlocks.h"
#include "util/CpuFeatures.h"

#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define COMPLAB_BLOCKDEQUANT_X86 1
#endif

// Same values as the reference: integer levels are unpacked exactly as there, converted to float
// exactly, and each output gets the reference's multiply and then add / subtract as two roundings
// (this file is built without contraction, and the target has no FMA). Half-precision scales are
// converted by F16C, exactly as the reference's conversion.

namespace complab {

#ifdef COMPLAB_BLOCKDEQUANT_X86
namespace {

#define COMPLAB_AVX2 __attribute__((target("avx2,f16c"), always_inline)) inline
#define COMPLAB_AVX2_ENTRY __attribute__((target("avx2,f16c")))

COMPLAB_AVX2 float halfBits(std::uint16_t bits)
{
    return _mm_cvtss_f32(_mm_cvtph_ps(_mm_cvtsi32_si128(bits)));
}

// 32 signed byte levels widened to four vectors of eight int32, in element order.
struct Levels
{
    __m256i v[4];
};

COMPLAB_AVX2 void widenSigned(const __m256i& bytes, Levels& levels)
{
    const __m128i low = _mm256_castsi256_si128(bytes);
    const __m128i high = _mm256_extracti128_si256(bytes, 1);
    levels.v[0] = _mm256_cvtepi8_epi32(low);
    levels.v[1] = _mm256_cvtepi8_epi32(_mm_srli_si128(low, 8));
    levels.v[2] = _mm256_cvtepi8_epi32(high);
    levels.v[3] = _mm256_cvtepi8_epi32(_mm_srli_si128(high, 8));
}

// out[i] = float(level_i) * d for 32 values.
COMPLAB_AVX2 void storeTimes(const __m256i& bytes, float d, float* out)
{
    Levels levels;
    widenSigned(bytes, levels);
    const __m256 scale = _mm256_set1_ps(d);
    for (int i = 0; i < 4; ++i)
        _mm256_storeu_ps(out + 8 * i, _mm256_mul_ps(_mm256_cvtepi32_ps(levels.v[i]), scale));
}

// out[i] = float(level_i) * d + m (Q*_1), or d * float(level_i) - m (K-quants, subtract).
COMPLAB_AVX2 void storeTimesPlus(const __m256i& bytes, float d, float m, bool subtract, float* out)
{
    Levels levels;
    widenSigned(bytes, levels);
    const __m256 scale = _mm256_set1_ps(d);
    const __m256 offset = _mm256_set1_ps(m);
    for (int i = 0; i < 4; ++i) {
        const __m256 product = _mm256_mul_ps(_mm256_cvtepi32_ps(levels.v[i]), scale);
        _mm256_storeu_ps(out + 8 * i, subtract ? _mm256_sub_ps(product, offset) : _mm256_add_ps(product, offset));
    }
}

// 16 bytes of nibbles to 32 levels: value j the low nibble of byte j, value j + 16 its high nibble.
COMPLAB_AVX2 __m256i splitNibbles16(const std::uint8_t* qs)
{
    const __m128i packed = _mm_loadu_si128(reinterpret_cast<const __m128i*>(qs));
    const __m128i mask = _mm_set1_epi8(0x0F);
    return _mm256_set_m128i(_mm_and_si128(_mm_srli_epi16(packed, 4), mask), _mm_and_si128(packed, mask));
}

// Bit k of bits to 0x10 in byte k (the fifth bit of Q5_0 / Q5_1 value k).
COMPLAB_AVX2 __m256i fifthBits(std::uint32_t bits)
{
    const __m256i spread = _mm256_shuffle_epi8(_mm256_set1_epi32(static_cast<int>(bits)),
        _mm256_setr_epi8(
            0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3));
    const __m256i bit = _mm256_set1_epi64x(static_cast<long long>(0x8040201008040201ull));
    return _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_and_si256(spread, bit), bit), _mm256_set1_epi8(0x10));
}

// Fields are read straight from the (unaligned) file bytes: copying a block to the stack first and
// loading 32 bytes across the copy's narrower stores stalls store forwarding on every block.
#define COMPLAB_FIELD(Block, field) (reinterpret_cast<const std::uint8_t*>(src) + offsetof(Block, field))

COMPLAB_AVX2 float halfAt(const std::uint8_t* bytes)
{
    std::uint16_t bits;
    std::memcpy(&bits, bytes, sizeof bits);
    return halfBits(bits);
}

COMPLAB_AVX2 __m256i load32(const std::uint8_t* bytes)
{
    return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(bytes));
}

COMPLAB_AVX2 std::uint32_t load32Bits(const std::uint8_t* bytes)
{
    std::uint32_t bits;
    std::memcpy(&bits, bytes, sizeof bits);
    return bits;
}

COMPLAB_AVX2_ENTRY void dequantizeQ8_0(const std::byte* src, std::size_t blockCount, float* out)
{
    for (std::size_t b = 0; b < blockCount; ++b, src += sizeof(BlockQ8_0), out += blockQK8_0) {
        storeTimes(load32(COMPLAB_FIELD(BlockQ8_0, qs)), halfAt(COMPLAB_FIELD(BlockQ8_0, d)), out);
    }
}

COMPLAB_AVX2_ENTRY void dequantizeQ4_0(const std::byte* src, std::size_t blockCount, float* out)
{
    for (std::size_t b = 0; b < blockCount; ++b, src += sizeof(BlockQ4_0), out += blockQK4_0) {
        storeTimes(_mm256_sub_epi8(splitNibbles16(COMPLAB_FIELD(BlockQ4_0, qs)), _mm256_set1_epi8(8)),
            halfAt(COMPLAB_FIELD(BlockQ4_0, d)), out);
    }
}

COMPLAB_AVX2_ENTRY void dequantizeQ4_1(const std::byte* src, std::size_t blockCount, float* out)
{
    for (std::size_t b = 0; b < blockCount; ++b, src += sizeof(BlockQ4_1), out += blockQK4_1) {
        storeTimesPlus(splitNibbles16(COMPLAB_FIELD(BlockQ4_1, qs)), halfAt(COMPLAB_FIELD(BlockQ4_1, d)),
            halfAt(COMPLAB_FIELD(BlockQ4_1, m)), false, out);
    }
}

COMPLAB_AVX2_ENTRY void dequantizeQ5_0(const std::byte* src, std::size_t blockCount, float* out)
{
    for (std::size_t b = 0; b < blockCount; ++b, src += sizeof(BlockQ5_0), out += blockQK5_0) {
        const __m256i levels = _mm256_or_si256(
            splitNibbles16(COMPLAB_FIELD(BlockQ5_0, qs)), fifthBits(load32Bits(COMPLAB_FIELD(BlockQ5_0, qh))));
        storeTimes(_mm256_sub_epi8(levels, _mm256_set1_epi8(16)), halfAt(COMPLAB_FIELD(BlockQ5_0, d)), out);
    }
}

COMPLAB_AVX2_ENTRY void dequantizeQ5_1(const std::byte* src, std::size_t blockCount, float* out)
{
    for (std::size_t b = 0; b < blockCount; ++b, src += sizeof(BlockQ5_1), out += blockQK5_1) {
        const __m256i levels = _mm256_or_si256(
            splitNibbles16(COMPLAB_FIELD(BlockQ5_1, qs)), fifthBits(load32Bits(COMPLAB_FIELD(BlockQ5_1, qh))));
        storeTimesPlus(levels, halfAt(COMPLAB_FIELD(BlockQ5_1, d)), halfAt(COMPLAB_FIELD(BlockQ5_1, m)), false, out);
    }
}

// Q4_K and Q5_K: pairs of 32-value groups share 32 bytes of nibbles (low: first group, high: second).
template <bool fiveBits, typename Block>
COMPLAB_AVX2_ENTRY void dequantizeScaleMinK(const std::byte* src, std::size_t blockCount, float* out)
{
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    for (std::size_t b = 0; b < blockCount; ++b, src += sizeof(Block), out += blockQK_K) {
        const float d = halfAt(COMPLAB_FIELD(Block, d));
        const float dmin = halfAt(COMPLAB_FIELD(Block, dmin));
        const std::uint8_t* scales = COMPLAB_FIELD(Block, scales);
        const std::uint8_t* qs = COMPLAB_FIELD(Block, qs);
        __m256i high = _mm256_setzero_si256();
        if constexpr (fiveBits)
            high = load32(COMPLAB_FIELD(BlockQ5_K, qh));
        for (int group = 0; group < 8; group += 2) {
            const __m256i packed = load32(qs + 16 * group);
            __m256i first = _mm256_and_si256(packed, nibble);
            __m256i second = _mm256_and_si256(_mm256_srli_epi16(packed, 4), nibble);
            if constexpr (fiveBits) {
                const __m256i firstMask = _mm256_set1_epi8(static_cast<char>(1 << group));
                const __m256i secondMask = _mm256_set1_epi8(static_cast<char>(2 << group));
                const __m256i sixteen = _mm256_set1_epi8(16);
                first = _mm256_or_si256(
                    first, _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_and_si256(high, firstMask), firstMask), sixteen));
                second = _mm256_or_si256(second,
                    _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_and_si256(high, secondMask), secondMask), sixteen));
            }
            std::uint8_t scale;
            std::uint8_t min;
            unpackScaleMinK4(group, scales, scale, min);
            storeTimesPlus(first, d * scale, dmin * min, true, out + 32 * group);
            unpackScaleMinK4(group + 1, scales, scale, min);
            storeTimesPlus(second, d * scale, dmin * min, true, out + 32 * group + 32);
        }
    }
}

// 32 levels where values 0-15 and 16-31 have their own scale: out = d * float(scale * level) (Q6_K).
COMPLAB_AVX2 void storeScaledProducts(const __m256i& bytes, int firstScale, int secondScale, float d, float* out)
{
    Levels levels;
    widenSigned(bytes, levels);
    const __m256 factor = _mm256_set1_ps(d);
    for (int i = 0; i < 4; ++i) {
        const __m256i scale = _mm256_set1_epi32(i < 2 ? firstScale : secondScale);
        _mm256_storeu_ps(
            out + 8 * i, _mm256_mul_ps(factor, _mm256_cvtepi32_ps(_mm256_mullo_epi32(levels.v[i], scale))));
    }
}

COMPLAB_AVX2_ENTRY void dequantizeQ6_K(const std::byte* src, std::size_t blockCount, float* out)
{
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    const __m256i two = _mm256_set1_epi8(0x03);
    const __m256i bias = _mm256_set1_epi8(32);
    for (std::size_t b = 0; b < blockCount; ++b, src += sizeof(BlockQ6_K), out += blockQK_K) {
        const float d = halfAt(COMPLAB_FIELD(BlockQ6_K, d));
        for (int half = 0; half < 2; ++half) {
            const std::uint8_t* ql = COMPLAB_FIELD(BlockQ6_K, ql) + 64 * half;
            const __m256i low0 = load32(ql);
            const __m256i low1 = load32(ql + 32);
            const __m256i high = load32(COMPLAB_FIELD(BlockQ6_K, qh) + 32 * half);
            const __m256i q1
                = _mm256_or_si256(_mm256_and_si256(low0, nibble), _mm256_slli_epi16(_mm256_and_si256(high, two), 4));
            const __m256i q2 = _mm256_or_si256(_mm256_and_si256(low1, nibble),
                _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(high, 2), two), 4));
            const __m256i q3 = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(low0, 4), nibble),
                _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(high, 4), two), 4));
            const __m256i q4 = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(low1, 4), nibble),
                _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(high, 6), two), 4));
            const auto* scales = reinterpret_cast<const std::int8_t*>(COMPLAB_FIELD(BlockQ6_K, scales)) + 8 * half;
            float* o = out + 128 * half;
            storeScaledProducts(_mm256_sub_epi8(q1, bias), scales[0], scales[1], d, o);
            storeScaledProducts(_mm256_sub_epi8(q2, bias), scales[2], scales[3], d, o + 32);
            storeScaledProducts(_mm256_sub_epi8(q3, bias), scales[4], scales[5], d, o + 64);
            storeScaledProducts(_mm256_sub_epi8(q4, bias), scales[6], scales[7], d, o + 96);
        }
    }
}

} // namespace
#endif

bool dequantizeBlocksFast(DType type, const std::byte* src, std::size_t blockCount, float* out)
{
#ifdef COMPLAB_BLOCKDEQUANT_X86
    if (!hasAvx2WithF16c())
        return false;
    switch (type) {
    case DType::Q8_0:
        dequantizeQ8_0(src, blockCount, out);
        return true;
    case DType::Q4_0:
        dequantizeQ4_0(src, blockCount, out);
        return true;
    case DType::Q4_1:
        dequantizeQ4_1(src, blockCount, out);
        return true;
    case DType::Q5_0:
        dequantizeQ5_0(src, blockCount, out);
        return true;
    case DType::Q5_1:
        dequantizeQ5_1(src, blockCount, out);
        return true;
    case DType::Q4_K:
        dequantizeScaleMinK<false, BlockQ4_K>(src, blockCount, out);
        return true;
    case DType::Q5_K:
        dequantizeScaleMinK<true, BlockQ5_K>(src, blockCount, out);
        return true;
    case DType::Q6_K:
        dequantizeQ6_K(src, blockCount, out);
        return true;
    default:
        return false;
    }
#else
    (void)type;
    (void)src;
    (void)blockCount;
    (void)out;
    return false;
#endif
}

} // namespace complab
