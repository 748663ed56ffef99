#include "prune/MagnitudePruner.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <stdexcept>

namespace complab {

Eigen::MatrixXf applyMask(const Eigen::MatrixXf& weight, const PruneMask& keep)
{
    return keep.select(weight.array(), 0.0f).matrix();
}

PruneResult pruneMagnitude(
    const Eigen::MatrixXf& weight, const PruneSpec& spec, Progress& progress, std::stop_token stop)
{
    if (!weight.allFinite())
        throw std::invalid_argument("the weight holds NaN or infinite values");
    PruneResult result;
    const Eigen::MatrixXf scores = weight.cwiseAbs();
    result.keep = selectMask(scores, spec, progress, stop);
    result.weight = applyMask(weight, result.keep);
    result.metrics = measurePruning(weight, result.weight, result.keep);
    return result;
}

std::vector<PruneResult> pruneGlobalMagnitude(
    const std::vector<const Eigen::MatrixXf*>& weights, double sparsity, Progress& progress, std::stop_token stop)
{
    if (!(sparsity >= 0.0 && sparsity < 1.0))
        throw std::invalid_argument("sparsity must be in [0, 1), not " + std::to_string(sparsity));
    std::uint64_t total = 0;
    for (const auto* weight : weights) {
        if (!weight->allFinite())
            throw std::invalid_argument("a weight holds NaN or infinite values");
        total += static_cast<std::uint64_t>(weight->size());
    }
    const std::uint64_t toPrune = prunedCount(sparsity, total);
    // The threshold: the toPrune-th smallest magnitude of the whole model (one float per weight).
    float threshold = -1.0f;
    if (toPrune > 0) {
        std::vector<float> magnitudes;
        magnitudes.reserve(total);
        for (const auto* weight : weights)
            for (Eigen::Index i = 0; i < weight->size(); ++i)
                magnitudes.push_back(std::abs(weight->data()[i]));
        throwIfStopped(stop);
        std::nth_element(
            magnitudes.begin(), magnitudes.begin() + static_cast<std::ptrdiff_t>(toPrune - 1), magnitudes.end());
        threshold = magnitudes[toPrune - 1];
    }
    progress.report(0.3);
    // Below the threshold all go; of the weights equal to it, the first ones in (tensor, row-major) order.
    std::vector<std::uint64_t> below(weights.size(), 0);
    std::vector<std::uint64_t> equal(weights.size(), 0);
    tbb::parallel_for(std::size_t(0), weights.size(), [&](std::size_t t) {
        const auto& w = *weights[t];
        for (Eigen::Index i = 0; i < w.size(); ++i) {
            const float magnitude = std::abs(w.data()[i]);
            below[t] += magnitude < threshold;
            equal[t] += magnitude == threshold;
        }
    });
    std::uint64_t tiesLeft = toPrune;
    for (const auto count : below)
        tiesLeft -= count;
    std::vector<std::uint64_t> tiesOfTensor(weights.size(), 0);
    for (std::size_t t = 0; t < weights.size(); ++t) {
        tiesOfTensor[t] = std::min(tiesLeft, equal[t]);
        tiesLeft -= tiesOfTensor[t];
    }
    std::vector<PruneResult> results(weights.size());
    std::atomic<std::size_t> done{0};
    tbb::parallel_for(std::size_t(0), weights.size(), [&](std::size_t t) {
        if (stop.stop_requested())
            return;
        const auto& w = *weights[t];
        auto& result = results[t];
        result.keep.resize(w.rows(), w.cols());
        std::uint64_t ties = tiesOfTensor[t];
        for (Eigen::Index row = 0; row < w.rows(); ++row) {
            for (Eigen::Index column = 0; column < w.cols(); ++column) {
                const float magnitude = std::abs(w(row, column));
                bool keep = magnitude > threshold;
                if (magnitude == threshold) {
                    keep = ties == 0;
                    ties -= !keep;
                }
                result.keep(row, column) = keep;
            }
        }
        result.weight = applyMask(w, result.keep);
        result.metrics = measurePruning(w, result.weight, result.keep);
        progress.report(0.3 + 0.7 * static_cast<double>(done.fetch_add(1) + 1) / static_cast<double>(weights.size()));
    });
    throwIfStopped(stop);
    return results;
}

} // namespace complab
