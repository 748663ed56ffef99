#include "recipe/Recipe.h"

#include "estimate/QuantScheme.h"
#include "estimate/RuntimeProfile.h"
#include "io/AtomicFile.h"
#include "io/Checkpoint.h"
#include "io/CheckpointError.h"
#include "io/GgufCheckpoint.h"
#include "util/Sha256.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace complab {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::uint64_t fallbackHeaderBytes = 1 << 20;

// Reads one JSON object strictly, tracking the key path for messages.
class Fields
{
public:
    Fields(const Json& object, std::string path, const std::string& file)
        : m_object(object)
        , m_path(std::move(path))
        , m_file(file)
    {
        if (!object.is_object())
            fail(m_path, "must be an object");
    }

    [[noreturn]] void fail(const std::string& path, const std::string& problem) const
    {
        throw RecipeError(m_file + ": \"" + (path.empty() ? std::string("(document)") : path) + "\": " + problem);
    }
    std::string keyPath(const std::string& key) const { return m_path.empty() ? key : m_path + "." + key; }

    void rejectUnknown(const std::vector<std::string>& allowed) const
    {
        for (const auto& [key, value] : m_object.items())
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
                fail(keyPath(key), "unknown key");
    }
    const Json* find(const std::string& key) const
    {
        const auto it = m_object.find(key);
        return it == m_object.end() ? nullptr : &*it;
    }
    const Json& require(const std::string& key) const
    {
        const auto* value = find(key);
        if (!value)
            fail(keyPath(key), "missing");
        return *value;
    }
    std::string string(const std::string& key, const std::string& fallback, bool required = false) const
    {
        const auto* value = required ? &require(key) : find(key);
        if (!value)
            return fallback;
        if (!value->is_string())
            fail(keyPath(key), "must be a string, not " + std::string(value->type_name()));
        return value->get<std::string>();
    }
    std::int64_t integer(
        const std::string& key, std::int64_t fallback, std::int64_t minimum, bool required = false) const
    {
        const auto* value = required ? &require(key) : find(key);
        if (!value)
            return fallback;
        if (!value->is_number_integer())
            fail(keyPath(key), "must be an integer, not " + std::string(value->type_name()));
        if (value->is_number_unsigned() && value->get<std::uint64_t>() > std::uint64_t(INT64_MAX))
            fail(keyPath(key), "is too large");
        const auto number = value->get<std::int64_t>();
        if (number < minimum)
            fail(keyPath(key), "must be at least " + std::to_string(minimum));
        return number;
    }
    double number(const std::string& key, double fallback, double minimum, double maximum) const
    {
        const auto* value = find(key);
        if (!value)
            return fallback;
        if (!value->is_number())
            fail(keyPath(key), "must be a number, not " + std::string(value->type_name()));
        const double number = value->get<double>();
        if (!std::isfinite(number) || number < minimum || number > maximum) {
            std::ostringstream range;
            range << "must lie in [" << minimum << ", " << maximum << "]";
            fail(keyPath(key), range.str());
        }
        return number;
    }
    bool boolean(const std::string& key, bool fallback) const
    {
        const auto* value = find(key);
        if (!value)
            return fallback;
        if (!value->is_boolean())
            fail(keyPath(key), "must be true or false, not " + std::string(value->type_name()));
        return value->get<bool>();
    }
    std::vector<std::string> strings(const std::string& key) const
    {
        const auto* value = find(key);
        if (!value)
            return {};
        if (!value->is_array())
            fail(keyPath(key), "must be an array of strings");
        std::vector<std::string> result;
        for (std::size_t i = 0; i < value->size(); ++i) {
            if (!(*value)[i].is_string())
                fail(keyPath(key) + "[" + std::to_string(i) + "]", "must be a string");
            result.push_back((*value)[i].get<std::string>());
        }
        return result;
    }

private:
    const Json& m_object;
    std::string m_path;
    const std::string& m_file;
};

