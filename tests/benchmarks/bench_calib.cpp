// bench_calib: GPTQ int4 g128 on a 4096 × 4096 layer with 128 calibration tokens (RTN of the same
// layer timed in the same run as the reference), and randomized SVD of rank 64 of a 4096 × 4096
// matrix timed against Eigen's BDCSVD of the same matrix in the same run, with the accuracy of
// the leading singular values. Fixed seeds. Build in Release; not a test.
#include "calib/Gptq.h"
#include "calib/LayerError.h"
#include "lowrank/Svd.h"

#include <Eigen/SVD>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <random>

using namespace complab;

namespace {

using Clock = std::chrono::steady_clock;

double seconds(const std::function<void()>& work)
{
    const auto start = Clock::now();
    work();
    return std::chrono::duration<double>(Clock::now() - start).count();
}

Eigen::MatrixXf normalMatrix(Eigen::Index rows, Eigen::Index columns, std::uint64_t seed)
{
    std::mt19937_64 generator(seed);
    std::normal_distribution<float> normal;
    Eigen::MatrixXf values(rows, columns);
    for (Eigen::Index i = 0; i < values.size(); ++i)
        values.data()[i] = normal(generator);
    return values;
}

} // namespace

int main()
{
    constexpr Eigen::Index size = 4096;
    std::printf(
        "bench_calib: %lld x %lld, fixed seeds\n\n", static_cast<long long>(size), static_cast<long long>(size));

    // GPTQ: inputs with a log-normal scale per channel, as activations have.
    const Eigen::MatrixXf weight = normalMatrix(size, size, 1) * 0.02f;
    Eigen::VectorXf channelScale = (normalMatrix(size, 1, 2).col(0).array() * 0.8f).exp();
    const Eigen::MatrixXf inputs = normalMatrix(128, size, 3) * channelScale.asDiagonal();
    const auto spec = QuantSpec::integer(4, 128);
    Progress progress;
    Eigen::MatrixXf rtn;
    Eigen::MatrixXf gptq;
    const double rtnSeconds = seconds([&] { rtn = roundToNearest(weight, spec, progress, {}); });
    const double gptqSeconds = seconds([&] { gptq = gptqQuantizeWithInputs(weight, inputs, spec, {}, progress, {}); });
    std::printf("%-34s %10s %10s %14s\n", "int4 g128, 128 tokens", "seconds", "vs RTN", "output error");
    std::printf(
        "%-34s %10.3f %10.1fx %14.4f\n", "RTN (reference)", rtnSeconds, 1.0, outputRelativeError(weight, rtn, inputs));
    std::printf("%-34s %10.3f %10.1fx %14.4f\n\n", "GPTQ (Hessian, Cholesky, sweep)", gptqSeconds,
        gptqSeconds / rtnSeconds, outputRelativeError(weight, gptq, inputs));

    // Randomized SVD: a decaying spectrum (rank-512 part with σ ∝ 0.99^i) plus small noise.
    Eigen::VectorXf decay(512);
    for (Eigen::Index i = 0; i < decay.size(); ++i)
        decay[i] = std::pow(0.99f, static_cast<float>(i));
    const Eigen::MatrixXf matrix = normalMatrix(size, 512, 4) * decay.asDiagonal() * normalMatrix(512, size, 5) / 64.0f
        + normalMatrix(size, size, 6) * 0.001f;
    SvdFactors random;
    const double randomSeconds = seconds([&] { random = randomizedSvd(matrix, 64, {}, progress, {}); });
    Eigen::BDCSVD<Eigen::MatrixXf> exact;
    const double exactSeconds = seconds([&] { exact.compute(matrix, Eigen::ComputeThinU | Eigen::ComputeThinV); });
    double worst = 0.0;
    for (Eigen::Index i = 0; i < 64; ++i)
        worst = std::max(
            worst, std::abs(random.singularValues[i] - exact.singularValues()[i]) / exact.singularValues()[i]);
    const Eigen::MatrixXf exactRank64 = exact.matrixU().leftCols(64) * exact.singularValues().head(64).asDiagonal()
        * exact.matrixV().leftCols(64).transpose();
    const Eigen::MatrixXf randomRank64
        = random.u * random.singularValues.cast<float>().asDiagonal() * random.v.transpose();
    std::printf("%-34s %10s %10s %14s\n", "rank 64 of 4096 x 4096", "seconds", "vs BDCSVD", "rel. error");
    std::printf("%-34s %10.3f %10.1fx %14.5f\n", "Eigen BDCSVD (reference, float)", exactSeconds, 1.0,
        (matrix - exactRank64).norm() / matrix.norm());
    std::printf("%-34s %10.3f %10.3fx %14.5f\n", "randomized (p=10, q=2)", randomSeconds, randomSeconds / exactSeconds,
        (matrix - randomRank64).norm() / matrix.norm());
    std::printf("largest relative deviation of the 64 leading singular values: %.2e\n", worst);
    return 0;
}
