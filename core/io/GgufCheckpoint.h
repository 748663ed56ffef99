// Reader for GGUF v2 and v3 (llama.cpp's format): header, typed metadata key/values, tensor
// infos, then aligned tensor data. Everything declared in the header is checked against the
// file's real size before it is used, with overflow-checked arithmetic.
#pragma once

#include "io/Checkpoint.h"
#include "io/GgufValue.h"

#include <map>

namespace complab {

class MappedFile;

class GgufCheckpoint final : public Checkpoint
{
public:
    static constexpr std::uint32_t maxDimensions = 4; // GGML_MAX_DIMS
    static constexpr std::size_t maxArrayNesting = 8;

    // Throws CheckpointError naming the file, the key or tensor, and the problem.
    explicit GgufCheckpoint(const std::filesystem::path& path);
    ~GgufCheckpoint() override;

    std::string formatName() const override { return "GGUF v" + std::to_string(m_version); }
    TensorView tensor(std::size_t index) const override;

    std::uint32_t version() const { return m_version; }
    std::uint64_t alignment() const { return m_alignment; }
    std::uint64_t dataOffset() const { return m_dataOffset; }
    // All key/values in file order (the Checkpoint::metadata() map holds their short text forms).
    const std::vector<std::pair<std::string, GgufValue>>& keyValues() const { return m_keyValues; }
    const GgufValue* find(std::string_view key) const;

private:
    void parse();
    void fillConfig();

    std::shared_ptr<const MappedFile> m_file;
    std::uint32_t m_version = 0;
    std::uint64_t m_alignment = 32;
    std::uint64_t m_dataOffset = 0;
    std::vector<std::pair<std::string, GgufValue>> m_keyValues;
};

} // namespace complab
