// Quantises a weight matrix (rows × columns, row-major floats) with a QuantSpec and writes back
// the dequantised values: what the model would compute with after compression. Tensor-wide
// statistics (per-tensor scales, NF4 double quantisation) are taken once in the constructor;
// quantizeRows is then safe to call from several threads on disjoint row ranges.
#pragma once

#include "quant/QuantSpec.h"

#include <cstddef>
#include <vector>

namespace complab {

class TensorQuantizer
{
public:
    // Throws std::invalid_argument when the spec cannot take this shape (see whyNotApplicable).
    TensorQuantizer(const QuantSpec& spec, const float* data, std::size_t rows, std::size_t columns);

    const QuantSpec& spec() const { return m_spec; }
    // Rows [firstRow, firstRow + rowCount) of the matrix given to the constructor, into out
    // (rowCount × columns floats).
    void quantizeRows(std::size_t firstRow, std::size_t rowCount, float* out) const;

private:
    void quantizeIntGroup(const float* in, std::size_t count, float* out) const;
    void quantizeNf4Row(std::size_t row, float* out) const;

    QuantSpec m_spec;
    const float* m_data;
    std::size_t m_rows;
    std::size_t m_columns;
    float m_tensorScale = 0.0f; // per-tensor schemes
    float m_tensorZero = 0.0f; // per-tensor asymmetric Int
    std::vector<float> m_nf4Absmax; // NF4 with double quantisation: the quantised absmax of every block
};

// The uniform integer grid of one group as TensorQuantizer fits and applies it (F16-rounded scale,
// zero point for asymmetric grids), for the calibrated quantisers (GPTQ, AWQ) that re-fit groups as
// they update weights: the same rounding, so their results are stored exactly like RTN's.
struct IntGrid
{
    float scale = 0.0f;
    float zero = 0.0f;
    int bits = 4;
    bool symmetric = true;

    static IntGrid fit(const float* values, std::size_t count, int bits, bool symmetric);
    void apply(const float* in, std::size_t count, float* out) const;
    float quantize(float value) const;
};

// QLoRA's NormalFloat-4 code book (Dettmers et al. 2023), ascending in [-1, 1].
const float* normalFloat4Codebook();
// The nearest code of a value already divided by its block's absmax (ties to the lower code; NaN
// gives the first): the reference the vectorised NF4 path is tested against.
float roundToNormalFloat4(float normalised);

// Rounds to the nearest IEEE half / bfloat16 value (ties to even), as stored scales are.
float roundToHalf(float value);
float roundToBFloat16(float value);

} // namespace complab
