#include "io/ModelConfig.h"

#include "io/CheckpointError.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

namespace complab {

namespace {

using Json = nlohmann::json;

constexpr std::uintmax_t maxConfigBytes = 16 * 1024 * 1024;

std::optional<std::int64_t> positiveInteger(
    const Json& object, std::initializer_list<const char*> keys, const std::filesystem::path& path)
{
    for (const char* key : keys) {
        const auto it = object.find(key);
        if (it == object.end() || it->is_null())
            continue;
        if (!it->is_number_integer() || it->get<std::int64_t>() <= 0)
            throw CheckpointError(path, std::string("key '") + key + "' must be a positive integer, not " + it->dump());
        return it->get<std::int64_t>();
    }
    return std::nullopt;
}

std::optional<double> positiveNumber(const Json& object, const char* key, const std::filesystem::path& path)
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return std::nullopt;
    if (!it->is_number() || it->get<double>() <= 0.0)
        throw CheckpointError(path, std::string("key '") + key + "' must be a positive number, not " + it->dump());
    return it->get<double>();
}

std::string text(const Json& object, const char* key, const std::filesystem::path& path)
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return {};
    if (!it->is_string())
        throw CheckpointError(path, std::string("key '") + key + "' must be a string, not " + it->dump());
    return it->get<std::string>();
}

} // namespace

ModelConfig ModelConfig::load(const std::filesystem::path& path)
{
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error)
        throw CheckpointError(path, "cannot read: " + error.message());
    if (size > maxConfigBytes)
        throw CheckpointError(path, "config is " + std::to_string(size) + " bytes, over the 16 MB limit");
    std::ifstream stream(path, std::ios::binary);
    if (!stream)
        throw CheckpointError(path, "cannot open for reading");
    std::ostringstream buffer;
    buffer << stream.rdbuf();
    return parse(buffer.str(), path);
}

ModelConfig ModelConfig::parse(const std::string& content, const std::filesystem::path& path)
{
    Json root;
    try {
        root = Json::parse(content);
    } catch (const Json::exception& e) {
        throw CheckpointError(path, std::string("not valid JSON: ") + e.what());
    }
    if (!root.is_object())
        throw CheckpointError(path, "not a JSON object");

    ModelConfig config;
    config.modelType = text(root, "model_type", path);
    config.torchDtype = text(root, "torch_dtype", path);
    if (const auto it = root.find("architectures"); it != root.end() && !it->is_null()) {
        if (!it->is_array() || (!it->empty() && !it->front().is_string()))
            throw CheckpointError(path, "key 'architectures' must be a list of strings");
        if (!it->empty())
            config.architecture = it->front().get<std::string>();
    }
    config.hiddenSize = positiveInteger(root, {"hidden_size", "n_embd", "d_model"}, path);
    config.intermediateSize = positiveInteger(root, {"intermediate_size", "n_inner", "ffn_dim"}, path);
    config.layerCount = positiveInteger(root, {"num_hidden_layers", "n_layer", "num_layers"}, path);
    config.attentionHeads = positiveInteger(root, {"num_attention_heads", "n_head"}, path);
    config.keyValueHeads = positiveInteger(root, {"num_key_value_heads"}, path);
    config.headDim = positiveInteger(root, {"head_dim"}, path);
    config.vocabSize = positiveInteger(root, {"vocab_size"}, path);
    config.contextLength = positiveInteger(root, {"max_position_embeddings", "n_positions", "max_seq_len"}, path);
    config.slidingWindow = positiveInteger(root, {"sliding_window"}, path);
    if (const auto it = root.find("use_sliding_window"); it != root.end() && it->is_boolean() && !it->get<bool>())
        config.slidingWindow.reset(); // Qwen2 carries a window size but switches it off here

    // Decoder families whose configs always state these sizes: a missing one means a broken file.
    static const std::set<std::string> llamaLike{"llama", "mistral", "mixtral", "qwen2", "qwen2_moe", "qwen3", "gemma",
        "gemma2", "gemma3_text", "phi3", "phimoe"};
    if (llamaLike.count(config.modelType)) {
        const std::pair<const char*, const std::optional<std::int64_t>*> required[] = {
            {"hidden_size", &config.hiddenSize},
            {"num_hidden_layers", &config.layerCount},
            {"num_attention_heads", &config.attentionHeads},
            {"intermediate_size", &config.intermediateSize},
            {"vocab_size", &config.vocabSize},
        };
        for (const auto& [key, value] : required)
            if (!*value)
                throw CheckpointError(path,
                    std::string("key '") + key + "' is required for a '" + config.modelType + "' model but missing");
    }
    if (config.hiddenSize && config.attentionHeads && !config.headDim
        && *config.hiddenSize % *config.attentionHeads != 0)
        throw CheckpointError(path,
            "hidden_size " + std::to_string(*config.hiddenSize) + " is not divisible by num_attention_heads "
                + std::to_string(*config.attentionHeads) + " and no head_dim is given");
    if (config.attentionHeads && config.keyValueHeads && *config.attentionHeads % *config.keyValueHeads != 0)
        throw CheckpointError(path,
            "num_attention_heads " + std::to_string(*config.attentionHeads)
                + " is not a multiple of num_key_value_heads " + std::to_string(*config.keyValueHeads));
    config.rmsNormEps = positiveNumber(root, "rms_norm_eps", path);
    config.ropeTheta = positiveNumber(root, "rope_theta", path);
    if (const auto it = root.find("rope_scaling"); it != root.end() && !it->is_null()) {
        if (!it->is_object())
            throw CheckpointError(path, "key 'rope_scaling' must be an object or null, not " + it->dump());
        ModelConfig::RopeScaling scaling;
        scaling.type = text(*it, "rope_type", path);
        if (scaling.type.empty())
            scaling.type = text(*it, "type", path); // the older spelling
        if (scaling.type.empty())
            throw CheckpointError(path, "key 'rope_scaling' names no 'rope_type'");
        const auto number = [&](const char* key, bool required) -> std::optional<double> {
            const auto value = positiveNumber(*it, key, path);
            if (!value && required)
                throw CheckpointError(path,
                    std::string("key 'rope_scaling.") + key + "' is required for rope_type '" + scaling.type + "'");
            return value;
        };
        if (scaling.type == "linear" || scaling.type == "llama3")
            scaling.factor = *number("factor", true);
        if (scaling.type == "llama3") {
            scaling.lowFreqFactor = *number("low_freq_factor", true);
            scaling.highFreqFactor = *number("high_freq_factor", true);
            const auto original = positiveInteger(*it, {"original_max_position_embeddings"}, path);
            if (!original)
                throw CheckpointError(
                    path, "key 'rope_scaling.original_max_position_embeddings' is required for rope_type 'llama3'");
            scaling.originalContext = *original;
            if (scaling.highFreqFactor <= scaling.lowFreqFactor)
                throw CheckpointError(path, "rope_scaling: high_freq_factor must be above low_freq_factor");
        }
        if (scaling.type != "default")
            config.ropeScaling = scaling;
    }
    if (const auto it = root.find("tie_word_embeddings"); it != root.end() && !it->is_null()) {
        if (!it->is_boolean())
            throw CheckpointError(path, "key 'tie_word_embeddings' must be true or false, not " + it->dump());
        config.tiedEmbeddings = it->get<bool>();
    }
    if (!config.headDim && config.hiddenSize && config.attentionHeads)
        config.headDim = *config.hiddenSize / *config.attentionHeads;
    if (!config.keyValueHeads && config.attentionHeads)
        config.keyValueHeads = config.attentionHeads;
    return config;
}

} // namespace complab
