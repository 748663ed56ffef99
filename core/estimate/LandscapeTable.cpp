#include "estimate/LandscapeTable.h"

#include "estimate/BundledTables.h"
#include "estimate/DataTable.h"

#include <array>

namespace complab {

namespace {

constexpr std::array<LandscapeGroup, 4> groups{
    LandscapeGroup::GeneralPurpose, LandscapeGroup::Small, LandscapeGroup::Tiny, LandscapeGroup::Large};

} // namespace

std::string_view landscapeGroupId(LandscapeGroup group)
{
    switch (group) {
    case LandscapeGroup::GeneralPurpose:
        return "general";
    case LandscapeGroup::Small:
        return "small";
    case LandscapeGroup::Tiny:
        return "tiny";
    case LandscapeGroup::Large:
        return "large";
    }
    return "general";
}

LandscapeTable LandscapeTable::parse(std::string_view json, std::string_view fileName)
{
    const auto rows = parseTableRows(json, fileName);
    LandscapeTable table;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const TableRow row(rows[i], fileName, i);
        LandscapeEntry entry;
        entry.name = row.text("name");
        const auto groupId = row.text("group");
        bool known = false;
        for (const auto group : groups) {
            if (landscapeGroupId(group) == groupId) {
                entry.group = group;
                known = true;
            }
        }
        if (!known)
            row.fail("key \"group\" must be one of general, small, tiny, large");
        entry.parameters = row.positiveNumber("parameters");
        entry.fp16Bytes = row.positiveNumber("fp16_bytes");
        entry.int4Bytes = row.positiveNumber("int4_bytes");
        entry.mmlu = row.number("mmlu", 0.0, 100.0);
        entry.quality = row.number("quality", 0.0, 1000.0);
        entry.source = row.text("source");
        if (entry.int4Bytes >= entry.fp16Bytes)
            row.fail("int4_bytes must be smaller than fp16_bytes");
        if (table.find(entry.name))
            row.fail("the name \"" + entry.name + "\" is listed twice");
        table.m_rows.push_back(std::move(entry));
    }
    return table;
}

const LandscapeEntry* LandscapeTable::find(std::string_view name) const
{
    for (const auto& row : m_rows) {
        if (equalsIgnoringCase(row.name, name))
            return &row;
    }
    return nullptr;
}

LandscapeTable loadLandscapeTable(const std::filesystem::path& path)
{
    return LandscapeTable::parse(readTableFile(path), path.string());
}

const LandscapeTable& defaultLandscapeTable()
{
    static const LandscapeTable table
        = LandscapeTable::parse(bundledTableJson("landscape.json"), "landscape.json (bundled)");
    return table;
}

} // namespace complab
