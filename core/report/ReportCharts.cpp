#include "report/ReportCharts.h"

#include "report/ReportWriter.h"
#include "util/Units.h"

#include <algorithm>
#include <cmath>

namespace complab::report {

namespace {

// The lab's chart colours (widgets/ChartPalette.h): the recipe orange, the measured blue and red,
// the rule-of-thumb grey.
constexpr Colour recipeOrange{0xe0, 0x6c, 0x1f};
constexpr Colour measuredBlue{31, 119, 180};
constexpr Colour measuredRed{214, 39, 40};
constexpr Colour ruleGrey{130, 130, 130};
constexpr Colour kvGreen{44, 160, 44};

std::string contextLabel(double tokens)
{
    const auto value = static_cast<long long>(tokens);
    return value >= 1024 ? std::to_string(value / 1024) + "K" : std::to_string(value);
}

ReportChart errorChart(const ReportData& data)
{
    ReportChart chart;
    chart.id = "error";
    chart.spec.title = "Relative error of each compressed tensor";
    chart.spec.xTitle = "Tensor (file order)";
    chart.spec.yTitle = "Relative error (%)";
    ChartSeries series{"Relative error", recipeOrange, SeriesStyle::Bars, {}};
    for (const auto& row : data.tensors) {
        if (!row.plan.metrics)
            continue;
        series.points.emplace_back(double(chart.spec.categories.size()), 100.0 * row.plan.metrics->relativeError);
        chart.spec.categories.push_back(shortTensorName(row.plan.sourceName));
    }
    chart.spec.yMin = 0.0;
    chart.spec.series.push_back(std::move(series));
    chart.spec.emptyText = "No tensor is changed by this recipe";
    chart.caption = "Measured: each tensor compressed exactly as the export would store it, compared with the "
                    "source values. Tensors the recipe keeps are left out.";
    return chart;
}

ReportChart histogramChart(const ReportData& data)
{
    ReportChart chart;
    chart.id = "histogram";
    chart.spec.yTitle = "Number of weights";
    chart.spec.xTitle = "Weight value";
    chart.spec.emptyText = "No tensor is quantised";
    if (const auto& h = data.worstHistograms) {
        chart.spec.title = "Weights of " + shortTensorName(h->tensor) + ", before and after";
        ChartSeries original{"Original", measuredBlue, SeriesStyle::Line, {}};
        ChartSeries stored{"Stored by the recipe", recipeOrange, SeriesStyle::Line, {}};
        for (std::size_t bin = 0; bin < h->original.counts.size(); ++bin)
            original.points.emplace_back(h->original.binCenter(bin), double(h->original.counts[bin]));
        for (std::size_t bin = 0; bin < h->stored.counts.size(); ++bin)
            stored.points.emplace_back(h->stored.binCenter(bin), double(h->stored.counts[bin]));
        chart.spec.series = {std::move(original), std::move(stored)};
        chart.spec.yMin = 0.0;
        chart.caption = "Measured on the tensor with the largest relative error. Rounding to a grid turns the "
                        "smooth bell into spikes at the grid's levels.";
    } else {
        chart.spec.title = "Weights of the worst tensor, before and after";
    }
    return chart;
}

ReportChart precisionChart(const ReportData& data)
{
    ReportChart chart;
    chart.id = "precision";
    chart.spec.title = "Quality against bits per weight";
    chart.spec.xTitle = "Bits per weight";
    chart.spec.yTitle = "Quality (%)";
    chart.spec.yMin = 0.0;
    chart.spec.yMax = 100.0;
    ChartSeries rule{"Rule of thumb (estimate)", ruleGrey, SeriesStyle::DashedLine, {}};
    if (!data.estimatedCurves.empty())
        rule.points = data.estimatedCurves.front().points;
    chart.spec.series.push_back(std::move(rule));
    chart.caption = "Grey: the seed's rule-of-thumb retention for the nominal bit-width (an estimate).";
    if (data.quality && !data.quality->bitSweep.empty()) {
        const double basePerplexity = data.quality->original.perplexity;
        ChartSeries top{"Measured: same top token", measuredBlue, SeriesStyle::LineWithMarkers, {}};
        ChartSeries perplexity{"Measured: perplexity kept (PPL₀ / PPL)", measuredRed, SeriesStyle::LineWithMarkers, {}};
        for (const auto& variant : data.quality->bitSweep) {
            const double bits = std::floor(variant.bitsPerWeight + 1e-9);
            top.points.emplace_back(bits, 100.0 * variant.quality.sameTopFraction);
            if (variant.quality.compared.perplexity > 0)
                perplexity.points.emplace_back(bits, 100.0 * basePerplexity / variant.quality.compared.perplexity);
        }
        chart.spec.series.push_back(std::move(top));
        chart.spec.series.push_back(std::move(perplexity));
        chart.caption += " Blue and red: this model measured with " + data.quality->sweepFamily
            + " on every tensor, on " + std::to_string(data.quality->original.tokens) + " held-out tokens.";
    }
    return chart;
}

ReportChart vramChart(const ReportData& data)
{
    ReportChart chart;
    chart.id = "vram";
    chart.spec.title = "Memory to run the model, by context length";
    chart.spec.xTitle = "Context (tokens)";
    chart.spec.yTitle = "Memory (GB)";
    chart.spec.yMin = 0.0;
    const Colour colours[] = {recipeOrange, kvGreen, measuredBlue, ruleGrey};
    for (std::size_t i = 1; i < data.estimatedCurves.size() && i <= 4; ++i) {
        const Curve& curve = data.estimatedCurves[i];
        ChartSeries series{curve.name, colours[i - 1], SeriesStyle::Bars, {}};
        for (std::size_t p = 0; p < curve.points.size(); ++p) {
            series.points.emplace_back(double(p), curve.points[p].second / 1e9);
            if (i == 1)
                chart.spec.categories.push_back(contextLabel(curve.points[p].first));
        }
        chart.spec.series.push_back(std::move(series));
    }
    chart.caption = "Estimate (" + data.estimate.runtimeProfile + " profile, " + data.estimate.kvCacheType
        + " KV cache, batch " + std::to_string(data.estimate.batch)
        + "): the weights and the runtime's fixed overhead stay the same at any context; the KV cache and the "
          "activations grow with every token.";
    return chart;
}

ReportChart layerChart(const ReportData& data)
{
    ReportChart chart;
    chart.id = "layers";
    chart.spec.title = "Sensitivity of each layer";
    chart.spec.xTitle = "Layer quantised alone";
    chart.spec.yTitle = "Mean KL divergence (nats/token)";
    chart.spec.yMin = 0.0;
    ChartSeries series{"KL divergence from the original", measuredRed, SeriesStyle::Bars, {}};
    // Layer order, not the sensitivity order the sweep returns.
    std::vector<const VariantQuality*> layers;
    for (const auto& variant : data.quality->layerSensitivity)
        layers.push_back(&variant);
    std::stable_sort(layers.begin(), layers.end(), [](const VariantQuality* a, const VariantQuality* b) {
        const auto number = [](const std::string& label) {
            const auto digits = label.find_first_of("0123456789");
            return digits == std::string::npos ? 0L : std::stol(label.substr(digits));
        };
        return number(a->label) < number(b->label);
    });
    for (const auto* variant : layers) {
        series.points.emplace_back(double(chart.spec.categories.size()), variant->quality.meanKld);
        chart.spec.categories.push_back(variant->label);
    }
    chart.spec.series.push_back(std::move(series));
    chart.caption = "Measured: the model run with only that layer's tensors quantised at the recipe's scheme; the "
                    "higher the bar, the more that layer deserves extra bits.";
    return chart;
}

} // namespace

std::vector<ReportChart> reportCharts(const ReportData& data)
{
    std::vector<ReportChart> charts;
    charts.push_back(errorChart(data));
    charts.push_back(histogramChart(data));
    charts.push_back(precisionChart(data));
    charts.push_back(vramChart(data));
    if (data.quality && !data.quality->layerSensitivity.empty())
        charts.push_back(layerChart(data));
    return charts;
}

std::vector<SummaryCard> summaryCards(const ReportData& data)
{
    std::vector<SummaryCard> cards;
    const Totals& t = data.totals;
    const double smaller = t.sourceBytes ? 1.0 - double(t.storedBytes) / double(t.sourceBytes) : 0.0;
    cards.push_back({"Weights on disk", formatBytes(t.storedBytes),
        percentText(smaller, 0) + " smaller than the checkpoint (" + formatBytes(t.sourceBytes) + "); "
            + number(t.bitsPerWeight, 3) + " bits/weight over " + std::to_string(data.tensors.size()) + " tensors, "
            + std::to_string(t.compressedTensors) + " changed",
        "measured"});
    const EstimateSummary& e = data.estimate;
    cards.push_back({"VRAM", formatBytes(static_cast<std::uint64_t>(e.vram.totalBytes())),
        "weights " + formatBytes(static_cast<std::uint64_t>(e.vram.weightBytes)) + " + KV cache "
            + formatBytes(static_cast<std::uint64_t>(e.vram.kvCacheBytes)) + " + activations "
            + formatBytes(static_cast<std::uint64_t>(e.vram.activationBytes)) + " + runtime "
            + formatBytes(static_cast<std::uint64_t>(e.vram.runtimeOverheadBytes)) + " at "
            + contextLabel(double(e.context)) + " context",
        "estimate"});
    std::string measured;
    if (data.quality) {
        const auto& c = data.quality->compressed;
        measured = "; measured: same top token " + percentText(c.sameTopFraction) + ", perplexity "
            + number(data.quality->original.perplexity, 4) + " → " + number(c.compared.perplexity, 4);
    }
    cards.push_back({"Quality retained", percentText(e.quality), e.qualityBand + measured,
        data.quality ? "estimate + measured" : "estimate"});
    cards.push_back({"Smallest hardware", e.tier.empty() ? std::string("nothing listed fits") : e.tier,
        e.acceleratorTier.empty() || e.acceleratorTier == e.tier ? std::string("smallest tier whose memory holds it")
                                                                 : "with a GPU: " + e.acceleratorTier,
        "estimate"});
    return cards;
}

} // namespace complab::report
