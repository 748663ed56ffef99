#include "calib/SparseGpt.h"

#include "calib/Hessian.h"
#include "calib/ObsSweep.h"

#include <stdexcept>

namespace complab {

namespace {

class SparseGptRule
{
public:
    SparseGptRule(const PruneSpec& spec, const Eigen::MatrixXf& upper, PruneMask& keep, Eigen::Index firstRow,
        Eigen::Index rowCount)
        : m_spec(spec)
        , m_upper(upper)
        , m_keep(keep)
        , m_firstRow(firstRow)
        , m_scores(rowCount, spec.pattern == SparsityPattern::NOfM ? spec.groupM : 0)
    { }

    void beginBlock(const Eigen::MatrixXf& rows, Eigen::Index first, Eigen::Index end)
    {
        if (m_spec.pattern != SparsityPattern::Unstructured)
            return;
        const Eigen::Index width = end - first;
        const Eigen::ArrayXf diagonal = m_upper.diagonal().segment(first, width).array();
        const Eigen::MatrixXf scores
            = (rows.middleCols(first, width).array().square().rowwise() / diagonal.square().transpose()).matrix();
        const std::size_t prune = prunedCount(m_spec.sparsity, static_cast<std::uint64_t>(width));
        const auto keepStride = static_cast<std::ptrdiff_t>(m_keep.rows());
        for (Eigen::Index r = 0; r < rows.rows(); ++r)
            pruneLowestScores(scores.data() + r, scores.rows(), static_cast<std::size_t>(width), prune,
                &m_keep(m_firstRow + r, first), keepStride);
    }

    void column(const Eigen::MatrixXf& rows, Eigen::Index j, Eigen::VectorXf& target)
    {
        const auto keepStride = static_cast<std::ptrdiff_t>(m_keep.rows());
        if (m_spec.pattern == SparsityPattern::NOfM && j % m_spec.groupM == 0) {
            const Eigen::Index m = m_spec.groupM;
            const Eigen::ArrayXf diagonal = m_upper.diagonal().segment(j, m).array();
            m_scores = (rows.middleCols(j, m).array().square().rowwise() / diagonal.square().transpose()).matrix();
            for (Eigen::Index r = 0; r < rows.rows(); ++r)
                selectNOfM(m_scores.data() + r, m_scores.rows(), static_cast<std::size_t>(m), m_spec.keepN,
                    m_spec.groupM, &m_keep(m_firstRow + r, j), keepStride);
        }
        for (Eigen::Index r = 0; r < rows.rows(); ++r)
            target[r] = m_keep(m_firstRow + r, j) ? rows(r, j) : 0.0f;
    }

private:
    const PruneSpec& m_spec;
    const Eigen::MatrixXf& m_upper;
    PruneMask& m_keep; // rows of different tasks are disjoint
    Eigen::Index m_firstRow;
    Eigen::MatrixXf m_scores;
};

} // namespace

PruneResult sparseGptPrune(const Eigen::MatrixXf& weight, const Eigen::MatrixXd& hessian, const PruneSpec& spec,
    const SparseGptOptions& options, Progress& progress, std::stop_token stop)
{
    if (spec.scope == PruneScope::Global && spec.pattern == SparsityPattern::Unstructured)
        throw std::invalid_argument("SparseGPT prunes layer by layer; a global threshold does not apply");
    if (const auto problem = spec.whyNotApplicable(weight.rows(), weight.cols()); !problem.empty())
        throw std::invalid_argument(problem);
    if (hessian.rows() != weight.cols() || hessian.cols() != weight.cols())
        throw std::invalid_argument("the layer Hessian is " + std::to_string(hessian.rows()) + " × "
            + std::to_string(hessian.cols()) + " but the weight takes " + std::to_string(weight.cols()) + " inputs");
    if (!weight.allFinite())
        throw std::invalid_argument("the weight holds NaN or infinite values");
    Eigen::Index blockSize = options.blockSize;
    if (blockSize <= 0)
        throw std::invalid_argument("the SparseGPT block size must be positive");
    if (spec.pattern == SparsityPattern::NOfM && blockSize % spec.groupM != 0)
        blockSize += spec.groupM - blockSize % spec.groupM; // N:M groups never straddle a block
    const auto factor = inverseHessianFactor(hessian, options.dampening, false);
    throwIfStopped(stop);

    Eigen::MatrixXf start = weight;
    for (std::size_t c = 0; c < factor.dead.size(); ++c)
        if (factor.dead[c])
            start.col(static_cast<Eigen::Index>(c)).setZero();
    PruneResult result;
    result.keep = PruneMask::Constant(weight.rows(), weight.cols(), true);
    result.weight = detail::obsSweep(
        start, factor.upper, blockSize,
        [&](Eigen::Index first, Eigen::Index count) {
            return SparseGptRule(spec, factor.upper, result.keep, first, count);
        },
        progress, stop);
    result.metrics = measurePruning(weight, result.weight, result.keep);
    return result;
}

PruneResult sparseGptPruneWithInputs(const Eigen::MatrixXf& weight, const Eigen::MatrixXf& inputs,
    const PruneSpec& spec, const SparseGptOptions& options, Progress& progress, std::stop_token stop)
{
    requireCalibrationInputs(inputs, weight.cols());
    return sparseGptPrune(weight, layerHessian(inputs), spec, options, progress, stop);
}

} // namespace complab
