#include "tensor/DType.h"

#include "tensor/GgufBlocks.h"

#include <Eigen/Core>

#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>

namespace complab {

namespace {

constexpr int noGgmlType = -1;

struct DTypeTraits
{
    DType type;
    std::string_view name;
    std::size_t size; // bytes per element, or per block for block formats
    std::size_t blockElements;
    bool floating;
    bool safetensors; // a dtype the safetensors format defines
    int ggmlType; // id in GGUF tensor infos, or noGgmlType
};

// One table of traits instead of switch statements spread around (CONVENTIONS.md 7).
// Block sizes from ggml's public block layouts (see GgufBlocks.h, which static_asserts them).
constexpr std::array<DTypeTraits, dtypeCount> traitsTable{{
    {DType::F64, "F64", 8, 1, true, true, 28},
    {DType::F32, "F32", 4, 1, true, true, 0},
    {DType::F16, "F16", 2, 1, true, true, 1},
    {DType::BF16, "BF16", 2, 1, true, true, 30},
    {DType::F8_E4M3, "F8_E4M3", 1, 1, true, true, noGgmlType},
    {DType::F8_E5M2, "F8_E5M2", 1, 1, true, true, noGgmlType},
    {DType::I64, "I64", 8, 1, false, true, 27},
    {DType::I32, "I32", 4, 1, false, true, 26},
    {DType::I16, "I16", 2, 1, false, true, 25},
    {DType::I8, "I8", 1, 1, false, true, 24},
    {DType::U64, "U64", 8, 1, false, true, noGgmlType},
    {DType::U32, "U32", 4, 1, false, true, noGgmlType},
    {DType::U16, "U16", 2, 1, false, true, noGgmlType},
    {DType::U8, "U8", 1, 1, false, true, noGgmlType},
    {DType::Bool, "BOOL", 1, 1, false, true, noGgmlType},
    {DType::Q4_0, "Q4_0", sizeof(BlockQ4_0), blockQK4_0, true, false, 2},
    {DType::Q4_1, "Q4_1", sizeof(BlockQ4_1), blockQK4_1, true, false, 3},
    {DType::Q5_0, "Q5_0", sizeof(BlockQ5_0), blockQK5_0, true, false, 6},
    {DType::Q5_1, "Q5_1", sizeof(BlockQ5_1), blockQK5_1, true, false, 7},
    {DType::Q8_0, "Q8_0", sizeof(BlockQ8_0), blockQK8_0, true, false, 8},
    {DType::Q8_1, "Q8_1", sizeof(BlockQ8_1), blockQK8_1, true, false, 9},
    {DType::Q2_K, "Q2_K", sizeof(BlockQ2_K), blockQK_K, true, false, 10},
    {DType::Q3_K, "Q3_K", sizeof(BlockQ3_K), blockQK_K, true, false, 11},
    {DType::Q4_K, "Q4_K", sizeof(BlockQ4_K), blockQK_K, true, false, 12},
    {DType::Q5_K, "Q5_K", sizeof(BlockQ5_K), blockQK_K, true, false, 13},
    {DType::Q6_K, "Q6_K", sizeof(BlockQ6_K), blockQK_K, true, false, 14},
    {DType::Q8_K, "Q8_K", sizeof(BlockQ8_K), blockQK_K, true, false, 15},
}};

// Every ggml type id up to MXFP4, so an unsupported one can at least be named.
constexpr std::array<std::string_view, 40> ggmlTypeNames{
    "F32",
    "F16",
    "Q4_0",
    "Q4_1",
    "",
    "",
    "Q5_0",
    "Q5_1",
    "Q8_0",
    "Q8_1",
    "Q2_K",
    "Q3_K",
    "Q4_K",
    "Q5_K",
    "Q6_K",
    "Q8_K",
    "IQ2_XXS",
    "IQ2_XS",
    "IQ3_XXS",
    "IQ1_S",
    "IQ4_NL",
    "IQ3_S",
    "IQ2_S",
    "IQ4_XS",
    "I8",
    "I16",
    "I32",
    "I64",
    "F64",
    "IQ1_M",
    "BF16",
    "",
    "",
    "",
    "TQ1_0",
    "TQ2_0",
    "",
    "",
    "",
    "MXFP4",
};

constexpr const DTypeTraits& traits(DType type)
{
    return traitsTable[static_cast<std::size_t>(type)];
}

static_assert(
    [] {
        for (std::size_t i = 0; i < traitsTable.size(); ++i)
            if (static_cast<std::size_t>(traitsTable[i].type) != i)
                return false;
        return true;
    }(),
    "traitsTable must be in DType order");

template <typename T> T loadLittleEndian(const std::byte* src)
{
    static_assert(std::endian::native == std::endian::little, "big-endian hosts are not supported");
    T value;
    std::memcpy(&value, src, sizeof(T));
    return value;
}

std::array<float, 256> makeFp8Table(bool e4m3)
{
    std::array<float, 256> table{};
    for (int bits = 0; bits < 256; ++bits)
        table[static_cast<std::size_t>(bits)]
            = e4m3 ? fp8e4m3ToFloat(static_cast<std::uint8_t>(bits)) : fp8e5m2ToFloat(static_cast<std::uint8_t>(bits));
    return table;
}

template <typename T> void convertPlain(const std::byte* src, std::size_t count, float* dst)
{
    for (std::size_t i = 0; i < count; ++i)
        dst[i] = static_cast<float>(loadLittleEndian<T>(src + i * sizeof(T)));
}

} // namespace

std::size_t dtypeSize(DType type)
{
    return traits(type).size;
}

std::size_t dtypeBlockElements(DType type)
{
    return traits(type).blockElements;
}

bool isBlockFormat(DType type)
{
    return traits(type).blockElements > 1;
}

double dtypeBitsPerWeight(DType type)
{
    return 8.0 * static_cast<double>(traits(type).size) / static_cast<double>(traits(type).blockElements);
}

std::optional<std::uint64_t> dtypeStorageBytes(DType type, std::uint64_t elements)
{
    const auto& entry = traits(type);
    if (elements % entry.blockElements != 0)
        return std::nullopt;
    std::uint64_t bytes = 0;
    if (__builtin_mul_overflow(elements / entry.blockElements, static_cast<std::uint64_t>(entry.size), &bytes))
        return std::nullopt;
    return bytes;
}

std::optional<DType> dtypeFromGgmlType(std::uint32_t ggmlType)
{
    for (const auto& entry : traitsTable)
        if (entry.ggmlType >= 0 && static_cast<std::uint32_t>(entry.ggmlType) == ggmlType)
            return entry.type;
    return std::nullopt;
}

std::optional<std::uint32_t> ggmlTypeOf(DType type)
{
    const int id = traits(type).ggmlType;
    return id >= 0 ? std::optional<std::uint32_t>(static_cast<std::uint32_t>(id)) : std::nullopt;
}

std::string_view ggmlTypeName(std::uint32_t ggmlType)
{
    return ggmlType < ggmlTypeNames.size() ? ggmlTypeNames[ggmlType] : std::string_view();
}

std::string_view dtypeName(DType type)
{
    return traits(type).name;
}

std::optional<DType> dtypeFromName(std::string_view name)
{
    for (const auto& entry : traitsTable)
        if (entry.safetensors && entry.name == name)
            return entry.type;
    return std::nullopt;
}

bool isFloatingPoint(DType type)
{
    return traits(type).floating;
}

float halfToFloat(std::uint16_t bits)
{
    return static_cast<float>(Eigen::half(Eigen::half_impl::raw_uint16_to_half(bits)));
}

std::uint16_t floatToHalf(float value)
{
    const std::uint32_t bits = std::bit_cast<std::uint32_t>(value);
    const auto sign = static_cast<std::uint16_t>((bits >> 16) & 0x8000);
    const std::uint32_t magnitude = bits & 0x7FFFFFFF;
    if (magnitude > 0x7F800000)
        return sign | 0x7E00;
    // 65520 (0x477FF000) is halfway between 65504 and 65536 and ties to the even 65536, which is infinity.
    if (magnitude >= 0x477FF000)
        return sign | 0x7C00;
    // Values below 2^-25 round to zero; 2^-25 itself is a tie that goes to the even zero below.
    if (magnitude < 0x33000000)
        return sign;
    // A normal half keeps 10 of the 23 mantissa bits; a subnormal half counts units of 2^-24, so the
    // (implicit-bit) mantissa shifts further right the smaller the exponent.
    const int exponent = static_cast<int>(magnitude >> 23);
    const bool normal = exponent >= 127 - 14;
    const std::uint32_t mantissa = normal ? magnitude - ((127 - 15) << 23) : (magnitude & 0x7FFFFF) | 0x800000;
    const int shift = normal ? 13 : 126 - exponent;
    std::uint32_t half = mantissa >> shift;
    const std::uint32_t remainder = mantissa & ((1u << shift) - 1);
    const std::uint32_t halfway = 1u << (shift - 1);
    // A carry out of the mantissa lands in the exponent, which is the correctly rounded result.
    if (remainder > halfway || (remainder == halfway && (half & 1)))
        ++half;
    return static_cast<std::uint16_t>(sign | half);
}

float bfloat16ToFloat(std::uint16_t bits)
{
    return std::bit_cast<float>(static_cast<std::uint32_t>(bits) << 16);
}

float fp8e4m3ToFloat(std::uint8_t bits)
{
    const bool negative = bits & 0x80;
    const int exponent = (bits >> 3) & 0x0f;
    const int mantissa = bits & 0x07;
    float magnitude;
    if (exponent == 0x0f && mantissa == 0x07)
        magnitude = std::numeric_limits<float>::quiet_NaN();
    else if (exponent == 0)
        magnitude = std::ldexp(static_cast<float>(mantissa) / 8.0f, -6);
    else
        magnitude = std::ldexp(1.0f + static_cast<float>(mantissa) / 8.0f, exponent - 7);
    return negative ? -magnitude : magnitude;
}

float fp8e5m2ToFloat(std::uint8_t bits)
{
    const bool negative = bits & 0x80;
    const int exponent = (bits >> 2) & 0x1f;
    const int mantissa = bits & 0x03;
    float magnitude;
    if (exponent == 0x1f)
        magnitude = mantissa == 0 ? std::numeric_limits<float>::infinity() : std::numeric_limits<float>::quiet_NaN();
    else if (exponent == 0)
        magnitude = std::ldexp(static_cast<float>(mantissa) / 4.0f, -14);
    else
        magnitude = std::ldexp(1.0f + static_cast<float>(mantissa) / 4.0f, exponent - 15);
    return negative ? -magnitude : magnitude;
}

void convertToFloat(DType type, const std::byte* src, std::size_t count, float* dst)
{
    switch (type) {
    case DType::F64:
        return convertPlain<double>(src, count, dst);
    case DType::F32:
        std::memcpy(dst, src, count * sizeof(float));
        return;
    case DType::F16:
        for (std::size_t i = 0; i < count; ++i)
            dst[i] = halfToFloat(loadLittleEndian<std::uint16_t>(src + 2 * i));
        return;
    case DType::BF16:
        // Spelled out (not bfloat16ToFloat per value) so the loop vectorises: checkpoints are mostly BF16.
        for (std::size_t i = 0; i < count; ++i)
            dst[i]
                = std::bit_cast<float>(static_cast<std::uint32_t>(loadLittleEndian<std::uint16_t>(src + 2 * i)) << 16);
        return;
    case DType::F8_E4M3:
    case DType::F8_E5M2: {
        static const auto e4m3 = makeFp8Table(true);
        static const auto e5m2 = makeFp8Table(false);
        const auto& table = type == DType::F8_E4M3 ? e4m3 : e5m2;
        for (std::size_t i = 0; i < count; ++i)
            dst[i] = table[static_cast<std::uint8_t>(src[i])];
        return;
    }
    case DType::I64:
        return convertPlain<std::int64_t>(src, count, dst);
    case DType::I32:
        return convertPlain<std::int32_t>(src, count, dst);
    case DType::I16:
        return convertPlain<std::int16_t>(src, count, dst);
    case DType::I8:
        return convertPlain<std::int8_t>(src, count, dst);
    case DType::U64:
        return convertPlain<std::uint64_t>(src, count, dst);
    case DType::U32:
        return convertPlain<std::uint32_t>(src, count, dst);
    case DType::U16:
        return convertPlain<std::uint16_t>(src, count, dst);
    case DType::U8:
        return convertPlain<std::uint8_t>(src, count, dst);
    case DType::Bool:
        for (std::size_t i = 0; i < count; ++i)
            dst[i] = src[i] != std::byte{0} ? 1.0f : 0.0f;
        return;
    case DType::Q4_0:
    case DType::Q4_1:
    case DType::Q5_0:
    case DType::Q5_1:
    case DType::Q8_0:
    case DType::Q8_1:
    case DType::Q2_K:
    case DType::Q3_K:
    case DType::Q4_K:
    case DType::Q5_K:
    case DType::Q6_K:
    case DType::Q8_K:
        return dequantizeBlocks(type, src, count / dtypeBlockElements(type), dst);
    }
}

void convertFromFloat(DType type, const float* src, std::size_t count, std::byte* dst)
{
    for (std::size_t i = 0; i < count; ++i) {
        std::uint16_t half = 0;
        switch (type) {
        case DType::F32:
            std::memcpy(dst + 4 * i, src + i, 4);
            continue;
        case DType::F16:
            half = Eigen::numext::bit_cast<std::uint16_t>(Eigen::half(src[i]));
            break;
        case DType::BF16:
            half = Eigen::numext::bit_cast<std::uint16_t>(Eigen::bfloat16(src[i]));
            break;
        default:
            throw std::invalid_argument(
                "convertFromFloat: " + std::string(dtypeName(type)) + " is not F32, F16 or BF16");
        }
        std::memcpy(dst + 2 * i, &half, 2);
    }
}

} // namespace complab
