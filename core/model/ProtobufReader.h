// A minimal reader of the protobuf wire format (varints, fixed 32/64-bit and length-delimited fields),
// enough for SentencePiece's tokenizer.model without a protobuf dependency. Every length is checked
// against the bytes that remain; malformed input throws ProtobufError, never reads out of bounds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string_view>

namespace complab {

class ProtobufError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

class ProtobufReader
{
public:
    enum class WireType : std::uint32_t { Varint = 0, Fixed64 = 1, LengthDelimited = 2, Fixed32 = 5 };

    struct Field
    {
        std::uint32_t number = 0;
        WireType wireType = WireType::Varint;
        std::uint64_t varint = 0; // Varint, Fixed64 and Fixed32 values (the raw bits of fixed ones)
        std::span<const std::byte> bytes; // LengthDelimited payload

        std::string_view text() const { return {reinterpret_cast<const char*>(bytes.data()), bytes.size()}; }
        // The field as a float (wire type Fixed32) or an int32 / bool / enum (Varint); throws otherwise.
        float asFloat() const;
        std::int32_t asInt32() const;
        bool asBool() const { return asInt32() != 0; }
    };

    explicit ProtobufReader(std::span<const std::byte> bytes)
        : m_bytes(bytes)
    { }

    // The next field, false at the end. Throws ProtobufError for a truncated or invalid field.
    bool next(Field& field);
    std::size_t offset() const { return m_offset; }

private:
    std::uint64_t readVarint();

    std::span<const std::byte> m_bytes;
    std::size_t m_offset = 0;
};

} // namespace complab
