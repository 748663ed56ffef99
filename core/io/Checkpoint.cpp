#include "io/Checkpoint.h"

#include "io/CheckpointError.h"
#include "io/GgufCheckpoint.h"
#include "io/Hdf5Checkpoint.h"
#include "io/Llama2cCheckpoint.h"
#include "io/SafetensorsCheckpoint.h"
#include "io/ShardedSafetensorsCheckpoint.h"

#include <algorithm>
#include <array>
#include <cstring>
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
        if (tensor.supported) // listed-but-unreadable entries (HDF5 strings, references) hold no weights
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
    // A config.json that is present but broken is an error, not a silent guess.
    m_config = ModelConfig::load(configPath);
}

namespace {

bool hasSuffix(const std::string& text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Picks the checkpoint inside a folder: a sharded index first, then a single file of a known kind.
std::filesystem::path resolveFolder(const std::filesystem::path& folder)
{
    std::error_code error;
    for (const char* preferred : {"model.safetensors.index.json", "model.safetensors"}) {
        if (std::filesystem::is_regular_file(folder / preferred, error))
            return folder / preferred;
    }
    std::vector<std::filesystem::path> candidates;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
        if (!entry.is_regular_file(error))
            continue;
        const auto name = entry.path().filename().string();
        if (hasSuffix(name, ".safetensors.index.json") || hasSuffix(name, ".safetensors") || hasSuffix(name, ".gguf")
            || hasSuffix(name, ".h5") || (hasSuffix(name, ".bin") && name.rfind("tok", 0) != 0))
            candidates.push_back(entry.path());
    }
    std::sort(candidates.begin(), candidates.end());
    if (candidates.size() == 1)
        return candidates.front();
    if (candidates.empty())
        throw CheckpointError(folder, "folder holds no checkpoint (.safetensors, .gguf, .h5 or llama2.c .bin)");
    std::string names;
    for (const auto& candidate : candidates)
        names += (names.empty() ? "" : ", ") + candidate.filename().string();
    throw CheckpointError(folder, "folder holds several checkpoints (" + names + "); open one of them");
}

} // namespace

std::shared_ptr<const Checkpoint> openCheckpoint(const std::filesystem::path& requested)
{
    std::error_code error;
    if (!std::filesystem::exists(requested, error))
        throw CheckpointError(requested, "no such file or folder");
    const auto path = std::filesystem::is_directory(requested, error) ? resolveFolder(requested) : requested;
    const auto name = path.filename().string();

    std::array<unsigned char, 9> magic{};
    std::streamsize magicBytes = 0;
    {
        std::ifstream stream(path, std::ios::binary);
        if (!stream)
            throw CheckpointError(path, "cannot open for reading");
        stream.read(reinterpret_cast<char*>(magic.data()), magic.size());
        magicBytes = stream.gcount();
    }
    const auto startsWith = [&](std::string_view prefix) {
        return static_cast<std::size_t>(magicBytes) >= prefix.size()
            && std::memcmp(magic.data(), prefix.data(), prefix.size()) == 0;
    };

    if (startsWith("GGUF") || hasSuffix(name, ".gguf"))
        return std::make_shared<GgufCheckpoint>(path);
    if (startsWith(std::string_view("\x89HDF\r\n\x1a\n", 8)))
        return std::make_shared<Hdf5Checkpoint>(path);
    const std::string pickleProblem
        = "this looks like a PyTorch pickle (torch.save); pickles can run arbitrary code, so the lab does not load "
          "them. Convert it to safetensors first, e.g. with safetensors.torch.save_file(torch.load(path), "
          "'model.safetensors')";
    if (startsWith(std::string_view("PK\x03\x04", 4)))
        throw CheckpointError(path, pickleProblem);
    if (hasSuffix(name, ".safetensors.index.json"))
        return std::make_shared<ShardedSafetensorsCheckpoint>(path);
    // A safetensors file starts with its header length, then the header's '{'.
    if (hasSuffix(name, ".safetensors") || (magicBytes == 9 && magic[8] == '{'))
        return std::make_shared<SafetensorsCheckpoint>(path);
    // A pickle starts with 0x80, but so does a llama2.c file whose dim is 128 or 384: the llama2.c
    // reader, which checks the file length against its header, decides first.
    const bool maybePickle = magicBytes > 0 && magic[0] == 0x80;
    if (hasSuffix(name, ".bin")) {
        try {
            return std::make_shared<Llama2cCheckpoint>(path);
        } catch (const CheckpointError&) {
            if (maybePickle)
                throw CheckpointError(path, pickleProblem);
            throw;
        }
    }
    if (maybePickle)
        throw CheckpointError(path, pickleProblem);
    throw CheckpointError(
        path, "unrecognised checkpoint format (expected .safetensors, .gguf, .h5 or a llama2.c .bin)");
}

} // namespace complab
