// Where real models sit: on-disk size at FP16 and INT4 against a rough quality score normalised so
// Llama-3.1-8B FP16 = 100 (from published MMLU), grouped as in the seed's landscape chart.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace complab {

enum class LandscapeGroup { GeneralPurpose, Small, Tiny, Large };

struct LandscapeEntry
{
    std::string name;
    LandscapeGroup group = LandscapeGroup::GeneralPurpose;
    double parameters = 0;
    double fp16Bytes = 0;
    double int4Bytes = 0;
    double mmlu = 0; // published MMLU, percent
    double quality = 0; // 100 x MMLU / Llama-3.1-8B's MMLU
    std::string source;
};

// "general", "small", "tiny", "large"
std::string_view landscapeGroupId(LandscapeGroup group);

class LandscapeTable
{
public:
    static LandscapeTable parse(std::string_view json, std::string_view fileName);
    const std::vector<LandscapeEntry>& rows() const { return m_rows; }
    const LandscapeEntry* find(std::string_view name) const;

private:
    std::vector<LandscapeEntry> m_rows;
};

LandscapeTable loadLandscapeTable(const std::filesystem::path& path);
const LandscapeTable& defaultLandscapeTable();

} // namespace complab