bool globMatches(std::string_view pattern, std::string_view text)
{
    // Iterative matcher with one backtracking point per '*' (linear enough for tensor names).
    std::size_t p = 0, t = 0, starP = std::string_view::npos, starT = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == '*') {
            starP = p++;
            starT = t;
        } else if (starP != std::string_view::npos) {
            p = starP + 1;
            t = ++starT;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

RecipeScheme readScheme(const Fields& fields, bool schemeRequired)
{
    RecipeScheme scheme;
    scheme.scheme = fields.string("scheme", scheme.scheme, schemeRequired);
    if (!scheme.keeps() && !QuantSpec::parse(scheme.scheme))
        fields.fail(fields.keyPath("scheme"), "unknown scheme \"" + scheme.scheme + "\"");
    const bool integer = scheme.scheme.size() == 4 && scheme.scheme.rfind("int", 0) == 0;
    for (const char* key : {"group_size", "asymmetric"})
        if (!integer && fields.find(key))
            fields.fail(fields.keyPath(key), "applies to the intN schemes only, not to \"" + scheme.scheme + "\"");
    scheme.groupSize = static_cast<int>(fields.integer("group_size", scheme.groupSize, 1));
    scheme.asymmetric = fields.boolean("asymmetric", scheme.asymmetric);
    static const std::set<int> groupSizes{32, 64, 128, 256};
    if (!groupSizes.contains(scheme.groupSize))
        fields.fail(fields.keyPath("group_size"), "must be 32, 64, 128 or 256");
    return scheme;
}

Json schemeJson(const RecipeScheme& scheme)
{
    Json json = {{"scheme", scheme.scheme}};
    // Written for intN only (the parser refuses them elsewhere); by name, so that an unknown scheme
    // reaches the parser's message instead of failing here.
    if (scheme.scheme.size() == 4 && scheme.scheme.rfind("int", 0) == 0) {
        json["group_size"] = scheme.groupSize;
        json["asymmetric"] = scheme.asymmetric;
    }
    return json;
}

void checkPattern(const Fields& fields, const std::string& key, const std::string& pattern)
{
    if (pattern == "unstructured")
        return;
    const auto colon = pattern.find(':');
    int n = 0, m = 0;
    try {
        std::size_t used = 0;
        n = std::stoi(pattern.substr(0, colon), &used);
        if (colon == std::string::npos || used != colon)
            throw std::invalid_argument("");
        m = std::stoi(pattern.substr(colon + 1), &used);
        if (used != pattern.size() - colon - 1)
            throw std::invalid_argument("");
    } catch (const std::exception&) {
        fields.fail(fields.keyPath(key), "must be \"unstructured\" or N:M such as \"2:4\", not \"" + pattern + "\"");
    }
    if (n <= 0 || m <= n || m > 64)
        fields.fail(fields.keyPath(key), "N:M needs 0 < N < M <= 64");
}

} // namespace

std::optional<QuantSpec> RecipeScheme::spec() const
{
    if (keeps())
        return std::nullopt;
    const auto parsed = QuantSpec::parse(scheme, groupSize, asymmetric);
    if (!parsed)
        throw std::invalid_argument("unknown scheme \"" + scheme + "\"");
    return parsed;
}

bool TensorRule::matches(const std::string& name) const
{
    if (syntax == Syntax::Glob)
        return globMatches(pattern, name);
    return std::regex_search(name, std::regex(pattern, std::regex::ECMAScript));
}

RecipeSource RecipeSource::of(const Checkpoint& checkpoint)
{
    RecipeSource source;
    source.path = checkpoint.path().string();
    source.sizeBytes = checkpoint.fileBytes();
    std::uint64_t headerBytes = fallbackHeaderBytes;
    if (const auto* gguf = dynamic_cast<const GgufCheckpoint*>(&checkpoint)) {
        headerBytes = gguf->dataOffset();
    } else if (checkpoint.formatName() == "safetensors") {
        std::ifstream file(checkpoint.path(), std::ios::binary);
        std::uint64_t length = 0;
        if (!file.read(reinterpret_cast<char*>(&length), 8))
            throw CheckpointError(checkpoint.path(), "cannot read the header length");
        headerBytes = 8 + length; // the reader has checked it against the file size
    }
    if (std::filesystem::is_regular_file(checkpoint.path()))
        source.headerSha256 = Sha256::ofFilePrefix(checkpoint.path(), headerBytes);
    return source;
}

