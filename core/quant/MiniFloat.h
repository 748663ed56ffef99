// Rounding to the small floating-point formats used for weights: FP8 E4M3 (the "fn" variant
// without infinities, largest 448), FP8 E5M2 (largest finite 57344) and FP4 E2M1 (largest 6).
// Round to nearest, ties to the even code, saturating at the largest finite value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace complab {

class MiniFloatGrid
{
public:
    // codeOfMagnitude: decodes a code without its sign bit (0 .. 2^(bits-1)-1) to its magnitude;
    // NaN/inf codes are skipped.
    // exponentBias and mantissaBits describe the format for the fast rounding path.
    MiniFloatGrid(int bits, int exponentBias, int mantissaBits, float (*decode)(std::uint8_t));

    float maxFinite() const { return m_values.back(); }
    // The nearest representable value (with saturation). NaN stays NaN. Fast path on the float's
    // bits: round-to-nearest-even of the mantissa by adding a bias and masking, subnormals by adding
    // and subtracting a magic number (the float adder rounds to the subnormal spacing), saturation by min.
    float round(float value) const;
    // out[i] = round(in[i] / scale) * scale for count values (all zero when scale is not > 0): the
    // same values as the scalar round, eight at a time where the CPU has AVX2 (chosen at run time).
    void roundScaled(const float* in, std::size_t count, float scale, float* out) const;
    // The same by searching the table of all representable values: the reference the fast path
    // is tested against.
    float roundReference(float value) const;
    // The code (sign in the top bit) of the nearest representable value.
    std::uint8_t encode(float value) const;
    const std::vector<float>& magnitudes() const { return m_values; }

private:
    std::size_t nearestIndex(float magnitude) const;

    int m_bits;
    int m_mantissaBits;
    float m_smallestNormal; // 2^(1 - bias): below it the spacing is constant
    float m_subnormalMagic; // smallestNormal * 2^(23 - mantissaBits): x + magic rounds x to that spacing
    std::vector<float> m_values; // ascending finite magnitudes
    std::vector<std::uint8_t> m_codes; // their codes
};

const MiniFloatGrid& fp8E4M3Grid();
const MiniFloatGrid& fp8E5M2Grid();
const MiniFloatGrid& fp4E2M1Grid();

// E2M1 magnitude of a 3-bit code: 0, 0.5, 1, 1.5, 2, 3, 4, 6.
float fp4e2m1ToFloat(std::uint8_t code);

} // namespace complab
