#include "model/LinearKernel.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>

#include <algorithm>

namespace complab {

void applyLinear(const RowMajorMatrix& x, const WeightTensor& weight, RowMajorMatrix& y)
{
    const auto tokens = x.rows();
    const auto in = weight.columns;
    const auto out = weight.rows;
    y.resize(tokens, out);
    const auto w = weight.matrix();
    // Each task should carry ~256k multiply-adds (less and scheduling costs more than it saves), but
    // a matrix gives at least 8 tasks. Depends on the shapes only, so results never depend on threads.
    const auto work = std::max<std::int64_t>(1, tokens * in);
    const auto grain = std::clamp<std::int64_t>(262144 / work, 16, std::max<std::int64_t>(16, out / 8));
    tbb::parallel_for(
        tbb::blocked_range<std::int64_t>(0, out, grain),
        [&](const tbb::blocked_range<std::int64_t>& r) {
            const auto n = r.end() - r.begin();
            y.middleCols(r.begin(), n).noalias() = x * w.middleRows(r.begin(), n).transpose();
        },
        tbb::simple_partitioner()); // fixed blocks: the same logits on every run, whatever the scheduling
}

} // namespace complab
