#include "EvalCommand.h"

#include "CommandErrors.h"

#include "io/Checkpoint.h"
#include "io/CheckpointError.h"
#include "model/CompressionSweeps.h"
#include "model/Evaluator.h"
#include "model/QualitySweep.h"
#include "model/Tokenizer.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <ostream>
#include <sstream>

namespace complab::cli {

namespace {

std::string readText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw CheckpointError(path, "cannot open the text file");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

nlohmann::json perplexityJson(const PerplexityResult& r)
{
    return {{"perplexity", r.perplexity}, {"perplexity_error", r.perplexityError}, {"mean_nll", r.meanNll},
        {"tokens", r.tokens}, {"windows", r.windows}};
}

nlohmann::json qualityJson(const VariantQuality& v)
{
    const auto& q = v.quality;
    return {{"label", v.label}, {"bits_per_weight", v.bitsPerWeight}, {"parameters", v.parameters},
        {"perplexity", q.compared.perplexity}, {"perplexity_error", q.compared.perplexityError},
        {"delta_perplexity", q.deltaPerplexity}, {"delta_perplexity_error", q.deltaPerplexityError},
        {"ln_perplexity_ratio", q.lnPerplexityRatio}, {"ln_perplexity_ratio_error", q.lnPerplexityRatioError},
        {"mean_kld", q.meanKld}, {"mean_kld_error", q.meanKldError}, {"median_kld", q.medianKld}, {"p90_kld", q.p90Kld},
        {"p95_kld", q.p95Kld}, {"p99_kld", q.p99Kld}, {"max_kld", q.maxKld}, {"same_top", q.sameTopFraction},
        {"same_top_error", q.sameTopError}, {"rms_delta_p", q.rmsDeltaP}, {"rms_delta_p_error", q.rmsDeltaPError}};
}

std::string qualityLine(const VariantQuality& v)
{
    const auto& q = v.quality;
    char line[512];
    // Bits per weight only for quantised variants; pruned and factored ones show a dash.
    char bits[16] = "     -";
    if (v.bitsPerWeight > 0.0)
        std::snprintf(bits, sizeof bits, "%6.3f", v.bitsPerWeight);
    std::snprintf(line, sizeof line,
        "%-40s %s  PPL %8.4f ± %.4f  ΔPPL %+8.4f ± %.4f  KLD %.6f ± %.6f (median %.6f, p99 %.6f)  same top "
        "%6.2f %%  RMS Δp %5.2f %%\n",
        v.label.c_str(), bits, q.compared.perplexity, q.compared.perplexityError, q.deltaPerplexity,
        q.deltaPerplexityError, q.meanKld, q.meanKldError, q.medianKld, q.p99Kld, 100 * q.sameTopFraction,
        100 * q.rmsDeltaP);
    return line;
}

} // namespace

RunnableModel loadRunnableModel(const std::string& model, const std::string& tokenizer)
{
    RunnableModel runnable;
    runnable.checkpoint = openCheckpoint(model);
    runnable.weights = ModelWeights::load(*runnable.checkpoint);
    const auto vocab = static_cast<std::int32_t>(runnable.weights->shape().vocabSize);
    if (!tokenizer.empty()) {
        runnable.tokenizer = loadTokenizer(tokenizer, vocab);
    } else {
        std::string whyNot;
        runnable.tokenizer = findTokenizerFor(*runnable.checkpoint, &whyNot);
        if (!runnable.tokenizer)
            throw CheckpointError(runnable.checkpoint->path(),
                "no tokenizer the lab can use (" + whyNot + "); pass one with --tokenizer");
    }
    if (runnable.tokenizer->vocabularySize() != vocab)
        throw CheckpointError(tokenizer.empty() ? runnable.checkpoint->path() : std::filesystem::path(tokenizer),
            "the tokenizer has " + std::to_string(runnable.tokenizer->vocabularySize())
                + " tokens but the model's vocabulary has " + std::to_string(vocab));
    return runnable;
}

CLI::App* addEvalCommand(CLI::App& app, EvalOptions& options)
{
    auto* command = app.add_subcommand("eval", "Perplexity on a text; with --compare-scheme, quality after quantising");
    command->add_option("MODEL", options.model, "Checkpoint file or folder the lab can run (Llama family)")->required();
    command->add_option("--tokenizer", options.tokenizer, "Tokenizer file (default: the one beside or inside MODEL)");
    command->add_option("--text", options.text, "UTF-8 text file to evaluate on")->required();
    command->add_option("--doc-separator", options.separator, "Split the text into documents on this string");
    command->add_option("--skip-docs", options.skipDocuments, "Skip the first N documents")
        ->check(CLI::NonNegativeNumber);
    command->add_option("--max-docs", options.maxDocuments, "Use at most N documents")->check(CLI::NonNegativeNumber);
    command->add_option("--tokens", options.tokens, "Predict at most N tokens")->check(CLI::NonNegativeNumber);
    command->add_option("--context", options.context, "Window length (default: the model's context)")
        ->check(CLI::PositiveNumber);
    command->add_option("--compare-scheme", options.compareScheme,
        "Quantise every weight matrix with this scheme (int2..int8, q4_k, ...) and compare with the original");
    command->add_option("--group-size", options.groupSize, "Group size of intN schemes (32, 64, 128, 256)")
        ->check(CLI::IsMember({32, 64, 128, 256}));
    command->add_flag("--asym", options.asymmetric, "intN with a zero point per group");
    command->add_flag("--sweep-bits", options.sweepBits, "Also int2..int8 (with --group-size) against the original");
    command->add_flag("--sweep-prune", options.sweepPrune,
        "Also magnitude pruning of every layer weight at 10..70 % and 2:4, against the original");
    command->add_flag("--sweep-lowrank", options.sweepLowRank,
        "Also truncated SVD of every layer weight keeping 99..70 % of the energy, against the original");
    command->add_flag("--sensitivity", options.sensitivity,
        "Also rank tensors and layers by the KLD of quantising only them with --compare-scheme");
    command->add_option("--mixed-budget", options.mixedBudget,
        "Also propose a mixed intN assignment within this many bits per weight and measure it against uniform");
    command->add_flag("--json", options.json, "Print one JSON object");
    return command;
}

int runEval(const EvalOptions& options, std::ostream& out, std::ostream& err)
{
    return runReportingErrors(options.model, err, [&] {
        std::optional<QuantSpec> spec;
        if (!options.compareScheme.empty()) {
            spec = QuantSpec::parse(options.compareScheme, options.groupSize, options.asymmetric);
            if (!spec)
                throw UsageError("unknown scheme '" + options.compareScheme + "'");
        }
        if ((options.sensitivity || options.mixedBudget > 0) && !spec)
            throw UsageError("--sensitivity and --mixed-budget need --compare-scheme");
        if (options.mixedBudget > 0 && spec->format != QuantFormat::Int)
            throw UsageError("--mixed-budget needs an intN --compare-scheme");
        const auto start = std::chrono::steady_clock::now();
        const auto runnable = loadRunnableModel(options.model, options.tokenizer);
        const auto documents
            = splitDocuments(readText(options.text), {options.separator, options.skipDocuments, options.maxDocuments});
        const auto context = options.context > 0 ? std::min(options.context, runnable.weights->shape().contextLength)
                                                 : runnable.weights->shape().contextLength;
        auto windows = makeWindows(tokenizeDocuments(documents, *runnable.tokenizer), context, options.tokens);
        if (windows.empty())
            throw CheckpointError(
                options.text, "the text gives no tokens to predict (no document of 2 tokens or more)");
        const Transformer model(runnable.weights);
        Progress progress;
        nlohmann::json json = {{"model", options.model}, {"format", runnable.checkpoint->formatName()},
            {"tokenizer", runnable.tokenizer->description()}, {"text", options.text}, {"documents", documents.size()},
            {"context", context}};
        const bool sweepsOnly = options.sweepPrune || options.sweepLowRank;
        if (!spec && !sweepsOnly) {
            const auto result = evaluatePerplexity(model, windows, progress, {});
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            json.update(perplexityJson(result));
            json["seconds"] = seconds;
            if (options.json) {
                out << json.dump(2) << '\n';
            } else {
                char line[256];
                std::snprintf(line, sizeof line,
                    "perplexity %.4f ± %.4f over %lld tokens (%lld windows, %zu documents)\n", result.perplexity,
                    result.perplexityError, static_cast<long long>(result.tokens),
                    static_cast<long long>(result.windows), documents.size());
                out << line;
            }
            return 0;
        }

        const auto baseline = EvaluationBaseline::compute(model, std::move(windows), progress, {});
        json["original"] = perplexityJson(baseline->perplexity());
        // The headline figures at the top level too, for scripts.
        json["perplexity"] = baseline->perplexity().perplexity;
        json["tokens"] = baseline->perplexity().tokens;
        std::string text = "original  PPL " + std::to_string(baseline->perplexity().perplexity) + " over "
            + std::to_string(baseline->perplexity().tokens) + " tokens\n";

        if (spec) {
            std::vector<std::string> quantised;
            const auto variantWeights = quantizedWeights(*runnable.weights, *spec, {}, {}, &quantised);
            if (quantised.empty())
                throw UsageError(spec->name() + " applies to no weight matrix of this model: "
                    + spec->whyNotApplicable(static_cast<std::uint64_t>(runnable.weights->shape().dim),
                        static_cast<std::uint64_t>(runnable.weights->shape().dim)));
            std::map<std::string, QuantSpec> assignment;
            for (const auto& name : quantised)
                assignment[name] = *spec;
            std::int64_t parameters = 0;
            for (const auto& name : quantised)
                parameters += runnable.weights->find(name)->elementCount();
            const auto compared = compareVariants(*baseline,
                {{spec->name(), variantWeights, averageBitsPerWeight(*runnable.weights, assignment), parameters}},
                progress, {})[0];
            json["compared"] = qualityJson(compared);
            json["compared"]["scheme"] = spec->name();
            json["compared"]["tensors_quantised"] = quantised.size();
            text += qualityLine(compared);
        }
        if (options.sweepBits) {
            auto family = QuantSpec::integer(4, options.groupSize, !options.asymmetric);
            const auto sweep = sweepBits(*baseline, *runnable.weights, family, progress, {});
            json["bit_sweep"] = nlohmann::json::array();
            text += "\nbit sweep (" + family.name() + " family)\n";
            for (const auto& point : sweep) {
                json["bit_sweep"].push_back(qualityJson(point));
                text += qualityLine(point);
            }
        }
        if (options.sensitivity) {
            const auto tensors = tensorSensitivity(*baseline, *runnable.weights, *spec, progress, {});
            const auto layers = layerSensitivity(*baseline, *runnable.weights, *spec, progress, {});
            json["tensor_sensitivity"] = nlohmann::json::array();
            json["layer_sensitivity"] = nlohmann::json::array();
            text += "\nsensitivity: one tensor at a time with " + spec->name() + ", most sensitive first\n";
            for (const auto& t : tensors) {
                json["tensor_sensitivity"].push_back(qualityJson(t));
                text += qualityLine(t);
            }
            text += "\nsensitivity: one layer at a time\n";
            for (const auto& l : layers) {
                json["layer_sensitivity"].push_back(qualityJson(l));
                text += qualityLine(l);
            }
        }
        if (options.mixedBudget > 0) {
            const auto plan
                = proposeMixedPrecision(*baseline, *runnable.weights, *spec, options.mixedBudget, progress, {});
            nlohmann::json assignmentJson = nlohmann::json::object();
            for (const auto& [name, s] : plan.assignment)
                assignmentJson[name] = s.name();
            json["mixed_precision"] = {{"budget_bits_per_weight", options.mixedBudget},
                {"bits_per_weight", plan.bitsPerWeight}, {"assignment", assignmentJson},
                {"mixed", qualityJson(plan.mixed)}, {"uniform", qualityJson(plan.uniform)}};
            text += "\nmixed precision within " + std::to_string(options.mixedBudget) + " bits per weight\n"
                + qualityLine(plan.mixed) + qualityLine(plan.uniform);
        }
        if (options.sweepPrune) {
            const auto sweep
                = sweepPruning(*baseline, *runnable.weights, {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7}, true, progress, {});
            json["prune_sweep"] = nlohmann::json::array();
            text += "\npruning sweep (magnitude, per tensor, every layer weight)\n";
            for (const auto& point : sweep) {
                json["prune_sweep"].push_back(qualityJson(point));
                text += qualityLine(point);
            }
        }
        if (options.sweepLowRank) {
            const auto sweep = sweepLowRank(*baseline, *runnable.weights, {0.99, 0.95, 0.9, 0.8, 0.7}, progress, {});
            json["lowrank_sweep"] = nlohmann::json::array();
            text += "\nlow-rank sweep (truncated SVD of every layer weight; count = factor parameters)\n";
            for (const auto& point : sweep) {
                json["lowrank_sweep"].push_back(qualityJson(point));
                text += qualityLine(point);
            }
        }
        json["seconds"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (options.json)
            out << json.dump(2) << '\n';
        else
            out << text;
        return 0;
    });
}

} // namespace complab::cli
