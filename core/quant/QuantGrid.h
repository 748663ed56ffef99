// The values one group of a tensor can take under a scheme: what the lab overlays on the weight
// histogram, so a person sees how the 16 levels of INT4 (or the 4 of INT2) sit among the weights,
// and how a block's own scale stretches them. Levels come from the group's real fitted scale.
#pragma once

#include "quant/QuantSpec.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace complab {

struct QuantGroupGrid
{
    // The group the levels belong to: rowCount rows from firstRow, columnCount columns from
    // firstColumn (per-tensor schemes: the whole tensor; per-channel: one row).
    std::size_t firstRow = 0;
    std::size_t rowCount = 0;
    std::size_t firstColumn = 0;
    std::size_t columnCount = 0;
    std::vector<float> levels; // ascending and distinct, in the tensor's units
    // "int4 g128: 16 levels 0.00213 apart in row 12, columns 128-255"
    std::string description;
};

// The grid of the group holding element (row, column) of a rows × columns row-major matrix, or of
// the group holding the largest-magnitude weight when no element is given (where rounding costs
// most). Floating-point storage (f32, f16, bf16) has no few levels to draw: levels stay empty and
// the description says so. Throws std::invalid_argument when the scheme cannot take the shape or the
// element lies outside the matrix.
QuantGroupGrid quantGroupGrid(const QuantSpec& spec, const float* data, std::size_t rows, std::size_t columns,
    std::optional<std::size_t> row = std::nullopt, std::optional<std::size_t> column = std::nullopt);

} // namespace complab
