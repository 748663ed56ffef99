// The factories for the pipeline's value-changing steps. Pruning (core/prune) and low-rank
// factorisation (core/lowrank) are developed separately; until they are part of the build, a recipe
// that asks for them is refused here, before anything is written.
#include "recipe/PipelineStep.h"

#include "recipe/Recipe.h"

namespace complab {

std::unique_ptr<PipelineStep> makePruneStep(const PruningSettings& settings)
{
    throw FeatureUnavailable("pruning is not available in this build (the recipe asks for " + settings.method
        + " pruning of " + std::to_string(static_cast<int>(settings.fraction * 100 + 0.5)) + " %, " + settings.pattern
        + "); remove \"pruning\" from the recipe or use a build with core/prune");
}

std::unique_ptr<PipelineStep> makeLowRankStep(const LowRankSettings& settings)
{
    throw FeatureUnavailable(std::string("low-rank factorisation is not available in this build (the recipe asks for ")
        + (settings.rank ? "rank " + std::to_string(*settings.rank) : "energy " + std::to_string(*settings.energy))
        + "); remove \"low_rank\" from the recipe or use a build with core/lowrank");
}

} // namespace complab
