#include "QuantizeCommand.h"

#include "CommandErrors.h"
#include "WeightRewrite.h"

#include "calib/Awq.h"
#include "calib/CalibrationCapture.h"
#include "calib/Gptq.h"
#include "calib/LayerError.h"

#include "io/Checkpoint.h"
#include "io/CheckpointError.h"
#include "quant/CheckpointQuantizer.h"
#include "util/Units.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <ostream>

namespace complab::cli {

CLI::App* addQuantizeCommand(CLI::App& app, QuantizeOptions& options)
{
    auto* command = app.add_subcommand("quantize", "Quantise a checkpoint into a new GGUF or safetensors file");
    command->add_option("IN", options.input, "Checkpoint file or folder")->required();
    command
        ->add_option("--scheme", options.scheme,
            "int2..int8, nf4, nf4_dq, fp8_e4m3, fp8_e5m2, mxfp4, q8_0, q4_0, q4_1, q5_0, q5_1, q2_k, q3_k, "
            "q4_k, q5_k, q6_k, f16, bf16")
        ->required();
    command->add_option("--group-size", options.groupSize, "Group size of intN schemes (32, 64, 128, 256)")
        ->check(CLI::IsMember({32, 64, 128, 256}));
    command->add_flag("--asym", options.asymmetric, "intN with a zero point per group");
    command->add_option("--tensor", options.tensorRegex, "Quantise only tensors whose name matches this regex");
    command->add_option("--out", options.output, "Output file: .gguf or .safetensors")->required();
    command->add_flag("--json", options.json, "Print per-tensor results as JSON");
    command->add_option("--imatrix", options.imatrix,
        "llama.cpp importance matrix (GGUF from llama-imatrix) for ggml block schemes, as llama-quantize --imatrix");
    command
        ->add_option("--method", options.method,
            "rtn (round to nearest, default), gptq (intN, Hessian error compensation) or awq (activation-aware "
            "channel scales); gptq, awq and --calib write dense safetensors")
        ->check(CLI::IsMember({"rtn", "gptq", "awq"}));
    command->add_option("--calib", options.calibrationText,
        "Calibration text run through the model (needed by gptq and awq; with rtn it adds output_rel_error)");
    command->add_option("--calib-tokens", options.calibrationTokens, "Calibration tokens at most (default 2048)")
        ->check(CLI::PositiveNumber);
    return command;
}

namespace {

// gptq, awq, or rtn measured on calibration inputs: every 2-D weight but the embeddings and the
// classifier (or those --tensor names) is replaced by what the quantised layer computes, stored
// dense in the input's float type, and compared with the original on its captured inputs.
int runCalibratedQuantize(const QuantizeOptions& options, const QuantSpec& spec, std::ostream& out)
{
    if (options.method == "gptq" && spec.format != QuantFormat::Int)
        throw UsageError("--method gptq quantises to the intN grids (int2 ... int8), not " + spec.name());
    if (!options.imatrix.empty())
        throw UsageError("--imatrix applies to --method rtn without --calib");
    if (options.calibrationText.empty())
        throw UsageError("--method " + options.method
            + " needs --calib TEXT: calibration text run through the model to capture each layer's inputs");
    if (std::filesystem::path(options.output).extension() != ".safetensors")
        throw UsageError(options.output + ": --method " + options.method
            + " and --calib write dense values (what the quantised layer computes) to a .safetensors file");
    const auto checkpoint = openCheckpoint(options.input);
    auto plan = planRewrite(*checkpoint, options.tensorRegex);
    const auto start = std::chrono::steady_clock::now();
    Progress progress;
    const auto calibration
        = captureCalibration(*checkpoint, options.calibrationText, options.calibrationTokens, progress, {});
    std::map<std::string, double> alphas;
    writeRewritten(
        *checkpoint, options.output, plan,
        [&](std::size_t i, const Eigen::MatrixXf& weight) -> Eigen::MatrixXf {
            const auto found = calibration.inputs.find(plan[i].name);
            if (found == calibration.inputs.end())
                throw CheckpointError(checkpoint->path(), plan[i].name,
                    "no calibration inputs were captured for it (not a linear layer of the forward pass)");
            const Eigen::MatrixXf& inputs = found->second;
            Progress silent;
            Eigen::MatrixXf quantised;
            try {
                if (options.method == "gptq") {
                    quantised = gptqQuantizeWithInputs(weight, inputs, spec, GptqOptions{}, silent, {});
                } else if (options.method == "awq") {
                    auto result = awqQuantize(weight, inputs, spec, AwqOptions{}, silent, {});
                    plan[i].details["awq_alpha"] = result.alpha;
                    quantised = std::move(result.weight);
                } else {
                    quantised = roundToNearest(weight, spec, silent, {});
                }
                plan[i].outputRelativeError = outputRelativeError(weight, quantised, inputs);
            } catch (const std::invalid_argument& e) {
                throw CheckpointError(checkpoint->path(), plan[i].name, e.what());
            }
            plan[i].details["bits_per_weight"]
                = spec.bitsPerWeight(std::uint64_t(weight.rows()), std::uint64_t(weight.cols()));
            return quantised;
        },
        options.method + " " + spec.name() + " (dequantised: what the quantised layer computes)");
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (options.json) {
        out << rewriteReport(plan,
            {{"input", checkpoint->path().string()}, {"output", options.output}, {"method", options.method},
                {"scheme", spec.name()}, {"calibration_tokens", calibration.capturedTokens}, {"seconds", seconds}})
                   .dump(2)
            << '\n';
    } else {
        printRewriteTable(out, plan);
        out << options.method << " " << spec.name() << " on " << calibration.capturedTokens
            << " calibration tokens; wrote " << options.output << " in " << seconds << " s\n";
    }
    return 0;
}

} // namespace

int runQuantize(const QuantizeOptions& options, std::ostream& out, std::ostream& err)
{
    return runReportingErrors(options.input, err, [&] {
        const auto spec = QuantSpec::parse(options.scheme, options.groupSize, options.asymmetric);
        if (!spec)
            throw UsageError("unknown scheme '" + options.scheme + "'");
        // --calib with a ggml block scheme into GGUF: the importance vector from the lab's own capture
        // (each column's mean squared activation), as llama-imatrix computes it, then the
        // importance-weighted block search as with --imatrix.
        const bool captureImportance = options.method == "rtn" && !options.calibrationText.empty()
            && spec->isGgufBlockFormat() && std::filesystem::path(options.output).extension() == ".gguf";
        if (!captureImportance && (options.method != "rtn" || !options.calibrationText.empty()))
            return runCalibratedQuantize(options, *spec, out);
        if (captureImportance && !options.imatrix.empty())
            throw UsageError("give --imatrix or --calib, not both: each is an importance matrix");
        CheckpointQuantizeOptions quantize;
        quantize.spec = *spec;
        quantize.output = options.output;
        if (!options.tensorRegex.empty()) {
            try {
                quantize.tensorFilter = std::regex(options.tensorRegex);
                quantize.filterText = options.tensorRegex;
            } catch (const std::regex_error& e) {
                throw UsageError(
                    "--tensor '" + options.tensorRegex + "' is not a valid regular expression: " + e.what());
            }
        }
        const auto checkpoint = openCheckpoint(options.input);
        std::vector<std::string> skippedExpertEntries;
        if (!options.imatrix.empty()) {
            if (!spec->isGgufBlockFormat())
                throw UsageError("--imatrix applies to ggml block schemes (q8_0 ... q6_k), not " + spec->name());
            ImatrixFile imatrix = readImatrix(options.imatrix);
            skippedExpertEntries = std::move(imatrix.skippedExpertEntries);
            quantize.importance = std::make_shared<const ImportanceMap>(std::move(imatrix.importance));
        }
        std::int64_t importanceTokens = 0;
        if (captureImportance) {
            CaptureOptions capture;
            capture.maxTokens = options.calibrationTokens;
            capture.keepInputs = false;
            Progress progress;
            const auto calibration = captureCalibration(*checkpoint, options.calibrationText, capture, progress, {});
            importanceTokens = calibration.tokens;
            ImportanceMap importance;
            for (const auto& [name, sums] : calibration.sumSquares) {
                auto& column = importance[name];
                column.reserve(sums.size());
                for (const float sum : sums) // a column no token reached gets 1, as in llama-quantize
                    column.push_back(sum > 0.0f ? sum / static_cast<float>(calibration.tokens) : 1.0f);
            }
            quantize.importance = std::make_shared<const ImportanceMap>(std::move(importance));
        }
        if (std::filesystem::exists(quantize.output)
            && std::filesystem::equivalent(quantize.output, checkpoint->path()))
            throw UsageError(options.output + ": refusing to overwrite the input checkpoint");
        const auto start = std::chrono::steady_clock::now();
        Progress progress;
        std::vector<TensorQuantReport> reports;
        try {
            reports = quantizeCheckpoint(*checkpoint, quantize, progress, {});
        } catch (const std::invalid_argument& e) {
            throw UsageError(e.what()); // a scheme the output format cannot store
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const auto written = std::filesystem::file_size(quantize.output);

        if (options.json) {
            auto tensors = nlohmann::json::array();
            for (const auto& report : reports) {
                nlohmann::json row = {{"name", report.name}, {"quantised", report.quantised},
                    {"stored_as", std::string(dtypeName(report.storedAs))}};
                if (!report.quantised)
                    row["kept_because"] = report.keptBecause;
                if (quantize.importance)
                    row["imatrix"] = report.weightedByImportance;
                if (report.metrics) {
                    const auto& m = *report.metrics;
                    row["bits_per_weight"] = m.bitsPerWeight;
                    row["rms_error"] = m.rmsError;
                    row["relative_error"] = m.relativeError;
                    row["sqnr_db"] = std::isfinite(m.sqnrDb) ? nlohmann::json(m.sqnrDb) : nlohmann::json(nullptr);
                    row["cosine_similarity"] = m.cosineSimilarity;
                }
                tensors.push_back(std::move(row));
            }
            out << nlohmann::json{{"input", checkpoint->path().string()}, {"output", options.output},
                {"scheme", spec->name()}, {"output_bytes", written}, {"seconds", seconds}, {"tensors", tensors}}
                       .dump(2)
                << '\n';
            return 0;
        }
        std::size_t quantised = 0;
        char line[512];
        for (const auto& report : reports) {
            if (report.quantised) {
                ++quantised;
                std::snprintf(line, sizeof line, "%-48s %-6s %6.3f bits  SQNR %6.2f dB  rel. error %.4f\n",
                    report.name.c_str(), std::string(dtypeName(report.storedAs)).c_str(), report.metrics->bitsPerWeight,
                    report.metrics->sqnrDb, report.metrics->relativeError);
            } else {
                std::snprintf(line, sizeof line, "%-48s %-6s kept: %s\n", report.name.c_str(),
                    std::string(dtypeName(report.storedAs)).c_str(), report.keptBecause.c_str());
            }
            out << line;
        }
        if (quantize.importance) {
            std::size_t weighted = 0;
            for (const auto& report : reports)
                weighted += report.weightedByImportance ? 1 : 0;
            out << "importance ";
            if (captureImportance)
                out << "from " << importanceTokens << " tokens of " << options.calibrationText;
            else
                out << "matrix " << options.imatrix;
            out << ": " << weighted << " of " << quantised << " quantised tensors weighted by it ("
                << quantize.importance->size() << " entries";
            if (!skippedExpertEntries.empty())
                out << ", " << skippedExpertEntries.size() << " per-expert entries not used";
            out << ")\n";
        }
        out << quantised << " of " << reports.size() << " tensors quantised to " << spec->name() << "; wrote "
            << options.output << " (" << formatBytes(written) << ", from " << formatBytes(checkpoint->fileBytes())
            << ") in " << seconds << " s\n";
        return 0;
    });
}

} // namespace complab::cli
