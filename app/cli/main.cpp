// compression-lab-cli: the headless front end. Links complab_core only, so a Qt include that
// slips into core fails this build. Exit codes: 0 success, 1 wrong usage, 2 invalid input.
#include "ApplyCommand.h"
#include "CommandsCommand.h"
#include "EstimateCommand.h"
#include "EvalCommand.h"
#include "GenerateCommand.h"
#include "InspectCommand.h"
#include "LowRankCommand.h"
#include "PruneCommand.h"
#include "QuantErrorCommand.h"
#include "QuantizeCommand.h"
#include "RecipeCommand.h"
#include "ReportCommand.h"
#include "TokenizeCommand.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

int main(int argc, char** argv)
{
    CLI::App app{"Compression Lab (headless): inspect and compress language-model checkpoints", "compression-lab-cli"};
    app.set_version_flag("--version", "compression-lab-cli " COMPLAB_VERSION);
    app.require_subcommand(1);

    complab::cli::InspectOptions inspect;
    auto* inspectCommand = app.add_subcommand("inspect", "List a checkpoint's tensors (and their statistics)");
    inspectCommand->add_option("PATH", inspect.path, "Checkpoint file or folder")->required();
    inspectCommand->add_flag("--json", inspect.json, "Print one JSON object instead of a table");
    inspectCommand->add_flag("--stats", inspect.stats, "Compute per-tensor statistics (reads every tensor)");

    complab::cli::EstimateOptions estimateOptions;
    auto* estimateCommand = complab::cli::addEstimateCommand(app, estimateOptions);

    complab::cli::QuantErrorOptions quantErrorOptions;
    auto* quantErrorCommand = complab::cli::addQuantErrorCommand(app, quantErrorOptions);

    complab::cli::QuantizeOptions quantizeOptions;
    auto* quantizeCommand = complab::cli::addQuantizeCommand(app, quantizeOptions);

    complab::cli::RecipeOptions recipeOptions;
    auto* recipeCommand = complab::cli::addRecipeCommand(app, recipeOptions);
    complab::cli::ApplyOptions applyOptions;
    auto* applyCommand = complab::cli::addApplyCommand(app, applyOptions);
    complab::cli::CommandsOptions commandsOptions;
    auto* commandsCommand = complab::cli::addCommandsCommand(app, commandsOptions);

    complab::cli::ReportOptions reportOptions;
    auto* reportCommand = complab::cli::addReportCommand(app, reportOptions);

    complab::cli::EvalOptions evalOptions;
    auto* evalCommand = complab::cli::addEvalCommand(app, evalOptions);

    complab::cli::GenerateOptions generateOptions;
    auto* generateCommand = complab::cli::addGenerateCommand(app, generateOptions);
    complab::cli::TokenizeOptions tokenizeOptions;
    auto* tokenizeCommand = complab::cli::addTokenizeCommand(app, tokenizeOptions);

    complab::cli::PruneOptions pruneOptions;
    auto* pruneCommand = complab::cli::addPruneCommand(app, pruneOptions);

    complab::cli::LowRankOptions lowRankOptions;
    auto* lowRankCommand = complab::cli::addLowRankCommand(app, lowRankOptions);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 1;
    }

    if (inspectCommand->parsed())
        return complab::cli::runInspect(inspect, std::cout, std::cerr);
    if (estimateCommand->parsed())
        return complab::cli::runEstimate(estimateOptions, std::cout, std::cerr);
    if (quantErrorCommand->parsed())
        return complab::cli::runQuantError(quantErrorOptions, std::cout, std::cerr);
    if (quantizeCommand->parsed())
        return complab::cli::runQuantize(quantizeOptions, std::cout, std::cerr);
    if (recipeCommand->parsed())
        return complab::cli::runRecipe(recipeOptions, std::cout, std::cerr);
    if (applyCommand->parsed())
        return complab::cli::runApply(applyOptions, std::cout, std::cerr);
    if (commandsCommand->parsed())
        return complab::cli::runCommands(commandsOptions, std::cout, std::cerr);
    if (reportCommand->parsed())
        return complab::cli::runReport(reportOptions, std::cout, std::cerr);

    if (evalCommand->parsed())
        return complab::cli::runEval(evalOptions, std::cout, std::cerr);
    if (generateCommand->parsed())
        return complab::cli::runGenerate(generateOptions, std::cout, std::cerr);
    if (tokenizeCommand->parsed())
        return complab::cli::runTokenize(tokenizeOptions, std::cout, std::cerr);
    if (pruneCommand->parsed())
        return complab::cli::runPrune(pruneOptions, std::cout, std::cerr);
    if (lowRankCommand->parsed())
        return complab::cli::runLowRank(lowRankOptions, std::cout, std::cerr);
    return 1;
}
