// The column sweep GPTQ and SparseGPT share (internal to core/calib): walk the input columns in
// processing order; a rule decides each column's new values (quantised, or pruned); the error,
// scaled by U(j, j), is spread to the later columns of the block at once and to the columns after
// the block lazily, as one matrix product per block (Frantar et al. 2022, "lazy batch updates").
// Rows never interact, so blocks of rows run in parallel (oneTBB), each a private copy.
#pragma once

#include "recipe/Progress.h"

#include <Eigen/Core>
#include <tbb/parallel_for.h>

#include <atomic>
#include <stop_token>

namespace complab::detail {

// makeRule(firstRow, rowCount) returns an object with
//   void beginBlock(const Eigen::MatrixXf& rows, Eigen::Index first, Eigen::Index end);
//   void column(const Eigen::MatrixXf& rows, Eigen::Index j, Eigen::VectorXf& target);
// where `rows` is the block of rows being swept, its columns in processing order.
template <typename MakeRule>
Eigen::MatrixXf obsSweep(const Eigen::MatrixXf& weightInOrder, const Eigen::MatrixXf& upper, Eigen::Index blockSize,
    MakeRule&& makeRule, Progress& progress, const std::stop_token& stop)
{
    const Eigen::Index rows = weightInOrder.rows();
    const Eigen::Index columns = weightInOrder.cols();
    constexpr Eigen::Index rowsPerTask = 64;
    const Eigen::Index tasks = (rows + rowsPerTask - 1) / rowsPerTask;
    Eigen::MatrixXf result(rows, columns);
    std::atomic<Eigen::Index> done{0};
    tbb::parallel_for(Eigen::Index(0), tasks, [&](Eigen::Index task) {
        const Eigen::Index first = task * rowsPerTask;
        const Eigen::Index count = std::min(rowsPerTask, rows - first);
        Eigen::MatrixXf w = weightInOrder.middleRows(first, count);
        auto rule = makeRule(first, count);
        Eigen::MatrixXf errors(count, blockSize);
        Eigen::VectorXf target(count);
        for (Eigen::Index blockStart = 0; blockStart < columns; blockStart += blockSize) {
            if (stop.stop_requested())
                return;
            const Eigen::Index blockEnd = std::min(blockStart + blockSize, columns);
            rule.beginBlock(w, blockStart, blockEnd);
            for (Eigen::Index j = blockStart; j < blockEnd; ++j) {
                rule.column(w, j, target);
                const Eigen::Index local = j - blockStart;
                errors.col(local) = (w.col(j) - target) / upper(j, j);
                w.col(j) = target;
                if (j + 1 < blockEnd)
                    w.middleCols(j + 1, blockEnd - j - 1).noalias()
                        -= errors.col(local) * upper.row(j).segment(j + 1, blockEnd - j - 1);
            }
            if (blockEnd < columns)
                w.rightCols(columns - blockEnd).noalias() -= errors.leftCols(blockEnd - blockStart)
                    * upper.block(blockStart, blockEnd, blockEnd - blockStart, columns - blockEnd);
        }
        result.middleRows(first, count) = w;
        progress.report(static_cast<double>(done.fetch_add(1) + 1) / static_cast<double>(tasks));
    });
    throwIfStopped(stop);
    return result;
}

// Columns of `weight` in processing order, and back.
inline Eigen::MatrixXf columnsInOrder(const Eigen::MatrixXf& weight, const std::vector<Eigen::Index>& order)
{
    Eigen::MatrixXf ordered(weight.rows(), weight.cols());
    for (std::size_t j = 0; j < order.size(); ++j)
        ordered.col(static_cast<Eigen::Index>(j)) = weight.col(order[j]);
    return ordered;
}

inline Eigen::MatrixXf columnsInNaturalOrder(const Eigen::MatrixXf& ordered, const std::vector<Eigen::Index>& order)
{
    Eigen::MatrixXf weight(ordered.rows(), ordered.cols());
    for (std::size_t j = 0; j < order.size(); ++j)
        weight.col(order[j]) = ordered.col(static_cast<Eigen::Index>(j));
    return weight;
}

} // namespace complab::detail
