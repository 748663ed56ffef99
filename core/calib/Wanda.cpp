#include "calib/Wanda.h"

#include "calib/Hessian.h"
#include "prune/MagnitudePruner.h"

#include <stdexcept>

namespace complab {

Eigen::VectorXf inputChannelNorms(const Eigen::MatrixXf& inputs)
{
    return inputs.cast<double>().colwise().norm().transpose().cast<float>();
}

PruneResult wandaPrune(const Eigen::MatrixXf& weight, const Eigen::MatrixXf& inputs, const PruneSpec& spec,
    Progress& progress, std::stop_token stop)
{
    requireCalibrationInputs(inputs, weight.cols());
    return wandaPruneWithNorms(weight, inputChannelNorms(inputs), spec, progress, stop);
}

PruneResult wandaPruneWithNorms(const Eigen::MatrixXf& weight, const Eigen::VectorXf& norms, const PruneSpec& spec,
    Progress& progress, std::stop_token stop)
{
    if (norms.size() != weight.cols())
        throw std::invalid_argument("the calibration has " + std::to_string(norms.size())
            + " input channels, the weight " + std::to_string(weight.cols()));
    if (!norms.allFinite())
        throw std::invalid_argument("the calibration's input norms hold NaN or infinite values");
    if (!weight.allFinite())
        throw std::invalid_argument("the weight holds NaN or infinite values");
    const Eigen::MatrixXf scores = weight.cwiseAbs() * norms.asDiagonal();
    PruneResult result;
    result.keep = selectMask(scores, spec, progress, stop);
    result.weight = applyMask(weight, result.keep);
    result.metrics = measurePruning(weight, result.weight, result.keep);
    return result;
}

} // namespace complab
