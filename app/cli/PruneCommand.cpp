#include "PruneCommand.h"

#include "CommandErrors.h"
#include "WeightRewrite.h"

#include "calib/CalibrationCapture.h"
#include "calib/LayerError.h"
#include "calib/SparseGpt.h"
#include "calib/Wanda.h"
#include "prune/MagnitudePruner.h"
#include "prune/StructuredPruner.h"
#include "prune/WeightMatrix.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <map>
#include <optional>
#include <ostream>

namespace complab::cli {

CLI::App* addPruneCommand(CLI::App& app, PruneOptions& options)
{
    auto* command = app.add_subcommand("prune", "Prune a checkpoint's weight matrices into a new safetensors file");
    command->add_option("IN", options.input, "Checkpoint file or folder")->required();
    command->add_option("--method", options.method, "magnitude, nm, structured, wanda or sparsegpt")
        ->check(CLI::IsMember({"magnitude", "nm", "structured", "wanda", "sparsegpt"}));
    command->add_option("--sparsity", options.sparsity,
        "Fraction of weights removed (structured: of MLP neurons and attention heads); default 0.5");
    command->add_option(
        "--pattern", options.pattern, "N:M semi-structured pattern along the input dimension (2:4, 4:8)");
    command->add_option("--scope", options.scope, "Magnitude: threshold per tensor, per output row, or global")
        ->check(CLI::IsMember({"tensor", "row", "global"}));
    command->add_option("--calib", options.calibrationText, "Calibration text (needed by wanda and sparsegpt)");
    command->add_option("--calib-tokens", options.calibrationTokens, "Calibration tokens at most (default 2048)")
        ->check(CLI::PositiveNumber);
    command->add_option("--tensor", options.tensorRegex, "Prune only tensors whose name matches this regex");
    command->add_option("--out", options.output, "Output .safetensors file")->required();
    command->add_flag("--json", options.json, "Print per-tensor results as JSON");
    return command;
}

namespace {

// Structured: MLP neuron j is row j of gate/up and column j of down; attention head h is rows
// h·headDim… of q and the same columns of o. k/v are shared by several heads (GQA) and stay.
std::map<std::string, PruneResult> pruneStructuredModel(
    const Checkpoint& checkpoint, std::vector<RewrittenTensor>& plan, double fraction)
{
    std::map<std::string, Eigen::MatrixXf> weights;
    for (std::size_t i = 0; i < plan.size(); ++i)
        if (plan[i].rewritten)
            weights[plan[i].name] = loadWeightMatrix(checkpoint.tensor(i));
    const auto has = [&](const std::string& name) { return weights.count(name) != 0; };
    std::map<std::string, PruneResult> results;
    Progress progress;
    const auto& config = checkpoint.config();
    for (const auto& [name, weight] : weights) {
        const auto cut = name.rfind("mlp.up_proj.weight");
        if (cut != std::string::npos) {
            const std::string prefix = name.substr(0, cut);
            std::vector<StructuredPart> parts{{&weight, StructuredAxis::Rows}};
            std::vector<std::string> names{name};
            for (const auto& [other, axis] : {std::pair{"mlp.gate_proj.weight", StructuredAxis::Rows},
                     std::pair{"mlp.down_proj.weight", StructuredAxis::Columns}})
                if (has(prefix + other)) {
                    parts.push_back({&weights.at(prefix + other), axis});
                    names.push_back(prefix + other);
                }
            auto result = pruneStructured(parts, 1, fraction, progress, {});
            for (std::size_t p = 0; p < names.size(); ++p)
                results[names[p]] = std::move(result.parts[p]);
        }
        const auto q = name.rfind("self_attn.q_proj.weight");
        if (q != std::string::npos && config && config->attentionHeads) {
            const std::string prefix = name.substr(0, q);
            const auto heads = *config->attentionHeads;
            const auto headDim = config->headDim.value_or(weight.rows() / heads);
            std::vector<StructuredPart> parts{{&weight, StructuredAxis::Rows}};
            std::vector<std::string> names{name};
            if (has(prefix + "self_attn.o_proj.weight")) {
                parts.push_back({&weights.at(prefix + "self_attn.o_proj.weight"), StructuredAxis::Columns});
                names.push_back(prefix + "self_attn.o_proj.weight");
            }
            auto result = pruneStructured(parts, headDim, fraction, progress, {});
            for (std::size_t p = 0; p < names.size(); ++p) {
                results[names[p]] = std::move(result.parts[p]);
                plan[*checkpoint.indexOf(names[p])].details["heads_removed"] = result.unitsRemoved;
            }
        }
    }
    for (auto& entry : plan) {
        if (!entry.rewritten)
            continue;
        const auto found = results.find(entry.name);
        if (found == results.end()) {
            entry.rewritten = false;
            entry.keptBecause = "not part of an MLP (gate/up/down) or attention (q/o) group";
            continue;
        }
        // The dense shape: rows and columns that still hold a weight.
        const auto& keep = found->second.keep;
        entry.details["dense_shape"] = {keep.rowwise().any().count(), keep.colwise().any().count()};
    }
    return results;
}

} // namespace

int runPrune(const PruneOptions& options, std::ostream& out, std::ostream& err)
{
    return runReportingErrors(options.input, err, [&] {
        const bool calibrated = options.method == "wanda" || options.method == "sparsegpt";
        if (calibrated && options.calibrationText.empty())
            throw UsageError("--method " + options.method
                + " needs --calib TEXT: calibration text run through the model to capture each layer's inputs");
        PruneSpec spec = PruneSpec::unstructured(options.sparsity,
            options.scope == "row" ? PruneScope::PerRow
                                   : (options.scope == "global" ? PruneScope::Global : PruneScope::PerTensor));
        if (options.method == "nm" || !options.pattern.empty()) {
            const auto pattern = PruneSpec::parsePattern(options.pattern.empty() ? "2:4" : options.pattern);
            if (!pattern)
                throw UsageError("--pattern '" + options.pattern + "' is not N:M with 0 < N < M ≤ 64 (e.g. 2:4)");
            if (options.method == "structured")
                throw UsageError("--pattern applies to magnitude and nm pruning, not structured");
            spec = PruneSpec::nOfM(pattern->first, pattern->second);
        }
        if (spec.pattern == SparsityPattern::Unstructured && !(options.sparsity >= 0.0 && options.sparsity < 1.0))
            throw UsageError("--sparsity must be in [0, 1)");
        if (calibrated && spec.pattern == SparsityPattern::Unstructured)
            spec.scope = PruneScope::PerRow; // Wanda and SparseGPT compare weights within an output row
        if (calibrated && spec.scope == PruneScope::Global)
            throw UsageError("--scope global applies to magnitude pruning only");
        const auto checkpoint = openCheckpoint(options.input);
        auto plan = planRewrite(*checkpoint, options.tensorRegex);
        const auto start = std::chrono::steady_clock::now();
        std::optional<CalibrationActivations> calibration;
        if (!options.calibrationText.empty()) {
            Progress progress;
            calibration
                = captureCalibration(*checkpoint, options.calibrationText, options.calibrationTokens, progress, {});
        }
        const auto inputsOf = [&](const std::string& name) -> const Eigen::MatrixXf* {
            if (!calibration)
                return nullptr;
            const auto found = calibration->inputs.find(name);
            return found == calibration->inputs.end() ? nullptr : &found->second;
        };

        std::map<std::string, PruneResult> precomputed;
        if (options.method == "structured") {
            precomputed = pruneStructuredModel(*checkpoint, plan, options.sparsity);
        } else if (spec.scope == PruneScope::Global && spec.pattern == SparsityPattern::Unstructured) {
            // One threshold needs every weight at once (one float per weight of the pruned tensors).
            std::vector<Eigen::MatrixXf> weights;
            std::vector<std::string> names;
            for (std::size_t i = 0; i < plan.size(); ++i)
                if (plan[i].rewritten) {
                    weights.push_back(loadWeightMatrix(checkpoint->tensor(i)));
                    names.push_back(plan[i].name);
                }
            std::vector<const Eigen::MatrixXf*> pointers;
            for (const auto& weight : weights)
                pointers.push_back(&weight);
            Progress progress;
            auto results = pruneGlobalMagnitude(pointers, options.sparsity, progress, {});
            for (std::size_t t = 0; t < results.size(); ++t)
                precomputed[names[t]] = std::move(results[t]);
        }
        const std::string note = options.method == "structured"
            ? "structured pruning of MLP neurons and attention heads, " + std::to_string(options.sparsity)
                + " of units; zeros in place, shapes unchanged"
            : options.method + " pruning " + spec.name() + "; zeros in place, original dtype";
        writeRewritten(
            *checkpoint, options.output, plan,
            [&](std::size_t i, const Eigen::MatrixXf& weight) -> Eigen::MatrixXf {
                const Eigen::MatrixXf* inputs = inputsOf(plan[i].name);
                if (calibrated && !inputs)
                    throw CheckpointError(checkpoint->path(), plan[i].name,
                        "no calibration inputs were captured for it (not a linear layer of the forward pass)");
                Eigen::MatrixXf pruned;
                const auto found = precomputed.find(plan[i].name);
                Progress progress;
                try {
                    if (found != precomputed.end())
                        pruned = found->second.weight;
                    else if (options.method == "wanda")
                        pruned = wandaPrune(weight, *inputs, spec, progress, {}).weight;
                    else if (options.method == "sparsegpt")
                        pruned = sparseGptPruneWithInputs(weight, *inputs, spec, {}, progress, {}).weight;
                    else
                        pruned = pruneMagnitude(weight, spec, progress, {}).weight;
                    if (inputs)
                        plan[i].outputRelativeError = outputRelativeError(weight, pruned, *inputs);
                } catch (const std::invalid_argument& e) {
                    throw CheckpointError(checkpoint->path(), plan[i].name, e.what());
                }
                return pruned;
            },
            note);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (options.json) {
            out << rewriteReport(plan,
                {{"input", checkpoint->path().string()}, {"output", options.output}, {"method", options.method},
                    {"spec", options.method == "structured" ? std::to_string(options.sparsity) : spec.name()},
                    {"calibration_tokens",
                        calibration ? nlohmann::json(calibration->capturedTokens) : nlohmann::json()},
                    {"seconds", seconds}})
                       .dump(2)
                << '\n';
        } else {
            printRewriteTable(out, plan);
            out << "wrote " << options.output << " in " << seconds << " s\n";
        }
        return 0;
    });
}

} // namespace complab::cli
