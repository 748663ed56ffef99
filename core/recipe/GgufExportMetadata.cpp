#include "recipe/GgufExportMetadata.h"

#include "io/Checkpoint.h"
#include "io/GgufCheckpoint.h"
#include "io/GgufWriter.h"
#include "model/Tokenizer.h"

#include <stdexcept>

namespace complab {

namespace {

std::string replaceAll(std::string text, std::string_view from, std::string_view to)
{
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

std::int64_t required(const std::optional<std::int64_t>& value, const char* what, const Checkpoint& checkpoint)
{
    if (!value || *value <= 0)
        throw std::invalid_argument(
            checkpoint.path().string() + ": GGUF export needs the model's " + what + " (config.json has none)");
    return *value;
}

void addConfigKeys(GgufWriter& writer, const Checkpoint& checkpoint)
{
    const auto& config = checkpoint.config();
    if (!config)
        throw std::invalid_argument(
            checkpoint.path().string() + ": GGUF export needs the architecture (a config.json beside the weights)");
    // Mistral checkpoints are Llama in llama.cpp's eyes (same tensors, same keys).
    if (config->modelType != "llama" && config->modelType != "mistral")
        throw std::invalid_argument(checkpoint.path().string() + ": GGUF export with llama.cpp names supports "
            + "Llama-family models (model_type llama or mistral), not \"" + config->modelType + "\"");
    const auto heads = required(config->attentionHeads, "num_attention_heads", checkpoint);
    const auto hidden = required(config->hiddenSize, "hidden_size", checkpoint);
    const auto u32 = [](std::int64_t value) { return static_cast<std::uint32_t>(value); };
    const std::string arch = "llama.";
    if (config->vocabSize)
        writer.addUInt32(arch + "vocab_size", u32(*config->vocabSize));
    writer.addUInt32(
        arch + "context_length", u32(required(config->contextLength, "max_position_embeddings", checkpoint)));
    writer.addUInt32(arch + "embedding_length", u32(hidden));
    writer.addUInt32(arch + "block_count", u32(required(config->layerCount, "num_hidden_layers", checkpoint)));
    writer.addUInt32(
        arch + "feed_forward_length", u32(required(config->intermediateSize, "intermediate_size", checkpoint)));
    writer.addUInt32(arch + "rope.dimension_count", u32(config->headDim.value_or(hidden / heads)));
    writer.addUInt32(arch + "attention.head_count", u32(heads));
    writer.addUInt32(arch + "attention.head_count_kv", u32(config->keyValueHeads.value_or(heads)));
    // llama2.c and most Llama configs use 1e-5 and theta 10000 when they say nothing.
    writer.addFloat32(arch + "attention.layer_norm_rms_epsilon", static_cast<float>(config->rmsNormEps.value_or(1e-5)));
    writer.addFloat32(arch + "rope.freq_base", static_cast<float>(config->ropeTheta.value_or(10000.0)));
    if (config->ropeScaling) {
        // llama.cpp keeps Llama 3.1's scaling as a rope_freqs tensor, which the export does not write.
        if (config->ropeScaling->type != "linear")
            throw std::invalid_argument("RoPE scaling '" + config->ropeScaling->type
                + "' cannot be written to GGUF by the lab (llama.cpp stores it as a rope_freqs tensor); export "
                  "safetensors instead");
        writer.addString(arch + "rope.scaling.type", "linear");
        writer.addFloat32(arch + "rope.scaling.factor", static_cast<float>(config->ropeScaling->factor));
    }
}

void addVocabulary(GgufWriter& writer, const Checkpoint& checkpoint)
{
    std::string whyNot;
    const auto tokenizer = findTokenizerFor(checkpoint, &whyNot);
    if (!tokenizer)
        throw std::invalid_argument(checkpoint.path().string() + ": GGUF export needs the vocabulary, but " + whyNot);
    const auto vocabulary = GgufVocabulary::fromTokenizer(*tokenizer);
    writer.addString("tokenizer.ggml.model", "llama");
    writer.addStringArray("tokenizer.ggml.tokens", vocabulary.tokens);
    writer.addFloat32Array("tokenizer.ggml.scores", vocabulary.scores);
    writer.addInt32Array("tokenizer.ggml.token_type", vocabulary.tokenTypes);
    if (vocabulary.bosId >= 0)
        writer.addUInt32("tokenizer.ggml.bos_token_id", static_cast<std::uint32_t>(vocabulary.bosId));
    if (vocabulary.eosId >= 0)
        writer.addUInt32("tokenizer.ggml.eos_token_id", static_cast<std::uint32_t>(vocabulary.eosId));
    if (vocabulary.unknownId >= 0)
        writer.addUInt32("tokenizer.ggml.unknown_token_id", static_cast<std::uint32_t>(vocabulary.unknownId));
    // SentencePiece Llama models start every sequence with BOS and never append EOS.
    writer.addBool("tokenizer.ggml.add_bos_token", vocabulary.bosId >= 0);
    writer.addBool("tokenizer.ggml.add_eos_token", false);
}

} // namespace

GgufVocabulary GgufVocabulary::fromTokenizer(const Tokenizer& tokenizer)
{
    GgufVocabulary vocabulary;
    const bool llama2c = tokenizer.description().starts_with("llama2.c");
    const auto count = tokenizer.vocabularySize();
    vocabulary.tokens.reserve(static_cast<std::size_t>(count));
    for (std::int32_t id = 0; id < count; ++id) {
        auto piece = tokenizer.piece(id);
        const auto type = tokenizer.tokenType(id);
        if (llama2c) {
            if (type == TokenType::Control && piece.size() > 2 && piece.front() == '\n' && piece.back() == '\n')
                piece = piece.substr(1, piece.size() - 2);
            else if (type == TokenType::Normal)
                piece = replaceAll(std::move(piece), " ", "\xe2\x96\x81"); // U+2581, SentencePiece's space
        }
        vocabulary.tokens.push_back(std::move(piece));
        vocabulary.scores.push_back(tokenizer.score(id));
        vocabulary.tokenTypes.push_back(static_cast<std::int32_t>(type));
        if (type == TokenType::Unknown && vocabulary.unknownId < 0)
            vocabulary.unknownId = id;
    }
    vocabulary.bosId = tokenizer.bosId();
    vocabulary.eosId = tokenizer.eosId();
    return vocabulary;
}

std::uint32_t llamaFileType(DType type)
{
    switch (type) {
    case DType::F32:
        return 0;
    case DType::F16:
        return 1;
    case DType::Q4_0:
        return 2;
    case DType::Q4_1:
        return 3;
    case DType::Q8_0:
        return 7;
    case DType::Q5_0:
        return 8;
    case DType::Q5_1:
        return 9;
    case DType::Q2_K:
        return 10;
    case DType::Q3_K:
        return 11; // Q3_K_S
    case DType::Q4_K:
        return 14; // Q4_K_S
    case DType::Q5_K:
        return 16; // Q5_K_S
    case DType::Q6_K:
        return 18;
    case DType::BF16:
        return 32;
    default:
        return 0;
    }
}

void addLlamaMetadata(GgufWriter& writer, const Checkpoint& checkpoint, const LlamaMetadataOptions& options)
{
    if (const auto* gguf = dynamic_cast<const GgufCheckpoint*>(&checkpoint)) {
        const auto* architecture = gguf->find("general.architecture");
        if (!architecture || architecture->asString() != "llama")
            throw std::invalid_argument(
                checkpoint.path().string() + ": GGUF export supports llama-architecture GGUF sources only");
        bool fileType = false, alignment = false, version = false;
        for (const auto& [key, value] : gguf->keyValues()) {
            if (key == "general.file_type") {
                writer.addUInt32(key, options.fileType);
                fileType = true;
            } else if (key == "general.alignment") {
                writer.addUInt32(key, 32);
                alignment = true;
            } else if (key == "general.quantization_version") {
                writer.addUInt32(key, 2);
                version = true;
            } else if (key != "compression_lab.recipe") {
                writer.addValue(key, value);
            }
        }
        if (!fileType)
            writer.addUInt32("general.file_type", options.fileType);
        if (!alignment)
            writer.addUInt32("general.alignment", 32);
        if (!version)
            writer.addUInt32("general.quantization_version", 2);
    } else {
        writer.addString("general.architecture", "llama");
        writer.addString("general.name", options.name);
        writer.addUInt32("general.file_type", options.fileType);
        writer.addUInt32("general.quantization_version", 2);
        writer.addUInt32("general.alignment", 32);
        addConfigKeys(writer, checkpoint);
        addVocabulary(writer, checkpoint);
    }
    if (!options.recipeJson.empty())
        writer.addString("compression_lab.recipe", options.recipeJson);
}

} // namespace complab
