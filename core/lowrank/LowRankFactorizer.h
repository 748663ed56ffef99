// Low-rank factorisation of one weight matrix W (d × k) ≈ A · B with A = U·Σ (d × r) and B = Vᵀ
// (r × k): the rank chosen by the spec's rule, the singular-value spectrum and cumulative-energy
// curve as chart data, and the honest savings d·k → r·(d + k) — a rank at or past d·k/(d + k)
// saves nothing, and is flagged as such.
#pragma once

#include "lowrank/LowRankSpec.h"
#include "lowrank/Svd.h"
#include "recipe/Progress.h"

#include <Eigen/Core>

#include <cstdint>
#include <stop_token>
#include <string>
#include <vector>

namespace complab {

// Chart data: σ_i and Σ_{j≤i} σ_j² / ‖W‖_F² for the values computed (all of them for the exact
// SVD, the leading ones for the randomized one, which `complete` tells).
struct SpectrumChart
{
    std::vector<double> singularValues;
    std::vector<double> cumulativeEnergy;
    double totalEnergy = 0.0; // ‖W‖_F², always exact
    bool complete = false;
};

struct LowRankSavings
{
    std::uint64_t originalParameters = 0; // d · k
    std::uint64_t factoredParameters = 0; // r · (d + k)
    std::uint64_t originalBytes = 0;
    std::uint64_t factoredBytes = 0; // factors stored in the same dtype
    Eigen::Index breakEvenRank = 0; // the largest rank that still saves: floor((d·k − 1) / (d + k))
    bool savesBytes = false;
    double parameterRatio = 0.0; // factored / original
};

struct LowRankResult
{
    Eigen::MatrixXf left; // d × r = U · diag(σ)
    Eigen::MatrixXf right; // r × k = Vᵀ
    Eigen::Index rank = 0;
    bool randomized = false;
    SpectrumChart spectrum;
    LowRankSavings savings;
    double retainedEnergy = 0.0; // Σ_{i≤r} σ_i² / ‖W‖_F²
    double relativeError = 0.0; // ‖W − A·B‖_F / ‖W‖_F, measured on the product

    Eigen::MatrixXf reconstruction() const { return left * right; }
};

LowRankSavings lowRankSavings(Eigen::Index rows, Eigen::Index columns, Eigen::Index rank, std::size_t bytesPerValue);
// The largest rank with r·(d + k) ≤ fraction · d · k (0 when none fits).
Eigen::Index rankForBudget(Eigen::Index rows, Eigen::Index columns, double parameterFraction);
// The smallest r whose Σ_{i≤r} σ_i² reaches energy · totalEnergy; singularValues.size() + 1 when
// the values given do not reach it.
Eigen::Index rankForEnergy(const Eigen::VectorXd& singularValues, double totalEnergy, double energy);
SpectrumChart spectrumChart(const Eigen::VectorXd& singularValues, double totalEnergy, bool complete);

// Throws std::invalid_argument for a spec that makes no sense or a non-finite weight; Cancelled.
LowRankResult factorize(const Eigen::MatrixXf& weight, const LowRankSpec& spec, std::size_t bytesPerValue,
    Progress& progress, std::stop_token stop);

} // namespace complab
