#include "LowRankCommand.h"

#include "CommandErrors.h"
#include "WeightRewrite.h"

#include "lowrank/LowRankFactorizer.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <ostream>

namespace complab::cli {

CLI::App* addLowRankCommand(CLI::App& app, LowRankOptions& options)
{
    auto* command = app.add_subcommand("lowrank", "Replace weight matrices by low-rank approximations (truncated SVD)");
    command->add_option("IN", options.input, "Checkpoint file or folder")->required();
    auto* rank = command->add_option("--rank", options.rank, "Target rank of every matrix")->check(CLI::PositiveNumber);
    auto* energy = command->add_option("--energy", options.energy, "Smallest rank keeping this share of Σσ² (0-1]")
                       ->check(CLI::Range(0.0, 1.0));
    auto* budget = command
                       ->add_option("--budget", options.budget,
                           "Largest rank whose factors hold this share of "
                           "the parameters")
                       ->check(CLI::PositiveNumber);
    rank->excludes(energy)->excludes(budget);
    energy->excludes(budget);
    command->add_option("--tensor", options.tensorRegex, "Factorise only tensors whose name matches this regex");
    command->add_option("--out", options.output, "Output .safetensors file (reconstructed weights A·B)")->required();
    command->add_flag("--json", options.json, "Print per-tensor results as JSON");
    return command;
}

int runLowRank(const LowRankOptions& options, std::ostream& out, std::ostream& err)
{
    return runReportingErrors(options.input, err, [&] {
        LowRankSpec spec;
        if (options.rank > 0)
            spec = LowRankSpec::withRank(options.rank);
        else if (options.energy > 0.0)
            spec = LowRankSpec::withEnergy(options.energy);
        else if (options.budget > 0.0)
            spec = LowRankSpec::withBudget(options.budget);
        else
            throw UsageError("give one of --rank R, --energy E or --budget F");
        if (const auto problem = spec.whyInvalid(); !problem.empty())
            throw UsageError(problem);
        const auto checkpoint = openCheckpoint(options.input);
        auto plan = planRewrite(*checkpoint, options.tensorRegex);
        const auto start = std::chrono::steady_clock::now();
        std::uint64_t originalParameters = 0;
        std::uint64_t factoredParameters = 0;
        writeRewritten(
            *checkpoint, options.output, plan,
            [&](std::size_t i, const Eigen::MatrixXf& weight) -> Eigen::MatrixXf {
                Progress progress;
                LowRankResult result;
                try {
                    result = factorize(weight, spec, dtypeSize(plan[i].storedAs), progress, {});
                } catch (const std::invalid_argument& e) {
                    throw CheckpointError(checkpoint->path(), plan[i].name, e.what());
                }
                const auto& savings = result.savings;
                plan[i].details = {{"rank", result.rank}, {"randomized_svd", result.randomized},
                    {"retained_energy", result.retainedEnergy}, {"original_parameters", savings.originalParameters},
                    {"factored_parameters", savings.factoredParameters}, {"factored_bytes", savings.factoredBytes},
                    {"original_bytes", savings.originalBytes}, {"break_even_rank", savings.breakEvenRank},
                    {"saves_bytes", savings.savesBytes}};
                originalParameters += savings.originalParameters;
                factoredParameters += std::min(savings.factoredParameters, savings.originalParameters);
                return result.reconstruction();
            },
            "low rank " + spec.name() + ": the file holds the reconstructed weights A·B, not the factors");
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (options.json) {
            out << rewriteReport(plan,
                {{"input", checkpoint->path().string()}, {"output", options.output}, {"spec", spec.name()},
                    {"stores", "reconstructed weights (A·B), same shapes and dtype as the input"},
                    {"original_parameters", originalParameters},
                    {"factored_parameters_if_stored_as_factors", factoredParameters}, {"seconds", seconds}})
                       .dump(2)
                << '\n';
        } else {
            printRewriteTable(out, plan);
            out << "factors would hold " << factoredParameters << " of " << originalParameters
                << " parameters (tensors that would not save keep their full size); wrote " << options.output
                << " (reconstructed weights) in " << seconds << " s\n";
        }
        return 0;
    });
}

} // namespace complab::cli
