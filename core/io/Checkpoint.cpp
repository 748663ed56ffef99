#include "io/Checkpoint.h"

#include "io/CheckpointError.h"
#include "io/SafetensorsCheckpoint.h"

#include <array>
#include <fstream>

namespace complab {

Checkpoint::Checkpoint(std::filesystem::path path)
    : m_path(std::move(path))
{ }

Checkpoint::~Checkpoint() = default;

std::optional<std::size_t> Checkpoint::indexOf(std::string_view name) const
{
    for (std::size_t i = 0; i < m_tensors.size(); ++i)
        if (m_tensors[i].name == name)
            return i;
    return std::nullopt;
}

std::uint64_t Checkpoint::totalParameters() const
{
    std::uint64_t total = 0;
    for (const auto& tensor : m_tensors)
        total += tensor.elementCount();
    return total;
}

std::uint64_t Checkpoint::totalTensorBytes() const
{
    std::uint64_t total = 0;
    for (const auto& tensor : m_tensors)
        total += tensor.byteSize;
    return total;
}

std::map<DType, std::size_t> Checkpoint::dtypeCounts() const
{
    std::map<DType, std::size_t> counts;
    for (const auto& tensor : m_tensors)
        ++counts[tensor.dtype];
    return counts;
}

void Checkpoint::loadSidecarConfig()
{
    const auto configPath = m_path.parent_path() / "config.json";
    std::error_code error;
    if (!std::filesystem::is_regular_file(configPath, error))
        return;
    try {
        m_config = ModelConfig::load(configPath);
    } catch (const CheckpointError& e) {
        m_configWarning = e.what();
    }
}

namespace {

std::filesystem::path resolveFolder(const std::filesystem::path& folder)
{
    const auto single = folder / "model.safetensors";
    std::error_code error;
    if (std::filesystem::is_regular_file(single, error))
        return single;
    std::vector<std::filesystem::path> candidates;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
        if (entry.is_regular_file(error) && entry.path().extension() == ".safetensors")
            candidates.push_back(entry.path());
    }
    if (candidates.size() == 1)
        return candidates.front();
    if (candidates.empty())
        throw CheckpointError(folder, "folder holds no .safetensors checkpoint");
    throw CheckpointError(folder,
        "folder holds " + std::to_string(candidates.size())
            + " .safetensors files and no model.safetensors; open one of them "
              "(sharded checkpoints are not supported yet)");
}

} // namespace

std::shared_ptr<const Checkpoint> openCheckpoint(const std::filesystem::path& requested)
{
    std::error_code error;
    if (!std::filesystem::exists(requested, error))
        throw CheckpointError(requested, "no such file or folder");
    const auto path = std::filesystem::is_directory(requested, error) ? resolveFolder(requested) : requested;

    std::array<char, 9> magic{};
    {
        std::ifstream stream(path, std::ios::binary);
        if (!stream)
            throw CheckpointError(path, "cannot open for reading");
        stream.read(magic.data(), magic.size());
    }
    // A safetensors file starts with its header length, then the header's '{'.
    const bool looksLikeSafetensors = magic[8] == '{';
    if (std::string_view(magic.data(), 4) == "GGUF")
        throw CheckpointError(path, "GGUF files are not supported by this version yet");
    if (std::string_view(magic.data(), 4) == "\x89HDF")
        throw CheckpointError(path, "HDF5 files are not supported by this version yet");
    if (path.extension() == ".safetensors" || looksLikeSafetensors)
        return std::make_shared<SafetensorsCheckpoint>(path);
    throw CheckpointError(path, "unrecognised checkpoint format (expected a .safetensors file)");
}

} // namespace complab
