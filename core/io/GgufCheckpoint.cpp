#include "io/GgufCheckpoint.h"

#include "io/CheckpointError.h"
#include "io/MappedFile.h"

#include <algorithm>
#include <cstring>
#include <set>

namespace complab {

namespace {

// A bounds-checked little-endian cursor over the mapped file. Every read names what it was
// reading, so a truncated file says which field ran past the end.
class Cursor
{
public:
    Cursor(std::span<const std::byte> bytes, const std::filesystem::path& path)
        : m_bytes(bytes)
        , m_path(path)
    { }

    std::uint64_t position() const { return m_position; }
    std::uint64_t remaining() const { return m_bytes.size() - m_position; }

    template <typename T> T read(const std::string& what)
    {
        require(sizeof(T), what);
        T value;
        std::memcpy(&value, m_bytes.data() + m_position, sizeof(T));
        m_position += sizeof(T);
        return value;
    }

    std::span<const std::byte> take(std::uint64_t size, const std::string& what)
    {
        require(size, what);
        const auto span = m_bytes.subspan(m_position, size);
        m_position += size;
        return span;
    }

    std::string_view readString(const std::string& what)
    {
        const auto length = read<std::uint64_t>(what + " length");
        if (length > remaining())
            fail(what + " declares " + std::to_string(length) + " bytes but only " + std::to_string(remaining())
                + " remain in the file");
        const auto bytes = take(length, what);
        return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
    }

    [[noreturn]] void fail(const std::string& problem) const
    {
        throw CheckpointError(m_path, problem + " (at byte " + std::to_string(m_position) + ")");
    }

private:
    void require(std::uint64_t size, const std::string& what) const
    {
        if (size > remaining())
            fail(what + " runs past the end of the file");
    }

