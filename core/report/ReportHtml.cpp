// The report as one self-contained HTML page: no scripts, no external files; charts are inline SVG
// drawn by the same chart painter as the PDF.
#include "report/ReportCharts.h"
#include "report/ReportWriter.h"
#include "report/SvgCanvas.h"
#include "util/Units.h"

namespace complab::report {

namespace {

std::string escape(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

const char* style = R"(<style>
body { font-family: Helvetica, Arial, sans-serif; color: #222; max-width: 1100px; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; } h2 { font-size: 1.25em; margin-top: 1.8em; border-bottom: 1px solid #ddd; }
.meta { color: #666; font-size: 0.9em; }
table { border-collapse: collapse; font-size: 0.9em; margin: 0.5em 0; }
th, td { padding: 3px 8px; border-bottom: 1px solid #e4e4e4; text-align: left; vertical-align: top; }
th { background: #f4f4f4; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; }
.card { flex: 1 1 220px; border: 1px solid #ddd; border-radius: 6px; padding: 10px 12px; }
.card .t { font-size: 0.85em; color: #555; } .card .v { font-size: 1.6em; font-weight: bold; margin: 2px 0; }
.card .d { font-size: 0.85em; } .badge { font-size: 0.75em; padding: 1px 6px; border-radius: 8px; margin-left: 6px; }
.measured { background: #e3effa; color: #1f4f7a; } .estimate { background: #eee; color: #555; }
figure { margin: 1.2em 0; } figcaption { font-size: 0.85em; color: #555; max-width: 900px; }
pre { background: #f7f7f7; padding: 8px; font-size: 0.8em; overflow-x: auto; }
</style>)";

std::string badge(const std::string& origin)
{
    const std::string cls = origin.find("measured") != std::string::npos ? "measured" : "estimate";
    return "<span class=\"badge " + cls + "\">" + escape(origin) + "</span>";
}

std::string modelSection(const ReportData& data)
{
    const ModelCard& m = data.model;
    std::string html = "<h2>Model</h2><table>";
    const std::pair<const char*, std::string> rows[] = {{"File", m.path}, {"Format", m.format},
        {"Architecture", m.architecture}, {"Tensors", std::to_string(m.tensorCount)},
        {"Parameters", formatCount(m.parameters) + " (" + std::to_string(m.parameters) + ")"},
        {"Tensor data", formatBytes(m.tensorBytes)}, {"Stored types", m.dtypes}};
    for (const auto& [label, value] : rows)
        html += "<tr><th>" + std::string(label) + "</th><td>" + escape(value) + "</td></tr>";
    return html + "</table>";
}

std::string cardsSection(const ReportData& data)
{
    std::string html = "<h2>Summary</h2><div class=\"cards\">";
    for (const auto& card : summaryCards(data))
        html += "<div class=\"card\"><div class=\"t\">" + escape(card.title) + badge(card.origin)
            + "</div><div class=\"v\">" + escape(card.value) + "</div><div class=\"d\">" + escape(card.detail)
            + "</div></div>";
    html += "</div><p class=\"meta\">" + escape(data.estimate.rule) + "</p>";
    return html;
}

std::string recipeSection(const ReportData& data)
{
    std::string html = "<h2>Recipe</h2><table>";
    for (const auto& [label, value] : data.recipeSummary)
        html += "<tr><th>" + escape(label) + "</th><td>" + escape(value) + "</td></tr>";
    html += "</table><details><summary>The recipe file (compression-lab-recipe JSON)</summary><pre>"
        + escape(data.recipeJson) + "</pre></details>";
    return html;
}

std::string chartsSection(const ReportData& data)
{
    std::string html = "<h2>Charts</h2>";
    for (const auto& chart : reportCharts(data)) {
        SvgCanvas canvas(760, 360);
        drawChart(canvas, 0, 0, 760, 360, chart.spec);
        html += "<figure id=\"chart-" + chart.id + "\">" + canvas.svg() + "<figcaption>" + escape(chart.caption)
            + "</figcaption></figure>";
    }
    return html;
}

std::string qualitySection(const ReportData& data)
{
    std::string html = "<h2>Measured quality</h2>";
    if (!data.quality)
        return html + "<p>Not measured: " + escape(data.qualityUnavailable) + ".</p>";
    const MeasuredQuality& q = *data.quality;
    const ComparisonResult& c = q.compressed;
    html += "<p>The compressed values (" + std::to_string(q.replacedTensors)
        + " tensors replaced by what the export stores) run against the original on "
        + std::to_string(q.original.tokens) + " tokens of " + escape(q.text) + " (tokenizer: " + escape(q.tokenizer)
        + ").</p><table><tr><th>Measure</th><th>Original</th><th>Compressed</th></tr>";
    html += "<tr><td>Perplexity</td><td class=\"n\">" + number(q.original.perplexity, 5) + "</td><td class=\"n\">"
        + number(c.compared.perplexity, 5) + " (" + (c.deltaPerplexity >= 0 ? "+" : "")
        + percentText(c.perplexityRatio - 1.0) + ")</td></tr>";
    html += "<tr><td>Mean KL divergence (nats/token)</td><td class=\"n\">0</td><td class=\"n\">" + number(c.meanKld, 4)
        + " ± " + number(c.meanKldError, 2) + "</td></tr>";
    html += "<tr><td>Same top token</td><td class=\"n\">100 %</td><td class=\"n\">" + percentText(c.sameTopFraction)
        + "</td></tr></table>";
    if (!q.bitSweep.empty()) {
        html += "<h3>The same model with every tensor at " + escape(q.sweepFamily)
            + "</h3><table><tr><th>Scheme</th><th>Bits/weight</th><th>Perplexity</th><th>Mean KLD</th><th>Same top "
              "token</th></tr>";
        for (const auto& v : q.bitSweep)
            html += "<tr><td>" + escape(v.label) + "</td><td class=\"n\">" + number(v.bitsPerWeight, 4)
                + "</td><td class=\"n\">" + number(v.quality.compared.perplexity, 5) + "</td><td class=\"n\">"
                + number(v.quality.meanKld, 3) + "</td><td class=\"n\">" + percentText(v.quality.sameTopFraction)
                + "</td></tr>";
        html += "</table>";
    }
    return html;
}

std::string tensorSection(const ReportData& data)
{
    const Totals& t = data.totals;
    std::string html = "<h2>Every tensor, measured</h2><p>" + std::to_string(data.tensors.size()) + " tensors, "
        + std::to_string(t.compressedTensors) + " changed; " + formatBytes(t.storedBytes) + " stored ("
        + number(t.bitsPerWeight, 4) + " bits/weight); relative error over all changed weights "
        + percentText(t.relativeError, 2) + ". Worst first.</p>";
    html += "<table><tr><th>Tensor</th><th>Shape</th><th>Treatment</th><th>Bits/weight</th><th>Relative "
            "error</th><th>SQNR (dB)</th><th>Became zero</th><th>Stored</th></tr>";
    for (const TensorRow* row : rowsWorstFirst(data)) {
        const std::string shape = shapeText(row->plan.shape, " × ");
        html += "<tr><td>" + escape(row->plan.sourceName) + "</td><td>" + shape + "</td><td>" + escape(row->treatment)
            + "</td>";
        if (const auto& m = row->plan.metrics)
            html += "<td class=\"n\">" + number(m->bitsPerWeight, 4) + "</td><td class=\"n\">"
                + percentText(m->relativeError, 2) + "</td><td class=\"n\">" + number(m->sqnrDb, 3)
                + "</td><td class=\"n\">" + percentText(m->becameZeroFraction, 1) + "</td>";
        else
            html += "<td class=\"n\">"
                + number(row->elements ? 8.0 * double(row->storedBytes) / double(row->elements) : 0, 4)
                + "</td><td class=\"n\">0</td><td class=\"n\">exact</td><td class=\"n\">—</td>";
        html += "<td class=\"n\">" + formatBytes(row->storedBytes) + "</td></tr>";
    }
    return html + "</table>";
}

} // namespace

std::string reportHtml(const ReportData& data)
{
    std::string html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Compression report: "
        + escape(data.model.file) + "</title>" + style + "</head><body>";
    html += "<h1>Compression report: " + escape(data.model.file) + "</h1><p class=\"meta\">Made by "
        + escape(data.generator) + " on " + escape(data.createdAt)
        + ". <b>Measured</b> numbers come from this checkpoint's own tensors; <b>estimates</b> come from the "
          "rule-of-thumb model and say so.</p>";
    html += modelSection(data) + cardsSection(data) + recipeSection(data) + chartsSection(data) + qualitySection(data)
        + tensorSection(data);
    return html + "</body></html>\n";
}

} // namespace complab::report
