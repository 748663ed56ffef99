#include "model/CompressionSweeps.h"

#include "lowrank/LowRankFactorizer.h"
#include "lowrank/LowRankSpec.h"
#include "prune/MagnitudePruner.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace complab {

namespace {

// The layer weights (not the embedding or the classifier).
bool isLayerWeight(const ModelWeights& base, const WeightTensor& tensor)
{
    return base.layerOf(tensor.name) >= 0 && tensor.rows > 1 && tensor.columns > 1;
}

Eigen::MatrixXf asMatrix(const WeightTensor& tensor)
{
    return tensor.matrix();
}

std::shared_ptr<const std::vector<float>> fromMatrix(const Eigen::MatrixXf& matrix)
{
    // Eigen::MatrixXf is column-major; WeightTensor is row-major.
    auto values = std::make_shared<std::vector<float>>(static_cast<std::size_t>(matrix.size()));
    Eigen::Map<RowMajorMatrix>(values->data(), matrix.rows(), matrix.cols()) = matrix;
    return values;
}

// Measures one variant, then lets it go before the next is built.
VariantQuality measureOne(const EvaluationBaseline& baseline, Variant variant, Progress& progress, std::size_t index,
    std::size_t count, std::stop_token stop)
{
    progress.setStep(variant.label, static_cast<double>(index) / static_cast<double>(count));
    Progress inner([&progress, index, count](double fraction, const std::string&) {
        progress.report((static_cast<double>(index) + fraction) / static_cast<double>(count));
    });
    auto results = compareVariants(baseline, {std::move(variant)}, inner, stop);
    return std::move(results.front());
}

std::string percentLabel(double fraction, const char* what)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.0f %% %s", fraction * 100.0, what);
    return text;
}

} // namespace

std::vector<VariantQuality> sweepPruning(const EvaluationBaseline& baseline, const ModelWeights& base,
    const std::vector<double>& sparsities, bool withTwoFour, Progress& progress, std::stop_token stop)
{
    for (const double sparsity : sparsities)
        if (!(sparsity > 0.0 && sparsity < 1.0))
            throw std::invalid_argument("a pruning sweep needs sparsities in (0, 1), not " + std::to_string(sparsity));
    std::vector<PruneSpec> specs;
    for (const double sparsity : sparsities)
        specs.push_back(PruneSpec::unstructured(sparsity));
    if (withTwoFour)
        specs.push_back(PruneSpec::nOfM(2, 4));

    std::vector<VariantQuality> results;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const PruneSpec& spec = specs[i];
        std::int64_t zeroed = 0;
        Progress silent;
        const auto weights
            = base.transformed([&](const WeightTensor& tensor) -> std::shared_ptr<const std::vector<float>> {
                  if (!isLayerWeight(base, tensor)
                      || (spec.pattern == SparsityPattern::NOfM && tensor.columns % spec.groupM))
                      return nullptr;
                  const Eigen::MatrixXf weight = asMatrix(tensor);
                  const PruneResult pruned = pruneMagnitude(weight, spec, silent, stop);
                  zeroed += static_cast<std::int64_t>(
                      (pruned.weight.array() == 0.0f).count() - (weight.array() == 0.0f).count());
                  return fromMatrix(pruned.weight);
              });
        const std::string label
            = spec.pattern == SparsityPattern::NOfM ? "2:4 magnitude" : percentLabel(spec.sparsity, "magnitude");
        results.push_back(measureOne(baseline, {label, weights, 0.0, zeroed}, progress, i, specs.size(), stop));
    }
    progress.report(1.0);
    return results;
}

std::vector<VariantQuality> sweepLowRank(const EvaluationBaseline& baseline, const ModelWeights& base,
    const std::vector<double>& energies, Progress& progress, std::stop_token stop)
{
    for (const double energy : energies)
        if (!(energy > 0.0 && energy <= 1.0))
            throw std::invalid_argument("a low-rank sweep needs energies in (0, 1], not " + std::to_string(energy));
    std::vector<VariantQuality> results;
    for (std::size_t i = 0; i < energies.size(); ++i) {
        LowRankSpec spec = LowRankSpec::withEnergy(energies[i]);
        spec.algorithm = SvdAlgorithm::Exact; // the energy rule needs the whole spectrum
        std::int64_t factored = 0;
        Progress silent;
        const auto weights
            = base.transformed([&](const WeightTensor& tensor) -> std::shared_ptr<const std::vector<float>> {
                  if (!isLayerWeight(base, tensor))
                      return nullptr;
                  const LowRankResult result = factorize(asMatrix(tensor), spec, sizeof(float), silent, stop);
                  factored += static_cast<std::int64_t>(result.savings.factoredParameters);
                  return fromMatrix(result.reconstruction());
              });
        results.push_back(measureOne(baseline, {percentLabel(energies[i], "energy"), weights, 0.0, factored}, progress,
            i, energies.size(), stop));
    }
    progress.report(1.0);
    return results;
}

} // namespace complab
