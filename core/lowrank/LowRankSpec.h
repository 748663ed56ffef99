// What a low-rank factorisation is asked to do: how the rank is chosen (a target rank, a parameter
// budget, or a share of the spectrum's energy) and how the SVD is computed (Eigen's BDCSVD, or the
// randomized range finder of Halko, Martinsson & Tropp 2011 for large matrices, with a fixed seed).
#pragma once

#include <cstdint>
#include <string>

namespace complab {

enum class RankRule : std::uint8_t {
    TargetRank, // rank = `rank`
    ParameterBudget, // the largest rank whose factors hold at most parameterFraction · d · k parameters
    RetainedEnergy, // the smallest rank keeping `energy` of Σσ² (= ‖W‖_F²)
};

enum class SvdAlgorithm : std::uint8_t {
    Auto, // randomized when the matrix is large and the rank small against it, else exact
    Exact, // Eigen::BDCSVD
    Randomized,
};

struct LowRankSpec
{
    RankRule rule = RankRule::TargetRank;
    int rank = 64;
    double parameterFraction = 0.5;
    double energy = 0.9;
    SvdAlgorithm algorithm = SvdAlgorithm::Auto;
    int oversampling = 10; // extra random directions (Halko et al. suggest 5-10)
    int powerIterations = 2; // sharpen a slowly decaying spectrum; each costs two passes over W
    std::uint64_t seed = 0x5eed;

    static LowRankSpec withRank(int rank);
    static LowRankSpec withEnergy(double energy);
    static LowRankSpec withBudget(double parameterFraction);

    // "rank 64", "90 % energy", "50 % of the parameters"
    std::string name() const;
    // Empty when the spec makes sense.
    std::string whyInvalid() const;
};

} // namespace complab
