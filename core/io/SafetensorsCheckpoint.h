// Reader for the safetensors format: an 8-byte little-endian header length, a JSON header, then
// the tensor data. The header is validated as hostile input; tensor bytes are memory-mapped.
#pragma once

#include "io/Checkpoint.h"

namespace complab {

class MappedFile;

class SafetensorsCheckpoint final : public Checkpoint
{
public:
    // Headers larger than this are refused before they are read.
    static constexpr std::uint64_t maxHeaderBytes = 100ull * 1000 * 1000;

    // Throws CheckpointError naming the file, the tensor and the problem.
    explicit SafetensorsCheckpoint(const std::filesystem::path& path);
    ~SafetensorsCheckpoint() override;

    std::string formatName() const override { return "safetensors"; }
    TensorView tensor(std::size_t index) const override;

private:
    std::shared_ptr<const MappedFile> m_file;
};

} // namespace complab
