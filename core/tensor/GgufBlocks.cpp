#include "tensor/GgufBlocks.h"

#include "tensor/BlockDequantFast.h"

#include <cstring>
#include <stdexcept>

namespace complab {

void unpackScaleMinK4(int j, const std::uint8_t* scales, std::uint8_t& scale, std::uint8_t& min)
{
    // Scales 0-3 and mins 0-3 sit in the low six bits of bytes 0-3 and 4-7; scales and mins 4-7
    // are split between the nibbles of bytes 8-11 and the top two bits of bytes 0-7.
    if (j < 4) {
        scale = scales[j] & 63;
        min = scales[j + 4] & 63;
    } else {
        scale = static_cast<std::uint8_t>((scales[j + 4] & 0x0F) | ((scales[j - 4] >> 6) << 4));
        min = static_cast<std::uint8_t>((scales[j + 4] >> 4) | ((scales[j] >> 6) << 4));
    }
}

void dequantize(const BlockQ4_0& block, float* out)
{
    const float d = halfToFloat(block.d);
    for (std::size_t j = 0; j < blockQK4_0 / 2; ++j) {
        out[j] = static_cast<float>((block.qs[j] & 0x0F) - 8) * d;
        out[j + blockQK4_0 / 2] = static_cast<float>((block.qs[j] >> 4) - 8) * d;
    }
}

void dequantize(const BlockQ4_1& block, float* out)
{
    const float d = halfToFloat(block.d);
    const float m = halfToFloat(block.m);
    for (std::size_t j = 0; j < blockQK4_1 / 2; ++j) {
        out[j] = static_cast<float>(block.qs[j] & 0x0F) * d + m;
        out[j + blockQK4_1 / 2] = static_cast<float>(block.qs[j] >> 4) * d + m;
    }
}

namespace {
std::uint32_t highBits(const std::uint8_t (&qh)[4])
{
    std::uint32_t bits;
    std::memcpy(&bits, qh, sizeof bits);
    return bits;
}
} // namespace

void dequantize(const BlockQ5_0& block, float* out)
{
    const float d = halfToFloat(block.d);
    const std::uint32_t qh = highBits(block.qh);
    for (std::size_t j = 0; j < blockQK5_0 / 2; ++j) {
        const int low = (block.qs[j] & 0x0F) | static_cast<int>(((qh >> j) << 4) & 0x10);
        const int high = (block.qs[j] >> 4) | static_cast<int>((qh >> (j + 12)) & 0x10);
        out[j] = static_cast<float>(low - 16) * d;
        out[j + blockQK5_0 / 2] = static_cast<float>(high - 16) * d;
    }
}

void dequantize(const BlockQ5_1& block, float* out)
{
    const float d = halfToFloat(block.d);
    const float m = halfToFloat(block.m);
    const std::uint32_t qh = highBits(block.qh);
    for (std::size_t j = 0; j < blockQK5_1 / 2; ++j) {
        const int low = (block.qs[j] & 0x0F) | static_cast<int>(((qh >> j) << 4) & 0x10);
        const int high = (block.qs[j] >> 4) | static_cast<int>((qh >> (j + 12)) & 0x10);
        out[j] = static_cast<float>(low) * d + m;
        out[j + blockQK5_1 / 2] = static_cast<float>(high) * d + m;
    }
}

void dequantize(const BlockQ8_0& block, float* out)
{
    const float d = halfToFloat(block.d);
    for (std::size_t j = 0; j < blockQK8_0; ++j)
        out[j] = static_cast<float>(block.qs[j]) * d;
}

void dequantize(const BlockQ8_1& block, float* out)
{
    const float d = halfToFloat(block.d);
    for (std::size_t j = 0; j < blockQK8_1; ++j)
        out[j] = static_cast<float>(block.qs[j]) * d;
}

void dequantize(const BlockQ2_K& block, float* out)
{
    const float d = halfToFloat(block.d);
    const float dmin = halfToFloat(block.dmin);
    const std::uint8_t* q = block.qs;
    int scaleIndex = 0;
    // Two halves of 128 values; each byte of q holds four 2-bit values, one per 32-value group.
    for (std::size_t half = 0; half < blockQK_K; half += 128) {
        for (int shift = 0; shift < 8; shift += 2) {
            for (int part = 0; part < 2; ++part) {
                const std::uint8_t scaleMin = block.scales[scaleIndex++];
                const float scale = d * static_cast<float>(scaleMin & 0x0F);
                const float min = dmin * static_cast<float>(scaleMin >> 4);
                for (int l = 0; l < 16; ++l)
                    *out++ = scale * static_cast<float>((q[l + 16 * part] >> shift) & 3) - min;
            }
        }
        q += 32;
    }
}

void dequantize(const BlockQ3_K& block, float* out)
{
    const float d = halfToFloat(block.d);
    // Unpack sixteen 6-bit scales: low four bits from bytes 0-7, high two bits from bytes 8-11.
    std::int8_t scales[16];
    for (int i = 0; i < 16; ++i) {
        const int low = i < 8 ? (block.scales[i] & 0x0F) : (block.scales[i - 8] >> 4);
        const int high = (block.scales[8 + (i % 4)] >> (2 * (i / 4))) & 3;
        scales[i] = static_cast<std::int8_t>((low | (high << 4)) - 32);
    }
    const std::uint8_t* q = block.qs;
    std::uint8_t mask = 1;
    int scaleIndex = 0;
    for (std::size_t half = 0; half < blockQK_K; half += 128) {
        for (int shift = 0; shift < 8; shift += 2) {
            for (int part = 0; part < 2; ++part) {
                const float scale = d * static_cast<float>(scales[scaleIndex++]);
                for (int l = 0; l < 16; ++l) {
                    const int index = l + 16 * part;
                    const int low = (q[index] >> shift) & 3;
                    const int value = low - ((block.hmask[index] & mask) ? 0 : 4);
                    *out++ = scale * static_cast<float>(value);
                }
            }
            mask = static_cast<std::uint8_t>(mask << 1);
        }
        q += 32;
    }
}

void dequantize(const BlockQ4_K& block, float* out)
{
    const float d = halfToFloat(block.d);
    const float dmin = halfToFloat(block.dmin);
    const std::uint8_t* q = block.qs;
    for (int group = 0; group < 8; group += 2) {
        std::uint8_t scale;
        std::uint8_t min;
        unpackScaleMinK4(group, block.scales, scale, min);
        const float d1 = d * scale;
        const float m1 = dmin * min;
        unpackScaleMinK4(group + 1, block.scales, scale, min);
        const float d2 = d * scale;
        const float m2 = dmin * min;
        for (int l = 0; l < 32; ++l)
            *out++ = d1 * static_cast<float>(q[l] & 0x0F) - m1;
        for (int l = 0; l < 32; ++l)
            *out++ = d2 * static_cast<float>(q[l] >> 4) - m2;
        q += 32;
    }
}

void dequantize(const BlockQ5_K& block, float* out)
{
    const float d = halfToFloat(block.d);
    const float dmin = halfToFloat(block.dmin);
    const std::uint8_t* q = block.qs;
    std::uint8_t lowMask = 1;
    std::uint8_t highMask = 2;
    for (int group = 0; group < 8; group += 2) {
        std::uint8_t scale;
        std::uint8_t min;
        unpackScaleMinK4(group, block.scales, scale, min);
        const float d1 = d * scale;
        const float m1 = dmin * min;
        unpackScaleMinK4(group + 1, block.scales, scale, min);
        const float d2 = d * scale;
        const float m2 = dmin * min;
        for (int l = 0; l < 32; ++l)
            *out++ = d1 * static_cast<float>((q[l] & 0x0F) + ((block.qh[l] & lowMask) ? 16 : 0)) - m1;
        for (int l = 0; l < 32; ++l)
            *out++ = d2 * static_cast<float>((q[l] >> 4) + ((block.qh[l] & highMask) ? 16 : 0)) - m2;
        q += 32;
        lowMask = static_cast<std::uint8_t>(lowMask << 2);
        highMask = static_cast<std::uint8_t>(highMask << 2);
    }
}

void dequantize(const BlockQ6_K& block, float* out)
{
    const float d = halfToFloat(block.d);
    const std::uint8_t* ql = block.ql;
    const std::uint8_t* qh = block.qh;
    const std::int8_t* scales = block.scales;
    for (std::size_t half = 0; half < blockQK_K; half += 128) {
        for (int l = 0; l < 32; ++l) {
            const int group = l / 16;
            const int q1 = ((ql[l] & 0x0F) | (((qh[l] >> 0) & 3) << 4)) - 32;
            const int q2 = ((ql[l + 32] & 0x0F) | (((qh[l] >> 2) & 3) << 4)) - 32;
            const int q3 = ((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32;
            const int q4 = ((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32;
            out[l] = d * static_cast<float>(scales[group] * q1);
            out[l + 32] = d * static_cast<float>(scales[group + 2] * q2);
            out[l + 64] = d * static_cast<float>(scales[group + 4] * q3);
            out[l + 96] = d * static_cast<float>(scales[group + 6] * q4);
        }
        out += 128;
        ql += 64;
        qh += 32;
        scales += 8;
    }
}

void dequantize(const BlockQ8_K& block, float* out)
{
    for (std::size_t j = 0; j < blockQK_K; ++j)
        out[j] = block.d * static_cast<float>(block.qs[j]);
}

namespace {
template <typename Block>
void dequantizeAll(const std::byte* src, std::size_t blockCount, std::size_t blockElements, float* out)
{
    Block block;
    for (std::size_t i = 0; i < blockCount; ++i) {
        std::memcpy(&block, src + i * sizeof(Block), sizeof(Block)); // file data need not be aligned
        dequantize(block, out + i * blockElements);
    }
}
} // namespace

void dequantizeBlocks(DType type, const std::byte* src, std::size_t blockCount, float* out)
{
    if (dequantizeBlocksFast(type, src, blockCount, out))
        return; // the same values through AVX2, where the CPU has it
    const std::size_t n = dtypeBlockElements(type);
    switch (type) {
    case DType::Q4_0:
        return dequantizeAll<BlockQ4_0>(src, blockCount, n, out);
    case DType::Q4_1:
        return dequantizeAll<BlockQ4_1>(src, blockCount, n, out);
    case DType::Q5_0:
        return dequantizeAll<BlockQ5_0>(src, blockCount, n, out);
    case DType::Q5_1:
        return dequantizeAll<BlockQ5_1>(src, blockCount, n, out);
    case DType::Q8_0:
        return dequantizeAll<BlockQ8_0>(src, blockCount, n, out);
    case DType::Q8_1:
        return dequantizeAll<BlockQ8_1>(src, blockCount, n, out);
    case DType::Q2_K:
        return dequantizeAll<BlockQ2_K>(src, blockCount, n, out);
    case DType::Q3_K:
        return dequantizeAll<BlockQ3_K>(src, blockCount, n, out);
    case DType::Q4_K:
        return dequantizeAll<BlockQ4_K>(src, blockCount, n, out);
    case DType::Q5_K:
        return dequantizeAll<BlockQ5_K>(src, blockCount, n, out);
    case DType::Q6_K:
        return dequantizeAll<BlockQ6_K>(src, blockCount, n, out);
    case DType::Q8_K:
        return dequantizeAll<BlockQ8_K>(src, blockCount, n, out);
    default:
        throw std::logic_error("dequantizeBlocks: not a block format");
    }
}

} // namespace complab
