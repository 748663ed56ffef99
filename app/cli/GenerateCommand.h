// `compression-lab-cli generate MODEL --prompt TEXT --tokens N [--scheme S]`: greedy decoding, from
// the original or a quantised variant, so a person can see whether the compressed model still talks.
#pragma once

#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace complab::cli {

struct GenerateOptions
{
    std::string model;
    std::string tokenizer;
    std::string prompt;
    int tokens = 64;
    std::string scheme;
    int groupSize = 128;
    bool asymmetric = false;
};

CLI::App* addGenerateCommand(CLI::App& app, GenerateOptions& options);
int runGenerate(const GenerateOptions& options, std::ostream& out, std::ostream& err);

} // namespace complab::cli
