// Writes safetensors files: a JSON header (dtype, shape, data offsets, __metadata__) followed by
// the tensor bytes, produced one tensor at a time. The file appears atomically (see AtomicFile).
#pragma once

#include "tensor/DType.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <stop_token>
#include <string>
#include <vector>

namespace complab {

class Progress;

class SafetensorsWriter
{
public:
    void setMetadata(const std::string& key, const std::string& value) { m_metadata[key] = value; }
    // Plain (non-block) dtypes only.
    void addTensor(const std::string& name, DType type, const std::vector<std::int64_t>& shape);

    using Producer = std::function<std::vector<std::byte>(std::size_t index)>;
    void write(
        const std::filesystem::path& path, const Producer& produce, Progress& progress, std::stop_token stop) const;

private:
    struct Tensor
    {
        std::string name;
        DType type;
        std::vector<std::int64_t> shape;
        std::uint64_t bytes;
    };
    std::map<std::string, std::string> m_metadata;
    std::vector<Tensor> m_tensors;
};

} // namespace complab
