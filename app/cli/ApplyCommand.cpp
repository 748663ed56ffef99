#include "ApplyCommand.h"

#include "CommandErrors.h"

#include "io/Checkpoint.h"
#include "recipe/Pipeline.h"
#include "recipe/PipelineStep.h"
#include "util/Sha256.h"
#include "util/Units.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <ostream>

namespace complab::cli {

CLI::App* addApplyCommand(CLI::App& app, ApplyOptions& options)
{
    auto* command = app.add_subcommand("apply", "Apply a recipe to a model and write the compressed checkpoint");
    command->add_option("MODEL", options.model, "Checkpoint file or folder")->required();
    command->add_option("--recipe", options.recipe, "Recipe file (docs/recipe.md)")->required();
    command->add_option("--out", options.output, "Output: .gguf (llama.cpp) or .safetensors (dense values)")
        ->required();
    command->add_option("--dtype", options.dtype, "safetensors: original, f16 or bf16")
        ->check(CLI::IsMember({"original", "f16", "bf16"}));
    command->add_flag("--ignore-source", options.ignoreSource, "Apply even if the recipe was made for another model");
    command->add_flag("--json", options.json, "Print the result as JSON");
    return command;
}

void requireRecipeMadeFor(const Recipe& recipe, const Checkpoint& checkpoint, const std::string& recipePath)
{
    if (!recipe.source)
        return;
    const auto actual = RecipeSource::of(checkpoint);
    if (actual.sizeBytes != recipe.source->sizeBytes
        || (!recipe.source->headerSha256.empty() && actual.headerSha256 != recipe.source->headerSha256))
        throw UsageError(recipePath + " was made for " + recipe.source->path + " ("
            + std::to_string(recipe.source->sizeBytes) + " bytes, header " + recipe.source->headerSha256.substr(0, 12)
            + "…), not for " + checkpoint.path().string() + " (" + std::to_string(actual.sizeBytes) + " bytes, header "
            + actual.headerSha256.substr(0, 12) + "…); pass --ignore-source to use it anyway");
}

int runApply(const ApplyOptions& options, std::ostream& out, std::ostream& err)
{
    return runReportingErrors(options.model, err, [&] {
        const auto recipe = Recipe::load(options.recipe); // RecipeError: exit 2, names the key
        const auto checkpoint = openCheckpoint(options.model);
        if (!options.ignoreSource)
            requireRecipeMadeFor(recipe, *checkpoint, options.recipe);
        PipelineOptions pipelineOptions;
        pipelineOptions.output = options.output;
        pipelineOptions.denseType = options.dtype == "f16" ? DenseType::F16
            : options.dtype == "bf16"                      ? DenseType::BF16
                                                           : DenseType::Original;
        std::optional<Pipeline> pipeline;
        try {
            pipeline.emplace(checkpoint, recipe, pipelineOptions);
        } catch (const std::invalid_argument& e) {
            throw UsageError(e.what());
        }
        const auto start = std::chrono::steady_clock::now();
        Progress progress;
        const auto plans = pipeline->run(progress, {});
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const auto written = std::filesystem::file_size(options.output);
        const auto hash = Sha256::ofFilePrefix(options.output, written);

        if (options.json) {
            auto tensors = nlohmann::json::array();
            for (const auto& plan : plans) {
                nlohmann::json row = {{"name", plan.sourceName}, {"output_name", plan.outputName},
                    {"stored_as", std::string(dtypeName(plan.storedAs))}, {"quantised", plan.spec.has_value()}};
                if (plan.spec)
                    row["scheme"] = plan.spec->name();
                else
                    row["kept_because"] = plan.keptBecause;
                if (!plan.steps.empty())
                    row["steps"] = plan.steps;
                if (plan.rotaryHeads)
                    row["rows_interleaved_for_heads"] = plan.rotaryHeads;
                if (plan.metrics) {
                    const auto& m = *plan.metrics;
                    row["bits_per_weight"] = m.bitsPerWeight;
                    row["relative_error"] = m.relativeError;
                    row["sqnr_db"] = std::isfinite(m.sqnrDb) ? nlohmann::json(m.sqnrDb) : nlohmann::json(nullptr);
                }
                tensors.push_back(std::move(row));
            }
            out << nlohmann::json{{"input", checkpoint->path().string()}, {"recipe", options.recipe},
                {"output", options.output}, {"output_bytes", written}, {"output_sha256", hash}, {"seconds", seconds},
                {"tensors", tensors}}
                       .dump(2)
                << '\n';
            return 0;
        }
        std::size_t quantised = 0;
        char line[512];
        for (const auto& plan : plans) {
            quantised += plan.spec.has_value();
            if (plan.spec && plan.metrics)
                std::snprintf(line, sizeof line, "%-48s %-28s %-6s SQNR %6.2f dB\n", plan.sourceName.c_str(),
                    plan.outputName.c_str(), std::string(dtypeName(plan.storedAs)).c_str(), plan.metrics->sqnrDb);
            else
                std::snprintf(line, sizeof line, "%-48s %-28s %-6s kept: %s\n", plan.sourceName.c_str(),
                    plan.outputName.c_str(), std::string(dtypeName(plan.storedAs)).c_str(), plan.keptBecause.c_str());
            out << line;
        }
        out << quantised << " of " << plans.size() << " tensors quantised; wrote " << options.output << " ("
            << formatBytes(written) << ", sha256 " << hash << ") in " << seconds << " s\n";
        return 0;
    });
}

} // namespace complab::cli
