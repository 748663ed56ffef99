#include "lowrank/LowRankFactorizer.h"

#include <cmath>
#include <stdexcept>

namespace complab {

namespace {

constexpr Eigen::Index randomizedFromDimension = 1024; // below this BDCSVD is fast enough
constexpr Eigen::Index firstEnergySketch = 64;

bool preferRandomized(const LowRankSpec& spec, Eigen::Index smaller, Eigen::Index rank)
{
    if (spec.algorithm != SvdAlgorithm::Auto)
        return spec.algorithm == SvdAlgorithm::Randomized;
    return smaller >= randomizedFromDimension && rank <= smaller / 4;
}

} // namespace

LowRankSavings lowRankSavings(Eigen::Index rows, Eigen::Index columns, Eigen::Index rank, std::size_t bytesPerValue)
{
    LowRankSavings savings;
    savings.originalParameters = static_cast<std::uint64_t>(rows) * static_cast<std::uint64_t>(columns);
    savings.factoredParameters = static_cast<std::uint64_t>(rank) * static_cast<std::uint64_t>(rows + columns);
    savings.originalBytes = savings.originalParameters * bytesPerValue;
    savings.factoredBytes = savings.factoredParameters * bytesPerValue;
    savings.breakEvenRank = rows + columns > 0
        ? static_cast<Eigen::Index>((savings.originalParameters - 1) / static_cast<std::uint64_t>(rows + columns))
        : 0;
    savings.savesBytes = savings.factoredBytes < savings.originalBytes;
    savings.parameterRatio = savings.originalParameters
        ? static_cast<double>(savings.factoredParameters) / static_cast<double>(savings.originalParameters)
        : 0.0;
    return savings;
}

Eigen::Index rankForBudget(Eigen::Index rows, Eigen::Index columns, double parameterFraction)
{
    const double budget = parameterFraction * static_cast<double>(rows) * static_cast<double>(columns);
    const auto rank = static_cast<Eigen::Index>(std::floor(budget / static_cast<double>(rows + columns)));
    return std::clamp<Eigen::Index>(rank, 0, std::min(rows, columns));
}

Eigen::Index rankForEnergy(const Eigen::VectorXd& singularValues, double totalEnergy, double energy)
{
    // A relative tolerance so that "100 %" is reached by the full spectrum despite rounding.
    const double target = energy * totalEnergy * (1.0 - 1e-12);
    double kept = 0.0;
    for (Eigen::Index i = 0; i < singularValues.size(); ++i) {
        kept += singularValues[i] * singularValues[i];
        if (kept >= target)
            return i + 1;
    }
    return singularValues.size() + 1;
}

SpectrumChart spectrumChart(const Eigen::VectorXd& singularValues, double totalEnergy, bool complete)
{
    SpectrumChart chart;
    chart.totalEnergy = totalEnergy;
    chart.complete = complete;
    double kept = 0.0;
    for (Eigen::Index i = 0; i < singularValues.size(); ++i) {
        kept += singularValues[i] * singularValues[i];
        chart.singularValues.push_back(singularValues[i]);
        chart.cumulativeEnergy.push_back(totalEnergy > 0.0 ? std::min(1.0, kept / totalEnergy) : 1.0);
    }
    return chart;
}

LowRankResult factorize(const Eigen::MatrixXf& weight, const LowRankSpec& spec, std::size_t bytesPerValue,
    Progress& progress, std::stop_token stop)
{
    if (const auto problem = spec.whyInvalid(); !problem.empty())
        throw std::invalid_argument(problem);
    if (weight.size() == 0)
        throw std::invalid_argument("cannot factorise an empty matrix");
    if (!weight.allFinite())
        throw std::invalid_argument("the weight holds NaN or infinite values");
    const Eigen::Index smaller = std::min(weight.rows(), weight.cols());
    const double totalEnergy = weight.cast<double>().squaredNorm();
    const RandomizedSvdOptions randomOptions{spec.oversampling, spec.powerIterations, spec.seed};

    Eigen::Index rank = 0;
    SvdFactors factors;
    bool randomized = false;
    if (spec.rule == RankRule::RetainedEnergy) {
        // Sketch with growing rank until the energy is reached; fall back to the exact spectrum.
        for (Eigen::Index sketch = firstEnergySketch; preferRandomized(spec, smaller, sketch); sketch *= 2) {
            factors = randomizedSvd(weight, sketch, randomOptions, progress, stop);
            rank = rankForEnergy(factors.singularValues, totalEnergy, spec.energy);
            if (rank <= factors.singularValues.size()) {
                randomized = true;
                break;
            }
            if (sketch >= smaller)
                break;
        }
        if (!randomized) {
            factors = exactSvd(weight, smaller, stop);
            rank = std::min(rankForEnergy(factors.singularValues, totalEnergy, spec.energy), smaller);
        }
    } else {
        rank = spec.rule == RankRule::TargetRank ? std::min<Eigen::Index>(spec.rank, smaller)
                                                 : rankForBudget(weight.rows(), weight.cols(), spec.parameterFraction);
        if (rank == 0)
            throw std::invalid_argument("a budget of " + std::to_string(spec.parameterFraction * 100.0)
                + " % of the parameters does not hold even a rank-1 factorisation of a " + std::to_string(weight.rows())
                + " × " + std::to_string(weight.cols()) + " matrix");
        randomized = preferRandomized(spec, smaller, rank);
        factors
            = randomized ? randomizedSvd(weight, rank, randomOptions, progress, stop) : exactSvd(weight, smaller, stop);
    }
    throwIfStopped(stop);

    LowRankResult result;
    result.rank = rank;
    result.randomized = randomized;
    result.spectrum = spectrumChart(factors.singularValues, totalEnergy, !randomized);
    result.left = factors.u.leftCols(rank) * factors.singularValues.head(rank).cast<float>().asDiagonal();
    result.right = factors.v.leftCols(rank).transpose();
    const Eigen::VectorXd kept = factors.singularValues.head(rank);
    result.retainedEnergy = totalEnergy > 0.0 ? std::min(1.0, kept.squaredNorm() / totalEnergy) : 1.0;
    result.savings = lowRankSavings(weight.rows(), weight.cols(), rank, bytesPerValue);
    const double error = (weight - result.left * result.right).cast<double>().squaredNorm();
    result.relativeError = totalEnergy > 0.0 ? std::sqrt(error / totalEnergy) : 0.0;
    progress.report(1.0);
    return result;
}

} // namespace complab
