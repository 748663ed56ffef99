#include "prune/PruneMask.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace complab {

namespace {

// Marks the `prune` lowest of `count` strided scores as removed; ties by lower index first.
void pruneLowest(const float* scores, std::ptrdiff_t stride, std::size_t count, std::size_t prune, bool* keep,
    std::ptrdiff_t keepStride, std::vector<std::uint32_t>& order)
{
    for (std::size_t i = 0; i < count; ++i)
        keep[static_cast<std::ptrdiff_t>(i) * keepStride] = true;
    if (prune == 0)
        return;
    order.resize(count);
    std::iota(order.begin(), order.end(), 0u);
    const auto lower = [&](std::uint32_t a, std::uint32_t b) {
        const float sa = scores[static_cast<std::ptrdiff_t>(a) * stride];
        const float sb = scores[static_cast<std::ptrdiff_t>(b) * stride];
        return sa < sb || (sa == sb && a < b);
    };
    if (prune < count)
        std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(prune - 1), order.end(), lower);
    for (std::size_t i = 0; i < std::min(prune, count); ++i)
        keep[static_cast<std::ptrdiff_t>(order[i]) * keepStride] = false;
}

} // namespace

void pruneLowestScores(const float* scores, std::ptrdiff_t stride, std::size_t count, std::size_t prune, bool* keep,
    std::ptrdiff_t keepStride)
{
    std::vector<std::uint32_t> order;
    pruneLowest(scores, stride, count, prune, keep, keepStride, order);
}

std::uint64_t prunedCount(double sparsity, std::uint64_t count)
{
    return std::min<std::uint64_t>(
        count, static_cast<std::uint64_t>(std::llround(sparsity * static_cast<double>(count))));
}

void selectNOfM(const float* scores, std::ptrdiff_t stride, std::size_t count, int keepN, int groupM, bool* keep,
    std::ptrdiff_t keepStride)
{
    const auto m = static_cast<std::size_t>(groupM);
    std::vector<std::uint32_t> order;
    for (std::size_t first = 0; first + m <= count; first += m) {
        const auto offset = static_cast<std::ptrdiff_t>(first);
        pruneLowest(scores + offset * stride, stride, m, m - static_cast<std::size_t>(keepN),
            keep + offset * keepStride, keepStride, order);
    }
}

PruneMask selectMask(const Eigen::MatrixXf& scores, const PruneSpec& spec, Progress& progress, std::stop_token stop)
{
    const auto rows = static_cast<std::size_t>(scores.rows());
    const auto columns = static_cast<std::size_t>(scores.cols());
    if (const auto problem = spec.whyNotApplicable(rows, columns); !problem.empty())
        throw std::invalid_argument(problem);
    if (spec.scope == PruneScope::Global && spec.pattern == SparsityPattern::Unstructured)
        throw std::invalid_argument("a global threshold spans several tensors: use pruneGlobalMagnitude");
    if (!scores.allFinite())
        throw std::invalid_argument("the pruning scores hold NaN or infinite values");
    PruneMask keep(scores.rows(), scores.cols());
    // Column-major storage: a row is strided by `rows`.
    const auto rowStride = static_cast<std::ptrdiff_t>(rows);
    if (spec.pattern == SparsityPattern::Unstructured && spec.scope == PruneScope::PerTensor) {
        // Row-major order for the tie rule: view the transposed copy.
        const Eigen::MatrixXf rowMajor = scores.transpose();
        Eigen::Array<bool, Eigen::Dynamic, Eigen::Dynamic> keepRowMajor(scores.cols(), scores.rows());
        std::vector<std::uint32_t> order;
        pruneLowest(rowMajor.data(), 1, rows * columns, prunedCount(spec.sparsity, rows * columns), keepRowMajor.data(),
            1, order);
        throwIfStopped(stop);
        keep = keepRowMajor.transpose();
        progress.report(1.0);
        return keep;
    }
    constexpr std::size_t rowsPerTask = 32;
    const std::size_t tasks = (rows + rowsPerTask - 1) / rowsPerTask;
    std::atomic<std::size_t> done{0};
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, tasks), [&](const tbb::blocked_range<std::size_t>& range) {
        std::vector<std::uint32_t> order;
        for (std::size_t task = range.begin(); task != range.end(); ++task) {
            if (stop.stop_requested())
                return;
            for (std::size_t row = task * rowsPerTask; row < std::min(rows, (task + 1) * rowsPerTask); ++row) {
                const float* rowScores = scores.data() + row;
                bool* rowKeep = keep.data() + row;
                if (spec.pattern == SparsityPattern::NOfM)
                    selectNOfM(rowScores, rowStride, columns, spec.keepN, spec.groupM, rowKeep, rowStride);
                else
                    pruneLowest(
                        rowScores, rowStride, columns, prunedCount(spec.sparsity, columns), rowKeep, rowStride, order);
            }
            progress.report(static_cast<double>(done.fetch_add(1) + 1) / static_cast<double>(tasks));
        }
    });
    throwIfStopped(stop);
    return keep;
}

PruneMetrics measurePruning(const Eigen::MatrixXf& original, const Eigen::MatrixXf& pruned, const PruneMask& keep)
{
    PruneMetrics metrics;
    metrics.count = static_cast<std::uint64_t>(keep.size());
    metrics.pruned = metrics.count - static_cast<std::uint64_t>(keep.count());
    metrics.sparsity = metrics.count ? static_cast<double>(metrics.pruned) / static_cast<double>(metrics.count) : 0.0;
    const double signal = original.cast<double>().squaredNorm();
    const double error = (original - pruned).cast<double>().squaredNorm();
    metrics.relativeError = signal > 0.0 ? std::sqrt(error / signal) : (error > 0.0 ? INFINITY : 0.0);
    return metrics;
}

} // namespace complab
