// `compression-lab-cli lowrank IN (--rank R | --energy E | --budget F) [--tensor REGEX] --out OUT
// [--json]`: replace each weight matrix by its best rank-r approximation. The output holds the
// reconstructed weights A·B (same shapes, the input's float dtype), so it loads wherever the
// input did; the report says for every tensor the rank, the parameters the factors would take and
// whether that saves anything at all.
#pragma once

#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace complab::cli {

struct LowRankOptions
{
    int rank = 0;
    double energy = 0.0;
    double budget = 0.0;
    std::string input;
    std::string tensorRegex;
    std::string output;
    bool json = false;
};

CLI::App* addLowRankCommand(CLI::App& app, LowRankOptions& options);
int runLowRank(const LowRankOptions& options, std::ostream& out, std::ostream& err);

} // namespace complab::cli