const RecipeScheme& Recipe::schemeFor(const std::vector<std::string>& names) const
{
    for (const auto& rule : rules)
        for (const auto& name : names)
            if (rule.matches(name))
                return rule.scheme;
    return quantization;
}

const std::map<std::string, std::vector<std::string>>& Recipe::allowedKeys()
{
    static const auto keys = [] {
        std::map<std::string, std::vector<std::string>> table{
            {"",
                {"format", "version", "source", "quantization", "rules", "pruning", "low_rank", "runtime",
                    "calibration", "estimate", "estimator_constants"}},
            {"source", {"path", "size_bytes", "header_sha256"}},
            {"quantization", {"scheme", "group_size", "asymmetric"}},
            {"rules[]", {"match", "pattern", "scheme", "group_size", "asymmetric"}},
            {"pruning", {"method", "fraction", "pattern", "tensors"}},
            {"low_rank", {"rank", "energy", "tensors"}},
            {"runtime", {"kv_cache_type", "context", "batch"}},
            {"calibration", {"path", "sha256", "samples", "sequence_length"}},
            {"estimate", {"parameters", "distill_factor", "runtime_profile", "flash_attention", "ignore_scales"}},
        };
        for (const auto& description : constantDescriptions()) {
            const auto dot = description.key.find('.');
            const std::string group(description.key.substr(0, dot));
            auto& groups = table["estimator_constants"];
            if (std::find(groups.begin(), groups.end(), group) == groups.end())
                groups.push_back(group);
            table["estimator_constants." + group].emplace_back(description.key.substr(dot + 1));
        }
        return table;
    }();
    return keys;
}

std::string Recipe::toJson() const
{
    Json root;
    root["format"] = formatName;
    root["version"] = currentVersion;
    if (source)
        root["source"]
            = {{"path", source->path}, {"size_bytes", source->sizeBytes}, {"header_sha256", source->headerSha256}};
    root["quantization"] = schemeJson(quantization);
    root["rules"] = Json::array();
    for (const auto& rule : rules) {
        Json json = {{"match", rule.syntax == TensorRule::Syntax::Glob ? "glob" : "regex"}, {"pattern", rule.pattern}};
        json.update(schemeJson(rule.scheme));
        root["rules"].push_back(std::move(json));
    }
    if (pruning)
        root["pruning"] = {{"method", pruning->method}, {"fraction", pruning->fraction}, {"pattern", pruning->pattern},
            {"tensors", pruning->tensors}};
    if (lowRank) {
        Json json = Json::object();
        if (lowRank->rank)
            json["rank"] = *lowRank->rank;
        if (lowRank->energy)
            json["energy"] = *lowRank->energy;
        json["tensors"] = lowRank->tensors;
        root["low_rank"] = std::move(json);
    }
    root["runtime"] = {{"kv_cache_type", runtime.kvCacheType}, {"context", runtime.context}, {"batch", runtime.batch}};
    if (calibration)
        root["calibration"] = {{"path", calibration->path}, {"sha256", calibration->sha256},
            {"samples", calibration->samples}, {"sequence_length", calibration->sequenceLength}};
    if (estimate) {
        Json json = Json::object();
        if (estimate->parameters)
            json["parameters"] = *estimate->parameters;
        json["distill_factor"] = estimate->distillFactor;
        json["runtime_profile"] = estimate->runtimeProfile;
        json["flash_attention"] = estimate->flashAttention;
        json["ignore_scales"] = estimate->ignoreScales;
        root["estimate"] = std::move(json);
    }
    root["estimator_constants"] = Json::parse(estimatorConstants.toJson());
    return root.dump(2) + "\n";
}

