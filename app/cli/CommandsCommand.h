// `compression-lab-cli commands R.json`: prints what the recipe means in other tools' terms — the
// llama-quantize (and llama-imatrix, llama-cli) command lines and an llm-compressor recipe YAML —
// and says plainly what does not translate.
#pragma once

#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace complab::cli {

struct CommandsOptions
{
    std::string recipe;
};

CLI::App* addCommandsCommand(CLI::App& app, CommandsOptions& options);
// 0 on success; 2 for an invalid recipe file.
int runCommands(const CommandsOptions& options, std::ostream& out, std::ostream& err);

} // namespace complab::cli
