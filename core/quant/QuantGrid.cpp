#include "quant/QuantGrid.h"

#include "quant/GgufQuantize.h"
#include "quant/MiniFloat.h"
#include "quant/TensorQuantizer.h"
#include "tensor/GgufBlocks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace complab {

namespace {

float largestMagnitude(const float* values, std::size_t count)
{
    float largest = 0.0f;
    for (std::size_t i = 0; i < count; ++i)
        largest = std::max(largest, std::abs(values[i]));
    return largest;
}

// Levels a·q + b for q in [low, high], computed as the dequantisers compute them.
std::vector<float> affineLevels(float step, float offset, int low, int high)
{
    std::vector<float> levels;
    levels.reserve(static_cast<std::size_t>(high - low + 1));
    for (int q = low; q <= high; ++q)
        levels.push_back(static_cast<float>(q) * step + offset);
    return levels;
}

// Every finite magnitude of a small float grid, both signs, times a scale.
std::vector<float> miniFloatLevels(const MiniFloatGrid& grid, float scale)
{
    std::vector<float> levels;
    for (const float magnitude : grid.magnitudes()) {
        levels.push_back(magnitude * scale);
        levels.push_back(-magnitude * scale);
    }
    return levels;
}

template <typename Block> Block quantizeOne(DType type, const float* values)
{
    std::byte bytes[sizeof(Block)];
    quantizeBlocksReference(type, values, dtypeBlockElements(type), bytes);
    Block block;
    std::memcpy(&block, bytes, sizeof(Block));
    return block;
}

// The levels of the (sub-)block of ggml's format that holds `offset` (position inside the block).
std::vector<float> ggufBlockLevels(QuantFormat format, const float* block, std::size_t offset)
{
    switch (format) {
    case QuantFormat::Q8_0: {
        const auto b = quantizeOne<BlockQ8_0>(DType::Q8_0, block);
        return affineLevels(halfToFloat(b.d), 0.0f, -128, 127);
    }
    case QuantFormat::Q4_0: {
        const auto b = quantizeOne<BlockQ4_0>(DType::Q4_0, block);
        return affineLevels(halfToFloat(b.d), 0.0f, -8, 7);
    }
    case QuantFormat::Q5_0: {
        const auto b = quantizeOne<BlockQ5_0>(DType::Q5_0, block);
        return affineLevels(halfToFloat(b.d), 0.0f, -16, 15);
    }
    case QuantFormat::Q4_1: {
        const auto b = quantizeOne<BlockQ4_1>(DType::Q4_1, block);
        return affineLevels(halfToFloat(b.d), halfToFloat(b.m), 0, 15);
    }
    case QuantFormat::Q5_1: {
        const auto b = quantizeOne<BlockQ5_1>(DType::Q5_1, block);
        return affineLevels(halfToFloat(b.d), halfToFloat(b.m), 0, 31);
    }
    case QuantFormat::Q4_K:
    case QuantFormat::Q5_K: {
        // Eight sub-blocks of 32, each with a 6-bit scale and min of the super-block's d and dmin.
        std::uint16_t d = 0, dmin = 0;
        const std::uint8_t* scales = nullptr;
        BlockQ4_K q4{};
        BlockQ5_K q5{};
        if (format == QuantFormat::Q4_K) {
            q4 = quantizeOne<BlockQ4_K>(DType::Q4_K, block);
            d = q4.d, dmin = q4.dmin, scales = q4.scales;
        } else {
            q5 = quantizeOne<BlockQ5_K>(DType::Q5_K, block);
            d = q5.d, dmin = q5.dmin, scales = q5.scales;
        }
        std::uint8_t scale = 0, min = 0;
        unpackScaleMinK4(static_cast<int>(offset / 32), scales, scale, min);
        const float step = halfToFloat(d) * static_cast<float>(scale);
        const float low = halfToFloat(dmin) * static_cast<float>(min);
        std::vector<float> levels;
        for (int q = 0; q <= (format == QuantFormat::Q4_K ? 15 : 31); ++q)
            levels.push_back(step * static_cast<float>(q) - low);
        return levels;
    }
    case QuantFormat::Q6_K: {
        const auto b = quantizeOne<BlockQ6_K>(DType::Q6_K, block);
        // As the dequantiser computes it: d × (scale × q) with the product in integers.
        const float d = halfToFloat(b.d);
        std::vector<float> levels;
        for (int q = -32; q <= 31; ++q)
            levels.push_back(d * static_cast<float>(b.scales[offset / 16] * q));
        return levels;
    }
    case QuantFormat::Q3_K: {
        const auto b = quantizeOne<BlockQ3_K>(DType::Q3_K, block);
        const auto i = static_cast<int>(offset / 16);
        const int low = i < 8 ? (b.scales[i] & 0x0F) : (b.scales[i - 8] >> 4);
        const int high = (b.scales[8 + (i % 4)] >> (2 * (i / 4))) & 3;
        const float step = halfToFloat(b.d) * static_cast<float>((low | (high << 4)) - 32);
        std::vector<float> levels;
        for (int q = -4; q <= 3; ++q)
            levels.push_back(step * static_cast<float>(q));
        return levels;
    }
    case QuantFormat::Q2_K: {
        const auto b = quantizeOne<BlockQ2_K>(DType::Q2_K, block);
        const std::uint8_t scaleMin = b.scales[offset / 16];
        const float step = halfToFloat(b.d) * static_cast<float>(scaleMin & 0x0F);
        const float low = halfToFloat(b.dmin) * static_cast<float>(scaleMin >> 4);
        std::vector<float> levels;
        for (int q = 0; q <= 3; ++q)
            levels.push_back(step * static_cast<float>(q) - low);
        return levels;
    }
    default:
        throw std::logic_error("ggufBlockLevels: not a ggml block format");
    }
}

std::string formatLevels(const QuantSpec& spec, const QuantGroupGrid& grid)
{
    char text[256];
    const std::size_t n = grid.levels.size();
    const char* where = grid.rowCount > 1 ? "the whole tensor" : nullptr;
    char place[96];
    if (!where) {
        std::snprintf(place, sizeof place, "row %zu, columns %zu-%zu", grid.firstRow, grid.firstColumn,
            grid.firstColumn + grid.columnCount - 1);
        where = place;
    }
    if (n == 1)
        std::snprintf(text, sizeof text, "%s: the group is all zero, one level (0) in %s", spec.name().c_str(), where);
    else if (spec.format == QuantFormat::Int || spec.isGgufBlockFormat())
        std::snprintf(text, sizeof text, "%s: %zu levels %.3g apart in %s", spec.name().c_str(), n,
            static_cast<double>(grid.levels[1] - grid.levels[0]), where);
    else
        std::snprintf(text, sizeof text, "%s: %zu levels from %.3g to %.3g in %s", spec.name().c_str(), n,
            static_cast<double>(grid.levels.front()), static_cast<double>(grid.levels.back()), where);
    return text;
}

} // namespace

