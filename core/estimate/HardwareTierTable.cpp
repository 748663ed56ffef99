#include "estimate/HardwareTierTable.h"

#include "estimate/BundledTables.h"
#include "estimate/DataTable.h"

#include <algorithm>

namespace complab {

HardwareTierTable HardwareTierTable::parse(std::string_view json, std::string_view fileName)
{
    const auto rows = parseTableRows(json, fileName);
    HardwareTierTable table;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const TableRow row(rows[i], fileName, i);
        HardwareTier tier;
        tier.id = row.text("id");
        tier.name = row.text("name");
        tier.kind = row.text("kind");
        tier.memoryBytesPerDevice = row.positiveNumber("memory_gib_per_device") * 1024.0 * 1024.0 * 1024.0;
        tier.usableFraction = row.number("usable_fraction", 0.01, 1.0);
        tier.devices = row.positiveInteger("devices");
        const auto backend = parseBackend(row.text("backend"));
        if (!backend)
            row.fail("key \"backend\" must be one of cuda, rocm, metal, cpu");
        tier.backend = *backend;
        tier.examples = row.text("examples");
        tier.source = row.text("source");
        if (table.find(tier.id) || table.find(tier.name))
            row.fail("the id or name is listed twice");
        table.m_rows.push_back(std::move(tier));
    }
    std::stable_sort(table.m_rows.begin(), table.m_rows.end(),
        [](const HardwareTier& a, const HardwareTier& b) { return a.usableBytes() < b.usableBytes(); });
    return table;
}

const HardwareTier* HardwareTierTable::find(std::string_view idOrName) const
{
    for (const auto& row : m_rows) {
        if (equalsIgnoringCase(row.id, idOrName) || equalsIgnoringCase(row.name, idOrName))
            return &row;
    }
    return nullptr;
}

HardwareTierTable loadHardwareTierTable(const std::filesystem::path& path)
{
    return HardwareTierTable::parse(readTableFile(path), path.string());
}

const HardwareTierTable& defaultHardwareTierTable()
{
    static const HardwareTierTable table
        = HardwareTierTable::parse(bundledTableJson("hardware_tiers.json"), "hardware_tiers.json (bundled)");
    return table;
}

} // namespace complab
