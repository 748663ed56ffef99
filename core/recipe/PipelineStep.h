// One value-changing step of the recipe pipeline (prune, low-rank), applied tensor by tensor to the
// decoded values before quantisation. The pipeline runs the steps in the order prune -> low-rank ->
// quantise (seed 004) and only asks each for the tensors it applies to.
#pragma once

#include "io/TensorInfo.h"
#include "recipe/Progress.h"

#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <stop_token>
#include <string>

namespace complab {

class Checkpoint;
struct CalibrationSettings;
struct LowRankSettings;
struct PruningSettings;

class PipelineStep
{
public:
    virtual ~PipelineStep() = default;
    virtual std::string name() const = 0; // "prune", "low-rank"
    virtual bool appliesTo(const TensorInfo& info) const = 0;
    // Changes rows x columns values (row-major, the source tensor's layout) in place. Must give the
    // same values whatever the thread count. Throws Cancelled when stopped.
    virtual void apply(const TensorInfo& info, std::span<float> values, std::size_t rows, std::size_t columns,
        std::stop_token stop) const = 0;
};

// The steps a recipe's "pruning" and "low_rank" sections ask for. Wanda and SparseGPT need the
// recipe's calibration (std::invalid_argument without one; CheckpointError when its text is missing
// or changed) and the checkpoint they run it through. Throw before anything is written, so that a
// recipe is never applied in part.
std::unique_ptr<PipelineStep> makePruneStep(const PruningSettings& settings,
    const std::optional<CalibrationSettings>& calibration, std::shared_ptr<const Checkpoint> checkpoint);
std::unique_ptr<PipelineStep> makeLowRankStep(const LowRankSettings& settings);

} // namespace complab
