#include "quant/MiniFloat.h"

#include "tensor/DType.h"

#include <algorithm>
#include <cmath>

namespace complab {

MiniFloatGrid::MiniFloatGrid(int bits, int exponentBias, int mantissaBits, float (*decode)(std::uint8_t))
    : m_bits(bits)
    , m_exponentBias(exponentBias)
    , m_mantissaBits(mantissaBits)
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

float MiniFloatGrid::round(float value) const
{
    if (std::isnan(value))
        return value;
    const float magnitude = std::abs(value);
    float rounded;
    if (!(magnitude < m_values.back())) {
        rounded = m_values.back();
    } else {
        // The spacing of representable values is 2^(e - mantissaBits) in the binade [2^e, 2^(e+1)),
        // and constant below the smallest normal; nearbyint rounds ties to even, which is the even
        // code, because the code's last bit is the mantissa's last bit.
        int exponent = 0;
        std::frexp(magnitude, &exponent); // magnitude = f * 2^exponent, f in [0.5, 1)
        const int smallestNormalExponent = 1 - m_exponentBias;
        const int binade = std::max(exponent - 1, smallestNormalExponent);
        const float spacing = std::ldexp(1.0f, binade - m_mantissaBits);
        rounded = std::min(std::nearbyint(magnitude / spacing) * spacing, m_values.back());
    }
    return std::signbit(value) ? -rounded : rounded;
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
