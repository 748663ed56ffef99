// One value-changing step of the recipe pipeline (prune, low-rank), applied tensor by tensor to the
// decoded values before quantisation. The pipeline runs the steps in the order prune -> low-rank ->
// quantise (seed 004) and only asks each for the tensors it applies to.
#pragma once

#include "io/TensorInfo.h"
#include "recipe/Progress.h"

#include <memory>
#include <span>
#include <stdexcept>
#include <stop_token>
#include <string>

namespace complab {

struct LowRankSettings;
struct PruningSettings;

// A recipe asks for a method this build does not contain; the message says which and what to do.
class FeatureUnavailable : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

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

// The steps a recipe's "pruning" and "low_rank" sections ask for. Throw FeatureUnavailable when the
// method is not part of this build, so that a recipe is never applied in part.
std::unique_ptr<PipelineStep> makePruneStep(const PruningSettings& settings);
std::unique_ptr<PipelineStep> makeLowRankStep(const LowRankSettings& settings);

} // namespace complab
