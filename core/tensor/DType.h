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
    // ggml block formats (GGUF): a block of dtypeBlockElements() values is stored in dtypeSize() bytes.
    Q4_0,
    Q4_1,
    Q5_0,
    Q5_1,
    Q8_0,
    Q8_1,
    Q2_K,
    Q3_K,
    Q4_K,
    Q5_K,
    Q6_K,
    Q8_K,
};

inline constexpr int dtypeCount = 27;

// Bytes per element; for block formats, bytes per block.
std::size_t dtypeSize(DType type);
// Elements per block: 1 for plain types, 32 or 256 for ggml block formats.
std::size_t dtypeBlockElements(DType type);
bool isBlockFormat(DType type);
// Storage bits per weight, scales included (Q4_K: 4.5, Q8_0: 8.5, BF16: 16).
double dtypeBitsPerWeight(DType type);
// Bytes that `elements` values take; nullopt when the count is not a whole number of blocks or
// the product overflows.
std::optional<std::uint64_t> dtypeStorageBytes(DType type, std::uint64_t elements);

// The spelling used in files and shown to people: "F32", "BF16", "F8_E4M3", "BOOL", "Q4_K", ...
std::string_view dtypeName(DType type);
// Only the names safetensors defines (block formats are not safetensors dtypes).
std::optional<DType> dtypeFromName(std::string_view name);
bool isFloatingPoint(DType type);

// ggml's type ids as stored in GGUF tensor infos.
std::optional<DType> dtypeFromGgmlType(std::uint32_t ggmlType);
std::optional<std::uint32_t> ggmlTypeOf(DType type);
// Name of any ggml type id, including ones the lab cannot decode ("IQ2_XXS"); empty when unknown.
std::string_view ggmlTypeName(std::uint32_t ggmlType);

// Converts count elements starting at src (no alignment required) to float. Integers convert
// exactly where float can hold them; BOOL is 0 or 1. FP8 E4M3 is the "fn" variant used by
// safetensors and PyTorch (no infinities, 0x7f/0xff are NaN, largest finite 448). For block
// formats, count must be a whole number of blocks and src the start of a block.
void convertToFloat(DType type, const std::byte* src, std::size_t count, float* dst);

// The inverse for plain float types (F32, F16, BF16), rounding to nearest even: count floats into
// count * dtypeSize(type) bytes at dst. Throws std::invalid_argument for any other type.
void convertFromFloat(DType type, const float* src, std::size_t count, std::byte* dst);

// Single-value decoders, exposed for tests and for the quantisers' reference paths.
float halfToFloat(std::uint16_t bits);
// Rounds to the nearest half, ties to even, as ggml's GGML_FP32_TO_FP16 (and F16C's vcvtps2ph with
// rounding mode 0) do: the quantisers' scales must round exactly like ggml's for byte-identical blocks.
// From 65520 on the result is infinity; NaN becomes the quiet NaN 0x7E00 with the sign kept.
std::uint16_t floatToHalf(float value);
float bfloat16ToFloat(std::uint16_t bits);
float fp8e4m3ToFloat(std::uint8_t bits);
float fp8e5m2ToFloat(std::uint8_t bits);

} // namespace complab
