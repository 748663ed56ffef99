#include "RecipeCommand.h"

#include "CommandErrors.h"

#include "io/Checkpoint.h"
#include "recipe/Recipe.h"
#include "util/Sha256.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

namespace complab::cli {

namespace {

TensorRule parseRule(const std::string& text, TensorRule::Syntax syntax, const char* option)
{
    const auto equals = text.rfind('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == text.size())
        throw UsageError(
            std::string(option) + " '" + text + "': expected PATTERN=SCHEME (e.g. '*.attn_v.weight=q6_k')");
    TensorRule rule;
    rule.syntax = syntax;
    rule.pattern = text.substr(0, equals);
    rule.scheme.scheme = text.substr(equals + 1);
    return rule;
}

// METHOD:FRACTION[:N:M], e.g. magnitude:0.5 or sparsegpt:0.5:2:4.
PruningSettings parsePrune(const std::string& text)
{
    PruningSettings pruning;
    const auto first = text.find(':');
    if (first == std::string::npos)
        throw UsageError(
            "--prune '" + text + "': expected METHOD:FRACTION[:N:M] (e.g. wanda:0.5 or sparsegpt:0.5:2:4)");
    pruning.method = text.substr(0, first);
    const auto second = text.find(':', first + 1);
    const auto fraction = text.substr(first + 1, second == std::string::npos ? std::string::npos : second - first - 1);
    try {
        std::size_t used = 0;
        pruning.fraction = std::stod(fraction, &used);
        if (used != fraction.size())
            throw std::invalid_argument(fraction);
    } catch (const std::exception&) {
        throw UsageError("--prune '" + text + "': '" + fraction + "' is not a fraction");
    }
    if (second != std::string::npos)
        pruning.pattern = text.substr(second + 1);
    return pruning;
}

std::string readText(const std::filesystem::path& path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw CheckpointError(path, "cannot be opened for reading");
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

} // namespace

CLI::App* addRecipeCommand(CLI::App& app, RecipeOptions& options)
{
    auto* command = app.add_subcommand("recipe", "Write a recipe (docs/recipe.md) for a model");
    command->add_option("MODEL", options.model, "Checkpoint file or folder the recipe is for")->required();
    command->add_option("--scheme", options.scheme, "Global scheme (as for quantize), or keep")->required();
    command->add_option("--group-size", options.groupSize, "Group size of intN schemes (32, 64, 128, 256)");
    command->add_flag("--asym", options.asymmetric, "intN with a zero point per group");
    command->add_option("--rule", options.globRules, "GLOB=SCHEME per-tensor override (repeatable; first match wins)");
    command->add_option("--regex-rule", options.regexRules, "REGEX=SCHEME override, tried after the --rule ones");
    command->add_option("--prune", options.prune, "METHOD:FRACTION[:N:M], e.g. wanda:0.5 or sparsegpt:0.5:2:4");
    command->add_option("--prune-tensors", options.pruneTensors, "Globs of the tensors to prune");
    auto* rank = command->add_option("--low-rank-rank", options.lowRankRank, "Low-rank factorisation to this rank");
    auto* energy = command->add_option("--low-rank-energy", options.lowRankEnergy, "... keeping this energy (0..1]");
    rank->excludes(energy);
    command->add_option("--low-rank-tensors", options.lowRankTensors, "Globs of the tensors to factorise");
    command->add_option("--kv-cache-type", options.kvCacheType, "f32, f16, bf16, fp8, q8_0, q4_0");
    command->add_option("--context", options.context, "Context length the trade-off is sized for");
    command->add_option("--batch", options.batch, "Batch size the trade-off is sized for");
    command->add_option("--calibration", options.calibration, "Calibration text file");
    command->add_option("--constants", options.constants, "Estimator constants (JSON, as the GUI exports them)");
    command->add_option("--save", options.save, "Where to write the recipe (.json)")->required();
    return command;
}

int runRecipe(const RecipeOptions& options, std::ostream& out, std::ostream& err)
{
    return runReportingErrors(options.model, err, [&] {
        Recipe recipe;
        recipe.quantization = {options.scheme, options.groupSize, options.asymmetric};
        for (const auto& text : options.globRules)
            recipe.rules.push_back(parseRule(text, TensorRule::Syntax::Glob, "--rule"));
        for (const auto& text : options.regexRules)
            recipe.rules.push_back(parseRule(text, TensorRule::Syntax::Regex, "--regex-rule"));
        if (!options.prune.empty()) {
            recipe.pruning = parsePrune(options.prune);
            recipe.pruning->tensors = options.pruneTensors;
        }
        if (options.lowRankRank > 0 || options.lowRankEnergy > 0) {
            recipe.lowRank = LowRankSettings{};
            if (options.lowRankRank > 0)
                recipe.lowRank->rank = options.lowRankRank;
            else
                recipe.lowRank->energy = options.lowRankEnergy;
            recipe.lowRank->tensors = options.lowRankTensors;
        }
        recipe.runtime = {options.kvCacheType, options.context, options.batch};
        if (!options.calibration.empty()) {
            const std::filesystem::path path(options.calibration);
            if (!std::filesystem::is_regular_file(path))
                throw CheckpointError(path, "calibration text not found");
            recipe.calibration = CalibrationSettings{
                std::filesystem::absolute(path).string(), Sha256::ofFilePrefix(path, std::filesystem::file_size(path))};
        }
        if (!options.constants.empty()) {
            try {
                recipe.estimatorConstants = EstimatorConstants::fromJson(readText(options.constants));
            } catch (const std::invalid_argument& e) {
                throw CheckpointError(options.constants, e.what());
            }
        }
        // group_size/asymmetric are meaningful for intN only: a k-quant keeps the defaults.
        const auto normalise = [](RecipeScheme& scheme) {
            if (!(scheme.scheme.size() == 4 && scheme.scheme.rfind("int", 0) == 0))
                scheme = RecipeScheme{scheme.scheme};
        };
        normalise(recipe.quantization);
        for (auto& rule : recipe.rules)
            normalise(rule.scheme);
        const auto checkpoint = openCheckpoint(options.model);
        recipe.source = RecipeSource::of(*checkpoint);
        // The document's own parser checks every value, with the same messages a hand-written file gets.
        try {
            recipe = Recipe::fromJson(recipe.toJson(), "recipe");
        } catch (const std::invalid_argument& e) {
            throw UsageError(e.what());
        }
        recipe.save(options.save);
        out << "wrote " << options.save << ": " << recipe.quantization.scheme << " with " << recipe.rules.size()
            << " rule(s)" << (recipe.pruning ? ", pruning" : "") << (recipe.lowRank ? ", low rank" : "") << " for "
            << checkpoint->path().string() << '\n';
        return 0;
    });
}

} // namespace complab::cli
