// One GGUF metadata value: a scalar, a string, or a (possibly nested) array. Strings and numeric
// arrays are views into the memory-mapped file, so a 32,000-token vocabulary costs no copy.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace complab {

enum class GgufType : std::uint32_t {
    UInt8 = 0,
    Int8 = 1,
    UInt16 = 2,
    Int16 = 3,
    UInt32 = 4,
    Int32 = 5,
    Float32 = 6,
    Bool = 7,
    String = 8,
    Array = 9,
    UInt64 = 10,
    Int64 = 11,
    Float64 = 12,
};

std::string_view ggufTypeName(GgufType type);
// Bytes of one scalar of this type; 0 for String and Array.
std::size_t ggufScalarSize(GgufType type);

struct GgufValue
{
    GgufType type = GgufType::UInt8;
    // Scalars: unsigned and bool in `unsigned_`, signed in `signed_`, floats in `real`.
    std::variant<std::monostate, std::uint64_t, std::int64_t, double, std::string_view> scalar;
    // Arrays.
    GgufType elementType = GgufType::UInt8;
    std::uint64_t count = 0;
    std::span<const std::byte> numbers; // numeric or bool elements, little-endian, unaligned
    std::vector<std::string_view> strings; // string elements
    std::vector<GgufValue> arrays; // nested array elements

    bool isArray() const { return type == GgufType::Array; }
    std::optional<std::int64_t> asInteger() const;
    std::optional<double> asNumber() const;
    std::optional<std::string_view> asString() const;
    // Element i of a numeric array as a double (nullopt when out of range or not numeric).
    std::optional<double> numberAt(std::uint64_t index) const;
    // A short human-readable rendering: arrays show their first items and their length.
    std::string toText(std::size_t maxItems = 8, std::size_t maxChars = 200) const;
};

} // namespace complab
