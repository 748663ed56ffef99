// The seed's decision guide: five situations, each with what to reach for first, the caveat, and a
// recipe (scheme, pruning, distillation, context, KV type) the lab can load with one click.
#pragma once

#include "estimate/QuantScheme.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace complab {

struct DecisionGuideEntry
{
    std::string id;
    std::string situation;
    std::string firstReach;
    std::string caveat;
    const QuantScheme* scheme = nullptr;
    double pruneFraction = 0;
    double distillFactor = 1;
    std::int64_t context = 8192;
    KvCacheType kvType = KvCacheType::F16;
    std::string source;
};

class DecisionGuide
{
public:
    static DecisionGuide parse(std::string_view json, std::string_view fileName);
    const std::vector<DecisionGuideEntry>& rows() const { return m_rows; }
    const DecisionGuideEntry* find(std::string_view id) const;

private:
    std::vector<DecisionGuideEntry> m_rows;
};

DecisionGuide loadDecisionGuide(const std::filesystem::path& path);
const DecisionGuide& defaultDecisionGuide();

} // namespace complab