Recipe Recipe::fromJson(const std::string& text, const std::string& file)
{
    Json root;
    try {
        root = Json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw RecipeError(file + ": not valid JSON (" + e.what() + ")");
    }
    const auto& keys = allowedKeys();
    const Fields top(root, "", file);
    const auto format = top.string("format", "", true);
    if (format != formatName)
        top.fail("format", "must be \"" + std::string(formatName) + "\", not \"" + format + "\"");
    const auto version = top.integer("version", 0, 0, true);
    if (version > currentVersion)
        top.fail("version",
            std::to_string(version) + " is newer than this build reads (" + std::to_string(currentVersion)
                + "); update Compression Lab");
    if (version != currentVersion)
        top.fail("version", "unsupported version " + std::to_string(version));
    top.rejectUnknown(keys.at(""));

    Recipe recipe;
    if (const auto* json = top.find("source")) {
        const Fields fields(*json, "source", file);
        fields.rejectUnknown(keys.at("source"));
        RecipeSource source;
        source.path = fields.string("path", "", true);
        source.sizeBytes = static_cast<std::uint64_t>(fields.integer("size_bytes", 0, 0));
        source.headerSha256 = fields.string("header_sha256", "");
        if (!source.headerSha256.empty()
            && (source.headerSha256.size() != 64
                || source.headerSha256.find_first_not_of("0123456789abcdef") != std::string::npos))
            fields.fail("source.header_sha256", "must be 64 lower-case hex digits");
        recipe.source = source;
    }
    if (const auto* json = top.find("quantization")) {
        const Fields fields(*json, "quantization", file);
        fields.rejectUnknown(keys.at("quantization"));
        recipe.quantization = readScheme(fields, true);
    }
    if (const auto* json = top.find("rules")) {
        if (!json->is_array())
            top.fail("rules", "must be an array of rules");
        for (std::size_t i = 0; i < json->size(); ++i) {
            const std::string path = "rules[" + std::to_string(i) + "]";
            const Fields fields((*json)[i], path, file);
            fields.rejectUnknown(keys.at("rules[]"));
            TensorRule rule;
            const auto match = fields.string("match", "glob");
            if (match != "glob" && match != "regex")
                fields.fail(path + ".match", "must be \"glob\" or \"regex\", not \"" + match + "\"");
            rule.syntax = match == "glob" ? TensorRule::Syntax::Glob : TensorRule::Syntax::Regex;
            rule.pattern = fields.string("pattern", "", true);
            if (rule.pattern.empty())
                fields.fail(path + ".pattern", "must not be empty");
            if (rule.syntax == TensorRule::Syntax::Regex) {
                try {
                    std::regex compiled(rule.pattern, std::regex::ECMAScript);
                } catch (const std::regex_error& e) {
                    fields.fail(path + ".pattern", std::string("not a valid regular expression (") + e.what() + ")");
                }
            }
            rule.scheme = readScheme(fields, true);
            recipe.rules.push_back(std::move(rule));
        }
    }
    if (const auto* json = top.find("pruning"); json && !json->is_null()) {
        const Fields fields(*json, "pruning", file);
        fields.rejectUnknown(keys.at("pruning"));
        PruningSettings pruning;
        pruning.method = fields.string("method", pruning.method);
        if (pruning.method != "magnitude" && pruning.method != "wanda" && pruning.method != "sparsegpt")
            fields.fail("pruning.method", "must be magnitude, wanda or sparsegpt, not \"" + pruning.method + "\"");
        pruning.pattern = fields.string("pattern", pruning.pattern);
        checkPattern(fields, "pattern", pruning.pattern);
        pruning.fraction = fields.number("fraction", pruning.fraction, 0.0, 0.99);
        pruning.tensors = fields.strings("tensors");
        recipe.pruning = pruning;
    }
    if (const auto* json = top.find("low_rank"); json && !json->is_null()) {
        const Fields fields(*json, "low_rank", file);
        fields.rejectUnknown(keys.at("low_rank"));
        LowRankSettings lowRank;
        if (fields.find("rank"))
            lowRank.rank = static_cast<int>(fields.integer("rank", 0, 1));
        if (fields.find("energy"))
            lowRank.energy = fields.number("energy", 0.0, 1e-6, 1.0);
        if (lowRank.rank.has_value() == lowRank.energy.has_value())
            fields.fail("low_rank", "needs exactly one of \"rank\" and \"energy\"");
        lowRank.tensors = fields.strings("tensors");
        recipe.lowRank = lowRank;
    }
    if (const auto* json = top.find("runtime")) {
        const Fields fields(*json, "runtime", file);
        fields.rejectUnknown(keys.at("runtime"));
        recipe.runtime.kvCacheType = fields.string("kv_cache_type", recipe.runtime.kvCacheType);
        if (!findKvCacheType(recipe.runtime.kvCacheType))
            fields.fail("runtime.kv_cache_type", "unknown KV-cache type \"" + recipe.runtime.kvCacheType + "\"");
        recipe.runtime.context = fields.integer("context", recipe.runtime.context, 1);
        recipe.runtime.batch = fields.integer("batch", recipe.runtime.batch, 1);
    }
    if (const auto* json = top.find("calibration"); json && !json->is_null()) {
        const Fields fields(*json, "calibration", file);
        fields.rejectUnknown(keys.at("calibration"));
        CalibrationSettings calibration;
        calibration.path = fields.string("path", "", true);
        calibration.sha256 = fields.string("sha256", "");
        calibration.samples = fields.integer("samples", calibration.samples, 1);
        calibration.sequenceLength = fields.integer("sequence_length", calibration.sequenceLength, 1);
        recipe.calibration = calibration;
    }
    if (const auto* json = top.find("estimate"); json && !json->is_null()) {
        const Fields fields(*json, "estimate", file);
        fields.rejectUnknown(keys.at("estimate"));
        EstimateSettings estimate;
        if (fields.find("parameters"))
            estimate.parameters = fields.number("parameters", 0.0, 1e4, 1e13);
        estimate.distillFactor = fields.number("distill_factor", estimate.distillFactor, 1.0, 1000.0);
        estimate.runtimeProfile = fields.string("runtime_profile", estimate.runtimeProfile);
        if (!parseRuntimeProfile(estimate.runtimeProfile))
            fields.fail("estimate.runtime_profile",
                "must be \"first-order\" or \"llama.cpp\", not \"" + estimate.runtimeProfile + "\"");
        estimate.flashAttention = fields.boolean("flash_attention", estimate.flashAttention);
        estimate.ignoreScales = fields.boolean("ignore_scales", estimate.ignoreScales);
        recipe.estimate = estimate;
    }
    if (const auto* json = top.find("estimator_constants")) {
        try {
            recipe.estimatorConstants = EstimatorConstants::fromJson(json->dump());
        } catch (const std::invalid_argument& e) {
            // EstimatorConstants names the constant ("constants: unknown constant \"quality.x\"").
            std::string message = e.what();
            if (message.rfind("constants: ", 0) == 0)
                message.erase(0, 11);
            top.fail("estimator_constants", message);
        }
    }
    return recipe;
}

Recipe Recipe::load(const std::filesystem::path& path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw RecipeError(path.string() + ": cannot be opened for reading");
    std::ostringstream text;
    text << file.rdbuf();
    return fromJson(text.str(), path.filename().string());
}

void Recipe::save(const std::filesystem::path& path) const
{
    const auto text = toJson();
    AtomicFile file(path);
    file.write(std::as_bytes(std::span(text.data(), text.size())));
    file.commit();
}

} // namespace complab
