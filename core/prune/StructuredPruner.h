// Structured pruning: whole units removed by their L2 norm — an MLP neuron (a row of up/gate and
// the matching column of down), an attention head (headDim rows of q/k/v or columns of o) — so
// the layer becomes a smaller dense one. Several tensors can share one set of units ("parts"),
// scored together, so coupled weights lose the same units. Reports the dense shape that results.
#pragma once

#include "prune/PruneMask.h"

#include <vector>

namespace complab {

enum class StructuredAxis : std::uint8_t {
    Rows, // units are blocks of output rows (q/k/v heads, up/gate neurons)
    Columns, // units are blocks of input columns (o_proj heads, down_proj neurons)
};

struct StructuredPart
{
    const Eigen::MatrixXf* weight = nullptr;
    StructuredAxis axis = StructuredAxis::Rows;
};

struct StructuredResult
{
    std::vector<bool> keptUnits; // one per unit
    std::size_t unitsRemoved = 0;
    std::vector<PruneResult> parts; // zeroed weights, same shapes as given
    std::vector<std::pair<Eigen::Index, Eigen::Index>> denseShapes; // what each part shrinks to
};

// Removes round(fraction · units) units of lowest summed squared L2 norm (ties: lower index first).
// unitSize: 1 for rows/columns/neurons, headDim for heads. Throws std::invalid_argument when the
// parts disagree on the unit count or the dimension is not a multiple of unitSize.
StructuredResult pruneStructured(const std::vector<StructuredPart>& parts, Eigen::Index unitSize, double fraction,
    Progress& progress, std::stop_token stop);

} // namespace complab
