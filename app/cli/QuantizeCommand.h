// `compression-lab-cli quantize IN --scheme SCHEME [--group-size N] [--asym] [--tensor REGEX]
// --out OUT [--json]`: quantise a checkpoint into a new GGUF (block formats stored natively) or
// safetensors file (simulated quantisation), reporting per tensor what was done and its error.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace complab::cli {

struct QuantizeOptions
{
    std::string input;
    std::string scheme;
    int groupSize = 128;
    bool asymmetric = false;
    std::string tensorRegex;
    std::string output;
    bool json = false;
    std::string imatrix; // llama.cpp imatrix GGUF for ggml block schemes
    std::string method = "rtn"; // rtn, gptq, awq
    std::string calibrationText; // --calib: needed by gptq and awq; with rtn, adds output_rel_error
    std::int64_t calibrationTokens = 2048;
};

CLI::App* addQuantizeCommand(CLI::App& app, QuantizeOptions& options);
// 0 on success; 1 for a scheme/output that makes no sense; 2 for invalid input or I/O failure.
int runQuantize(const QuantizeOptions& options, std::ostream& out, std::ostream& err);

} // namespace complab::cli
