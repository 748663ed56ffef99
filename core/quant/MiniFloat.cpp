#include "quant/MiniFloat.h"

#include "tensor/DType.h"

#include <algorithm>
#include <bit>
#include <cmath>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define COMPLAB_MINIFLOAT_X86 1
#endif

namespace complab {

MiniFloatGrid::MiniFloatGrid(int bits, int exponentBias, int mantissaBits, float (*decode)(std::uint8_t))
    : m_bits(bits)
    , m_mantissaBits(mantissaBits)
    , m_smallestNormal(std::ldexp(1.0f, 1 - exponentBias))
    , m_subnormalMagic(std::ldexp(1.0f, 1 - exponentBias + 23 - mantissaBits))
{
    const int codes = 1 << (bits - 1);
    for (int code = 0; code < codes; ++code) {
        const float value = decode(static_cast<std::uint8_t>(code));
        if (std::isfinite(value)) {
            m_values.push_back(value);
            m_codes.push_back(static_cast<std::uint8_t>(code));
        }
    }
}

std::size_t MiniFloatGrid::nearestIndex(float magnitude) const
{
    if (!(magnitude < m_values.back()))
        return m_values.size() - 1; // saturate (also for +inf)
    const auto upper
        = static_cast<std::size_t>(std::upper_bound(m_values.begin(), m_values.end(), magnitude) - m_values.begin());
    if (upper == 0)
        return 0;
    const std::size_t lower = upper - 1;
    const float below = magnitude - m_values[lower];
    const float above = m_values[upper] - magnitude;
    if (below < above)
        return lower;
    if (above < below)
        return upper;
    return (m_codes[lower] & 1) == 0 ? lower : upper; // a tie goes to the even code
}

namespace {

// What the rounding needs of a format, for the scalar and the vector path alike.
struct RoundingParameters
{
    float maxFinite;
    float smallestNormal;
    float subnormalMagic;
    std::uint32_t dropBits; // 23 - mantissaBits: low mantissa bits the format has not
};

// The nearest value of the format to a finite-or-infinite magnitude (sign bit clear), ties to even.
float roundMagnitude(float magnitude, const RoundingParameters& format)
{
    if (!(magnitude < format.maxFinite))
        return format.maxFinite; // saturate, also +inf
    if (magnitude < format.smallestNormal) {
        // In [magic, 2 magic) floats are spaced exactly the format's subnormal spacing, so the
        // adder's round-to-nearest-even does the rounding; subtracting magic back is exact.
        return (magnitude + format.subnormalMagic) - format.subnormalMagic;
    }
    // Round the mantissa to nearest even: add half an ulp of the format minus one, plus the last
    // kept bit, then clear the dropped bits (a carry moves into the exponent, which is right).
    std::uint32_t bits = std::bit_cast<std::uint32_t>(magnitude);
    const std::uint32_t lastKept = (bits >> format.dropBits) & 1u;
    bits += (1u << (format.dropBits - 1)) - 1u + lastKept;
    bits &= ~((1u << format.dropBits) - 1u);
    return std::min(std::bit_cast<float>(bits), format.maxFinite);
}

#ifdef COMPLAB_MINIFLOAT_X86
__attribute__((target("avx2"))) void roundScaledAvx2(
    const float* in, std::size_t count, float scale, const RoundingParameters& format, float* out)
{
    const __m256 signMask = _mm256_set1_ps(-0.0f);
    const __m256 divisor = _mm256_set1_ps(scale);
    const __m256 maxFinite = _mm256_set1_ps(format.maxFinite);
    const __m256 smallestNormal = _mm256_set1_ps(format.smallestNormal);
    const __m256 magic = _mm256_set1_ps(format.subnormalMagic);
    const __m256i one = _mm256_set1_epi32(1);
    const __m256i halfUlpMinusOne = _mm256_set1_epi32(static_cast<int>((1u << (format.dropBits - 1)) - 1u));
    const __m256i keptMask = _mm256_set1_epi32(static_cast<int>(~((1u << format.dropBits) - 1u)));
    const __m128i dropBits = _mm_cvtsi32_si128(static_cast<int>(format.dropBits));
    std::size_t i = 0;
    for (; i + 8 <= count; i += 8) {
        const __m256 value = _mm256_div_ps(_mm256_loadu_ps(in + i), divisor);
        const __m256 sign = _mm256_and_ps(value, signMask);
        const __m256 magnitude = _mm256_andnot_ps(signMask, value);
        const __m256i bits = _mm256_castps_si256(magnitude);
        const __m256i lastKept = _mm256_and_si256(_mm256_srl_epi32(bits, dropBits), one);
        const __m256i normalBits
            = _mm256_and_si256(_mm256_add_epi32(_mm256_add_epi32(bits, halfUlpMinusOne), lastKept), keptMask);
        const __m256 normal = _mm256_min_ps(_mm256_castsi256_ps(normalBits), maxFinite);
        const __m256 subnormal = _mm256_sub_ps(_mm256_add_ps(magnitude, magic), magic);
        __m256 rounded = _mm256_blendv_ps(normal, subnormal, _mm256_cmp_ps(magnitude, smallestNormal, _CMP_LT_OQ));
        // Saturate where !(magnitude < max), which includes +inf; NaN keeps the quotient.
        rounded = _mm256_blendv_ps(maxFinite, rounded, _mm256_cmp_ps(magnitude, maxFinite, _CMP_LT_OQ));
        rounded = _mm256_blendv_ps(rounded, value, _mm256_cmp_ps(value, value, _CMP_UNORD_Q));
        _mm256_storeu_ps(out + i, _mm256_mul_ps(_mm256_or_ps(rounded, sign), divisor));
    }
    for (; i < count; ++i) {
        const float value = in[i] / scale;
        const float rounded
            = std::isnan(value) ? value : std::copysign(roundMagnitude(std::fabs(value), format), value);
        out[i] = rounded * scale;
    }
}

bool hasAvx2()
{
    static const bool supported = __builtin_cpu_supports("avx2");
    return supported;
}
#endif

} // namespace

float MiniFloatGrid::round(float value) const
{
    if (std::isnan(value))
        return value;
    const RoundingParameters format{
        m_values.back(), m_smallestNormal, m_subnormalMagic, static_cast<std::uint32_t>(23 - m_mantissaBits)};
    return std::copysign(roundMagnitude(std::fabs(value), format), value);
}

void MiniFloatGrid::roundScaled(const float* in, std::size_t count, float scale, float* out) const
{
    if (!(scale > 0.0f)) {
        std::fill(out, out + count, 0.0f);
        return;
    }
#ifdef COMPLAB_MINIFLOAT_X86
    if (hasAvx2()) {
        const RoundingParameters format{
            m_values.back(), m_smallestNormal, m_subnormalMagic, static_cast<std::uint32_t>(23 - m_mantissaBits)};
        roundScaledAvx2(in, count, scale, format, out);
        return;
    }
#endif
    for (std::size_t i = 0; i < count; ++i)
        out[i] = round(in[i] / scale) * scale;
}

float MiniFloatGrid::roundReference(float value) const
{
    if (std::isnan(value))
        return value;
    const float magnitude = m_values[nearestIndex(std::abs(value))];
    return std::signbit(value) ? -magnitude : magnitude;
}

std::uint8_t MiniFloatGrid::encode(float value) const
{
    const auto code = m_codes[nearestIndex(std::abs(value))];
    return std::signbit(value) ? static_cast<std::uint8_t>(code | (1u << (m_bits - 1))) : code;
}

float fp4e2m1ToFloat(std::uint8_t code)
{
    static constexpr float magnitudes[8] = {0.0f, 0.5f, 1.0f, 1.5f, 2.0f, 3.0f, 4.0f, 6.0f};
    return magnitudes[code & 7];
}

const MiniFloatGrid& fp8E4M3Grid()
{
    static const MiniFloatGrid grid(8, 7, 3, fp8e4m3ToFloat);
    return grid;
}

const MiniFloatGrid& fp8E5M2Grid()
{
    static const MiniFloatGrid grid(8, 15, 2, fp8e5m2ToFloat);
    return grid;
}

const MiniFloatGrid& fp4E2M1Grid()
{
    static const MiniFloatGrid grid(4, 1, 1, fp4e2m1ToFloat);
    return grid;
}

} // namespace complab
