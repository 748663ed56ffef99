#include "prune/PruneSpec.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace complab {

PruneSpec PruneSpec::unstructured(double sparsity, PruneScope scope)
{
    PruneSpec spec;
    spec.sparsity = sparsity;
    spec.scope = scope;
    return spec;
}

PruneSpec PruneSpec::nOfM(int keepN, int groupM)
{
    PruneSpec spec;
    spec.pattern = SparsityPattern::NOfM;
    spec.scope = PruneScope::PerRow;
    spec.keepN = keepN;
    spec.groupM = groupM;
    spec.sparsity = 1.0 - static_cast<double>(keepN) / groupM;
    return spec;
}

std::optional<std::pair<int, int>> PruneSpec::parsePattern(std::string_view text)
{
    const auto colon = text.find(':');
    if (colon == std::string_view::npos)
        return std::nullopt;
    int n = 0;
    int m = 0;
    const auto first = text.substr(0, colon);
    const auto second = text.substr(colon + 1);
    const auto [endN, errorN] = std::from_chars(first.data(), first.data() + first.size(), n);
    const auto [endM, errorM] = std::from_chars(second.data(), second.data() + second.size(), m);
    if (errorN != std::errc() || errorM != std::errc() || endN != first.data() + first.size()
        || endM != second.data() + second.size())
        return std::nullopt;
    if (n <= 0 || n >= m || m > 64)
        return std::nullopt;
    return std::pair{n, m};
}

std::string PruneSpec::name() const
{
    if (pattern == SparsityPattern::NOfM)
        return std::to_string(keepN) + ":" + std::to_string(groupM);
    char text[64];
    const char* scopeName = scope == PruneScope::PerRow ? "per row"
        : scope == PruneScope::Global                   ? "global"
                                                        : "per tensor";
    std::snprintf(text, sizeof text, "%g %% %s", sparsity * 100.0, scopeName);
    return text;
}

double PruneSpec::targetSparsity() const
{
    return pattern == SparsityPattern::NOfM ? 1.0 - static_cast<double>(keepN) / groupM : sparsity;
}

std::string PruneSpec::whyNotApplicable(std::uint64_t rows, std::uint64_t columns) const
{
    if (rows == 0 || columns == 0)
        return "the tensor is empty";
    if (pattern == SparsityPattern::NOfM) {
        if (keepN <= 0 || keepN >= groupM)
            return "an N:M pattern needs 0 < N < M, not " + std::to_string(keepN) + ":" + std::to_string(groupM);
        if (columns % static_cast<std::uint64_t>(groupM) != 0)
            return "rows of " + std::to_string(columns) + " weights are not a multiple of " + std::to_string(groupM)
                + ", the group of the " + name() + " pattern";
        return {};
    }
    if (!(sparsity >= 0.0 && sparsity < 1.0))
        return "sparsity must be in [0, 1), not " + std::to_string(sparsity);
    return {};
}

} // namespace complab
