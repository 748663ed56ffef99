#include "CommandsCommand.h"

#include "CommandErrors.h"

#include "recipe/EquivalentCommands.h"
#include "recipe/Recipe.h"

#include <CLI/CLI.hpp>

#include <ostream>

namespace complab::cli {

CLI::App* addCommandsCommand(CLI::App& app, CommandsOptions& options)
{
    auto* command
        = app.add_subcommand("commands", "Print the llama-quantize and llm-compressor equivalents of a recipe");
    command->add_option("RECIPE", options.recipe, "Recipe file (docs/recipe.md)")->required();
    return command;
}

int runCommands(const CommandsOptions& options, std::ostream& out, std::ostream& err)
{
    return runReportingErrors(options.recipe, err, [&] {
        const auto commands = equivalentCommands(Recipe::load(options.recipe));
        out << "# llama.cpp\n";
        for (const auto& line : commands.llamaCpp)
            out << line << '\n';
        for (const auto& note : commands.llamaCppNotes)
            out << "#   note: " << note << '\n';
        out << "\n# llm-compressor\n" << commands.llmCompressorYaml;
        for (const auto& note : commands.llmCompressorNotes)
            out << "#   note: " << note << '\n';
        return 0;
    });
}

} // namespace complab::cli
