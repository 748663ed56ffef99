#include "quant/TensorQuantizer.h"

#include "quant/MiniFloat.h"

#include <Eigen/Core>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <stdexcept>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define COMPLAB_TENSORQUANT_X86 1
#endif

namespace complab {

namespace {

constexpr float nf4Codes[16] = {
    -1.0f,
    -0.6961928009986877f,
    -0.5250730514526367f,
    -0.39491748809814453f,
    -0.28444138169288635f,
    -0.18477343022823334f,
    -0.09105003625154495f,
    0.0f,
    0.07958029955625534f,
    0.16093020141124725f,
    0.24611230194568634f,
    0.33791524171829224f,
    0.44070982933044434f,
    0.5626170039176941f,
    0.7229568362236023f,
    1.0f,
};

// The hot loops get an AVX2 clone chosen at run time (never -march=native): same arithmetic, no
// fused multiply-adds (ISO C++ mode keeps -ffp-contract=off), so every clone gives the same values.
#define COMPLAB_SIMD_CLONES [[gnu::target_clones("avx2", "default")]]

COMPLAB_SIMD_CLONES float absMax(const float* values, std::size_t count)
{
    float largest = 0.0f;
    for (std::size_t i = 0; i < count; ++i)
        largest = std::max(largest, std::abs(values[i]));
    return largest;
}

// Midpoints between neighbouring codes: a value above midpoint i rounds to a code above i.
const std::array<float, 15> nf4Midpoints = [] {
    std::array<float, 15> midpoints{};
    for (std::size_t i = 0; i < midpoints.size(); ++i)
        midpoints[i] = 0.5f * (nf4Codes[i] + nf4Codes[i + 1]);
    return midpoints;
}();

#ifdef COMPLAB_TENSORQUANT_X86
// NF4 for eight values at a time: the code index is the number of midpoints below the value (what
// the binary search of roundToNormalFloat4 finds, as 15 compares), looked up in two 8-entry halves.
__attribute__((target("avx2"))) void roundNf4Avx2(const float* in, std::size_t count, float scale, float* out)
{
    const __m256 divisor = _mm256_set1_ps(scale);
    const __m256 lowCodes = _mm256_loadu_ps(nf4Codes);
    const __m256 highCodes = _mm256_loadu_ps(nf4Codes + 8);
    const __m256i seven = _mm256_set1_epi32(7);
    std::size_t i = 0;
    for (; i + 8 <= count; i += 8) {
        const __m256 normalised = _mm256_div_ps(_mm256_loadu_ps(in + i), divisor);
        __m256i index = _mm256_setzero_si256();
        for (const float midpoint : nf4Midpoints) // a true compare is all ones, i.e. -1
            index = _mm256_sub_epi32(
                index, _mm256_castps_si256(_mm256_cmp_ps(normalised, _mm256_set1_ps(midpoint), _CMP_GT_OQ)));
        const __m256 low = _mm256_permutevar8x32_ps(lowCodes, index);
        const __m256 high = _mm256_permutevar8x32_ps(highCodes, index);
        const __m256 code = _mm256_blendv_ps(low, high, _mm256_castsi256_ps(_mm256_cmpgt_epi32(index, seven)));
        _mm256_storeu_ps(out + i, _mm256_mul_ps(code, divisor));
    }
    for (; i < count; ++i)
        out[i] = roundToNormalFloat4(in[i] / scale) * scale;
}

bool hasAvx2()
{
    static const bool supported = __builtin_cpu_supports("avx2");
    return supported;
}

// NF4 for sixteen values at a time: a four-step binary search over the midpoints, each probe a
// 16-entry table lookup (zero-masked: the plain form trips GCC 12's -Wmaybe-uninitialized), then
// one lookup of the code. It counts the midpoints below the value as the AVX2 loop and the scalar
// search do, so it picks the same code; a NaN compares false and takes code 0 in all three.
__attribute__((target("avx512f"))) void roundNf4Avx512(const float* in, std::size_t count, float scale, float* out)
{
    // The midpoints padded to one register, built once (this runs for every 64-value block).
    alignas(64) static const std::array<float, 16> midpoints = [] {
        std::array<float, 16> padded{};
        std::copy(nf4Midpoints.begin(), nf4Midpoints.end(), padded.begin());
        padded[15] = nf4Midpoints.back(); // never probed: the search reads indices 0..14
        return padded;
    }();
    const __m512 table = _mm512_load_ps(midpoints.data());
    const __m512 codes = _mm512_loadu_ps(nf4Codes);
    const __m512 divisor = _mm512_set1_ps(scale);
    std::size_t i = 0;
    for (; i + 16 <= count; i += 16) {
        const __m512 normalised = _mm512_div_ps(_mm512_loadu_ps(in + i), divisor);
        __m512i index = _mm512_setzero_si512();
        for (const int step : {8, 4, 2, 1}) {
            const __m512i probe = _mm512_add_epi32(index, _mm512_set1_epi32(step - 1));
            const __mmask16 above
                = _mm512_cmp_ps_mask(normalised, _mm512_maskz_permutexvar_ps(0xFFFF, probe, table), _CMP_GT_OQ);
            index = _mm512_mask_add_epi32(index, above, index, _mm512_set1_epi32(step));
        }
        _mm512_storeu_ps(out + i, _mm512_mul_ps(_mm512_maskz_permutexvar_ps(0xFFFF, index, codes), divisor));
    }
    if (i < count)
        roundNf4Avx2(in + i, count - i, scale, out + i);
}

bool hasAvx512()
{
    static const bool supported = __builtin_cpu_supports("avx512f");
    return supported;
}
#endif

// out[i] = roundToNormalFloat4(in[i] / scale) * scale, zeros when scale is not > 0.
void roundNf4(const float* in, std::size_t count, float scale, float* out)
{
    if (!(scale > 0.0f)) {
        std::fill(out, out + count, 0.0f);
        return;
    }
#ifdef COMPLAB_TENSORQUANT_X86
    if (hasAvx512())
        return roundNf4Avx512(in, count, scale, out);
    if (hasAvx2())
        return roundNf4Avx2(in, count, scale, out);
#endif
    for (std::size_t i = 0; i < count; ++i)
        out[i] = roundToNormalFloat4(in[i] / scale) * scale;
}

// The E8M0 exponent of MXFP4's shared scale needs floor(log2(largest)); it is the float's exponent
// field except where log2f rounds up to the next integer (mantissa within 2^-12 of the next power of
// two) or for subnormals, which keep the library call so the scale is the one it always was.
int floorLog2(float largest)
{
    const auto bits = std::bit_cast<std::uint32_t>(largest);
    const int field = static_cast<int>(bits >> 23) & 0xFF;
    if (field == 0 || (bits & 0x7FFFFFu) > 0x7FF000u)
        return static_cast<int>(std::floor(std::log2(largest)));
    return field - 127;
}

COMPLAB_SIMD_CLONES std::pair<float, float> rangeWithZero(const float* values, std::size_t count)
{
    float lowest = 0.0f;
    float highest = 0.0f;
    for (std::size_t i = 0; i < count; ++i) {
        lowest = std::min(lowest, values[i]);
        highest = std::max(highest, values[i]);
    }
    return {lowest, highest};
}

// Symmetric or asymmetric uniform grid for one group: returns {scale, zero point}.
std::pair<float, float> intScale(const float* values, std::size_t count, int bits, bool symmetric)
{
    if (symmetric) {
        const float qmax = static_cast<float>((1 << (bits - 1)) - 1);
        return {roundToHalf(absMax(values, count) / qmax), 0.0f};
    }
    // Zero stays exactly representable (the range always includes it), as in GPTQ.
    const auto [lowest, highest] = rangeWithZero(values, count);
    const float levels = static_cast<float>((1 << bits) - 1);
    const float scale = roundToHalf((highest - lowest) / levels);
    const float zero = scale > 0.0f ? std::nearbyint(-lowest / scale) : 0.0f;
    return {scale, zero};
}

COMPLAB_SIMD_CLONES void applyInt(
    const float* in, std::size_t count, float* out, float scale, float zero, int bits, bool symmetric)
{
    if (!(scale > 0.0f) || !std::isfinite(scale)) {
        std::fill(out, out + count, 0.0f);
        return;
    }
    const float inverse = 1.0f / scale;
    const float low = symmetric ? -static_cast<float>(1 << (bits - 1)) : 0.0f;
    const float high = symmetric ? static_cast<float>((1 << (bits - 1)) - 1) : static_cast<float>((1 << bits) - 1);
    for (std::size_t i = 0; i < count; ++i) {
        const float q = std::clamp(std::nearbyint(in[i] * inverse) + zero, low, high);
        out[i] = (q - zero) * scale;
    }
}

} // namespace

IntGrid IntGrid::fit(const float* values, std::size_t count, int bits, bool symmetric)
{
    const auto [scale, zero] = intScale(values, count, bits, symmetric);
    return {scale, zero, bits, symmetric};
}

void IntGrid::apply(const float* in, std::size_t count, float* out) const
{
    applyInt(in, count, out, scale, zero, bits, symmetric);
}

float IntGrid::quantize(float value) const
{
    float out = 0.0f;
    applyInt(&value, 1, &out, scale, zero, bits, symmetric);
    return out;
}

const float* normalFloat4Codebook()
{
    return nf4Codes;
}

float roundToNormalFloat4(float normalised)
{
    // Four comparisons (binary search over the midpoints) instead of a scan over 16 codes.
    int code = 0;
    for (int step = 8; step > 0; step /= 2)
        if (code + step - 1 < 15 && normalised > nf4Midpoints[static_cast<std::size_t>(code + step - 1)])
            code += step;
    return nf4Codes[code];
}

float roundToHalf(float value)
{
    return static_cast<float>(Eigen::half(value));
}

float roundToBFloat16(float value)
{
    return static_cast<float>(Eigen::bfloat16(value));
}

TensorQuantizer::TensorQuantizer(const QuantSpec& spec, const float* data, std::size_t rows, std::size_t columns)
    : m_spec(spec)
    , m_data(data)
    , m_rows(rows)
    , m_columns(columns)
{
    if (const auto problem = spec.whyNotApplicable(rows, columns); !problem.empty())
        throw std::invalid_argument(problem);
    if (spec.isGgufBlockFormat())
        throw std::invalid_argument(spec.name() + " is quantised by the GGUF block quantisers");
    const std::size_t count = rows * columns;
    if (spec.format == QuantFormat::Int && spec.granularity == Granularity::PerTensor) {
        const auto [scale, zero] = intScale(data, count, spec.bits, spec.symmetric);
        m_tensorScale = scale;
        m_tensorZero = zero;
    }
    if ((spec.format == QuantFormat::FP8_E4M3 || spec.format == QuantFormat::FP8_E5M2)
        && spec.granularity == Granularity::PerTensor) {
        const auto& grid = spec.format == QuantFormat::FP8_E4M3 ? fp8E4M3Grid() : fp8E5M2Grid();
        m_tensorScale = absMax(data, count) / grid.maxFinite();
    }
    // Plain NF4 takes each block's absmax as it rounds the block (one pass over the tensor, not
    // two); double quantisation needs every block's absmax first, for their mean.
    if (spec.format == QuantFormat::NF4 && spec.doubleQuant) {
        const auto block = static_cast<std::size_t>(spec.groupSize);
        m_nf4Absmax.resize(count / block);
        // A whole pass over the tensor: in parallel, or it is the serial part that stops quantizeRows scaling.
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, m_nf4Absmax.size(), 4096),
            [&](const tbb::blocked_range<std::size_t>& range) {
                for (std::size_t b = range.begin(); b != range.end(); ++b)
                    m_nf4Absmax[b] = absMax(data + b * block, block);
            });
        if (!m_nf4Absmax.empty()) {
            // Second level: absmax minus its mean, in 8 bits with one F32 scale per 256 blocks.
            double sum = 0.0;
            for (const float value : m_nf4Absmax)
                sum += value;
            const auto mean = static_cast<float>(sum / static_cast<double>(m_nf4Absmax.size()));
            for (std::size_t first = 0; first < m_nf4Absmax.size(); first += 256) {
                const std::size_t n = std::min<std::size_t>(256, m_nf4Absmax.size() - first);
                float spread = 0.0f;
                for (std::size_t i = 0; i < n; ++i)
                    spread = std::max(spread, std::abs(m_nf4Absmax[first + i] - mean));
                const float scale = spread / 127.0f;
                for (std::size_t i = 0; i < n; ++i) {
                    float& value = m_nf4Absmax[first + i];
                    value = scale > 0.0f ? std::nearbyint((value - mean) / scale) * scale + mean : mean;
                    value = std::max(value, 0.0f);
                }
            }
        }
    }
}

