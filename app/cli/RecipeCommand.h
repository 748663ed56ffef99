// `compression-lab-cli recipe MODEL --scheme S [--group-size N] [--asym] [--rule 'GLOB=SCHEME']...
// [--regex-rule 'REGEX=SCHEME']... [--prune METHOD:FRACTION[:N:M]] [--low-rank-rank R | --low-rank-energy E]
// [--kv-cache-type T] [--context N] [--batch N] [--calibration TEXT] [--constants FILE] --save R.json`:
// writes a recipe (docs/recipe.md) for a model, fingerprinting the model's header.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace complab::cli {

struct RecipeOptions
{
    std::string model;
    std::string scheme;
    int groupSize = 128;
    bool asymmetric = false;
    std::vector<std::string> globRules;
    std::vector<std::string> regexRules;
    std::string prune;
    std::vector<std::string> pruneTensors;
    int lowRankRank = 0;
    double lowRankEnergy = 0;
    std::vector<std::string> lowRankTensors;
    std::string kvCacheType = "f16";
    long long context = 2048;
    long long batch = 1;
    std::string calibration;
    std::string constants;
    std::string save;
};

CLI::App* addRecipeCommand(CLI::App& app, RecipeOptions& options);
// 0 on success; 1 for options that make no sense; 2 for an unreadable model or file.
int runRecipe(const RecipeOptions& options, std::ostream& out, std::ostream& err);

} // namespace complab::cli
