#include "io/ShardedSafetensorsCheckpoint.h"

#include "io/CheckpointError.h"
#include "io/SafetensorsCheckpoint.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <sstream>

namespace complab {

namespace {

using Json = nlohmann::json;

constexpr std::uintmax_t maxIndexBytes = 64 * 1024 * 1024;

Json readIndex(const std::filesystem::path& path)
{
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error)
        throw CheckpointError(path, "cannot read: " + error.message());
    if (size > maxIndexBytes)
        throw CheckpointError(path, "index is " + std::to_string(size) + " bytes, over the 64 MB limit");
    std::ifstream stream(path, std::ios::binary);
    std::ostringstream text;
    text << stream.rdbuf();
    try {
        return Json::parse(text.str());
    } catch (const Json::exception& e) {
        throw CheckpointError(path, std::string("index is not valid JSON: ") + e.what());
    }
}

// A shard must be a plain file name or relative path that stays inside the index's folder, even
// after following symbolic links.
std::filesystem::path resolveShard(
    const std::filesystem::path& indexPath, const std::string& tensor, const std::string& shard)
{
    const std::filesystem::path relative(shard);
    if (shard.empty() || relative.is_absolute() || relative.has_root_name() || relative.has_root_directory())
        throw CheckpointError(indexPath, tensor, "shard path '" + shard + "' must be relative to the index's folder");
    for (const auto& part : relative)
        if (part == "..")
            throw CheckpointError(indexPath, tensor, "shard path '" + shard + "' leaves the index's folder");
    const auto folder = indexPath.parent_path().empty() ? std::filesystem::path(".") : indexPath.parent_path();
    const auto path = folder / relative;
    std::error_code error;
    if (!std::filesystem::exists(path, error))
        throw CheckpointError(indexPath, tensor, "shard '" + shard + "' is missing (looked for " + path.string() + ")");
    const auto realFolder = std::filesystem::canonical(folder, error);
    const auto realShard = std::filesystem::canonical(path, error);
    if (error)
        throw CheckpointError(indexPath, tensor, "cannot resolve shard '" + shard + "': " + error.message());
    const auto [folderEnd, shardIt]
        = std::mismatch(realFolder.begin(), realFolder.end(), realShard.begin(), realShard.end());
    if (folderEnd != realFolder.end())
        throw CheckpointError(indexPath, tensor,
            "shard '" + shard + "' is a link to " + realShard.string() + ", outside the index's folder");
    return path;
}

} // namespace

ShardedSafetensorsCheckpoint::ShardedSafetensorsCheckpoint(const std::filesystem::path& indexPath)
    : Checkpoint(indexPath)
{
    const auto index = readIndex(indexPath);
    if (!index.is_object())
        throw CheckpointError(indexPath, "index is not a JSON object");
    const auto weightMap = index.find("weight_map");
    if (weightMap == index.end() || !weightMap->is_object())
        throw CheckpointError(indexPath, "index has no 'weight_map' object");
    if (const auto metadata = index.find("metadata"); metadata != index.end() && metadata->is_object()) {
        for (const auto& item : metadata->items())
            m_metadata[item.key()] = item.value().is_string() ? item.value().get<std::string>() : item.value().dump();
    }

    std::error_code error;
    m_fileBytes = std::filesystem::file_size(indexPath, error);
    std::map<std::string, std::size_t> shardByName;
    std::map<std::string, std::string> expectedShard; // tensor -> shard the index names
    for (const auto& item : weightMap->items()) {
        if (!item.value().is_string())
            throw CheckpointError(
                indexPath, item.key(), "weight_map value must be a shard file name, not " + item.value().dump());
        const auto shardName = item.value().get<std::string>();
        expectedShard[item.key()] = shardName;
        if (shardByName.count(shardName))
            continue;
        const auto shardPath = resolveShard(indexPath, item.key(), shardName);
        shardByName[shardName] = m_shards.size();
        auto shard = std::make_shared<const SafetensorsCheckpoint>(shardPath); // validates the shard itself
        m_fileBytes += shard->fileBytes();
        m_shards.push_back(std::move(shard));
    }

    // Every tensor exactly once: in the shard the index names, and in no other shard.
    std::map<std::string, std::size_t> seenIn;
    std::vector<std::string> shardNames(m_shards.size());
    for (const auto& [name, position] : shardByName)
        shardNames[position] = name;
    for (std::size_t shard = 0; shard < m_shards.size(); ++shard) {
        const auto& tensors = m_shards[shard]->tensors();
        for (std::size_t i = 0; i < tensors.size(); ++i) {
            const auto& name = tensors[i].name;
            if (const auto seen = seenIn.find(name); seen != seenIn.end())
                throw CheckpointError(indexPath, name,
                    "listed twice: in shard '" + shardNames[seen->second] + "' and in shard '" + shardNames[shard]
                        + "'");
            seenIn[name] = shard;
            const auto expected = expectedShard.find(name);
            if (expected == expectedShard.end())
                throw CheckpointError(
                    indexPath, name, "is in shard '" + shardNames[shard] + "' but not in the weight_map");
            if (expected->second != shardNames[shard])
                throw CheckpointError(indexPath, name,
                    "the weight_map puts it in shard '" + expected->second + "' but it is in shard '"
                        + shardNames[shard] + "'");
            m_tensors.push_back(tensors[i]);
            m_locations.push_back({shard, i});
        }
    }
    for (const auto& [name, shard] : expectedShard)
        if (!seenIn.count(name))
            throw CheckpointError(
                indexPath, name, "the weight_map lists it in shard '" + shard + "', which does not hold it");
    loadSidecarConfig();
}

ShardedSafetensorsCheckpoint::~ShardedSafetensorsCheckpoint() = default;

TensorView ShardedSafetensorsCheckpoint::tensor(std::size_t index) const
{
    if (index >= m_tensors.size())
        throw std::out_of_range("tensor index " + std::to_string(index) + " out of range");
    const auto& location = m_locations[index];
    const auto view = m_shards[location.shard]->tensor(location.index);
    return view.withInfo(m_tensors[index]);
}

const std::filesystem::path& ShardedSafetensorsCheckpoint::shardOf(std::size_t index) const
{
    return m_shards.at(m_locations.at(index).shard)->path();
}

} // namespace complab
