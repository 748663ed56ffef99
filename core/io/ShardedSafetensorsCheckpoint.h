// A safetensors checkpoint split over several files, described by model.safetensors.index.json
// ({"metadata": {...}, "weight_map": {tensor name: shard file}}). Every shard is opened and
// validated as a safetensors file; together they present one list of tensors.
#pragma once

#include "io/Checkpoint.h"

namespace complab {

class SafetensorsCheckpoint;

class ShardedSafetensorsCheckpoint final : public Checkpoint
{
public:
    // Throws CheckpointError naming the index or shard file, the tensor and the problem.
    explicit ShardedSafetensorsCheckpoint(const std::filesystem::path& indexPath);
    ~ShardedSafetensorsCheckpoint() override;

    std::string formatName() const override { return "safetensors (sharded)"; }
    TensorView tensor(std::size_t index) const override;

    std::size_t shardCount() const { return m_shards.size(); }
    // The shard file holding tensor `index`.
    const std::filesystem::path& shardOf(std::size_t index) const;

private:
    struct Location
    {
        std::size_t shard;
        std::size_t index;
    };
    std::vector<std::shared_ptr<const SafetensorsCheckpoint>> m_shards;
    std::vector<Location> m_locations;
};

} // namespace complab
