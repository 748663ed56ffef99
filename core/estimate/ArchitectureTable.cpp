#include "estimate/ArchitectureTable.h"

#include "estimate/BundledTables.h"
#include "estimate/DataTable.h"

#include <cmath>
#include <limits>

namespace complab {

std::int64_t Architecture::slidingWindowLayers() const
{
    if (slidingWindow <= 0)
        return 0;
    if (slidingWindowPattern <= 0)
        return layers;
    return layers - layers / slidingWindowPattern;
}

double Architecture::parametersFromShape() const
{
    const auto d = static_cast<double>(hiddenSize);
    const double attention = 2.0 * d * static_cast<double>(attentionHeads * headDim)
        + 2.0 * d * static_cast<double>(keyValueHeads * headDim);
    const double ffnPerExpert = 3.0 * d * static_cast<double>(intermediateSize);
    const double ffn = ffnPerExpert * static_cast<double>(experts > 0 ? experts : 1);
    const double embeddings = embeddingParameters() * (tiedEmbeddings ? 1.0 : 2.0);
    return static_cast<double>(layers) * (attention + ffn) + embeddings;
}

std::string Architecture::shapeSummary() const
{
    std::string summary = std::to_string(layers) + " layers, " + std::to_string(keyValueHeads) + " KV heads x "
        + std::to_string(headDim);
    if (slidingWindow > 0)
        summary += ", sliding window " + std::to_string(slidingWindow) + " on " + std::to_string(slidingWindowLayers())
            + " layers";
    if (experts > 0)
        summary += ", " + std::to_string(experts) + " experts (" + std::to_string(expertsPerToken) + " per token)";
    return summary;
}

ArchitectureTable ArchitectureTable::parse(std::string_view json, std::string_view fileName)
{
    const auto rows = parseTableRows(json, fileName);
    ArchitectureTable table;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const TableRow row(rows[i], fileName, i);
        Architecture a;
        a.name = row.text("name");
        a.family = row.optionalText("family");
        a.parameters = row.positiveNumber("parameters");
        a.layers = row.positiveInteger("layers");
        a.hiddenSize = row.positiveInteger("hidden_size");
        a.attentionHeads = row.positiveInteger("attention_heads");
        a.keyValueHeads = row.positiveInteger("key_value_heads");
        a.headDim = row.positiveInteger("head_dim");
        a.intermediateSize = row.positiveInteger("intermediate_size");
        a.vocabSize = row.positiveInteger("vocab_size");
        a.maxContext = row.positiveInteger("max_context");
        a.tiedEmbeddings = row.boolean("tied_embeddings");
        a.slidingWindow = row.optionalPositiveInteger("sliding_window").value_or(0);
        a.slidingWindowPattern = row.optionalPositiveInteger("sliding_window_pattern").value_or(0);
        a.experts = row.optionalPositiveInteger("experts").value_or(0);
        a.expertsPerToken = row.optionalPositiveInteger("experts_per_token").value_or(0);
        a.activeParameters = row.optionalNumber("active_parameters", 1.0, a.parameters).value_or(a.parameters);
        a.source = row.text("source");
        if (a.keyValueHeads > a.attentionHeads || a.attentionHeads % a.keyValueHeads != 0)
            row.fail("attention_heads must be a multiple of key_value_heads");
        if (a.slidingWindowPattern > 0 && a.slidingWindow == 0)
            row.fail("sliding_window_pattern needs a sliding_window");
        if ((a.experts > 0) != (a.expertsPerToken > 0) || a.expertsPerToken > a.experts)
            row.fail("experts and experts_per_token go together, with experts_per_token <= experts");
        if (table.find(a.name))
            row.fail("the name \"" + a.name + "\" is listed twice");
        table.m_rows.push_back(std::move(a));
    }
    return table;
}

const Architecture* ArchitectureTable::find(std::string_view name) const
{
    for (const auto& row : m_rows) {
        if (equalsIgnoringCase(row.name, name))
            return &row;
    }
    return nullptr;
}

const Architecture& ArchitectureTable::nearest(double parameters) const
{
    const Architecture* best = &m_rows.front();
    double bestDistance = std::numeric_limits<double>::infinity();
    const double target = std::log(std::max(parameters, 1.0));
    for (const auto& row : m_rows) {
        const double distance = std::abs(std::log(row.parameters) - target);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = &row;
        }
    }
    return *best;
}

ArchitectureTable loadArchitectureTable(const std::filesystem::path& path)
{
    return ArchitectureTable::parse(readTableFile(path), path.string());
}

const ArchitectureTable& defaultArchitectureTable()
{
    static const ArchitectureTable table
        = ArchitectureTable::parse(bundledTableJson("architectures.json"), "architectures.json (bundled)");
    return table;
}

} // namespace complab