    std::span<const std::byte> m_bytes;
    const std::filesystem::path& m_path;
    std::uint64_t m_position = 0;
};

bool isKnownType(std::uint32_t type)
{
    return type <= static_cast<std::uint32_t>(GgufType::Float64);
}

GgufValue readValue(Cursor& cursor, GgufType type, const std::string& key, std::size_t depth)
{
    GgufValue value;
    value.type = type;
    const std::string what = "value of '" + key + "'";
    switch (type) {
    case GgufType::UInt8:
        value.scalar = std::uint64_t{cursor.read<std::uint8_t>(what)};
        break;
    case GgufType::Bool: {
        const auto byte = cursor.read<std::uint8_t>(what);
        if (byte > 1)
            cursor.fail("key '" + key + "': bool value " + std::to_string(byte) + " is neither 0 nor 1");
        value.scalar = std::uint64_t{byte};
        break;
    }
    case GgufType::Int8:
        value.scalar = std::int64_t{cursor.read<std::int8_t>(what)};
        break;
    case GgufType::UInt16:
        value.scalar = std::uint64_t{cursor.read<std::uint16_t>(what)};
        break;
    case GgufType::Int16:
        value.scalar = std::int64_t{cursor.read<std::int16_t>(what)};
        break;
    case GgufType::UInt32:
        value.scalar = std::uint64_t{cursor.read<std::uint32_t>(what)};
        break;
    case GgufType::Int32:
        value.scalar = std::int64_t{cursor.read<std::int32_t>(what)};
        break;
    case GgufType::Float32:
        value.scalar = double{cursor.read<float>(what)};
        break;
    case GgufType::UInt64:
        value.scalar = cursor.read<std::uint64_t>(what);
        break;
    case GgufType::Int64:
        value.scalar = cursor.read<std::int64_t>(what);
        break;
    case GgufType::Float64:
        value.scalar = cursor.read<double>(what);
        break;
    case GgufType::String:
        value.scalar = cursor.readString(what);
        break;
    case GgufType::Array: {
        if (depth >= GgufCheckpoint::maxArrayNesting)
            cursor.fail("key '" + key + "': arrays nested deeper than "
                + std::to_string(GgufCheckpoint::maxArrayNesting) + " levels");
        const auto elementType = cursor.read<std::uint32_t>(what + " element type");
        if (!isKnownType(elementType))
            cursor.fail("key '" + key + "': unknown array element type " + std::to_string(elementType));
        value.elementType = static_cast<GgufType>(elementType);
        value.count = cursor.read<std::uint64_t>(what + " element count");
        // The smallest possible element (a scalar's size, 8 bytes for a string's length, 12 for
        // an array's header) bounds the count by what the file can hold, before any allocation.
        const std::size_t scalarSize = ggufScalarSize(value.elementType);
        const std::uint64_t minimumElement = scalarSize ? scalarSize : (value.elementType == GgufType::String ? 8 : 12);
        if (value.count > cursor.remaining() / minimumElement)
            cursor.fail("key '" + key + "': array of " + std::to_string(value.count) + " "
                + std::string(ggufTypeName(value.elementType)) + " values cannot fit in the "
                + std::to_string(cursor.remaining()) + " bytes left in the file");
        if (scalarSize) {
            value.numbers = cursor.take(value.count * scalarSize, what);
            if (value.elementType == GgufType::Bool) {
                for (const auto byte : value.numbers)
                    if (static_cast<std::uint8_t>(byte) > 1)
                        cursor.fail("key '" + key + "': bool array element is neither 0 nor 1");
            }
        } else if (value.elementType == GgufType::String) {
            value.strings.reserve(value.count);
            for (std::uint64_t i = 0; i < value.count; ++i)
                value.strings.push_back(cursor.readString(what + " element " + std::to_string(i)));
        } else {
            value.arrays.reserve(value.count);
            for (std::uint64_t i = 0; i < value.count; ++i)
                value.arrays.push_back(readValue(cursor, GgufType::Array, key, depth + 1));
        }
        break;
    }
    }
    return value;
}

} // namespace

GgufCheckpoint::GgufCheckpoint(const std::filesystem::path& path)
    : Checkpoint(path)
    , m_file(std::make_shared<MappedFile>(path))
{
    m_fileBytes = m_file->size();
    parse();
    fillConfig();
}

GgufCheckpoint::~GgufCheckpoint() = default;

const GgufValue* GgufCheckpoint::find(std::string_view key) const
{
    for (const auto& [name, value] : m_keyValues)
        if (name == key)
            return &value;
    return nullptr;
}

void GgufCheckpoint::parse()
{
    const auto& path = m_path;
    Cursor cursor(m_file->bytes(), path);
    const auto magic = cursor.read<std::uint32_t>("magic");
    if (magic != 0x46554747u) // "GGUF" little-endian
        throw CheckpointError(path, "not a GGUF file (bad magic)");
    m_version = cursor.read<std::uint32_t>("version");
    if (m_version == 1)
        throw CheckpointError(path, "GGUF version 1 is obsolete and not supported (versions 2 and 3 are)");
    if (m_version != 2 && m_version != 3)
        throw CheckpointError(
            path, "unknown GGUF version " + std::to_string(m_version) + " (versions 2 and 3 are supported)");
    const auto tensorCount = cursor.read<std::uint64_t>("tensor count");
    const auto keyValueCount = cursor.read<std::uint64_t>("metadata count");
    // A key/value takes at least 8 (key length) + 4 (type) + 1 bytes; a tensor info at least
    // 8 + 4 + 4 + 8 bytes. Counts beyond what the file can hold are refused before allocating.
    if (keyValueCount > cursor.remaining() / 13)
        cursor.fail("metadata count " + std::to_string(keyValueCount) + " cannot fit in a "
            + std::to_string(m_file->size()) + "-byte file");
    if (tensorCount > cursor.remaining() / 24)
        cursor.fail("tensor count " + std::to_string(tensorCount) + " cannot fit in a " + std::to_string(m_file->size())
            + "-byte file");

    std::set<std::string_view> keys;
    m_keyValues.reserve(keyValueCount);
    for (std::uint64_t i = 0; i < keyValueCount; ++i) {
        const auto key = cursor.readString("metadata key " + std::to_string(i));
        const auto type = cursor.read<std::uint32_t>("type of '" + std::string(key) + "'");
        if (!isKnownType(type))
            cursor.fail("key '" + std::string(key) + "': unknown value type " + std::to_string(type));
        if (!keys.insert(key).second)
            cursor.fail("key '" + std::string(key) + "' appears twice");
        auto value = readValue(cursor, static_cast<GgufType>(type), std::string(key), 0);
        m_metadata[std::string(key)] = value.toText();
        m_keyValues.emplace_back(std::string(key), std::move(value));
    }
    if (const auto* alignment = find("general.alignment")) {
        const auto value = alignment->asInteger();
        if (alignment->type != GgufType::UInt32 || !value || *value == 0 || (*value & (*value - 1)) != 0)
            throw CheckpointError(path, "general.alignment must be a uint32 power of two, not " + alignment->toText());
        m_alignment = static_cast<std::uint64_t>(*value);
    }

    struct Placement
    {
        std::uint64_t offset;
        std::size_t index;
    };
    std::vector<Placement> placements;
    std::set<std::string_view> names;
    m_tensors.reserve(tensorCount);
    for (std::uint64_t i = 0; i < tensorCount; ++i) {
        const auto name = cursor.readString("name of tensor " + std::to_string(i));
        const std::string tensorName(name);
        if (!names.insert(name).second)
            throw CheckpointError(path, tensorName, "tensor name appears twice");
        const auto dimensions = cursor.read<std::uint32_t>("dimension count of '" + tensorName + "'");
        if (dimensions > maxDimensions)
            throw CheckpointError(path, tensorName, std::to_string(dimensions) + " dimensions (GGUF allows at most 4)");
        std::vector<std::uint64_t> extents(dimensions);
        for (auto& extent : extents)
            extent = cursor.read<std::uint64_t>("dimensions of '" + tensorName + "'");
        const auto ggmlType = cursor.read<std::uint32_t>("type of '" + tensorName + "'");
        const auto offset = cursor.read<std::uint64_t>("data offset of '" + tensorName + "'");

        const auto dtype = dtypeFromGgmlType(ggmlType);
        if (!dtype) {
            const auto known = ggmlTypeName(ggmlType);
            throw CheckpointError(path, tensorName,
                known.empty()
                    ? "unknown tensor type " + std::to_string(ggmlType)
                    : "tensor type " + std::string(known) + " (" + std::to_string(ggmlType) + ") is not supported yet");
        }
        TensorInfo info;
        info.name = tensorName;
        info.dtype = *dtype;
        std::uint64_t elements = 1;
        bool overflow = false;
        for (const auto extent : extents) {
            if (extent > static_cast<std::uint64_t>(INT64_MAX))
                overflow = true;
            overflow = overflow || __builtin_mul_overflow(elements, extent, &elements);
        }
        // ggml stores the fastest-varying extent first; people (and safetensors) list it last.
        for (auto it = extents.rbegin(); it != extents.rend(); ++it)
            info.shape.push_back(static_cast<std::int64_t>(*it));
        if (overflow)
            throw CheckpointError(path, tensorName,
                "shape " + info.shapeString() + " overflows: its element count cannot be represented");
        const std::uint64_t rowLength = extents.empty() ? 1 : extents.front();
        if (rowLength % dtypeBlockElements(*dtype) != 0)
            throw CheckpointError(path, tensorName,
                "rows of " + std::to_string(rowLength) + " values are not a whole number of "
                    + std::string(dtypeName(*dtype)) + " blocks of " + std::to_string(dtypeBlockElements(*dtype)));
        const auto bytes = dtypeStorageBytes(*dtype, elements);
        if (!bytes)
            throw CheckpointError(path, tensorName, "shape " + info.shapeString() + " overflows its size in bytes");
        if (offset % m_alignment != 0)
            throw CheckpointError(path, tensorName,
                "data offset " + std::to_string(offset) + " is not a multiple of the alignment "
                    + std::to_string(m_alignment));
        info.byteSize = *bytes;
        info.fileOffset = offset; // relative for now; made absolute once the data section is known
        placements.push_back({offset, m_tensors.size()});
        m_tensors.push_back(std::move(info));
    }

    // The data section starts at the next multiple of the alignment after the tensor infos.
    const std::uint64_t headerEnd = cursor.position();
    m_dataOffset = headerEnd + (m_alignment - headerEnd % m_alignment) % m_alignment;
    if (m_dataOffset > m_file->size() && !m_tensors.empty())
        throw CheckpointError(path,
            "the data section would start at byte " + std::to_string(m_dataOffset) + ", past the end of the "
                + std::to_string(m_file->size()) + "-byte file");
    const std::uint64_t dataSize = m_file->size() > m_dataOffset ? m_file->size() - m_dataOffset : 0;

    std::sort(placements.begin(), placements.end(),
        [](const Placement& a, const Placement& b) { return a.offset < b.offset; });
    std::uint64_t previousEnd = 0;
    const TensorInfo* previous = nullptr;
    for (const auto& placement : placements) {
        auto& info = m_tensors[placement.index];
        if (info.byteSize > dataSize || placement.offset > dataSize - info.byteSize)
            throw CheckpointError(path, info.name,
                "data [" + std::to_string(placement.offset) + ", +" + std::to_string(info.byteSize)
                    + ") runs past the end of the file (the data section holds " + std::to_string(dataSize)
                    + " bytes)");
        if (previous && placement.offset < previousEnd && info.byteSize > 0)
            throw CheckpointError(path, info.name,
                "data at offset " + std::to_string(placement.offset) + " overlaps tensor '" + previous->name
                    + "', which ends at " + std::to_string(previousEnd));
        if (info.byteSize > 0) {
            previousEnd = placement.offset + info.byteSize;
            previous = &info;
        }
        info.fileOffset = m_dataOffset + placement.offset;
    }
}

TensorView GgufCheckpoint::tensor(std::size_t index) const
{
    if (index >= m_tensors.size())
        throw std::out_of_range("tensor index " + std::to_string(index) + " out of range");
    const auto& info = m_tensors[index];
    return TensorView(info, m_file->bytes().subspan(info.fileOffset, info.byteSize), m_file, true);
}

void GgufCheckpoint::fillConfig()
{
    const auto* architecture = find("general.architecture");
    if (!architecture || !architecture->asString())
        return;
    ModelConfig config;
    config.modelType = std::string(*architecture->asString());
    config.architecture = config.modelType;
    const std::string prefix = config.modelType + ".";
    const auto integer = [&](const char* key) -> std::optional<std::int64_t> {
        const auto* value = find(prefix + key);
        if (!value)
            return std::nullopt;
        const auto number = value->asInteger();
        if (!number || *number <= 0)
            throw CheckpointError(
                m_path, "key '" + prefix + key + "' must be a positive integer, not " + value->toText());
        return number;
    };
    const auto real = [&](const char* key) -> std::optional<double> {
        const auto* value = find(prefix + key);
        return value ? value->asNumber() : std::nullopt;
    };
    config.layerCount = integer("block_count");
    config.hiddenSize = integer("embedding_length");
    config.intermediateSize = integer("feed_forward_length");
    config.attentionHeads = integer("attention.head_count");
    config.keyValueHeads = integer("attention.head_count_kv");
    config.headDim = integer("attention.key_length");
    config.contextLength = integer("context_length");
    config.vocabSize = integer("vocab_size");
    config.ropeTheta = real("rope.freq_base");
    config.rmsNormEps = real("attention.layer_norm_rms_epsilon");
    // llama.cpp's rope.scaling.type: "none", "linear" or "yarn" (Llama 3.1's scaling travels as a
    // rope_freqs tensor instead, which the forward pass refuses).
    if (const auto* type = find(prefix + "rope.scaling.type");
        type && type->asString() && *type->asString() != "none") {
        ModelConfig::RopeScaling scaling;
        scaling.type = std::string(*type->asString());
        if (const auto factor = real("rope.scaling.factor"); factor && *factor > 0)
            scaling.factor = *factor;
        if (scaling.type != "linear" || scaling.factor != 1.0)
            config.ropeScaling = scaling;
    }
    if (!config.vocabSize) {
        if (const auto* tokens = find("tokenizer.ggml.tokens"); tokens && tokens->isArray())
            config.vocabSize = static_cast<std::int64_t>(tokens->count);
    }
    if (!config.keyValueHeads)
        config.keyValueHeads = config.attentionHeads;
    if (!config.headDim && config.hiddenSize && config.attentionHeads)
        config.headDim = *config.hiddenSize / *config.attentionHeads;
    config.tiedEmbeddings = !indexOf("output.weight").has_value();
    m_config = std::move(config);
}

} // namespace complab