void TensorQuantizer::quantizeIntGroup(const float* in, std::size_t count, float* out) const
{
    const auto [scale, zero] = intScale(in, count, m_spec.bits, m_spec.symmetric);
    applyInt(in, count, out, scale, zero, m_spec.bits, m_spec.symmetric);
}

void TensorQuantizer::quantizeNf4Row(std::size_t row, float* out) const
{
    const auto block = static_cast<std::size_t>(m_spec.groupSize);
    const float* in = m_data + row * m_columns;
    for (std::size_t first = 0; first < m_columns; first += block) {
        const float absmax
            = m_nf4Absmax.empty() ? absMax(in + first, block) : m_nf4Absmax[(row * m_columns + first) / block];
        roundNf4(in + first, block, absmax, out + first);
    }
}

void TensorQuantizer::quantizeRows(std::size_t firstRow, std::size_t rowCount, float* out) const
{
    if (firstRow > m_rows || rowCount > m_rows - firstRow)
        throw std::out_of_range("TensorQuantizer::quantizeRows: rows out of range");
    for (std::size_t r = 0; r < rowCount; ++r) {
        const std::size_t row = firstRow + r;
        const float* in = m_data + row * m_columns;
        float* rowOut = out + r * m_columns;
        switch (m_spec.format) {
        case QuantFormat::Float32:
            std::copy(in, in + m_columns, rowOut);
            break;
        case QuantFormat::Float16:
            std::transform(in, in + m_columns, rowOut, roundToHalf);
            break;
        case QuantFormat::BFloat16:
            std::transform(in, in + m_columns, rowOut, roundToBFloat16);
            break;
        case QuantFormat::Int:
            if (m_spec.granularity == Granularity::PerTensor)
                applyInt(in, m_columns, rowOut, m_tensorScale, m_tensorZero, m_spec.bits, m_spec.symmetric);
            else if (m_spec.granularity == Granularity::PerChannel)
                quantizeIntGroup(in, m_columns, rowOut);
            else
                for (std::size_t first = 0; first < m_columns; first += static_cast<std::size_t>(m_spec.groupSize))
                    quantizeIntGroup(in + first, static_cast<std::size_t>(m_spec.groupSize), rowOut + first);
            break;
        case QuantFormat::NF4:
            quantizeNf4Row(row, rowOut);
            break;
        case QuantFormat::FP8_E4M3:
        case QuantFormat::FP8_E5M2: {
            const auto& grid = m_spec.format == QuantFormat::FP8_E4M3 ? fp8E4M3Grid() : fp8E5M2Grid();
            const float scale = m_spec.granularity == Granularity::PerTensor ? m_tensorScale
                                                                             : absMax(in, m_columns) / grid.maxFinite();
            grid.roundScaled(in, m_columns, scale, rowOut);
            break;
        }
        case QuantFormat::MXFP4: {
            const auto& grid = fp4E2M1Grid();
            for (std::size_t first = 0; first < m_columns; first += 32) {
                const float largest = absMax(in + first, 32);
                if (!(largest > 0.0f) || !std::isfinite(largest)) {
                    std::fill(rowOut + first, rowOut + first + 32, 0.0f);
                    continue;
                }
                // Shared E8M0 scale: the power of two that puts the block's largest value in
                // E2M1's top binade (OCP Microscaling Formats spec 1.0, section 6.3).
                const int exponent = std::clamp(floorLog2(largest) - 2, -127, 127);
                grid.roundScaled(in + first, 32, std::ldexp(1.0f, exponent), rowOut + first);
            }
            break;
        }
        default:
            throw std::logic_error("TensorQuantizer: unexpected scheme");
        }
    }
}

} // namespace complab
