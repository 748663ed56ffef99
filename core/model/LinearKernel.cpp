#include "model/LinearKernel.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>

namespace complab {

void applyLinear(const RowMajorMatrix& x, const WeightTensor& weight, RowMajorMatrix& y)
{
    const auto tokens = x.rows();
    const auto in = weight.columns;
    const auto out = weight.rows;
    y.resize(tokens, out);
    const auto w = weight.matrix();
    // Each task should carry at least ~64k multiply-adds, or scheduling costs more than it saves.
    const auto grain = std::max<std::int64_t>(8, 65536 / std::max<std::int64_t>(1, tokens * in));
    tbb::parallel_for(tbb::blocked_range<std::int64_t>(0, out, grain), [&](const tbb::blocked_range<std::int64_t>& r) {
        const auto n = r.end() - r.begin();
        y.middleCols(r.begin(), n).noalias() = x * w.middleRows(r.begin(), n).transpose();
    });
}

} // namespace complab
