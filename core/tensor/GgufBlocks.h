// ggml's quantised block layouts (as stored in GGUF files), written from the public format
// description, and their reference dequantisation to float. The quantisers of core/quant
// produce these same structs.
#pragma once

#include "tensor/DType.h"

#include <cstddef>
#include <cstdint>

namespace complab {

inline constexpr std::size_t blockQK4_0 = 32;
inline constexpr std::size_t blockQK4_1 = 32;
inline constexpr std::size_t blockQK5_0 = 32;
inline constexpr std::size_t blockQK5_1 = 32;
inline constexpr std::size_t blockQK8_0 = 32;
inline constexpr std::size_t blockQK8_1 = 32;
inline constexpr std::size_t blockQK_K = 256; // super-block of the K-quants
inline constexpr std::size_t kScaleBytes = 12; // packed 6-bit scales and mins of Q4_K / Q5_K

// Half-precision values are kept as raw IEEE binary16 bits.
struct BlockQ4_0
{
    std::uint16_t d;
    std::uint8_t qs[blockQK4_0 / 2];
};
struct BlockQ4_1
{
    std::uint16_t d;
    std::uint16_t m;
    std::uint8_t qs[blockQK4_1 / 2];
};
struct BlockQ5_0
{
    std::uint16_t d;
    std::uint8_t qh[4]; // fifth bit of each of the 32 values
    std::uint8_t qs[blockQK5_0 / 2];
};
struct BlockQ5_1
{
    std::uint16_t d;
    std::uint16_t m;
    std::uint8_t qh[4];
    std::uint8_t qs[blockQK5_1 / 2];
};
struct BlockQ8_0
{
    std::uint16_t d;
    std::int8_t qs[blockQK8_0];
};
struct BlockQ8_1
{
    std::uint16_t d;
    std::uint16_t s; // d * sum(qs)
    std::int8_t qs[blockQK8_1];
};
struct BlockQ2_K
{
    std::uint8_t scales[blockQK_K / 16]; // 4-bit scale and 4-bit min per 16 values
    std::uint8_t qs[blockQK_K / 4];
    std::uint16_t d;
    std::uint16_t dmin;
};
struct BlockQ3_K
{
    std::uint8_t hmask[blockQK_K / 8]; // third bit of each value
    std::uint8_t qs[blockQK_K / 4]; // low two bits
    std::uint8_t scales[12]; // sixteen 6-bit scales
    std::uint16_t d;
};
struct BlockQ4_K
{
    std::uint16_t d;
    std::uint16_t dmin;
    std::uint8_t scales[kScaleBytes];
    std::uint8_t qs[blockQK_K / 2];
};
struct BlockQ5_K
{
    std::uint16_t d;
    std::uint16_t dmin;
    std::uint8_t scales[kScaleBytes];
    std::uint8_t qh[blockQK_K / 8];
    std::uint8_t qs[blockQK_K / 2];
};
struct BlockQ6_K
{
    std::uint8_t ql[blockQK_K / 2]; // low four bits
    std::uint8_t qh[blockQK_K / 4]; // high two bits
    std::int8_t scales[blockQK_K / 16];
    std::uint16_t d;
};
struct BlockQ8_K
{
    float d;
    std::int8_t qs[blockQK_K];
    std::int16_t bsums[blockQK_K / 16];
};

// The byte sizes GGUF files rely on (ggml-common.h states the same).
static_assert(sizeof(BlockQ4_0) == 18);
static_assert(sizeof(BlockQ4_1) == 20);
static_assert(sizeof(BlockQ5_0) == 22);
static_assert(sizeof(BlockQ5_1) == 24);
static_assert(sizeof(BlockQ8_0) == 34);
static_assert(sizeof(BlockQ8_1) == 36);
static_assert(sizeof(BlockQ2_K) == 84);
static_assert(sizeof(BlockQ3_K) == 110);
static_assert(sizeof(BlockQ4_K) == 144);
static_assert(sizeof(BlockQ5_K) == 176);
static_assert(sizeof(BlockQ6_K) == 210);
static_assert(sizeof(BlockQ8_K) == 292);

// Reference dequantisation of one block into blockElements floats.
void dequantize(const BlockQ4_0& block, float* out);
void dequantize(const BlockQ4_1& block, float* out);
void dequantize(const BlockQ5_0& block, float* out);
void dequantize(const BlockQ5_1& block, float* out);
void dequantize(const BlockQ8_0& block, float* out);
void dequantize(const BlockQ8_1& block, float* out);
void dequantize(const BlockQ2_K& block, float* out);
void dequantize(const BlockQ3_K& block, float* out);
void dequantize(const BlockQ4_K& block, float* out);
void dequantize(const BlockQ5_K& block, float* out);
void dequantize(const BlockQ6_K& block, float* out);
void dequantize(const BlockQ8_K& block, float* out);

// Decodes blockCount consecutive blocks of a block format from unaligned bytes.
void dequantizeBlocks(DType type, const std::byte* src, std::size_t blockCount, float* out);

// The 6-bit scale and min number j (0..7) of a Q4_K / Q5_K super-block.
void unpackScaleMinK4(int j, const std::uint8_t* scales, std::uint8_t& scale, std::uint8_t& min);

} // namespace complab
