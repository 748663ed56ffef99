#include "quant/ImportanceQuantize.h"

#include "quant/KQuantStages.h"
#include "tensor/GgufBlocks.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>

// Built with -ffp-contract=off like GgufQuantize.cpp: byte identity with ggml needs its exact float
// operations, in its order (see there).

namespace complab {

namespace {

constexpr float groupMaxEpsilon = 1e-15f; // ggml's GROUP_MAX_EPS

int nearestInt(float value)
{
    const float shifted = value + 12582912.f;
    return (std::bit_cast<std::int32_t>(shifted) & 0x007FFFFF) - 0x00400000;
}

// Fit of n non-negative values (group scales or offsets) to levels 0..maxLevel under one positive
// scale, minimising the weighted squared error: the best of nine inverse scales around
// maxLevel / max, then up to five sweeps moving single levels. Levels are bytes, as in ggml, which
// narrows before comparing. Returns the least-squares scale. (ggml's make_qp_quants.)
float fitPositiveScale(const float* x, int n, int maxLevel, std::uint8_t* levels, const float* weights)
{
    float max = 0;
    for (int i = 0; i < n; ++i)
        max = max > x[i] ? max : x[i];
    if (max < groupMaxEpsilon) {
        std::memset(levels, 0, static_cast<std::size_t>(n));
        return 0.f;
    }
    float inverseScale = static_cast<float>(maxLevel) / max;
    for (int i = 0; i < n; ++i)
        levels[i] = static_cast<std::uint8_t>(nearestInt(inverseScale * x[i]));
    const float scale = 1 / inverseScale;
    float bestError = 0;
    for (int i = 0; i < n; ++i) {
        const float diff = x[i] - scale * static_cast<float>(levels[i]);
        bestError += weights[i] * diff * diff;
    }
    for (int step = -4; step <= 4; ++step) {
        if (step == 0)
            continue;
        const float candidateInverse = (0.1f * static_cast<float>(step) + static_cast<float>(maxLevel)) / max;
        const float candidateScale = 1 / candidateInverse;
        float error = 0;
        for (int i = 0; i < n; ++i) {
            const int l = std::min(maxLevel, nearestInt(candidateInverse * x[i]));
            const float diff = x[i] - candidateScale * static_cast<float>(l);
            error += weights[i] * diff * diff;
        }
        if (error < bestError) {
            bestError = error;
            inverseScale = candidateInverse;
        }
    }
    float sumXL = 0;
    float sumL2 = 0;
    for (int i = 0; i < n; ++i) {
        const int l = std::min(maxLevel, nearestInt(inverseScale * x[i]));
        levels[i] = static_cast<std::uint8_t>(l);
        sumXL += weights[i] * x[i] * static_cast<float>(l);
        sumL2 += weights[i] * static_cast<float>(l) * static_cast<float>(l);
    }
    for (int sweep = 0; sweep < 5; ++sweep) {
        int changed = 0;
        for (int i = 0; i < n; ++i) {
            const float w = weights[i];
            const auto old = static_cast<float>(levels[i]);
            float withoutXL = sumXL - w * x[i] * old;
            float withoutL2 = sumL2 - w * old * old;
            if (withoutXL > 0 && withoutL2 > 0) {
                const int newLevel = std::min(maxLevel, nearestInt(x[i] * withoutL2 / withoutXL));
                if (newLevel != levels[i]) {
                    withoutXL += w * x[i] * static_cast<float>(newLevel);
                    withoutL2 += w * static_cast<float>(newLevel) * static_cast<float>(newLevel);
                    if (withoutXL * withoutXL * sumL2 > sumXL * sumXL * withoutL2) {
                        levels[i] = static_cast<std::uint8_t>(newLevel);
                        sumXL = withoutXL;
                        sumL2 = withoutL2;
                        ++changed;
                    }
                }
            }
        }
        if (changed == 0)
            break;
    }
    return sumL2 > 0.0f ? sumXL / sumL2 : 0.0f;
}

float sumOfSquares(const float* x)
{
    float sum = 0;
    for (std::size_t i = 0; i < blockQK_K; ++i)
        sum += x[i] * x[i];
    return sum;
}

// Importance times sqrt(sigma² + x²): the imatrix weight of each value of a group, and their sum.
float groupWeights(const float* x, const float* importance, float sigma2, int groupSize, float* weights)
{
    for (int l = 0; l < groupSize; ++l)
        weights[l] = importance[l] * std::sqrt(sigma2 + x[l] * x[l]);
    float sum = 0;
    for (int l = 0; l < groupSize; ++l)
        sum += weights[l];
    return sum;
}

// The search of ggml's make_qkx3_quants as the weighted paths call it.
constexpr float weightedFirstStep = -0.9f;
constexpr float weightedStepSize = 0.05f;
constexpr int weightedSteps = 36;

// Every group's importance weights and weighted scale-and-offset fit (squared error, where the
// unweighted path minimises the absolute one); the weight sums then weight the super-block fit.
template <int groupSize>
void fitWeightedGroups(const float* x, const float* importance, float sigma2, int maxLevel, std::uint8_t* levels,
    float* scales, float* offsets, float* weightSums)
{
    for (int j = 0; j < static_cast<int>(blockQK_K) / groupSize; ++j) {
        float weights[groupSize];
        weightSums[j] = groupWeights(x + groupSize * j, importance + groupSize * j, sigma2, groupSize, weights);
        scales[j] = fitGroupScaleAndOffset(x + groupSize * j, weights, groupSize,
            ScaleSearch{maxLevel, weightedFirstStep, weightedStepSize, weightedSteps, false}, levels + groupSize * j,
            offsets[j]);
    }
}

void quantize(const float* x, const float* importance, BlockQ2_K& out)
{
    constexpr int groupSize = 16;
    constexpr int groups = blockQK_K / groupSize;
    const float sigma2 = sumOfSquares(x) / blockQK_K;
    std::uint8_t levels[blockQK_K];
    float scales[groups];
    float offsets[groups];
    float weightSums[groups];
    fitWeightedGroups<groupSize>(x, importance, sigma2, 3, levels, scales, offsets, weightSums);
    std::uint8_t scaleLevels[groups];
    std::uint8_t offsetLevels[groups];
    const float blockScale = fitPositiveScale(scales, groups, 15, scaleLevels, weightSums);
    const float blockOffset = fitPositiveScale(offsets, groups, 15, offsetLevels, weightSums);
    out.d = floatToHalf(blockScale);
    out.dmin = floatToHalf(blockOffset);
    for (int j = 0; j < groups; ++j)
        out.scales[j] = static_cast<std::uint8_t>(scaleLevels[j] | (offsetLevels[j] << 4));
    completeBlockQ2K(x, levels, out, requantizeReference);
}

void quantize(const float* x, const float* importance, BlockQ3_K& out)
{
    constexpr int groupSize = 16;
    constexpr int groups = blockQK_K / groupSize;
    const float sigma2 = 2 * sumOfSquares(x) / blockQK_K;
    std::int8_t levels[blockQK_K];
    float scales[groups];
    float weightSums[groups];
    for (int j = 0; j < groups; ++j) {
        float weights[groupSize];
        weightSums[j] = groupWeights(x + groupSize * j, importance + groupSize * j, sigma2, groupSize, weights);
        scales[j] = fitGroupSymmetricScale(x + groupSize * j, weights, groupSize, 4, levels + groupSize * j);
    }
    // The group scales themselves get the symmetric 6-bit fit, weighted by each group's weight.
    std::int8_t scaleLevels[groups];
    const float blockScale = fitGroupSymmetricScale(scales, weightSums, groups, 32, scaleLevels);
    std::memset(out.scales, 0, sizeof(out.scales));
    for (int j = 0; j < groups; ++j) {
        const int stored = scaleLevels[j];
        if (j < 8)
            out.scales[j] = static_cast<std::uint8_t>(stored & 0xF);
        else
            out.scales[j - 8] |= static_cast<std::uint8_t>((stored & 0xF) << 4);
        out.scales[j % 4 + 8] |= static_cast<std::uint8_t>((stored >> 4) << (2 * (j / 4)));
    }
    out.d = floatToHalf(blockScale);
    completeBlockQ3K(x, levels, out, requantizeReference);
}

template <typename Block, int maxLevel, bool clampLevels,
    void (*complete)(const float*, const std::uint8_t*, const std::uint8_t*, float, float, std::uint8_t (&)[blockQK_K],
        Block&, RequantizeFunction)>
void quantizeScaleMin(const float* x, const float* importance, Block& out)
{
    constexpr int groupSize = 32;
    constexpr int groups = blockQK_K / groupSize;
    const float sigma2 = 2 * sumOfSquares(x) / blockQK_K;
    std::uint8_t levels[blockQK_K];
    float scales[groups];
    float offsets[groups];
    float weightSums[groups];
    fitWeightedGroups<groupSize>(x, importance, sigma2, maxLevel, levels, scales, offsets, weightSums);
    std::uint8_t scaleLevels[groups];
    std::uint8_t offsetLevels[groups];
    const float blockScale = fitPositiveScale(scales, groups, 63, scaleLevels, weightSums);
    const float blockOffset = fitPositiveScale(offsets, groups, 63, offsetLevels, weightSums);
    if constexpr (clampLevels) { // ggml's Q5_K clamps to 63, its Q4_K does not
        for (int j = 0; j < groups; ++j) {
            scaleLevels[j] = std::min<std::uint8_t>(63, scaleLevels[j]);
            offsetLevels[j] = std::min<std::uint8_t>(63, offsetLevels[j]);
        }
    }
    complete(x, scaleLevels, offsetLevels, blockScale, blockOffset, levels, out, requantizeReference);
}

void quantize(const float* x, const float* importance, BlockQ6_K& out)
{
    // The importance weights the fit directly (ggml leaves its sigma-scaled variant commented out).
    constexpr int groupSize = 16;
    constexpr int groups = blockQK_K / groupSize;
    std::int8_t levels[blockQK_K];
    float scales[groups];
    for (int j = 0; j < groups; ++j)
        scales[j] = fitGroupSymmetricScale(
            x + groupSize * j, importance + groupSize * j, groupSize, 32, levels + groupSize * j);
    finishBlockQ6K(x, scales, levels, out, requantizeReference);
}

// The 32-value formats weight by sqrt(sigma² + x²) too, with sigma² the mean square of the whole row
// (this call's values), not of the block.
float rowMeanSquare(const float* src, std::size_t count)
{
    float sum = 0;
    for (std::size_t i = 0; i < count; ++i)
        sum += src[i] * src[i];
    return sum / static_cast<float>(count);
}

void blockWeights(const float* x, const float* importance, float sigma2, float (&weights)[32])
{
    for (int j = 0; j < 32; ++j)
        weights[j] = importance[j] * std::sqrt(sigma2 + x[j] * x[j]);
}

// Value j and j + 16 share byte j: low and high nibble; the fifth bits of Q5_* go to qh.
template <typename Level> void packNibbles(const Level* levels, std::uint8_t* qs)
{
    for (int j = 0; j < 16; ++j)
        qs[j] = static_cast<std::uint8_t>((levels[j] & 0x0F) | ((levels[j + 16] & 0x0F) << 4));
}

template <typename Level> void packFifthBits(const Level* levels, std::uint8_t (&qh)[4])
{
    std::uint32_t bits = 0;
    for (int j = 0; j < 16; ++j) {
        bits |= ((static_cast<std::uint32_t>(static_cast<std::uint8_t>(levels[j])) & 0x10u) >> 4) << j;
        bits |= ((static_cast<std::uint32_t>(static_cast<std::uint8_t>(levels[j + 16])) & 0x10u) >> 4) << (j + 16);
    }
    for (int i = 0; i < 4; ++i)
        qh[i] = static_cast<std::uint8_t>(bits >> (8 * i));
}

void quantize(const float* x, const float* importance, float sigma2, BlockQ4_0& out)
{
    float weights[32];
    blockWeights(x, importance, sigma2, weights);
    std::int8_t levels[32];
    out.d = floatToHalf(fitGroupSymmetricScale(x, weights, 32, 8, levels));
    packNibbles(levels, out.qs);
}

void quantize(const float* x, const float* importance, float sigma2, BlockQ5_0& out)
{
    float weights[32];
    blockWeights(x, importance, sigma2, weights);
    std::int8_t levels[32];
    out.d = floatToHalf(fitGroupSymmetricScale(x, weights, 32, 16, levels));
    packNibbles(levels, out.qs);
    packFifthBits(levels, out.qh);
}

template <typename Block, int maxLevel>
void quantizeWithMin(const float* x, const float* importance, float sigma2, Block& out)
{
    float weights[32];
    blockWeights(x, importance, sigma2, weights);
    std::uint8_t levels[32];
    float offset;
    const float scale = fitGroupScaleAndOffset(x, weights, 32,
        ScaleSearch{maxLevel, weightedFirstStep, weightedStepSize, weightedSteps, false}, levels, offset);
    out.d = floatToHalf(scale);
    out.m = floatToHalf(-offset);
    packNibbles(levels, out.qs);
    if constexpr (maxLevel == 31)
        packFifthBits(levels, out.qh);
}

template <typename Block, typename Quantize>
void quantizeRow(
    const float* src, std::size_t blockCount, const float* importance, std::byte* dst, const Quantize& quantizeOne)
{
    constexpr std::size_t blockElements = 32;
    const float sigma2 = rowMeanSquare(src, blockCount * blockElements);
    for (std::size_t b = 0; b < blockCount; ++b) {
        Block block{};
        quantizeOne(src + b * blockElements, importance + b * blockElements, sigma2, block);
        std::memcpy(dst + b * sizeof(Block), &block, sizeof(Block));
    }
}

template <typename Block, typename Quantize>
void quantizeAll(
    const float* src, std::size_t blockCount, const float* importance, std::byte* dst, const Quantize& quantizeOne)
{
    for (std::size_t b = 0; b < blockCount; ++b) {
        Block block{};
        quantizeOne(src + b * blockQK_K, importance + b * blockQK_K, block);
        std::memcpy(dst + b * sizeof(Block), &block, sizeof(Block));
    }
}

} // namespace

bool quantizeBlocksWithImportance(
    DType type, const float* src, std::size_t blockCount, const float* importance, std::byte* dst)
{
    const auto plain = [](const float* x, const float* w, auto& block) { quantize(x, w, block); };
    const auto simple
        = [](const float* x, const float* w, float sigma2, auto& block) { quantize(x, w, sigma2, block); };
    switch (type) {
    case DType::Q4_0:
        quantizeRow<BlockQ4_0>(src, blockCount, importance, dst, simple);
        return true;
    case DType::Q5_0:
        quantizeRow<BlockQ5_0>(src, blockCount, importance, dst, simple);
        return true;
    case DType::Q4_1:
        quantizeRow<BlockQ4_1>(src, blockCount, importance, dst, quantizeWithMin<BlockQ4_1, 15>);
        return true;
    case DType::Q5_1:
        quantizeRow<BlockQ5_1>(src, blockCount, importance, dst, quantizeWithMin<BlockQ5_1, 31>);
        return true;
    case DType::Q2_K:
        quantizeAll<BlockQ2_K>(src, blockCount, importance, dst, plain);
        return true;
    case DType::Q3_K:
        quantizeAll<BlockQ3_K>(src, blockCount, importance, dst, plain);
        return true;
    case DType::Q4_K:
        quantizeAll<BlockQ4_K>(
            src, blockCount, importance, dst, quantizeScaleMin<BlockQ4_K, 15, false, completeBlockQ4K>);
        return true;
    case DType::Q5_K:
        quantizeAll<BlockQ5_K>(
            src, blockCount, importance, dst, quantizeScaleMin<BlockQ5_K, 31, true, completeBlockQ5K>);
        return true;
    case DType::Q6_K:
        quantizeAll<BlockQ6_K>(src, blockCount, importance, dst, plain);
        return true;
    default:
        return false;
    }
}

} // namespace complab
