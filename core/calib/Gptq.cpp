#include "calib/Gptq.h"

#include "calib/Hessian.h"
#include "calib/ObsSweep.h"
#include "quant/TensorQuantizer.h"

#include <stdexcept>
#include <vector>

namespace complab {

namespace {

class GptqRule
{
public:
    GptqRule(const QuantSpec& spec, const Eigen::MatrixXf& rows, const std::vector<Eigen::Index>& order,
        const std::vector<Eigen::Index>& position, const IntGrid& tensorGrid)
        : m_spec(spec)
        , m_order(order)
        , m_position(position)
        , m_tensorGrid(tensorGrid)
    {
        const Eigen::Index count = rows.rows();
        if (spec.granularity == Granularity::PerChannel) {
            // One grid per row, from the row as given (GPTQ fits per-channel scales up front).
            for (Eigen::Index r = 0; r < count; ++r) {
                const Eigen::VectorXf row = rows.row(r).transpose();
                m_grids.push_back(
                    IntGrid::fit(row.data(), static_cast<std::size_t>(row.size()), spec.bits, spec.symmetric));
            }
        } else if (spec.granularity == Granularity::PerGroup) {
            const auto groups = static_cast<std::size_t>(rows.cols() / spec.groupSize);
            m_grids.resize(static_cast<std::size_t>(count) * groups);
            m_fitted.assign(groups, false);
        }
    }

    void beginBlock(const Eigen::MatrixXf&, Eigen::Index, Eigen::Index) { }

    void column(const Eigen::MatrixXf& rows, Eigen::Index j, Eigen::VectorXf& target)
    {
        const Eigen::Index count = rows.rows();
        if (m_spec.granularity == Granularity::PerTensor) {
            for (Eigen::Index r = 0; r < count; ++r)
                target[r] = m_tensorGrid.quantize(rows(r, j));
            return;
        }
        if (m_spec.granularity == Granularity::PerChannel) {
            for (Eigen::Index r = 0; r < count; ++r)
                target[r] = m_grids[static_cast<std::size_t>(r)].quantize(rows(r, j));
            return;
        }
        const Eigen::Index groupSize = m_spec.groupSize;
        const auto group = static_cast<std::size_t>(m_order[static_cast<std::size_t>(j)] / groupSize);
        const std::size_t groups = m_fitted.size();
        if (!m_fitted[group]) {
            std::vector<float> values(static_cast<std::size_t>(groupSize));
            for (Eigen::Index r = 0; r < count; ++r) {
                for (Eigen::Index c = 0; c < groupSize; ++c)
                    values[static_cast<std::size_t>(c)] = rows(
                        r, m_position[static_cast<std::size_t>(static_cast<Eigen::Index>(group) * groupSize + c)]);
                m_grids[static_cast<std::size_t>(r) * groups + group]
                    = IntGrid::fit(values.data(), values.size(), m_spec.bits, m_spec.symmetric);
            }
            m_fitted[group] = true;
        }
        for (Eigen::Index r = 0; r < count; ++r)
            target[r] = m_grids[static_cast<std::size_t>(r) * groups + group].quantize(rows(r, j));
    }

private:
    const QuantSpec& m_spec;
    const std::vector<Eigen::Index>& m_order;
    const std::vector<Eigen::Index>& m_position;
    IntGrid m_tensorGrid;
    std::vector<IntGrid> m_grids;
    std::vector<bool> m_fitted;
};

} // namespace

Eigen::MatrixXf gptqQuantize(const Eigen::MatrixXf& weight, const Eigen::MatrixXd& hessian, const QuantSpec& spec,
    const GptqOptions& options, Progress& progress, std::stop_token stop)
{
    if (spec.format != QuantFormat::Int)
        throw std::invalid_argument("GPTQ quantises to the intN grids (int2 ... int8), not " + spec.name());
    if (const auto problem = spec.whyNotApplicable(weight.rows(), weight.cols()); !problem.empty())
        throw std::invalid_argument(problem);
    if (hessian.rows() != weight.cols() || hessian.cols() != weight.cols())
        throw std::invalid_argument("the layer Hessian is " + std::to_string(hessian.rows()) + " × "
            + std::to_string(hessian.cols()) + " but the weight takes " + std::to_string(weight.cols()) + " inputs");
    if (!weight.allFinite())
        throw std::invalid_argument("the weight holds NaN or infinite values");
    if (options.blockSize <= 0)
        throw std::invalid_argument("the GPTQ block size must be positive");
    const auto factor = inverseHessianFactor(hessian, options.dampening, options.actOrder);
    throwIfStopped(stop);

    Eigen::MatrixXf start = weight;
    for (std::size_t c = 0; c < factor.dead.size(); ++c)
        if (factor.dead[c])
            start.col(static_cast<Eigen::Index>(c)).setZero(); // no calibration input reaches it
    IntGrid tensorGrid;
    if (spec.granularity == Granularity::PerTensor) {
        // The same whole-tensor grid RTN uses (fitted on the weight as given).
        const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rowMajor = start;
        tensorGrid
            = IntGrid::fit(rowMajor.data(), static_cast<std::size_t>(rowMajor.size()), spec.bits, spec.symmetric);
    }
    std::vector<Eigen::Index> position(factor.order.size());
    for (std::size_t j = 0; j < factor.order.size(); ++j)
        position[static_cast<std::size_t>(factor.order[j])] = static_cast<Eigen::Index>(j);

    const Eigen::MatrixXf ordered = detail::columnsInOrder(start, factor.order);
    const Eigen::MatrixXf quantised = detail::obsSweep(
        ordered, factor.upper, options.blockSize,
        [&](Eigen::Index first, Eigen::Index count) {
            return GptqRule(spec, ordered.middleRows(first, count), factor.order, position, tensorGrid);
        },
        progress, stop);
    return detail::columnsInNaturalOrder(quantised, factor.order);
}

Eigen::MatrixXf gptqQuantizeWithInputs(const Eigen::MatrixXf& weight, const Eigen::MatrixXf& inputs,
    const QuantSpec& spec, const GptqOptions& options, Progress& progress, std::stop_token stop)
{
    requireCalibrationInputs(inputs, weight.cols());
    return gptqQuantize(weight, layerHessian(inputs), spec, options, progress, stop);
}

} // namespace complab
