// Element types of stored tensors, their sizes and names, and conversion of raw little-endian
// bytes to float (for statistics, previews and the compression engine's input).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace complab {

enum class DType : std::uint8_t {
    F64,
    F32,
    F16,
    BF16,
    F8_E4M3,
    F8_E5M2,
    I64,
    I32,
    I16,
    I8,
    U64,
    U32,
    U16,
    U8,
    Bool,
};

inline constexpr int dtypeCount = 15;

// Bytes per element.
std::size_t dtypeSize(DType type);
// The safetensors spelling ("F32", "BF16", "F8_E4M3", "BOOL", ...).
std::string_view dtypeName(DType type);
std::optional<DType> dtypeFromName(std::string_view name);
bool isFloatingPoint(DType type);

// Converts count elements starting at src (no alignment required) to float. Integers convert
// exactly where float can hold them; BOOL is 0 or 1. FP8 E4M3 is the "fn" variant used by
// safetensors and PyTorch (no infinities, 0x7f/0xff are NaN, largest finite 448).
void convertToFloat(DType type, const std::byte* src, std::size_t count, float* dst);

// Single-value decoders, exposed for tests and for the quantisers' reference paths.
float halfToFloat(std::uint16_t bits);
float bfloat16ToFloat(std::uint16_t bits);
float fp8e4m3ToFloat(std::uint8_t bits);
float fp8e5m2ToFloat(std::uint8_t bits);

} // namespace complab
