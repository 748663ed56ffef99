// A model checkpoint opened for reading: the list of tensors (read from the header only) and
// lazy, zero-copy access to each tensor's bytes. Every format's reader produces one of these.
#pragma once

#include "io/ModelConfig.h"
#include "io/TensorInfo.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace complab {

class Checkpoint
{
public:
    virtual ~Checkpoint();

    // "safetensors", "GGUF", ...
    virtual std::string formatName() const = 0;
    virtual TensorView tensor(std::size_t index) const = 0;

    const std::filesystem::path& path() const { return m_path; }
    const std::vector<TensorInfo>& tensors() const { return m_tensors; }
    const std::map<std::string, std::string>& metadata() const { return m_metadata; }
    // The architecture: from the config.json beside the checkpoint, or from the file's own header.
    const std::optional<ModelConfig>& config() const { return m_config; }

    std::optional<std::size_t> indexOf(std::string_view name) const;
    std::uint64_t totalParameters() const;
    std::uint64_t totalTensorBytes() const;
    // Bytes of the file(s) on disk, header included.
    std::uint64_t fileBytes() const { return m_fileBytes; }
    // Number of tensors of each dtype, in DType order.
    std::map<DType, std::size_t> dtypeCounts() const;

protected:
    explicit Checkpoint(std::filesystem::path path);
    void loadSidecarConfig();

    std::filesystem::path m_path;
    std::vector<TensorInfo> m_tensors;
    std::map<std::string, std::string> m_metadata;
    std::optional<ModelConfig> m_config;
    std::uint64_t m_fileBytes = 0;
};

// Opens a checkpoint file or a folder holding one, choosing the reader from the file's content.
// Throws CheckpointError (naming the file and the problem) for anything it cannot read.
std::shared_ptr<const Checkpoint> openCheckpoint(const std::filesystem::path& path);

} // namespace complab
