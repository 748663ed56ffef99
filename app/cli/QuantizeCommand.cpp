#include "QuantizeCommand.h"

#include "CommandErrors.h"

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
    return command;
}

int runQuantize(const QuantizeOptions& options, std::ostream& out, std::ostream& err)
{
    return runReportingErrors(options.input, err, [&] {
        const auto spec = QuantSpec::parse(options.scheme, options.groupSize, options.asymmetric);
        if (!spec)
            throw UsageError("unknown scheme '" + options.scheme + "'");
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
            out << "imatrix " << options.imatrix << ": " << weighted << " of " << quantised
                << " quantised tensors weighted by it (" << quantize.importance->size() << " entries";
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
