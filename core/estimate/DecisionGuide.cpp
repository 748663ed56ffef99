#include "estimate/DecisionGuide.h"

#include "estimate/BundledTables.h"
#include "estimate/DataTable.h"

namespace complab {

DecisionGuide DecisionGuide::parse(std::string_view json, std::string_view fileName)
{
    const auto rows = parseTableRows(json, fileName);
    DecisionGuide guide;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const TableRow row(rows[i], fileName, i);
        DecisionGuideEntry entry;
        entry.id = row.text("id");
        entry.situation = row.text("situation");
        entry.firstReach = row.text("first_reach");
        entry.caveat = row.text("caveat");
        entry.source = row.text("source");
        const TableRow recipe(row.object("recipe"), fileName, i);
        entry.scheme = findQuantScheme(recipe.text("scheme"));
        if (!entry.scheme)
            row.fail("recipe scheme \"" + recipe.text("scheme") + "\" is not a known scheme");
        entry.pruneFraction = recipe.number("prune", 0.0, 0.99);
        entry.distillFactor = recipe.number("distill", 1.0, 1024.0);
        entry.context = recipe.positiveInteger("context");
        const auto* kv = findKvCacheType(recipe.text("kv_type"));
        if (!kv)
            row.fail("recipe kv_type \"" + recipe.text("kv_type") + "\" is not a known KV cache type");
        entry.kvType = kv->type;
        if (guide.find(entry.id))
            row.fail("the id \"" + entry.id + "\" is listed twice");
        guide.m_rows.push_back(std::move(entry));
    }
    return guide;
}

const DecisionGuideEntry* DecisionGuide::find(std::string_view id) const
{
    for (const auto& row : m_rows) {
        if (equalsIgnoringCase(row.id, id))
            return &row;
    }
    return nullptr;
}

DecisionGuide loadDecisionGuide(const std::filesystem::path& path)
{
    return DecisionGuide::parse(readTableFile(path), path.string());
}

const DecisionGuide& defaultDecisionGuide()
{
    static const DecisionGuide guide
        = DecisionGuide::parse(bundledTableJson("decision_guide.json"), "decision_guide.json (bundled)");
    return guide;
}

} // namespace complab
