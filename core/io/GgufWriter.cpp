#include "io/GgufWriter.h"

#include "io/AtomicFile.h"
#include "io/CheckpointError.h"
#include "recipe/Progress.h"

#include <cstring>
#include <stdexcept>

namespace complab {

GgufWriter::GgufWriter(std::uint32_t alignment)
    : m_alignment(alignment)
{
    if (alignment == 0 || (alignment & (alignment - 1)) != 0)
        throw std::invalid_argument("GGUF alignment must be a power of two");
    if (alignment != 32)
        addUInt32("general.alignment", alignment);
}

template <typename T> void GgufWriter::appendScalar(T value)
{
    const auto* bytes = reinterpret_cast<const std::byte*>(&value);
    m_metadata.insert(m_metadata.end(), bytes, bytes + sizeof(T));
}

void GgufWriter::appendString(std::string_view text)
{
    appendScalar<std::uint64_t>(text.size());
    const auto* bytes = reinterpret_cast<const std::byte*>(text.data());
    m_metadata.insert(m_metadata.end(), bytes, bytes + text.size());
}

void GgufWriter::appendKey(const std::string& key, GgufType type)
{
    appendString(key);
    appendScalar<std::uint32_t>(static_cast<std::uint32_t>(type));
    ++m_keyCount;
}

void GgufWriter::addString(const std::string& key, const std::string& value)
{
    appendKey(key, GgufType::String);
    appendString(value);
}

void GgufWriter::addUInt32(const std::string& key, std::uint32_t value)
{
    appendKey(key, GgufType::UInt32);
    appendScalar(value);
}

void GgufWriter::addInt32(const std::string& key, std::int32_t value)
{
    appendKey(key, GgufType::Int32);
    appendScalar(value);
}

void GgufWriter::addFloat32(const std::string& key, float value)
{
    appendKey(key, GgufType::Float32);
    appendScalar(value);
}

void GgufWriter::addBool(const std::string& key, bool value)
{
    appendKey(key, GgufType::Bool);
    appendScalar<std::uint8_t>(value ? 1 : 0);
}

void GgufWriter::addStringArray(const std::string& key, const std::vector<std::string>& values)
{
    appendKey(key, GgufType::Array);
    appendScalar<std::uint32_t>(static_cast<std::uint32_t>(GgufType::String));
    appendScalar<std::uint64_t>(values.size());
    for (const auto& value : values)
        appendString(value);
}

void GgufWriter::addFloat32Array(const std::string& key, const std::vector<float>& values)
{
    appendKey(key, GgufType::Array);
    appendScalar<std::uint32_t>(static_cast<std::uint32_t>(GgufType::Float32));
    appendScalar<std::uint64_t>(values.size());
    for (const float value : values)
        appendScalar(value);
}

void GgufWriter::addInt32Array(const std::string& key, const std::vector<std::int32_t>& values)
{
    appendKey(key, GgufType::Array);
    appendScalar<std::uint32_t>(static_cast<std::uint32_t>(GgufType::Int32));
    appendScalar<std::uint64_t>(values.size());
    for (const auto value : values)
        appendScalar(value);
}

std::uint64_t GgufWriter::alignedDataSize() const
{
    return (m_dataSize + m_alignment - 1) / m_alignment * m_alignment;
}

std::uint64_t GgufWriter::fileBytes() const
{
    std::uint64_t header = 4 + 4 + 8 + 8 + m_metadata.size();
    for (const auto& tensor : m_tensors)
        header += 8 + tensor.name.size() + 4 + 8 * tensor.extents.size() + 4 + 8;
    header = (header + m_alignment - 1) / m_alignment * m_alignment;
    return header + alignedDataSize();
}

void GgufWriter::appendValuePayload(const GgufValue& value)
{
    if (value.isArray()) {
        appendScalar<std::uint32_t>(static_cast<std::uint32_t>(value.elementType));
        appendScalar<std::uint64_t>(value.count);
        if (value.elementType == GgufType::String) {
            for (const auto text : value.strings)
                appendString(text);
        } else if (value.elementType == GgufType::Array) {
            for (const auto& nested : value.arrays)
                appendValuePayload(nested);
        } else {
            m_metadata.insert(m_metadata.end(), value.numbers.begin(), value.numbers.end());
        }
        return;
    }
    switch (value.type) {
    case GgufType::UInt8:
    case GgufType::Bool:
        return appendScalar(static_cast<std::uint8_t>(std::get<std::uint64_t>(value.scalar)));
    case GgufType::Int8:
        return appendScalar(static_cast<std::int8_t>(std::get<std::int64_t>(value.scalar)));
    case GgufType::UInt16:
        return appendScalar(static_cast<std::uint16_t>(std::get<std::uint64_t>(value.scalar)));
    case GgufType::Int16:
        return appendScalar(static_cast<std::int16_t>(std::get<std::int64_t>(value.scalar)));
    case GgufType::UInt32:
        return appendScalar(static_cast<std::uint32_t>(std::get<std::uint64_t>(value.scalar)));
    case GgufType::Int32:
        return appendScalar(static_cast<std::int32_t>(std::get<std::int64_t>(value.scalar)));
    case GgufType::Float32:
        return appendScalar(static_cast<float>(std::get<double>(value.scalar)));
    case GgufType::UInt64:
        return appendScalar(std::get<std::uint64_t>(value.scalar));
    case GgufType::Int64:
        return appendScalar(std::get<std::int64_t>(value.scalar));
    case GgufType::Float64:
        return appendScalar(std::get<double>(value.scalar));
    case GgufType::String:
        return appendString(std::get<std::string_view>(value.scalar));
    case GgufType::Array:
        break;
    }
}

void GgufWriter::addValue(const std::string& key, const GgufValue& value)
{
    appendKey(key, value.type);
    appendValuePayload(value);
}

void GgufWriter::addTensor(const std::string& name, DType type, const std::vector<std::int64_t>& shape)
{
    if (shape.size() > 4)
        throw std::invalid_argument("tensor '" + name + "': GGUF allows at most 4 dimensions");
    const auto ggmlType = ggmlTypeOf(type);
    if (!ggmlType)
        throw std::invalid_argument("tensor '" + name + "': " + std::string(dtypeName(type)) + " has no GGUF type");
    Tensor tensor{name, type, {}, 0, 0};
    std::uint64_t elements = 1;
    for (auto it = shape.rbegin(); it != shape.rend(); ++it) {
        if (*it < 0)
            throw std::invalid_argument("tensor '" + name + "': negative dimension");
        tensor.extents.push_back(static_cast<std::uint64_t>(*it));
        elements *= static_cast<std::uint64_t>(*it);
    }
    const std::uint64_t rowLength = tensor.extents.empty() ? 1 : tensor.extents.front();
    if (rowLength % dtypeBlockElements(type) != 0)
        throw std::invalid_argument("tensor '" + name + "': rows of " + std::to_string(rowLength) + " are not whole "
            + std::string(dtypeName(type)) + " blocks");
    tensor.bytes = *dtypeStorageBytes(type, elements);
    tensor.offset = (m_dataSize + m_alignment - 1) / m_alignment * m_alignment;
    m_dataSize = tensor.offset + tensor.bytes;
    m_tensors.push_back(std::move(tensor));
}

void GgufWriter::write(
    const std::filesystem::path& path, const Producer& produce, Progress& progress, std::stop_token stop) const
{
    std::vector<std::byte> header;
    const auto put = [&header](const auto& value) {
        const auto* bytes = reinterpret_cast<const std::byte*>(&value);
        header.insert(header.end(), bytes, bytes + sizeof(value));
    };
    put(std::uint32_t{0x46554747u});
    put(std::uint32_t{3});
    put(static_cast<std::uint64_t>(m_tensors.size()));
    put(m_keyCount);
    header.insert(header.end(), m_metadata.begin(), m_metadata.end());
    for (const auto& tensor : m_tensors) {
        put(static_cast<std::uint64_t>(tensor.name.size()));
        const auto* name = reinterpret_cast<const std::byte*>(tensor.name.data());
        header.insert(header.end(), name, name + tensor.name.size());
        put(static_cast<std::uint32_t>(tensor.extents.size()));
        for (const auto extent : tensor.extents)
            put(extent);
        put(*ggmlTypeOf(tensor.type));
        put(tensor.offset);
    }
    header.resize((header.size() + m_alignment - 1) / m_alignment * m_alignment);

    AtomicFile file(path);
    file.write(header);
    const std::uint64_t dataStart = header.size();
    for (std::size_t i = 0; i < m_tensors.size(); ++i) {
        throwIfStopped(stop);
        const auto& tensor = m_tensors[i];
        progress.setStep("writing " + tensor.name, static_cast<double>(i) / static_cast<double>(m_tensors.size()));
        file.writeZeros(static_cast<std::size_t>(dataStart + tensor.offset - file.size()));
        const auto bytes = produce(i);
        if (bytes.size() != tensor.bytes)
            throw CheckpointError(path, tensor.name,
                "produced " + std::to_string(bytes.size()) + " bytes, expected " + std::to_string(tensor.bytes));
        file.write(bytes);
    }
    // ggml's reader takes the data section as every tensor padded to the alignment, the last one too.
    file.writeZeros(static_cast<std::size_t>(dataStart + alignedDataSize() - file.size()));
    throwIfStopped(stop);
    file.commit();
    progress.report(1.0);
}

} // namespace complab
