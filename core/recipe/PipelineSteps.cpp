// The factories for the pipeline's value-changing steps. Magnitude pruning comes from core/prune;
// Wanda and SparseGPT need calibration activations, which the pipeline does not capture yet, and
// low-rank factorisation (core/lowrank) is not part of this build: a recipe asking for them is
// refused here, before anything is written, rather than applied in part.
#include "recipe/PipelineStep.h"

#include "prune/MagnitudePruner.h"
#include "recipe/LlamaTensorNames.h"
#include "recipe/Recipe.h"

#include <Eigen/Core>

namespace complab {

namespace {

using RowMajorMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Embeddings and the classifier are not pruned unless named: they are lookups/outputs, not layers.
bool prunedByDefault(const std::string& name)
{
    return name.find("embed_tokens") == std::string::npos && name.find("token_embd") == std::string::npos
        && name != "lm_head.weight" && name != "output.weight";
}

class MagnitudePruneStep final : public PipelineStep
{
public:
    explicit MagnitudePruneStep(const PruningSettings& settings)
        : m_settings(settings)
    {
        if (settings.pattern == "unstructured") {
            m_spec = PruneSpec::unstructured(settings.fraction, PruneScope::PerTensor);
        } else {
            const auto nm = PruneSpec::parsePattern(settings.pattern);
            if (!nm)
                throw std::invalid_argument("pruning pattern \"" + settings.pattern + "\" is not N:M");
            m_spec = PruneSpec::nOfM(nm->first, nm->second);
        }
    }

    std::string name() const override { return "prune"; }

    bool appliesTo(const TensorInfo& info) const override
    {
        if (info.shape.size() != 2 || !(isFloatingPoint(info.dtype) || isBlockFormat(info.dtype)))
            return false;
        if (!m_spec.whyNotApplicable(std::uint64_t(info.shape[0]), std::uint64_t(info.shape[1])).empty())
            return false;
        if (m_settings.tensors.empty())
            return prunedByDefault(info.name);
        const auto mapped = llamaCppTensorName(info.name);
        for (const auto& pattern : m_settings.tensors) {
            const TensorRule rule{TensorRule::Syntax::Glob, pattern, {}};
            if (rule.matches(info.name) || (mapped && rule.matches(mapped->ggufName)))
                return true;
        }
        return false;
    }

    void apply(const TensorInfo&, std::span<float> values, std::size_t rows, std::size_t columns,
        std::stop_token stop) const override
    {
        Eigen::Map<RowMajorMatrix> matrix(values.data(), Eigen::Index(rows), Eigen::Index(columns));
        const Eigen::MatrixXf weight = matrix;
        Progress silent;
        const auto result = pruneMagnitude(weight, m_spec, silent, stop);
        matrix = result.weight;
    }

private:
    PruningSettings m_settings;
    PruneSpec m_spec;
};

} // namespace

std::unique_ptr<PipelineStep> makePruneStep(const PruningSettings& settings)
{
    if (settings.method != "magnitude")
        throw FeatureUnavailable(settings.method
            + " pruning is not available in this build: it needs calibration activations, which the recipe "
              "pipeline does not capture yet; use \"method\": \"magnitude\" or prune with the calibration tools");
    return std::make_unique<MagnitudePruneStep>(settings);
}

std::unique_ptr<PipelineStep> makeLowRankStep(const LowRankSettings& settings)
{
    throw FeatureUnavailable(std::string("low-rank factorisation is not available in this build (the recipe asks for ")
        + (settings.rank ? "rank " + std::to_string(*settings.rank) : "energy " + std::to_string(*settings.energy))
        + "); remove \"low_rank\" from the recipe or use a build with core/lowrank");
}

} // namespace complab
