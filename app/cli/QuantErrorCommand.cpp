#include "QuantErrorCommand.h"

#include "CommandErrors.h"

#include "io/Checkpoint.h"
#include "io/CheckpointError.h"
#include "quant/QuantGrid.h"
#include "quant/QuantizeJob.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <ostream>

namespace complab::cli {

CLI::App* addQuantErrorCommand(CLI::App& app, QuantErrorOptions& options)
{
    auto* command = app.add_subcommand("quant-error", "Measure every quantisation scheme on one tensor");
    command->add_option("IN", options.path, "Checkpoint file or folder")->required();
    command->add_option("--tensor", options.tensor, "Tensor name (as `inspect` lists it)")->required();
    command->add_flag("--json", options.json, "Print a JSON array instead of a table");
    return command;
}

int runQuantError(const QuantErrorOptions& options, std::ostream& out, std::ostream& err)
{
    return runReportingErrors(options.path, err, [&] {
        const auto checkpoint = openCheckpoint(options.path);
        const auto index = checkpoint->indexOf(options.tensor);
        if (!index)
            throw CheckpointError(checkpoint->path(), options.tensor, "no tensor of this name in the checkpoint");
        Progress progress;
        const auto outcomes = sweepSchemes(checkpoint->tensor(*index), standardSchemes(), progress, {});
        if (options.json) {
            // The level grid of each scheme in the group holding the largest weight, for the
            // histogram overlay (quant/QuantGrid.h).
            const auto tensor = checkpoint->tensor(*index);
            const auto [matrixRows, matrixColumns] = matrixShape(tensor.info());
            const std::vector<float> values = tensor.toFloats();
            auto rows = nlohmann::json::array();
            for (const auto& outcome : outcomes) {
                const auto& m = outcome.metrics;
                rows.push_back({{"scheme", outcome.spec.name()}, {"nominal_bits", outcome.spec.nominalBits()},
                    {"bits_per_weight", m.bitsPerWeight}, {"stored_bytes", m.storedBytes}, {"mse", m.mse},
                    {"rms_error", m.rmsError}, {"max_abs_error", m.maxAbsError}, {"relative_error", m.relativeError},
                    {"sqnr_db", std::isfinite(m.sqnrDb) ? nlohmann::json(m.sqnrDb) : nlohmann::json(nullptr)},
                    {"cosine_similarity", m.cosineSimilarity}, {"sign_flip_fraction", m.signFlipFraction},
                    {"became_zero_fraction", m.becameZeroFraction}});
                const auto grid = quantGroupGrid(outcome.spec, values.data(), matrixRows, matrixColumns);
                rows.back()["grid"] = {{"description", grid.description}, {"first_row", grid.firstRow},
                    {"row_count", grid.rowCount}, {"first_column", grid.firstColumn},
                    {"column_count", grid.columnCount}, {"levels", grid.levels}};
            }
            out << nlohmann::json{{"tensor", options.tensor}, {"shape", checkpoint->tensors()[*index].shape},
                {"schemes", rows}}
                       .dump(2)
                << '\n';
            return 0;
        }
        out << options.tensor << " " << checkpoint->tensors()[*index].shapeString() << "\n";
        char line[256];
        std::snprintf(line, sizeof line, "%-22s %8s %12s %12s %9s %10s %8s\n", "scheme", "bits/w", "rms error",
            "max error", "SQNR dB", "rel. error", "cosine");
        out << line;
        for (const auto& outcome : outcomes) {
            const auto& m = outcome.metrics;
            std::snprintf(line, sizeof line, "%-22s %8.3f %12.4g %12.4g %9.2f %10.4f %8.5f\n",
                outcome.spec.name().c_str(), m.bitsPerWeight, m.rmsError, m.maxAbsError, m.sqnrDb, m.relativeError,
                m.cosineSimilarity);
            out << line;
        }
        return 0;
    });
}

} // namespace complab::cli
