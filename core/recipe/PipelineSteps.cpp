// The factories for the pipeline's value-changing steps. Magnitude pruning comes from core/prune,
// Wanda and SparseGPT from core/calib with the recipe's calibration (recipe/RecipeCalibration), and
// low-rank factorisation from core/lowrank.
#include "recipe/PipelineStep.h"

#include "calib/SparseGpt.h"
#include "calib/Wanda.h"
#include "lowrank/LowRankFactorizer.h"
#include "prune/MagnitudePruner.h"
#include "recipe/LlamaTensorNames.h"
#include "recipe/Recipe.h"
#include "recipe/RecipeCalibration.h"

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

// unstructured at the fraction (per tensor for magnitude; per output row for Wanda and SparseGPT,
// which compare the weights of a row, as their papers do), or N:M along the rows.
PruneSpec pruneSpecOf(const PruningSettings& settings, PruneScope unstructuredScope)
{
    if (settings.pattern == "unstructured")
        return PruneSpec::unstructured(settings.fraction, unstructuredScope);
    const auto nm = PruneSpec::parsePattern(settings.pattern);
    if (!nm)
        throw std::invalid_argument("pruning pattern \"" + settings.pattern + "\" is not N:M");
    return PruneSpec::nOfM(nm->first, nm->second);
}

// What every pruning step shares: the recipe's settings, the mask spec, and which tensors it takes
// (the selected 2-D weights whose shape the spec fits).
class PruneStep : public PipelineStep
{
public:
    PruneStep(const PruningSettings& settings, PruneScope unstructuredScope)
        : m_settings(settings)
        , m_spec(pruneSpecOf(settings, unstructuredScope))
    { }

    std::string name() const override { return "prune"; }

    bool appliesTo(const TensorInfo& info) const override
    {
        return selectedBy(m_settings.tensors, info)
            && m_spec.whyNotApplicable(std::uint64_t(info.shape[0]), std::uint64_t(info.shape[1])).empty();
    }

protected:
    PruningSettings m_settings;
    PruneSpec m_spec;
};

class MagnitudePruneStep final : public PruneStep
{
public:
    explicit MagnitudePruneStep(const PruningSettings& settings)
        : PruneStep(settings, PruneScope::PerTensor)
    { }

    void apply(const TensorInfo&, std::span<float> values, std::size_t rows, std::size_t columns,
        std::stop_token stop) const override
    {
        Eigen::Map<RowMajorMatrix> matrix(values.data(), Eigen::Index(rows), Eigen::Index(columns));
        const Eigen::MatrixXf weight = matrix;
        Progress silent;
        const auto result = pruneMagnitude(weight, m_spec, silent, stop);
        matrix = result.weight;
    }
};

// Wanda (|W_ij| · ‖X_j‖₂) or SparseGPT (OBS saliency under the layer Hessian, with the remaining
// weights updated) from the activations of the recipe's calibration text in the uncompressed model,
// captured on first use and shared (recipeCalibration).
class CalibratedPruneStep final : public PruneStep
{
public:
    CalibratedPruneStep(
        const PruningSettings& settings, CalibrationSettings calibration, std::shared_ptr<const Checkpoint> checkpoint)
        : PruneStep(settings, PruneScope::PerRow)
        , m_calibration(std::move(calibration))
        , m_checkpoint(std::move(checkpoint))
    {
        requireCalibrationText(m_calibration);
    }

    void apply(const TensorInfo& info, std::span<float> values, std::size_t rows, std::size_t columns,
        std::stop_token stop) const override
    {
        const bool sparseGpt = m_settings.method == "sparsegpt";
        const auto activations = recipeCalibration(m_checkpoint, m_calibration, sparseGpt, stop);
        const auto squares = activations->sumSquares.find(info.name);
        if (squares == activations->sumSquares.end() || activations->tokens < 1)
            throw std::invalid_argument("tensor '" + info.name + "': the calibration run gave it no inputs ("
                + m_settings.method + " scores only the linear layers the model runs on the text)");
        Eigen::Map<RowMajorMatrix> matrix(values.data(), Eigen::Index(rows), Eigen::Index(columns));
        const Eigen::MatrixXf weight = matrix;
        Progress silent;
        PruneResult result;
        try {
            if (sparseGpt) {
                const Eigen::MatrixXd hessian
                    = activations->gram.at(info.name) * (2.0 / static_cast<double>(activations->tokens));
                result = sparseGptPrune(weight, hessian, m_spec, SparseGptOptions{}, silent, stop);
            } else {
                const Eigen::VectorXf norms
                    = Eigen::Map<const Eigen::VectorXf>(squares->second.data(), Eigen::Index(squares->second.size()))
                          .cwiseSqrt();
                result = wandaPruneWithNorms(weight, norms, m_spec, silent, stop);
            }
        } catch (const std::invalid_argument& e) {
            throw std::invalid_argument("tensor '" + info.name + "': " + m_settings.method + ": " + e.what());
        }
        matrix = result.weight;
    }

private:
    CalibrationSettings m_calibration;
    std::shared_ptr<const Checkpoint> m_checkpoint;
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

std::unique_ptr<PipelineStep> makePruneStep(const PruningSettings& settings,
    const std::optional<CalibrationSettings>& calibration, std::shared_ptr<const Checkpoint> checkpoint)
{
    if (settings.method == "magnitude")
        return std::make_unique<MagnitudePruneStep>(settings);
    if (settings.method != "wanda" && settings.method != "sparsegpt")
        throw std::invalid_argument("pruning.method \"" + settings.method + "\" is not magnitude, wanda or sparsegpt");
    if (!calibration)
        throw std::invalid_argument("pruning.method " + settings.method
            + " needs the recipe's \"calibration\" text, whose activations in the model score the weights; "
              "add one (compression-lab-cli recipe ... --calibration TEXT) or use \"method\": \"magnitude\"");
    return std::make_unique<CalibratedPruneStep>(settings, *calibration, std::move(checkpoint));
}

std::unique_ptr<PipelineStep> makeLowRankStep(const LowRankSettings& settings)
{
    if (settings.rank.has_value() == settings.energy.has_value())
        throw std::invalid_argument("low_rank needs exactly one of rank and energy");
    return std::make_unique<LowRankStep>(settings);
}

} // namespace complab
