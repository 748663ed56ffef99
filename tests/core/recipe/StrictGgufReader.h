// An independent, strict GGUF v3 reader for tests of the exporter: written from the format
// description (ggml's docs/gguf.md), sharing no code with core/io, and stricter than loaders need to
// be: every key's type, unique names, power-of-two alignment, tensor offsets exactly in order and
// padded as ggml computes them, row lengths in whole blocks, and not one byte after the data.
#pragma once

#include <cstdint>
#include <cstring>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace complab::test {

struct StrictGgufKey
{
    std::string name;
    std::uint32_t type = 0;
    std::uint32_t elementType = 0; // arrays
    std::uint64_t count = 0; // arrays
    std::uint64_t integer = 0; // unsigned/bool scalars
    std::int64_t signedInteger = 0;
    double real = 0;
    std::string text;
    std::vector<std::string> strings;
    std::vector<double> numbers;
};

struct StrictGgufTensor
{
    std::string name;
    std::vector<std::uint64_t> extents; // ggml order: extents[0] is the row length
    std::uint32_t type = 0;
    std::uint64_t offset = 0;
    std::uint64_t bytes = 0;
};

struct StrictGguf
{
    std::uint32_t version = 0;
    std::uint64_t alignment = 32;
    std::uint64_t dataStart = 0;
    std::vector<StrictGgufKey> keys;
    std::vector<StrictGgufTensor> tensors;

    const StrictGgufKey* key(const std::string& name) const
    {
        for (const auto& entry : keys)
            if (entry.name == name)
                return &entry;
        return nullptr;
    }
};

struct StrictGgmlType
{
    const char* name;
    std::uint64_t blockElements;
    std::uint64_t blockBytes;
};

// ggml's type ids, block sizes and bytes per block (ggml.h / ggml-common.h).
inline const std::map<std::uint32_t, StrictGgmlType>& strictGgmlTypes()
{
    static const std::map<std::uint32_t, StrictGgmlType> types{{0, {"F32", 1, 4}}, {1, {"F16", 1, 2}},
        {2, {"Q4_0", 32, 18}}, {3, {"Q4_1", 32, 20}}, {6, {"Q5_0", 32, 22}}, {7, {"Q5_1", 32, 24}},
        {8, {"Q8_0", 32, 34}}, {9, {"Q8_1", 32, 36}}, {10, {"Q2_K", 256, 84}}, {11, {"Q3_K", 256, 110}},
        {12, {"Q4_K", 256, 144}}, {13, {"Q5_K", 256, 176}}, {14, {"Q6_K", 256, 210}}, {15, {"Q8_K", 256, 292}},
        {24, {"I8", 1, 1}}, {25, {"I16", 1, 2}}, {26, {"I32", 1, 4}}, {27, {"I64", 1, 8}}, {28, {"F64", 1, 8}},
        {30, {"BF16", 1, 2}}};
    return types;
}

class StrictGgufReader
{
public:
    // Throws std::runtime_error saying what is wrong and where.
    static StrictGguf read(const std::vector<unsigned char>& file)
    {
        StrictGgufReader reader(file);
        return reader.parse();
    }

private:
    explicit StrictGgufReader(const std::vector<unsigned char>& file)
        : m_file(file)
    { }

    [[noreturn]] void fail(const std::string& what) const
    {
        throw std::runtime_error("offset " + std::to_string(m_at) + ": " + what);
    }
    template <typename T> T take()
    {
        if (m_file.size() - m_at < sizeof(T))
            fail("truncated");
        T value;
        std::memcpy(&value, m_file.data() + m_at, sizeof(T));
        m_at += sizeof(T);
        return value;
    }
    std::string takeString()
    {
        const auto length = take<std::uint64_t>();
        if (length > m_file.size() - m_at)
            fail("string of " + std::to_string(length) + " bytes runs past the end");
        std::string text(reinterpret_cast<const char*>(m_file.data() + m_at), length);
        m_at += length;
        return text;
    }
    void takeScalar(std::uint32_t type, StrictGgufKey& key, bool intoArray)
    {
        double number = 0;
        switch (type) {
        case 0:
            number = static_cast<double>(key.integer = take<std::uint8_t>());
            break;
        case 1:
            number = static_cast<double>(key.signedInteger = take<std::int8_t>());
            break;
        case 2:
            number = static_cast<double>(key.integer = take<std::uint16_t>());
            break;
        case 3:
            number = static_cast<double>(key.signedInteger = take<std::int16_t>());
            break;
        case 4:
            number = static_cast<double>(key.integer = take<std::uint32_t>());
            break;
        case 5:
            number = static_cast<double>(key.signedInteger = take<std::int32_t>());
            break;
        case 6:
            number = key.real = take<float>();
            break;
        case 7:
            key.integer = take<std::uint8_t>();
            if (key.integer > 1)
                fail("bool value " + std::to_string(key.integer));
            number = static_cast<double>(key.integer);
            break;
        case 10:
            number = static_cast<double>(key.integer = take<std::uint64_t>());
            break;
        case 11:
            number = static_cast<double>(key.signedInteger = take<std::int64_t>());
            break;
        case 12:
            number = key.real = take<double>();
            break;
        case 8:
            if (intoArray)
                key.strings.push_back(takeString());
            else
                key.text = takeString();
            return;
        default:
            fail("value type " + std::to_string(type) + " is not a GGUF type");
        }
        if (intoArray)
            key.numbers.push_back(number);
    }

