// Writes GGUF v3 files: metadata key/values, tensor infos, then the aligned tensor data, which
// is produced one tensor at a time by a callback so that a whole model never sits in memory.
// The file appears atomically (see AtomicFile).
#pragma once

#include "io/GgufValue.h"
#include "tensor/DType.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <stop_token>
#include <string>
#include <vector>

namespace complab {

class Progress;

class GgufWriter
{
public:
    explicit GgufWriter(std::uint32_t alignment = 32);

    void addString(const std::string& key, const std::string& value);
    void addUInt32(const std::string& key, std::uint32_t value);
    void addInt32(const std::string& key, std::int32_t value);
    void addFloat32(const std::string& key, float value);
    void addBool(const std::string& key, bool value);
    void addStringArray(const std::string& key, const std::vector<std::string>& values);
    void addFloat32Array(const std::string& key, const std::vector<float>& values);
    void addInt32Array(const std::string& key, const std::vector<std::int32_t>& values);
    // Copies a value read from another GGUF file, arrays included.
    void addValue(const std::string& key, const GgufValue& value);

    // shape in people's order ([rows, columns]); GGUF stores it reversed. The row length must be
    // a whole number of blocks of `type`.
    void addTensor(const std::string& name, DType type, const std::vector<std::int64_t>& shape);
    std::size_t tensorCount() const { return m_tensors.size(); }
    // Bytes of the file write() produces (header, padding and tensor data).
    std::uint64_t fileBytes() const;

    // produce(i) returns the bytes of tensor i (exactly its storage size). Throws CheckpointError
    // on I/O errors or a wrong size, Cancelled when stopped; the target is untouched then.
    using Producer = std::function<std::vector<std::byte>(std::size_t index)>;
    void write(
        const std::filesystem::path& path, const Producer& produce, Progress& progress, std::stop_token stop) const;

private:
    struct Tensor
    {
        std::string name;
        DType type;
        std::vector<std::uint64_t> extents; // ggml order
        std::uint64_t bytes;
        std::uint64_t offset;
    };
    std::uint64_t alignedDataSize() const;
    void appendKey(const std::string& key, GgufType type);
    template <typename T> void appendScalar(T value);
    void appendString(std::string_view text);
    void appendValuePayload(const GgufValue& value);

    std::uint32_t m_alignment;
    std::vector<std::byte> m_metadata;
    std::uint64_t m_keyCount = 0;
    std::vector<Tensor> m_tensors;
    std::uint64_t m_dataSize = 0;
};

} // namespace complab
