#include "recipe/EquivalentCommands.h"

#include "recipe/Recipe.h"

#include <array>
#include <map>
#include <optional>
#include <sstream>

namespace complab {

namespace {

// Hugging Face Llama name fragments and their llama.cpp spellings, for translating rule patterns
// between the two namings (longest first, so "self_attn.q_proj" wins over shorter pieces).
constexpr std::array<std::pair<std::string_view, std::string_view>, 13> nameFragments{{
    {"model.embed_tokens", "token_embd"},
    {"post_attention_layernorm", "ffn_norm"},
    {"self_attn.q_proj", "attn_q"},
    {"self_attn.k_proj", "attn_k"},
    {"self_attn.v_proj", "attn_v"},
    {"self_attn.o_proj", "attn_output"},
    {"input_layernorm", "attn_norm"},
    {"mlp.gate_proj", "ffn_gate"},
    {"mlp.down_proj", "ffn_down"},
    {"mlp.up_proj", "ffn_up"},
    {"model.layers", "blk"},
    {"model.norm", "output_norm"},
    {"lm_head", "output"},
}};

std::string replaceAll(std::string text, std::string_view from, std::string_view to)
{
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

std::string globToRegex(const std::string& pattern)
{
    std::string regex = "^";
    for (const char c : pattern) {
        if (c == '*')
            regex += ".*";
        else if (c == '?')
            regex += '.';
        else if (std::string_view(".+()[]{}^$|\\").find(c) != std::string_view::npos)
            regex += std::string("\\") + c;
        else
            regex += c;
    }
    return regex + "$";
}

// Rewrites the name fragments of one naming into the other's; in a regex, dots may appear escaped.
std::string renameFragments(std::string pattern, bool regex, bool toLlamaCpp, bool& changed)
{
    for (const auto& [hf, gguf] : nameFragments) {
        const std::string from(toLlamaCpp ? hf : gguf);
        const std::string to(toLlamaCpp ? gguf : hf);
        for (const auto& candidate : {from, replaceAll(from, ".", "\\.")})
            if (pattern.find(candidate) != std::string::npos) {
                const bool escaped = candidate != from;
                pattern = replaceAll(pattern, candidate, regex && escaped ? replaceAll(to, ".", "\\.") : to);
                changed = true;
            }
    }
    return pattern;
}

// A rule pattern as a regular expression on llama.cpp names (llama-quantize matches with regex_search).
std::string llamaCppRegex(const TensorRule& rule, bool& translatedNames)
{
    const bool regex = rule.syntax == TensorRule::Syntax::Regex;
    const auto pattern = renameFragments(rule.pattern, regex, true, translatedNames);
    return regex ? pattern : globToRegex(pattern);
}

std::string shellQuote(const std::string& text)
{
    // Built piecewise: GCC 12 warns falsely (-Wrestrict) on "'" + std::string&&.
    std::string quoted("'");
    quoted += replaceAll(text, "'", "'\\''");
    quoted += '\'';
    return quoted;
}

// ggml type names (for --tensor-type) and llama_ftype names (the positional type).
std::optional<std::string> ggmlTypeFor(const RecipeScheme& scheme)
{
    static const std::map<std::string, std::string> types{{"q4_0", "q4_0"}, {"q4_1", "q4_1"}, {"q5_0", "q5_0"},
        {"q5_1", "q5_1"}, {"q8_0", "q8_0"}, {"q2_k", "q2_k"}, {"q3_k", "q3_k"}, {"q4_k", "q4_k"}, {"q5_k", "q5_k"},
        {"q6_k", "q6_k"}, {"f16", "f16"}, {"bf16", "bf16"}, {"f32", "f32"}, {"keep", "f32"}};
    const auto it = types.find(scheme.scheme);
    return it == types.end() ? std::nullopt : std::optional(it->second);
}

std::optional<std::string> fileTypeFor(const RecipeScheme& scheme)
{
    static const std::map<std::string, std::string> types{{"q4_0", "Q4_0"}, {"q4_1", "Q4_1"}, {"q5_0", "Q5_0"},
        {"q5_1", "Q5_1"}, {"q8_0", "Q8_0"}, {"q2_k", "Q2_K"}, {"q3_k", "Q3_K_S"}, {"q4_k", "Q4_K_S"},
        {"q5_k", "Q5_K_S"}, {"q6_k", "Q6_K"}, {"f16", "F16"}, {"bf16", "BF16"}, {"f32", "F32"}, {"keep", "COPY"}};
    const auto it = types.find(scheme.scheme);
    return it == types.end() ? std::nullopt : std::optional(it->second);
}

// llm-compressor (compressed-tensors) weight arguments for a scheme; nullopt when it has none.
// `approximate` is set for ggml block formats, which have no exact counterpart.
std::optional<std::string> weightArguments(const RecipeScheme& scheme, bool& approximate)
{
    const auto& name = scheme.scheme;
    std::ostringstream out;
    if (name.size() == 4 && name.rfind("int", 0) == 0) {
        out << "{num_bits: " << name[3] << ", type: int, symmetric: " << (scheme.asymmetric ? "false" : "true")
            << ", strategy: group, group_size: " << scheme.groupSize << "}";
        return out.str();
    }
    if (name == "fp8_e4m3")
        return "{num_bits: 8, type: float, symmetric: true, strategy: channel}";
    // ggml's blocks: 32-value groups (K-quants: 16/32-value sub-blocks with 6/8-bit scales in 256-value
    // super-blocks); the nearest compressed-tensors intent is a 32-value group of the same width.
    static const std::map<std::string, std::pair<int, bool>> blocks{{"q4_0", {4, true}}, {"q4_1", {4, false}},
        {"q5_0", {5, true}}, {"q5_1", {5, false}}, {"q8_0", {8, true}}, {"q2_k", {2, false}}, {"q3_k", {3, true}},
        {"q4_k", {4, false}}, {"q5_k", {5, false}}, {"q6_k", {6, true}}};
    if (const auto it = blocks.find(name); it != blocks.end()) {
        approximate = true;
        out << "{num_bits: " << it->second.first << ", type: int, symmetric: " << (it->second.second ? "true" : "false")
            << ", strategy: group, group_size: 32}";
        return out.str();
    }
    return std::nullopt;
}

// A rule pattern as an llm-compressor target: "re:" regex on module names (HF names without ".weight").
std::string moduleTarget(const TensorRule& rule)
{
    const bool regex = rule.syntax == TensorRule::Syntax::Regex;
    bool changed = false;
    const auto pattern = renameFragments(rule.pattern, regex, false, changed);
    auto expression = regex ? pattern : globToRegex(pattern);
    expression = replaceAll(expression, "\\.weight$", "$");
    expression = replaceAll(expression, "\\.weight", "");
    return "re:" + expression;
}

} // namespace

EquivalentCommands equivalentCommands(const Recipe& recipe)
{
    EquivalentCommands result;
    auto& notes = result.llamaCppNotes;

    // llama.cpp -------------------------------------------------------------------------------
    std::ostringstream quantize;
    const auto fileType = fileTypeFor(recipe.quantization);
    if (recipe.calibration) {
        result.llamaCpp.push_back("llama-imatrix -m model-f32.gguf -f " + shellQuote(recipe.calibration->path) + " -c "
            + std::to_string(recipe.calibration->sequenceLength) + " --chunks "
            + std::to_string(recipe.calibration->samples) + " -o imatrix.dat");
        notes.push_back("--imatrix weights the rounding by activations; Compression Lab's own GGUF export uses ggml's "
                        "reference quantisers without an importance matrix, so its bytes differ from this run's.");
    }
    quantize << "llama-quantize";
    if (recipe.calibration)
        quantize << " --imatrix imatrix.dat";
    const auto pinned = [&](const std::vector<std::string>& names, const char* flag) {
        const auto& scheme = recipe.schemeFor(names);
        if (const auto type = ggmlTypeFor(scheme))
            quantize << ' ' << flag << ' ' << *type;
    };
    pinned({"model.embed_tokens.weight", "token_embd.weight"}, "--token-embedding-type");
    pinned({"lm_head.weight", "output.weight"}, "--output-tensor-type");
    bool translatedNames = false;
    for (std::size_t i = 0; i < recipe.rules.size(); ++i) {
        const auto& rule = recipe.rules[i];
        const auto type = ggmlTypeFor(rule.scheme);
        if (!type) {
            notes.push_back("rules[" + std::to_string(i) + "] (" + rule.pattern + " -> " + rule.scheme.scheme
                + "): llama.cpp has no " + rule.scheme.scheme + " tensor type; not translated.");
            continue;
        }
        quantize << " --tensor-type " << shellQuote(llamaCppRegex(rule, translatedNames) + "=" + *type);
    }
    if (translatedNames)
        notes.push_back("Rule patterns written for Hugging Face names were rewritten to llama.cpp names "
                        "(model.layers.N.self_attn.q_proj -> blk.N.attn_q, ...), the names llama-quantize sees.");
    if (const auto type = ggmlTypeFor(recipe.quantization); type && recipe.quantization.scheme != "keep") {
        // Pins every remaining weight to the global type, so llama-quantize's k-quant mixture does not
        // raise attn_v/ffn_down/output as it otherwise would.
        quantize << " --tensor-type " << shellQuote(".*=" + *type);
        notes.push_back("The last --tensor-type pins every other weight to " + *type + ": without it llama-quantize's "
            + fileType.value_or("?")
            + " mixture raises some tensors (attn_v, ffn_down, output) to wider types. Older llama.cpp builds let a "
              "matching override that equals the base type fall through to the mixture; there, expect those "
              "tensors to differ.");
    }
    quantize << " model-f32.gguf model-out.gguf ";
    if (fileType) {
        quantize << *fileType;
        result.llamaCpp.push_back(quantize.str());
    } else {
        notes.push_back("The global scheme " + recipe.quantization.scheme
            + " has no llama.cpp type (GGUF stores f32, f16, bf16, q8_0, q4_0, q4_1, q5_0, q5_1, q2_k ... q6_k): no "
              "llama-quantize command is equivalent.");
    }
    notes.push_back("model-f32.gguf is the model converted by llama.cpp's convert_hf_to_gguf.py --outtype f32 (or "
                    "Compression Lab's own export with scheme keep). Tensors whose rows are not whole blocks get a "
                    "fallback type from llama-quantize; Compression Lab keeps them in their stored type.");
    if (recipe.pruning)
        notes.push_back("Pruning (" + recipe.pruning->method + ", " + recipe.pruning->pattern
            + ") does not translate: llama.cpp has no pruning and stores zeros densely.");
    if (recipe.lowRank)
        notes.push_back(
            "Low-rank factorisation does not translate: llama.cpp's Llama graph has no factorised weights.");
    const auto& runtime = recipe.runtime;
    std::string run = "llama-cli -m model-out.gguf -c " + std::to_string(runtime.context);
    if (runtime.batch > 1)
        run += " -np " + std::to_string(runtime.batch);
    if (runtime.kvCacheType != "f16") {
        if (runtime.kvCacheType == "fp8") {
            notes.push_back("An FP8 KV cache does not translate: llama.cpp's cache types are f32, f16, bf16, q8_0, "
                            "q4_0 and others, but no FP8.");
        } else {
            run += " -ctk " + runtime.kvCacheType + " -ctv " + runtime.kvCacheType;
            if (runtime.kvCacheType == "q8_0" || runtime.kvCacheType == "q4_0")
                run += " -fa on"; // a quantised V cache needs flash attention
        }
    }
    result.llamaCpp.push_back(run);

    // llm-compressor ------------------------------------------------------------------------------
    auto& yamlNotes = result.llmCompressorNotes;
    std::ostringstream yaml;
    yaml << "# llm-compressor recipe for the same intent (oneshot(model=..., recipe=this file";
    yaml << (recipe.calibration ? ", dataset=<the calibration text>" : "") << "))\n";
    yaml << "default_stage:\n  default_modifiers:\n";
    if (recipe.pruning) {
        const auto& pruning = *recipe.pruning;
        const char* modifier = pruning.method == "wanda" ? "WandaPruningModifier" : "SparseGPTModifier";
        if (pruning.method == "magnitude")
            yamlNotes.push_back("One-shot magnitude pruning has no llm-compressor modifier (MagnitudePruningModifier "
                                "is a training-time schedule); SparseGPT, the closest one-shot method, stands in.");
        yaml << "    " << modifier << ":\n      sparsity: " << pruning.fraction << "\n      mask_structure: \""
             << (pruning.pattern == "unstructured" ? "0:0" : pruning.pattern) << "\"\n      targets: [\"Linear\"]\n"
             << "      ignore: [\"lm_head\"]\n";
        if (!pruning.tensors.empty())
            yamlNotes.push_back("pruning.tensors is not translated: the modifier above prunes every Linear layer.");
    }
    if (recipe.lowRank)
        yamlNotes.push_back("Low-rank factorisation does not translate: llm-compressor has no low-rank modifier.");

    std::vector<std::string> ignore{"lm_head"};
    std::vector<std::pair<std::string, std::string>> groups; // targets, weights
    bool approximate = false;
    for (std::size_t i = 0; i < recipe.rules.size(); ++i) {
        const auto& rule = recipe.rules[i];
        if (rule.scheme.keeps()) {
            ignore.push_back(moduleTarget(rule));
            continue;
        }
        if (const auto weights = weightArguments(rule.scheme, approximate))
            groups.emplace_back("[\"" + moduleTarget(rule) + "\"]", *weights);
        else
            yamlNotes.push_back("rules[" + std::to_string(i) + "] (" + rule.scheme.scheme
                + ") does not translate: compressed-tensors has no such weight format.");
    }
    const auto global = weightArguments(recipe.quantization, approximate);
    if (global)
        groups.emplace_back("[\"Linear\"]", *global);
    else if (!recipe.quantization.keeps())
        yamlNotes.push_back("The global scheme " + recipe.quantization.scheme
            + " does not translate (compressed-tensors has no such weight format; nf4 is bitsandbytes', fp8_e5m2 and "
              "mxfp4 have no llm-compressor scheme): no quantisation modifier is written.");
    if (approximate)
        yamlNotes.push_back(
            "ggml block formats have no exact counterpart: they are written as integer groups of 32 of "
            "the same width (q4_k -> 4-bit asymmetric, group 32), the nearest compressed-tensors intent.");
    if (!groups.empty()) {
        yaml << "    " << (recipe.calibration ? "GPTQModifier" : "QuantizationModifier") << ":\n";
        yaml << "      ignore: [";
        for (std::size_t i = 0; i < ignore.size(); ++i)
            yaml << (i ? ", " : "") << '"' << ignore[i] << '"';
        yaml << "]\n      config_groups:\n";
        for (std::size_t i = 0; i < groups.size(); ++i)
            yaml << "        group_" << i << ":\n          targets: " << groups[i].first
                 << "\n          weights: " << groups[i].second << "\n";
        if (groups.size() > 1)
            yamlNotes.push_back("llm-compressor matches config groups by target, not by first match: the rule groups "
                                "must not overlap, and the catch-all \"Linear\" group applies to modules no rule "
                                "names only in recent versions (check the log of the run).");
        if (!recipe.calibration)
            yamlNotes.push_back("No calibration in the recipe: QuantizationModifier rounds to nearest (no GPTQ).");
    }
    if (recipe.runtime.kvCacheType == "fp8")
        yaml
            << "    # KV cache in FP8 (vLLM): add kv_cache_scheme: {num_bits: 8, type: float, strategy: tensor} to the "
               "modifier above\n";
    else if (recipe.runtime.kvCacheType != "f16" && recipe.runtime.kvCacheType != "bf16")
        yamlNotes.push_back("KV-cache type " + recipe.runtime.kvCacheType
            + " does not translate: llm-compressor quantises KV caches to FP8 only.");
    result.llmCompressorYaml = yaml.str();
    return result;
}

} // namespace complab
