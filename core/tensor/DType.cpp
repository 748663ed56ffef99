#include "tensor/DType.h"

#include <Eigen/Core>

#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

namespace complab {

namespace {

struct DTypeTraits
{
    DType type;
    std::string_view name;
    std::size_t size;
    bool floating;
};

// One table of traits instead of switch statements spread around (CONVENTIONS.md 7).
constexpr std::array<DTypeTraits, dtypeCount> traitsTable{{
    {DType::F64, "F64", 8, true},
    {DType::F32, "F32", 4, true},
    {DType::F16, "F16", 2, true},
    {DType::BF16, "BF16", 2, true},
    {DType::F8_E4M3, "F8_E4M3", 1, true},
    {DType::F8_E5M2, "F8_E5M2", 1, true},
    {DType::I64, "I64", 8, false},
    {DType::I32, "I32", 4, false},
    {DType::I16, "I16", 2, false},
    {DType::I8, "I8", 1, false},
    {DType::U64, "U64", 8, false},
    {DType::U32, "U32", 4, false},
    {DType::U16, "U16", 2, false},
    {DType::U8, "U8", 1, false},
    {DType::Bool, "BOOL", 1, false},
}};

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

std::string_view dtypeName(DType type)
{
    return traits(type).name;
}

std::optional<DType> dtypeFromName(std::string_view name)
{
    for (const auto& entry : traitsTable)
        if (entry.name == name)
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
        for (std::size_t i = 0; i < count; ++i)
            dst[i] = bfloat16ToFloat(loadLittleEndian<std::uint16_t>(src + 2 * i));
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
    }
}

} // namespace complab
