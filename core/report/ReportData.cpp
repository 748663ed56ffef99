#include "report/ReportData.h"
#include "report/ReportWriter.h"

#include "estimate/CheckpointArchitecture.h"
#include "estimate/QualityModel.h"
#include "io/Checkpoint.h"
#include "model/ModelWeights.h"
#include "model/Transformer.h"
#include "recipe/TensorPreview.h"
#include "util/Units.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <map>
#include <sstream>

namespace complab::report {

namespace {

std::string utcNow()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm parts{};
    gmtime_r(&now, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

std::string groupedInteger(std::uint64_t value)
{
    const std::string digits = std::to_string(value);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            grouped += ',';
        grouped += digits[i];
    }
    return grouped;
}

std::string describeArchitecture(const Checkpoint& checkpoint)
{
    if (!checkpoint.config())
        return "no configuration found (the tensors alone)";
    const ModelConfig& config = *checkpoint.config();
    std::vector<std::string> parts;
    parts.push_back(config.modelType.empty() ? std::string("unknown type") : config.modelType);
    if (config.layerCount)
        parts.push_back(std::to_string(*config.layerCount) + " layers");
    if (config.hiddenSize)
        parts.push_back("width " + std::to_string(*config.hiddenSize));
    if (config.attentionHeads)
        parts.push_back(std::to_string(*config.attentionHeads) + " heads ("
            + std::to_string(config.keyValueHeads.value_or(*config.attentionHeads)) + " key/value)");
    if (config.vocabSize)
        parts.push_back("vocabulary " + groupedInteger(static_cast<std::uint64_t>(*config.vocabSize)));
    if (config.contextLength)
        parts.push_back("context " + std::to_string(*config.contextLength));
    return joined(parts, ", ");
}

ModelCard modelCard(const Checkpoint& checkpoint)
{
    ModelCard card;
    card.path = checkpoint.path().string();
    card.file = checkpoint.path().filename().string();
    card.format = checkpoint.formatName();
    card.architecture = describeArchitecture(checkpoint);
    card.tensorCount = checkpoint.tensors().size();
    card.parameters = checkpoint.totalParameters();
    card.tensorBytes = checkpoint.totalTensorBytes();
    std::vector<std::string> types;
    for (const auto& [type, count] : checkpoint.dtypeCounts())
        types.push_back(
            std::string(dtypeName(type)) + " (" + std::to_string(count) + (count == 1 ? " tensor)" : " tensors)"));
    card.dtypes = joined(types, ", ");
    return card;
}

std::string schemeText(const RecipeScheme& scheme)
{
    if (scheme.keeps())
        return "keep (stored type)";
    const auto spec = scheme.spec();
    return spec ? spec->name() : scheme.scheme;
}

std::string fractionText(double fraction)
{
    return percentText(fraction, 1);
}

std::vector<std::pair<std::string, std::string>> summarizeRecipe(const Recipe& recipe)
{
    std::vector<std::pair<std::string, std::string>> lines;
    lines.emplace_back("Quantisation", schemeText(recipe.quantization));
    for (const auto& rule : recipe.rules)
        lines.emplace_back(
            std::string(rule.syntax == TensorRule::Syntax::Glob ? "Rule (glob) " : "Rule (regex) ") + rule.pattern,
            schemeText(rule.scheme));
    if (recipe.pruning)
        lines.emplace_back("Pruning",
            fractionText(recipe.pruning->fraction) + " " + recipe.pruning->method + ", " + recipe.pruning->pattern);
    else
        lines.emplace_back("Pruning", "none");
    if (recipe.lowRank)
        lines.emplace_back("Low rank",
            recipe.lowRank->rank ? "rank " + std::to_string(*recipe.lowRank->rank)
                                 : fractionText(recipe.lowRank->energy.value_or(1.0)) + " of the spectral energy");
    else
        lines.emplace_back("Low rank", "none");
    lines.emplace_back("Runtime",
        "context " + std::to_string(recipe.runtime.context) + ", batch " + std::to_string(recipe.runtime.batch)
            + ", KV cache " + recipe.runtime.kvCacheType);
    if (recipe.calibration)
        lines.emplace_back("Calibration", recipe.calibration->path);
    if (recipe.source)
        lines.emplace_back("Made for", recipe.source->path);
    return lines;
}

std::string treatmentOf(const TensorPlan& plan)
{
    std::string text = plan.spec ? plan.spec->name() : "kept (" + std::string(dtypeName(plan.storedAs)) + ")";
    if (!plan.spec && !plan.keptBecause.empty())
        text += ": " + plan.keptBecause;
    for (const auto& step : plan.steps)
        text += " after " + step;
    return text;
}

EstimateSummary estimateFor(const Checkpoint& checkpoint, const Recipe& recipe, const Totals& totals)
{
    const EstimateSettings settings = recipe.estimate.value_or(EstimateSettings{});
    EstimateSummary summary;
    EstimateInput input;
    std::optional<Architecture> own;
    summary.parametersFromCheckpoint = !settings.parameters.has_value();
    input.parameters = settings.parameters.value_or(static_cast<double>(totals.parameters));
    if (summary.parametersFromCheckpoint && checkpoint.config()) {
        own = architectureFromConfig(*checkpoint.config(), input.parameters, checkpoint.path().filename().string());
        if (own)
            input.architecture = &*own;
    }
    // The quality rule reads the nominal bit-width of the global scheme; footprint and VRAM read the
    // storage the pipeline measured (scales, kept tensors and per-tensor rules included).
    const auto spec = recipe.quantization.spec();
    input.weightBits = spec ? spec->nominalBits()
                            : (totals.parameters ? 8.0 * double(totals.sourceBytes) / double(totals.parameters) : 16.0);
    input.bitsPerWeight = summary.parametersFromCheckpoint ? totals.bitsPerWeight : input.weightBits;
    input.pruneFraction = recipe.pruning ? std::clamp(recipe.pruning->fraction, 0.0, 0.999) : 0.0;
    input.distillFactor = settings.distillFactor;
    input.context = recipe.runtime.context;
    input.batch = recipe.runtime.batch;
    if (const auto* kv = findKvCacheType(recipe.runtime.kvCacheType))
        input.kvType = kv->type;
    input.runtime = parseRuntimeProfile(settings.runtimeProfile).value_or(RuntimeProfile::LlamaCpp);
    input.flashAttention = settings.flashAttention;
    const Estimate result = estimate(input, recipe.estimatorConstants);

    summary.parameters = input.parameters;
    summary.architecture = result.architecture ? result.architecture->name : std::string("none");
    summary.architectureAssumed = result.architectureAssumed;
    summary.weightBits = input.weightBits;
    summary.bitsPerWeight = input.bitsPerWeight;
    summary.pruneFraction = input.pruneFraction;
    summary.distillFactor = input.distillFactor;
    summary.context = input.context;
    summary.batch = input.batch;
    summary.kvCacheType = std::string(kvCacheTypeInfo(input.kvType).id);
    summary.runtimeProfile = std::string(runtimeProfileName(input.runtime));
    summary.diskBytes = result.diskBytes;
    summary.fractionSmallerThanFp32 = result.fractionSmallerThanFp32;
    summary.vram = result.vram;
    summary.quality = result.quality;
    summary.qualityBand = std::string(qualityBandName(result.qualityBand));
    summary.tier = result.tier ? result.tier->name : std::string();
    summary.acceleratorTier = result.acceleratorTier ? result.acceleratorTier->name : std::string();
    std::ostringstream rule;
    rule << "Rule of thumb (docs/estimator.md): disk = parameters x bits per weight / 8; VRAM = weights + KV cache "
            "+ activations + runtime overhead under the "
         << summary.runtimeProfile
         << " profile; quality = the seed's retention curve at the nominal bit-width x the pruning and distillation "
            "factors. "
         << (summary.parametersFromCheckpoint ? "Parameters and bits per weight are the checkpoint's, as measured here."
                                              : "Parameters are the recipe's size setting, not the checkpoint's.");
    summary.rule = rule.str();
    return summary;
}

// Quality vs nominal bits under the rule, and VRAM by term vs context for the recipe's model.
std::vector<Curve> estimatedCurves(const Checkpoint& checkpoint, const Recipe& recipe, const Totals& totals)
{
    std::vector<Curve> curves;
    Curve quality{"Estimated quality retained (rule of thumb)", "bits per weight", "percent", {}};
    const double prune = recipe.pruning ? std::clamp(recipe.pruning->fraction, 0.0, 0.999) : 0.0;
    const double distill = recipe.estimate ? recipe.estimate->distillFactor : 1.0;
    for (double bits = 2.0; bits <= 16.0 + 1e-9; bits += 0.5)
        quality.points.emplace_back(bits, 100.0 * qualityRetained(bits, prune, distill, recipe.estimatorConstants));
    curves.push_back(std::move(quality));

    Curve weights{"Weights", "tokens of context", "bytes", {}};
    Curve kv{"KV cache", "tokens of context", "bytes", {}};
    Curve activations{"Activations", "tokens of context", "bytes", {}};
    Curve overhead{"Runtime overhead", "tokens of context", "bytes", {}};
    Curve total{"VRAM total", "tokens of context", "bytes", {}};
    for (std::int64_t context = 512; context <= 131072; context *= 2) {
        Recipe atContext = recipe;
        atContext.runtime.context = context;
        const EstimateSummary at = estimateFor(checkpoint, atContext, totals);
        const double x = static_cast<double>(context);
        weights.points.emplace_back(x, at.vram.weightBytes);
        kv.points.emplace_back(x, at.vram.kvCacheBytes);
        activations.points.emplace_back(x, at.vram.activationBytes);
        overhead.points.emplace_back(x, at.vram.runtimeOverheadBytes);
        total.points.emplace_back(x, at.vram.totalBytes());
    }
    curves.push_back(std::move(weights));
    curves.push_back(std::move(kv));
    curves.push_back(std::move(activations));
    curves.push_back(std::move(overhead));
    curves.push_back(std::move(total));
    return curves;
}

// The family the bit sweep uses: the recipe's integer grid, else INT g128.
QuantSpec sweepFamily(const Recipe& recipe)
{
    const auto spec = recipe.quantization.spec();
    if (spec && spec->format == QuantFormat::Int)
        return *spec;
    return QuantSpec::integer(4, 128);
}

MeasuredQuality measureQuality(const std::shared_ptr<const Checkpoint>& checkpoint, const Recipe& recipe,
    const QualityInput& input, Progress& progress, std::stop_token stop)
{
    MeasuredQuality quality;
    quality.tokenizer = input.tokenizer;
    quality.text = input.text;
    const Pipeline pipeline(checkpoint, recipe, PipelineOptions{});
    const ModelWeights::Overrides overrides = pipeline.changedValues(
        [&input](const std::string& name) { return input.weights->find(name) != nullptr; }, stop);
    quality.replacedTensors = overrides.size();
    const auto compressed = input.weights->withOverrides(overrides);
    Progress quiet;
    const auto baseline = EvaluationBaseline::compute(Transformer(input.weights), input.windows, quiet, stop);
    quality.original = baseline->perplexity();
    quality.compressed = compareToBaseline(*baseline, Transformer(compressed), quiet, stop);
    progress.report(0.75);
    if (input.sweepBits) {
        const QuantSpec family = sweepFamily(recipe);
        // "int2…int8 g128": the family's name without its bit-width.
        const std::string name = family.name();
        quality.sweepFamily = std::string("int2…int8");
        if (const auto space = name.find(' '); space != std::string::npos)
            quality.sweepFamily += name.substr(space);
        quality.bitSweep = sweepBits(*baseline, *input.weights, family, quiet, stop);
        progress.report(0.9);
        const auto layerSpec = recipe.quantization.spec().value_or(family);
        quality.layerSensitivity = layerSensitivity(*baseline, *input.weights, layerSpec, quiet, stop);
    }
    return quality;
}

} // namespace

ReportData buildReport(std::shared_ptr<const Checkpoint> checkpoint, const Recipe& recipe, const ReportOptions& options,
    Progress& progress, std::stop_token stop)
{
    ReportData data;
    data.generator = options.generator;
    data.createdAt = options.createdAt.empty() ? utcNow() : options.createdAt;
    data.model = modelCard(*checkpoint);
    data.recipe = recipe;
    data.recipeJson = recipe.toJson();
    data.recipeSummary = summarizeRecipe(recipe);

    const bool evaluates = options.quality && options.quality->weights;
    const double measureShare = evaluates ? 0.4 : 0.95;
    const Pipeline pipeline(checkpoint, recipe, PipelineOptions{});
    const auto count = pipeline.plan().size();
    double errorSquares = 0;
    double signalSquares = 0;
    for (std::size_t i = 0; i < count; ++i) {
        progress.setStep(
            pipeline.plan()[i].sourceName, measureShare * double(i) / double(std::max<std::size_t>(count, 1)));
        TensorRow row;
        row.plan = pipeline.measure(i, stop);
        row.elements = checkpoint->tensors()[row.plan.sourceIndex].elementCount();
        row.sourceBytes = dtypeStorageBytes(row.plan.sourceType, row.elements).value_or(0);
        row.storedBytes = row.plan.metrics ? row.plan.metrics->storedBytes
                                           : dtypeStorageBytes(row.plan.storedAs, row.elements).value_or(0);
        row.treatment = treatmentOf(row.plan);
        data.totals.parameters += row.elements;
        data.totals.sourceBytes += row.sourceBytes;
        data.totals.storedBytes += row.storedBytes;
        if (row.plan.metrics) {
            ++data.totals.compressedTensors;
            // relativeError = ‖e‖ / ‖w‖ and mse = ‖e‖² / n give back both sums.
            const double error = row.plan.metrics->mse * double(row.plan.metrics->count);
            errorSquares += error;
            if (row.plan.metrics->relativeError > 0)
                signalSquares += error / (row.plan.metrics->relativeError * row.plan.metrics->relativeError);
        }
        data.tensors.push_back(std::move(row));
    }
    data.totals.bitsPerWeight
        = data.totals.parameters ? 8.0 * double(data.totals.storedBytes) / double(data.totals.parameters) : 0.0;
    data.totals.relativeError = signalSquares > 0 ? std::sqrt(errorSquares / signalSquares) : 0.0;
    data.estimate = estimateFor(*checkpoint, recipe, data.totals);
    data.estimatedCurves = estimatedCurves(*checkpoint, recipe, data.totals);

    // Histograms of the tensor where the recipe costs most.
    const auto worst = rowsWorstFirst(data);
    if (!worst.empty() && worst.front()->plan.metrics) {
        std::size_t planIndex = 0;
        for (std::size_t i = 0; i < count; ++i)
            if (pipeline.plan()[i].sourceIndex == worst.front()->plan.sourceIndex)
                planIndex = i;
        const TensorPreview preview = pipeline.preview(planIndex, PreviewOptions{}, stop);
        data.worstHistograms
            = HistogramPair{worst.front()->plan.sourceName, preview.original, preview.stored, preview.error};
    }
    progress.setStep("quality", measureShare);

    if (evaluates) {
        Progress sub([&progress, measureShare](double fraction, const std::string&) {
            progress.report(measureShare + (1.0 - measureShare) * fraction);
        });
        data.quality = measureQuality(checkpoint, recipe, *options.quality, sub, stop);
    } else {
        data.qualityUnavailable
            = options.qualityUnavailable.empty() ? std::string("not asked for") : options.qualityUnavailable;
    }
    progress.report(1.0);
    return data;
}

std::vector<const TensorRow*> rowsWorstFirst(const ReportData& data)
{
    std::vector<const TensorRow*> rows;
    for (const auto& row : data.tensors)
        rows.push_back(&row);
    std::stable_sort(rows.begin(), rows.end(), [](const TensorRow* a, const TensorRow* b) {
        const double left = a->plan.metrics ? a->plan.metrics->relativeError : -1.0;
        const double right = b->plan.metrics ? b->plan.metrics->relativeError : -1.0;
        return left > right;
    });
    return rows;
}

} // namespace complab::report
