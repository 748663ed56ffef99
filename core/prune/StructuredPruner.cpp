#include "prune/StructuredPruner.h"

#include "prune/MagnitudePruner.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace complab {

StructuredResult pruneStructured(const std::vector<StructuredPart>& parts, Eigen::Index unitSize, double fraction,
    Progress& progress, std::stop_token stop)
{
    if (parts.empty())
        throw std::invalid_argument("structured pruning needs at least one weight");
    if (unitSize <= 0)
        throw std::invalid_argument("the unit size (1, or the head dimension) must be positive");
    if (!(fraction >= 0.0 && fraction < 1.0))
        throw std::invalid_argument("the fraction of units removed must be in [0, 1), not " + std::to_string(fraction));
    const auto extent = [](const StructuredPart& part) {
        return part.axis == StructuredAxis::Rows ? part.weight->rows() : part.weight->cols();
    };
    const Eigen::Index length = extent(parts.front());
    if (length % unitSize != 0)
        throw std::invalid_argument("a dimension of " + std::to_string(length) + " is not a whole number of units of "
            + std::to_string(unitSize));
    const Eigen::Index units = length / unitSize;
    std::vector<double> scores(static_cast<std::size_t>(units), 0.0);
    for (const auto& part : parts) {
        if (extent(part) != length)
            throw std::invalid_argument("the coupled weights disagree: " + std::to_string(extent(part)) + " against "
                + std::to_string(length) + " along the pruned dimension");
        if (!part.weight->allFinite())
            throw std::invalid_argument("a weight holds NaN or infinite values");
        for (Eigen::Index u = 0; u < units; ++u) {
            const auto& w = *part.weight;
            scores[static_cast<std::size_t>(u)] += part.axis == StructuredAxis::Rows
                ? w.middleRows(u * unitSize, unitSize).cast<double>().squaredNorm()
                : w.middleCols(u * unitSize, unitSize).cast<double>().squaredNorm();
        }
    }
    throwIfStopped(stop);
    StructuredResult result;
    result.unitsRemoved = prunedCount(fraction, static_cast<std::uint64_t>(units));
    std::vector<std::size_t> order(static_cast<std::size_t>(units));
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    result.keptUnits.assign(static_cast<std::size_t>(units), true);
    for (std::size_t i = 0; i < result.unitsRemoved; ++i)
        result.keptUnits[order[i]] = false;

    const auto removedLength = static_cast<Eigen::Index>(result.unitsRemoved) * unitSize;
    for (std::size_t p = 0; p < parts.size(); ++p) {
        throwIfStopped(stop);
        const auto& w = *parts[p].weight;
        PruneResult pruned;
        pruned.keep = PruneMask::Constant(w.rows(), w.cols(), true);
        for (Eigen::Index u = 0; u < units; ++u) {
            if (result.keptUnits[static_cast<std::size_t>(u)])
                continue;
            if (parts[p].axis == StructuredAxis::Rows)
                pruned.keep.middleRows(u * unitSize, unitSize).setConstant(false);
            else
                pruned.keep.middleCols(u * unitSize, unitSize).setConstant(false);
        }
        pruned.weight = applyMask(w, pruned.keep);
        pruned.metrics = measurePruning(w, pruned.weight, pruned.keep);
        result.denseShapes.emplace_back(parts[p].axis == StructuredAxis::Rows ? w.rows() - removedLength : w.rows(),
            parts[p].axis == StructuredAxis::Columns ? w.cols() - removedLength : w.cols());
        result.parts.push_back(std::move(pruned));
        progress.report(static_cast<double>(p + 1) / static_cast<double>(parts.size()));
    }
    return result;
}

} // namespace complab
