#include "lowrank/LowRankSpec.h"

#include <cstdio>

namespace complab {

LowRankSpec LowRankSpec::withRank(int rank)
{
    LowRankSpec spec;
    spec.rule = RankRule::TargetRank;
    spec.rank = rank;
    return spec;
}

LowRankSpec LowRankSpec::withEnergy(double energy)
{
    LowRankSpec spec;
    spec.rule = RankRule::RetainedEnergy;
    spec.energy = energy;
    return spec;
}

LowRankSpec LowRankSpec::withBudget(double parameterFraction)
{
    LowRankSpec spec;
    spec.rule = RankRule::ParameterBudget;
    spec.parameterFraction = parameterFraction;
    return spec;
}

std::string LowRankSpec::name() const
{
    char text[64];
    switch (rule) {
    case RankRule::TargetRank:
        return "rank " + std::to_string(rank);
    case RankRule::RetainedEnergy:
        std::snprintf(text, sizeof text, "%g %% energy", energy * 100.0);
        return text;
    case RankRule::ParameterBudget:
        std::snprintf(text, sizeof text, "%g %% of the parameters", parameterFraction * 100.0);
        return text;
    }
    return {};
}

std::string LowRankSpec::whyInvalid() const
{
    if (rule == RankRule::TargetRank && rank <= 0)
        return "the rank must be positive, not " + std::to_string(rank);
    if (rule == RankRule::RetainedEnergy && !(energy > 0.0 && energy <= 1.0))
        return "the retained energy must be in (0, 1], not " + std::to_string(energy);
    if (rule == RankRule::ParameterBudget && !(parameterFraction > 0.0))
        return "the parameter budget must be positive, not " + std::to_string(parameterFraction);
    if (oversampling < 0 || powerIterations < 0)
        return "oversampling and power iterations cannot be negative";
    return {};
}

} // namespace complab
