// `compression-lab-cli estimate`: the rule-of-thumb estimate of a recipe (footprint, VRAM by term,
// quality and its band, hardware tier) and, with --fit DEVICE, the inverse questions for a device.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace complab::cli {

struct EstimateOptions
{
    std::optional<double> parameters;
    std::string modelPath;
    std::string architecture;
    std::optional<double> bits;
    std::string scheme;
    double prune = 0.0;
    double distill = 1.0;
    std::int64_t context = 8192;
    std::int64_t batch = 1;
    std::int64_t microBatch = 512;
    std::string kvType = "f16";
    std::string runtime = "llama.cpp";
    std::string flashAttention = "off";
    std::string backend = "cuda";
    std::string fit;
    std::string constantsPath;
    bool json = false;
};

// Declares the subcommand's options on app, bound to options.
CLI::App* addEstimateCommand(CLI::App& app, EstimateOptions& options);

// Returns the process exit code: 0; 1 for wrong usage (no model or no precision given); 2 with one
// "error: ..." line on err for invalid input.
int runEstimate(const EstimateOptions& options, std::ostream& out, std::ostream& err);

} // namespace complab::cli
