// `compression-lab-cli quant-error IN --tensor NAME [--json]`: every quantisation scheme applied
// to one tensor of a checkpoint, with its measured error (the data of the error-vs-bits chart).
#pragma once

#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace complab::cli {

struct QuantErrorOptions
{
    std::string path;
    std::string tensor;
    bool json = false;
};

CLI::App* addQuantErrorCommand(CLI::App& app, QuantErrorOptions& options);
// Returns the exit code: 0, or 2 with one "error: ..." line for invalid input.
int runQuantError(const QuantErrorOptions& options, std::ostream& out, std::ostream& err);

} // namespace complab::cli