QuantGroupGrid quantGroupGrid(const QuantSpec& spec, const float* data, std::size_t rows, std::size_t columns,
    std::optional<std::size_t> row, std::optional<std::size_t> column)
{
    if (const auto problem = spec.whyNotApplicable(rows, columns); !problem.empty())
        throw std::invalid_argument(problem);
    if (row.has_value() != column.has_value())
        throw std::invalid_argument("quantGroupGrid: give both the row and the column, or neither");
    std::size_t r = 0, c = 0;
    if (row) {
        if (*row >= rows || *column >= columns)
            throw std::invalid_argument("quantGroupGrid: element (" + std::to_string(*row) + ", "
                + std::to_string(*column) + ") is outside the " + std::to_string(rows) + " x " + std::to_string(columns)
                + " matrix");
        r = *row, c = *column;
    } else {
        float largest = -1.0f;
        for (std::size_t i = 0; i < rows * columns; ++i)
            if (std::abs(data[i]) > largest)
                largest = std::abs(data[i]), r = i / columns, c = i % columns;
    }

    QuantGroupGrid grid;
    grid.firstRow = r;
    grid.rowCount = 1;
    const float* rowData = data + r * columns;
    switch (spec.format) {
    case QuantFormat::Float32:
    case QuantFormat::Float16:
    case QuantFormat::BFloat16:
        grid.columnCount = columns;
        grid.description = spec.name() + ": a floating-point format, too many levels to draw";
        return grid;
    case QuantFormat::Int: {
        const float* values = rowData;
        std::size_t count = columns;
        if (spec.granularity == Granularity::PerTensor) {
            grid.firstRow = 0, grid.rowCount = rows, values = data, count = rows * columns;
        } else if (spec.granularity == Granularity::PerGroup) {
            const auto group = static_cast<std::size_t>(spec.groupSize);
            grid.firstColumn = c / group * group;
            values = rowData + grid.firstColumn;
            count = group;
        }
        grid.columnCount = spec.granularity == Granularity::PerTensor ? columns : count;
        const IntGrid fitted = IntGrid::fit(values, count, spec.bits, spec.symmetric);
        const int low = spec.symmetric ? -(1 << (spec.bits - 1)) : 0;
        const int high = spec.symmetric ? (1 << (spec.bits - 1)) - 1 : (1 << spec.bits) - 1;
        if (fitted.scale > 0.0f && std::isfinite(fitted.scale))
            for (int q = low; q <= high; ++q)
                grid.levels.push_back((static_cast<float>(q) - fitted.zero) * fitted.scale);
        else
            grid.levels.push_back(0.0f);
        break;
    }
    case QuantFormat::NF4: {
        // Blocks run over the flattened tensor. The block's (possibly double-quantised) absmax is
        // what its largest weight dequantises to: that weight always takes the code ±1.
        const auto block = static_cast<std::size_t>(spec.groupSize);
        const std::size_t first = (r * columns + c) / block * block;
        grid.firstRow = first / columns;
        grid.firstColumn = first % columns;
        grid.columnCount = block;
        const TensorQuantizer quantizer(spec, data, rows, columns);
        std::vector<float> out(columns);
        quantizer.quantizeRows(grid.firstRow, 1, out.data());
        const float scale
            = largestMagnitude(out.data() + grid.firstColumn, std::min(block, columns - grid.firstColumn));
        for (int i = 0; i < 16; ++i)
            grid.levels.push_back(normalFloat4Codebook()[i] * scale);
        break;
    }
    case QuantFormat::FP8_E4M3:
    case QuantFormat::FP8_E5M2: {
        const auto& mini = spec.format == QuantFormat::FP8_E4M3 ? fp8E4M3Grid() : fp8E5M2Grid();
        const bool perTensor = spec.granularity == Granularity::PerTensor;
        const float scale = (perTensor ? largestMagnitude(data, rows * columns) : largestMagnitude(rowData, columns))
            / mini.maxFinite();
        if (perTensor)
            grid.firstRow = 0, grid.rowCount = rows;
        grid.columnCount = columns;
        grid.levels = scale > 0.0f ? miniFloatLevels(mini, scale) : std::vector<float>{0.0f};
        break;
    }
    case QuantFormat::MXFP4: {
        grid.firstColumn = c / 32 * 32;
        grid.columnCount = 32;
        const float largest = largestMagnitude(rowData + grid.firstColumn, 32);
        if (largest > 0.0f && std::isfinite(largest)) {
            const int exponent = std::clamp(static_cast<int>(std::floor(std::log2(largest))) - 2, -127, 127);
            grid.levels = miniFloatLevels(fp4E2M1Grid(), std::ldexp(1.0f, exponent));
        } else {
            grid.levels.push_back(0.0f);
        }
        break;
    }
    default: {
        const auto type = *spec.ggufStorageType();
        const std::size_t blockElements = dtypeBlockElements(type);
        grid.firstColumn = c / blockElements * blockElements;
        grid.columnCount = blockElements;
        grid.levels = ggufBlockLevels(spec.format, rowData + grid.firstColumn, c - grid.firstColumn);
        // K-quants: the sub-block's own scale, not the whole super-block.
        const std::size_t subBlock = spec.format == QuantFormat::Q4_K || spec.format == QuantFormat::Q5_K ? 32
            : blockElements == 256                                                                        ? 16
                                   : blockElements;
        grid.firstColumn += (c - grid.firstColumn) / subBlock * subBlock;
        grid.columnCount = subBlock;
        break;
    }
    }
    std::sort(grid.levels.begin(), grid.levels.end());
    grid.levels.erase(std::unique(grid.levels.begin(), grid.levels.end()), grid.levels.end());
    grid.description = formatLevels(spec, grid);
    return grid;
}

} // namespace complab
