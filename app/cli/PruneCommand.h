// `compression-lab-cli prune IN --method magnitude|nm|structured|wanda|sparsegpt --sparsity F
// [--pattern N:M] [--scope tensor|row|global] [--calib TEXT] [--calib-tokens N] [--tensor REGEX]
// --out OUT [--json]`: prune a checkpoint's weight matrices into a new safetensors file (pruned
// weights in their original dtype, zeros in place, shapes unchanged), reporting each tensor's
// sparsity and error; with --calib also the layer-output error on the captured inputs.
#pragma once

#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace complab::cli {

struct PruneOptions
{
    std::string input;
    std::string method = "magnitude";
    double sparsity = 0.5;
    std::string pattern;
    std::string scope = "tensor";
    std::string calibrationText;
    int calibrationTokens = 2048;
    std::string tensorRegex;
    std::string output;
    bool json = false;
};

CLI::App* addPruneCommand(CLI::App& app, PruneOptions& options);
// 0 on success; 1 for a request that makes no sense or needs what this build lacks; 2 for bad input.
int runPrune(const PruneOptions& options, std::ostream& out, std::ostream& err);

} // namespace complab::cli
