// Truncated singular value decompositions of a weight matrix: exact (Eigen's divide-and-conquer
// BDCSVD) and randomized (Halko, Martinsson & Tropp 2011, Algorithms 4.4 and 5.1: a Gaussian test
// matrix from a fixed seed, oversampling, power iterations re-orthonormalised by QR), so the same
// input always gives the same factors. W ≈ U · diag(σ) · Vᵀ with σ descending.
#pragma once

#include "recipe/Progress.h"

#include <Eigen/Core>

#include <cstdint>
#include <stop_token>

namespace complab {

struct SvdFactors
{
    Eigen::MatrixXf u; // d × r, orthonormal columns
    Eigen::VectorXd singularValues; // r, descending
    Eigen::MatrixXf v; // k × r, orthonormal columns
};

// All min(d, k) singular triplets, or the first maxRank of them.
SvdFactors exactSvd(const Eigen::MatrixXf& weight, Eigen::Index maxRank, std::stop_token stop);

struct RandomizedSvdOptions
{
    int oversampling = 10;
    int powerIterations = 2;
    std::uint64_t seed = 0x5eed;
};

// The leading `rank` triplets from a sketch of rank + oversampling directions. Products with W are
// parallel (oneTBB over row blocks); cancellable between passes.
SvdFactors randomizedSvd(const Eigen::MatrixXf& weight, Eigen::Index rank, const RandomizedSvdOptions& options,
    Progress& progress, std::stop_token stop);

} // namespace complab
