#include "model/ProtobufReader.h"

#include <bit>
#include <cstring>
#include <string>

namespace complab {

float ProtobufReader::Field::asFloat() const
{
    if (wireType != WireType::Fixed32)
        throw ProtobufError("field " + std::to_string(number) + " is not a 32-bit float");
    return std::bit_cast<float>(static_cast<std::uint32_t>(varint));
}

std::int32_t ProtobufReader::Field::asInt32() const
{
    if (wireType != WireType::Varint)
        throw ProtobufError("field " + std::to_string(number) + " is not a varint");
    // int32 values are sign-extended to 64 bits on the wire; keep the low 32 bits as protobuf does.
    return static_cast<std::int32_t>(static_cast<std::uint32_t>(varint));
}

std::uint64_t ProtobufReader::readVarint()
{
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (m_offset >= m_bytes.size())
            throw ProtobufError("varint truncated at offset " + std::to_string(m_offset));
        const auto byte = static_cast<std::uint8_t>(m_bytes[m_offset++]);
        value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
        if ((byte & 0x80) == 0)
            return value;
    }
    throw ProtobufError("varint longer than 10 bytes at offset " + std::to_string(m_offset));
}

bool ProtobufReader::next(Field& field)
{
    if (m_offset >= m_bytes.size())
        return false;
    const std::size_t start = m_offset;
    const std::uint64_t key = readVarint();
    const std::uint64_t number = key >> 3;
    if (number == 0 || number > 0x1FFFFFFF)
        throw ProtobufError("invalid field number " + std::to_string(number) + " at offset " + std::to_string(start));
    field = Field{};
    field.number = static_cast<std::uint32_t>(number);
    const auto remaining = [&] { return m_bytes.size() - m_offset; };
    const auto fixed = [&](std::size_t size) {
        if (remaining() < size)
            throw ProtobufError("field " + std::to_string(number) + " truncated at offset " + std::to_string(start));
        std::uint64_t value = 0;
        std::memcpy(&value, m_bytes.data() + m_offset, size); // little-endian host, as the whole project assumes
        m_offset += size;
        return value;
    };
    switch (key & 7) {
    case 0:
        field.wireType = WireType::Varint;
        field.varint = readVarint();
        return true;
    case 1:
        field.wireType = WireType::Fixed64;
        field.varint = fixed(8);
        return true;
    case 2: {
        field.wireType = WireType::LengthDelimited;
        const std::uint64_t length = readVarint();
        if (length > remaining())
            throw ProtobufError("field " + std::to_string(number) + " at offset " + std::to_string(start) + " declares "
                + std::to_string(length) + " bytes, " + std::to_string(remaining()) + " remain");
        field.bytes = m_bytes.subspan(m_offset, static_cast<std::size_t>(length));
        m_offset += static_cast<std::size_t>(length);
        return true;
    }
    case 5:
        field.wireType = WireType::Fixed32;
        field.varint = fixed(4);
        return true;
    default:
        throw ProtobufError("unsupported wire type " + std::to_string(key & 7) + " (field " + std::to_string(number)
            + ") at offset " + std::to_string(start));
    }
}

} // namespace complab
