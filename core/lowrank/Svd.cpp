#include "lowrank/Svd.h"

#include <Eigen/QR>
#include <Eigen/SVD>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <cmath>
#include <random>
#include <stdexcept>

namespace complab {

namespace {

// out = lhs · rhs, rows of lhs split across threads in blocks (each block is an Eigen GEMM).
template <typename Lhs> Eigen::MatrixXf parallelProduct(const Lhs& lhs, const Eigen::MatrixXf& rhs)
{
    Eigen::MatrixXf out(lhs.rows(), rhs.cols());
    constexpr Eigen::Index blockRows = 256;
    const Eigen::Index blocks = (lhs.rows() + blockRows - 1) / blockRows;
    tbb::parallel_for(Eigen::Index(0), blocks, [&](Eigen::Index block) {
        const Eigen::Index first = block * blockRows;
        const Eigen::Index count = std::min(blockRows, lhs.rows() - first);
        out.middleRows(first, count).noalias() = lhs.middleRows(first, count) * rhs;
    });
    return out;
}

Eigen::MatrixXf orthonormalBasis(const Eigen::MatrixXf& columns)
{
    const Eigen::HouseholderQR<Eigen::MatrixXf> qr(columns);
    return qr.householderQ() * Eigen::MatrixXf::Identity(columns.rows(), columns.cols());
}

// Standard normal values from a seeded 64-bit Mersenne Twister through Box-Muller: unlike
// std::normal_distribution, the same on every standard library.
Eigen::MatrixXf gaussianMatrix(Eigen::Index rows, Eigen::Index columns, std::uint64_t seed)
{
    std::mt19937_64 generator(seed);
    const auto uniform = [&] { return (static_cast<double>(generator() >> 11) + 0.5) * 0x1.0p-53; };
    Eigen::MatrixXf values(rows, columns);
    for (Eigen::Index i = 0; i < values.size(); ++i) {
        const double radius = std::sqrt(-2.0 * std::log(uniform()));
        values.data()[i] = static_cast<float>(radius * std::cos(2.0 * M_PI * uniform()));
    }
    return values;
}

} // namespace

SvdFactors exactSvd(const Eigen::MatrixXf& weight, Eigen::Index maxRank, std::stop_token stop)
{
    if (weight.size() == 0)
        throw std::invalid_argument("cannot factorise an empty matrix");
    // Double precision: the small singular values of a float matrix come out as noise in float.
    const Eigen::BDCSVD<Eigen::MatrixXd> svd(weight.cast<double>(), Eigen::ComputeThinU | Eigen::ComputeThinV);
    throwIfStopped(stop);
    const Eigen::Index rank = std::min<Eigen::Index>(maxRank, svd.singularValues().size());
    return {svd.matrixU().leftCols(rank).cast<float>(), svd.singularValues().head(rank),
        svd.matrixV().leftCols(rank).cast<float>()};
}

SvdFactors randomizedSvd(const Eigen::MatrixXf& weight, Eigen::Index rank, const RandomizedSvdOptions& options,
    Progress& progress, std::stop_token stop)
{
    if (weight.size() == 0)
        throw std::invalid_argument("cannot factorise an empty matrix");
    if (rank <= 0)
        throw std::invalid_argument("the rank must be positive");
    const Eigen::Index smaller = std::min(weight.rows(), weight.cols());
    rank = std::min(rank, smaller);
    const Eigen::Index sketch = std::min<Eigen::Index>(rank + std::max(options.oversampling, 0), smaller);
    const int passes = 2 + 2 * std::max(options.powerIterations, 0);
    int pass = 0;
    const auto step = [&] {
        throwIfStopped(stop);
        progress.report(static_cast<double>(++pass) / passes);
    };
    // Range finder: Q spans W·Ω, sharpened by (W Wᵀ)^q with a QR after every product (Algorithm 4.4).
    Eigen::MatrixXf basis
        = orthonormalBasis(parallelProduct(weight, gaussianMatrix(weight.cols(), sketch, options.seed)));
    step();
    for (int i = 0; i < options.powerIterations; ++i) {
        const Eigen::MatrixXf coBasis = orthonormalBasis(parallelProduct(weight.transpose(), basis));
        step();
        basis = orthonormalBasis(parallelProduct(weight, coBasis));
        step();
    }
    // B = Qᵀ W is sketch × k; its exact SVD gives W ≈ Q Ũ Σ Vᵀ (Algorithm 5.1).
    const Eigen::MatrixXf projected = parallelProduct(weight.transpose(), basis).transpose();
    const Eigen::BDCSVD<Eigen::MatrixXd> small(projected.cast<double>(), Eigen::ComputeThinU | Eigen::ComputeThinV);
    step();
    SvdFactors factors;
    factors.u = basis * small.matrixU().leftCols(rank).cast<float>();
    factors.singularValues = small.singularValues().head(rank);
    factors.v = small.matrixV().leftCols(rank).cast<float>();
    return factors;
}

} // namespace complab
