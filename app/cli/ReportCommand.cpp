#include "ReportCommand.h"

#include "ApplyCommand.h"
#include "CommandErrors.h"
#include "EvalCommand.h"

#include "io/Checkpoint.h"
#include "model/ModelWeights.h"
#include "model/Tokenizer.h"
#include "recipe/PipelineStep.h"
#include "report/ReportWriter.h"
#include "util/Units.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <ostream>

namespace complab::cli {

CLI::App* addReportCommand(CLI::App& app, ReportOptions& options)
{
    auto* command = app.add_subcommand("report",
        "Measure a recipe on a model and write a report: .html, .pdf, .csv (per-tensor table) or .h5 (all data)");
    command->add_option("MODEL", options.model, "Checkpoint file or folder")->required();
    command->add_option("--recipe", options.recipe, "Recipe file (docs/recipe.md)")->required();
    command->add_option("--out", options.output, "Report file; its extension picks the format")->required();
    command->add_option("--text", options.text,
        "Held-out UTF-8 text (documents separated by <|endoftext|>): also measure perplexity, KL divergence and "
        "the INT2-INT8 sweep");
    command->add_option("--tokens", options.tokens, "Predictions evaluated on --text (default 1024)")
        ->check(CLI::Range(std::int64_t{16}, std::int64_t{1} << 20));
    command->add_option("--tokenizer", options.tokenizer, "Tokenizer file, when the model has none beside it");
    command->add_flag("--no-sweep", options.noSweep, "With --text: skip the bit sweep and per-layer sensitivity");
    command->add_flag("--ignore-source", options.ignoreSource, "Report even if the recipe was made for another model");
    command->add_flag("--json", options.json, "Print a summary as JSON");
    return command;
}

int runReport(const ReportOptions& options, std::ostream& out, std::ostream& err)
{
    return runReportingErrors(options.model, err, [&] {
        if (!report::reportFormatFor(options.output))
            throw UsageError("--out " + options.output + ": the name must end in .html, .pdf, .csv, .h5 or .hdf5");
        const auto recipe = Recipe::load(options.recipe);
        const auto start = std::chrono::steady_clock::now();
        std::shared_ptr<const Checkpoint> checkpoint;
        report::ReportOptions reportOptions;
        reportOptions.generator = "compression-lab-cli " COMPLAB_VERSION;
        if (!options.text.empty()) {
            const auto runnable = loadRunnableModel(options.model, options.tokenizer);
            checkpoint = runnable.checkpoint;
            report::QualityInput quality;
            quality.weights = runnable.weights;
            quality.windows = labEvaluationWindows(
                options.text, *runnable.tokenizer, runnable.weights->shape().contextLength, options.tokens);
            quality.tokenizer = runnable.tokenizer->description();
            quality.text = std::filesystem::path(options.text).filename().string();
            quality.sweepBits = !options.noSweep;
            reportOptions.quality = std::move(quality);
        } else {
            checkpoint = openCheckpoint(options.model);
            reportOptions.qualityUnavailable = "no held-out text was given (--text)";
        }
        if (!options.ignoreSource)
            requireRecipeMadeFor(recipe, *checkpoint, options.recipe);
        Progress progress;
        report::ReportData data;
        try {
            data = report::buildReport(checkpoint, recipe, reportOptions, progress, {});
        } catch (const std::invalid_argument& e) {
            throw UsageError(e.what());
        }
        report::writeReport(data, options.output);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const auto written = std::filesystem::file_size(options.output);
        if (options.json) {
            nlohmann::json json = {{"model", checkpoint->path().string()}, {"recipe", options.recipe},
                {"output", options.output}, {"output_bytes", written}, {"seconds", seconds},
                {"tensors", data.tensors.size()}, {"compressed_tensors", data.totals.compressedTensors},
                {"stored_bytes", data.totals.storedBytes}, {"bits_per_weight", data.totals.bitsPerWeight},
                {"relative_error", data.totals.relativeError}, {"estimated_quality", data.estimate.quality},
                {"estimated_vram_bytes", data.estimate.vram.totalBytes()}};
            if (data.quality) {
                json["perplexity_original"] = data.quality->original.perplexity;
                json["perplexity_compressed"] = data.quality->compressed.compared.perplexity;
                json["mean_kld"] = data.quality->compressed.meanKld;
                json["same_top"] = data.quality->compressed.sameTopFraction;
            } else {
                json["quality_not_measured"] = data.qualityUnavailable;
            }
            out << json.dump(2) << '\n';
            return 0;
        }
        out << data.tensors.size() << " tensors measured (" << data.totals.compressedTensors
            << " changed): " << formatBytes(data.totals.storedBytes) << ", "
            << report::number(data.totals.bitsPerWeight, 4) << " bits/weight, relative error "
            << report::percentText(data.totals.relativeError, 2) << '\n';
        if (data.quality)
            out << "perplexity " << report::number(data.quality->original.perplexity, 5) << " -> "
                << report::number(data.quality->compressed.compared.perplexity, 5) << ", KL divergence "
                << report::number(data.quality->compressed.meanKld, 4) << " nats/token, same top token "
                << report::percentText(data.quality->compressed.sameTopFraction) << " on "
                << data.quality->original.tokens << " tokens\n";
        else
            out << "quality not measured: " << data.qualityUnavailable << '\n';
        out << "wrote " << options.output << " (" << formatBytes(written) << ") in " << seconds << " s\n";
        return 0;
    });
}

} // namespace complab::cli
