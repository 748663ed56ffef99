// The factories for the pipeline's value-changing steps. Magnitude pruning comes from core/prune and
// low-rank factorisation from core/lowrank; Wanda and SparseGPT need calibration activations, which
// the pipeline does not capture yet: a recipe asking for them is refused here, before anything is
// written, rather than applied in part.
#include "recipe/PipelineStep.h"

#include "lowrank/LowRankFactorizer.h"
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

// The 2-D float weights a step's `tensors` globs select (source or llama.cpp name), or by default
// every one but the embeddings and the classifier.
bool selectedBy(const std::vector<std::string>& globs, const TensorInfo& info)
{
    if (info.shape.size() != 2 || !(isFloatingPoint(info.dtype) || isBlockFormat(info.dtype)))
        return false;
    if (globs.empty())
        return prunedByDefault(info.name);
    const auto mapped = llamaCppTensorName(info.name);
    for (const auto& pattern : globs) {
        const TensorRule rule{TensorRule::Syntax::Glob, pattern, {}};
        if (rule.matches(info.name) || (mapped && rule.matches(mapped->ggufName)))
            return true;
    }
    return false;
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
        return selectedBy(m_settings.tensors, info)
            && m_spec.whyNotApplicable(std::uint64_t(info.shape[0]), std::uint64_t(info.shape[1])).empty();
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

// W ≈ A·B with the recipe's rank (or the smallest rank keeping its energy), stored as the product in
// the tensor's own layout: the values are what the factors compute, so every later measure (error,
// perplexity) is the factorisation's; the file keeps the dense shape llama.cpp and transformers load.
class LowRankStep final : public PipelineStep
{
public:
    explicit LowRankStep(const LowRankSettings& settings)
        : m_settings(settings)
        , m_spec(settings.rank ? LowRankSpec::withRank(*settings.rank) : LowRankSpec::withEnergy(*settings.energy))
    {
        // The exact SVD: the same values whatever the thread count, and the energy rule needs all of them.
        m_spec.algorithm = SvdAlgorithm::Exact;
        if (const auto why = m_spec.whyInvalid(); !why.empty())
            throw std::invalid_argument("low_rank: " + why);
    }

    std::string name() const override { return "low-rank"; }

    bool appliesTo(const TensorInfo& info) const override { return selectedBy(m_settings.tensors, info); }

    void apply(const TensorInfo&, std::span<float> values, std::size_t rows, std::size_t columns,
        std::stop_token stop) const override
    {
        Eigen::Map<RowMajorMatrix> matrix(values.data(), Eigen::Index(rows), Eigen::Index(columns));
        const Eigen::MatrixXf weight = matrix;
        Progress silent;
        const auto result = factorize(weight, m_spec, sizeof(float), silent, stop);
        matrix = result.reconstruction();
    }

private:
    LowRankSettings m_settings;
    LowRankSpec m_spec;
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
    if (settings.rank.has_value() == settings.energy.has_value())
        throw std::invalid_argument("low_rank needs exactly one of rank and energy");
    return std::make_unique<LowRankStep>(settings);
}

} // namespace complab
