#include "calib/LayerError.h"

#include "calib/Hessian.h"
#include "quant/QuantizeJob.h"

#include <tbb/parallel_for.h>

#include <cmath>

namespace complab {

double outputRelativeError(
    const Eigen::MatrixXf& weight, const Eigen::MatrixXf& compressed, const Eigen::MatrixXf& inputs)
{
    requireCalibrationInputs(inputs, weight.cols());
    if (compressed.rows() != weight.rows() || compressed.cols() != weight.cols())
        throw std::invalid_argument("the compressed weight has another shape than the original");
    const Eigen::MatrixXf difference = weight - compressed;
    // Blocks of tokens in parallel; sums in double, merged in a fixed order.
    constexpr Eigen::Index blockTokens = 256;
    const Eigen::Index blocks = (inputs.rows() + blockTokens - 1) / blockTokens;
    std::vector<double> errorSquares(static_cast<std::size_t>(blocks));
    std::vector<double> signalSquares(static_cast<std::size_t>(blocks));
    tbb::parallel_for(Eigen::Index(0), blocks, [&](Eigen::Index block) {
        const Eigen::Index first = block * blockTokens;
        const Eigen::Index count = std::min(blockTokens, inputs.rows() - first);
        const auto x = inputs.middleRows(first, count);
        errorSquares[static_cast<std::size_t>(block)] = (x * difference.transpose()).cast<double>().squaredNorm();
        signalSquares[static_cast<std::size_t>(block)] = (x * weight.transpose()).cast<double>().squaredNorm();
    });
    double error = 0.0;
    double signal = 0.0;
    for (std::size_t i = 0; i < errorSquares.size(); ++i) {
        error += errorSquares[i];
        signal += signalSquares[i];
    }
    return signal > 0.0 ? std::sqrt(error / signal) : (error > 0.0 ? INFINITY : 0.0);
}

Eigen::MatrixXf roundToNearest(
    const Eigen::MatrixXf& weight, const QuantSpec& spec, Progress& progress, std::stop_token stop)
{
    using RowMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    const RowMajor values = weight;
    RowMajor out(values.rows(), values.cols());
    quantizeMatrix(spec, values.data(), static_cast<std::size_t>(values.rows()),
        static_cast<std::size_t>(values.cols()), out.data(), progress, stop);
    return out;
}

} // namespace complab
