// `compression-lab-cli apply MODEL --recipe R.json --out OUT.gguf|OUT.safetensors [--dtype original|f16|bf16]
// [--ignore-source] [--json]`: runs a recipe's pipeline (prune -> low-rank -> quantise) on a model and
// writes the export; the same recipe and model always give the same bytes (printed as SHA-256).
#pragma once

#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace complab {
class Checkpoint;
struct Recipe;
} // namespace complab

namespace complab::cli {

struct ApplyOptions
{
    std::string model;
    std::string recipe;
    std::string output;
    std::string dtype = "original";
    bool ignoreSource = false;
    bool json = false;
};

CLI::App* addApplyCommand(CLI::App& app, ApplyOptions& options);
// 0 on success; 1 for a recipe/output that cannot be done (or a recipe made for another model);
// 2 for an invalid recipe file, model or I/O failure.
int runApply(const ApplyOptions& options, std::ostream& out, std::ostream& err);

// Throws UsageError (exit 1) when the recipe names a source checkpoint of another size or header
// hash than `checkpoint`; `apply` and `report` skip this with --ignore-source.
void requireRecipeMadeFor(const Recipe& recipe, const Checkpoint& checkpoint, const std::string& recipePath);

} // namespace complab::cli
