// The recipe: one chosen trade-off, saved as a versioned JSON document ("compression-lab-recipe",
// version 1, see docs/recipe.md) so that it can be reproduced headless, shared and exported. It says
// which model it was made for, how each tensor is quantised (a global scheme and ordered rules),
// what is pruned or factorised, the runtime it was sized for and the estimator constants in force.
#pragma once

#include "estimate/EstimatorConstants.h"
#include "quant/QuantSpec.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace complab {

class Checkpoint;

// A recipe document that cannot be used; the message names the file and the key path
// (`recipe.json: "rules[2].scheme": unknown scheme "q9_k"`).
class RecipeError : public std::invalid_argument
{
public:
    using std::invalid_argument::invalid_argument;
};

// The checkpoint a recipe was made for. The hash covers the header only (safetensors: the length
// and the JSON header; GGUF: everything before the tensor data; other formats: the first MiB), so
// fingerprinting a 100 GB checkpoint costs a few kilobytes of reading.
struct RecipeSource
{
    std::string path;
    std::uint64_t sizeBytes = 0;
    std::string headerSha256;

    static RecipeSource of(const Checkpoint& checkpoint);
    bool operator==(const RecipeSource&) const = default;
};

// A quantisation scheme as the recipe spells it: a QuantSpec::parse name, its group size and
// zero-point option (both used by intN only), or "keep" (the tensor keeps its stored type).
struct RecipeScheme
{
    std::string scheme = "q4_k";
    int groupSize = 128;
    bool asymmetric = false;

    bool keeps() const { return scheme == "keep"; }
    // nullopt for "keep"; throws std::invalid_argument for an unknown name.
    std::optional<QuantSpec> spec() const;
    bool operator==(const RecipeScheme&) const = default;
};

// Matches tensor names: a glob (`*` any run of characters, dots included; `?` one character; the
// whole name must match) or an ECMAScript regular expression (matches anywhere, like
// llama-quantize's --tensor-type). The first rule that matches a tensor decides for it.
struct TensorRule
{
    enum class Syntax { Glob, Regex };
    Syntax syntax = Syntax::Glob;
    std::string pattern;
    RecipeScheme scheme;

    bool matches(const std::string& name) const;
    bool operator==(const TensorRule&) const = default;
};

struct PruningSettings
{
    std::string method = "magnitude"; // magnitude, wanda, sparsegpt
    double fraction = 0.5; // of the weights of each pruned tensor, 0..1
    std::string pattern = "unstructured"; // unstructured, or N:M such as 2:4
    std::vector<std::string> tensors; // globs; empty = every 2-D weight but embeddings and the classifier
    bool operator==(const PruningSettings&) const = default;
};

struct LowRankSettings
{
    std::optional<int> rank; // exactly one of rank and energy
    std::optional<double> energy; // fraction of the squared singular values kept, 0..1
    std::vector<std::string> tensors; // globs; empty = every 2-D weight but embeddings and the classifier
    bool operator==(const LowRankSettings&) const = default;
};

// The runtime the trade-off was sized for (used by the estimate, written into commands).
struct RuntimeSettings
{
    std::string kvCacheType = "f16"; // f32, f16, bf16, fp8, q8_0, q4_0
    std::int64_t context = 2048;
    std::int64_t batch = 1;
    bool operator==(const RuntimeSettings&) const = default;
};

// What the estimate assumed beyond the checkpoint's own compression: the size slider (when no
// checkpoint is the source, or to ask about a larger sibling), a distilled student's factor, the
// memory model and flash attention. Only the estimate reads these; `apply` ignores them.
struct EstimateSettings
{
    std::optional<double> parameters; // absent: the source checkpoint's parameter count
    double distillFactor = 1; // >= 1
    std::string runtimeProfile = "llama.cpp"; // first-order or llama.cpp
    bool flashAttention = false;
    bool ignoreScales = false; // integer grids counted without their FP16 scales (the seed's arithmetic)
    bool operator==(const EstimateSettings&) const = default;
};

// Calibration text for methods that need activations (GPTQ, AWQ, Wanda, SparseGPT, imatrix).
struct CalibrationSettings
{
    std::string path;
    std::string sha256; // of the whole text file, when known
    std::int64_t samples = 128;
    std::int64_t sequenceLength = 512;
    bool operator==(const CalibrationSettings&) const = default;
};

struct Recipe
{
    static constexpr const char* formatName = "compression-lab-recipe";
    static constexpr int currentVersion = 1;

    std::optional<RecipeSource> source;
    RecipeScheme quantization;
    std::vector<TensorRule> rules;
    std::optional<PruningSettings> pruning;
    std::optional<LowRankSettings> lowRank;
    RuntimeSettings runtime;
    std::optional<CalibrationSettings> calibration;
    std::optional<EstimateSettings> estimate;
    EstimatorConstants estimatorConstants;

    // The scheme for a tensor: the first rule matching any of its names (its name in the source
    // checkpoint and, for GGUF exports, its llama.cpp name), else the global scheme.
    const RecipeScheme& schemeFor(const std::vector<std::string>& names) const;

    // Pretty-printed JSON with keys in a fixed order (the same recipe always gives the same text).
    std::string toJson() const;
    // Strict: unknown keys, a wrong format or version, wrong types and impossible values throw
    // RecipeError with `fileForMessages: "key.path": problem`.
    static Recipe fromJson(const std::string& text, const std::string& fileForMessages = "recipe");
    static Recipe load(const std::filesystem::path& path);
    // Written atomically.
    void save(const std::filesystem::path& path) const;

    // The keys each JSON object of the document may hold, by object path ("" is the top level,
    // "rules[]" any rule): the parser rejects all others, and a test checks the schema agrees.
    static const std::map<std::string, std::vector<std::string>>& allowedKeys();

    bool operator==(const Recipe&) const = default;
};

} // namespace complab