    StrictGguf parse()
    {
        StrictGguf gguf;
        if (take<std::uint32_t>() != 0x46554747u)
            fail("magic is not GGUF");
        gguf.version = take<std::uint32_t>();
        if (gguf.version != 3)
            fail("version " + std::to_string(gguf.version) + ", expected 3");
        const auto tensorCount = take<std::uint64_t>();
        const auto keyCount = take<std::uint64_t>();
        if (tensorCount > m_file.size() / 24 || keyCount > m_file.size() / 12)
            fail("implausible counts");
        std::set<std::string> keyNames;
        for (std::uint64_t i = 0; i < keyCount; ++i) {
            StrictGgufKey key;
            key.name = takeString();
            if (key.name.empty() || !keyNames.insert(key.name).second)
                fail("empty or duplicated key '" + key.name + "'");
            key.type = take<std::uint32_t>();
            if (key.type == 9) {
                key.elementType = take<std::uint32_t>();
                key.count = take<std::uint64_t>();
                if (key.elementType == 9)
                    fail("key '" + key.name + "': nested arrays are not expected here");
                if (key.count > m_file.size() - m_at)
                    fail("key '" + key.name + "': array longer than the file");
                for (std::uint64_t e = 0; e < key.count; ++e)
                    takeScalar(key.elementType, key, true);
            } else {
                takeScalar(key.type, key, false);
            }
            gguf.keys.push_back(std::move(key));
        }
        if (const auto* alignment = gguf.key("general.alignment")) {
            if (alignment->type != 4)
                fail("general.alignment must be UINT32");
            gguf.alignment = alignment->integer;
            if (gguf.alignment == 0 || (gguf.alignment & (gguf.alignment - 1)) != 0)
                fail("alignment " + std::to_string(gguf.alignment) + " is not a power of two");
        }
        std::set<std::string> tensorNames;
        std::uint64_t expectedOffset = 0;
        for (std::uint64_t i = 0; i < tensorCount; ++i) {
            StrictGgufTensor tensor;
            tensor.name = takeString();
            if (tensor.name.empty() || tensor.name.size() >= 64 || !tensorNames.insert(tensor.name).second)
                fail("tensor name '" + tensor.name + "' empty, too long for ggml (64) or duplicated");
            const auto dimensions = take<std::uint32_t>();
            if (dimensions == 0 || dimensions > 4)
                fail("tensor '" + tensor.name + "': " + std::to_string(dimensions) + " dimensions");
            std::uint64_t elements = 1;
            for (std::uint32_t d = 0; d < dimensions; ++d) {
                tensor.extents.push_back(take<std::uint64_t>());
                if (tensor.extents.back() == 0 || tensor.extents.back() > (1ull << 40))
                    fail("tensor '" + tensor.name + "': bad extent");
                elements *= tensor.extents.back();
            }
            tensor.type = take<std::uint32_t>();
            const auto type = strictGgmlTypes().find(tensor.type);
            if (type == strictGgmlTypes().end())
                fail("tensor '" + tensor.name + "': unknown ggml type " + std::to_string(tensor.type));
            if (tensor.extents[0] % type->second.blockElements != 0)
                fail("tensor '" + tensor.name + "': rows of " + std::to_string(tensor.extents[0]) + " are not whole "
                    + type->second.name + " blocks");
            tensor.bytes = elements / type->second.blockElements * type->second.blockBytes;
            tensor.offset = take<std::uint64_t>();
            if (tensor.offset != expectedOffset)
                fail("tensor '" + tensor.name + "' at data offset " + std::to_string(tensor.offset) + ", expected "
                    + std::to_string(expectedOffset));
            expectedOffset += (tensor.bytes + gguf.alignment - 1) / gguf.alignment * gguf.alignment;
            gguf.tensors.push_back(std::move(tensor));
        }
        gguf.dataStart = (m_at + gguf.alignment - 1) / gguf.alignment * gguf.alignment;
        for (std::uint64_t at = m_at; at < gguf.dataStart && at < m_file.size(); ++at)
            if (m_file[at] != 0)
                fail("padding before the data is not zero");
        if (m_file.size() != gguf.dataStart + expectedOffset)
            fail("file is " + std::to_string(m_file.size()) + " bytes, the header accounts for "
                + std::to_string(gguf.dataStart + expectedOffset));
        return gguf;
    }

    const std::vector<unsigned char>& m_file;
    std::uint64_t m_at = 0;
};

} // namespace complab::test
