#include "model/GgufTokenizer.h"

#include "io/CheckpointError.h"
#include "io/GgufCheckpoint.h"

#include <cmath>

namespace complab {

GgufTokenizer::GgufTokenizer(Vocabulary vocabulary, Options options)
    : ScoreMergeTokenizer(std::move(vocabulary), std::move(options))
{ }

std::shared_ptr<const GgufTokenizer> GgufTokenizer::fromCheckpoint(const GgufCheckpoint& gguf, std::string* whyNot)
{
    const auto fail = [&](std::string reason) -> std::shared_ptr<const GgufTokenizer> {
        if (whyNot)
            *whyNot = std::move(reason);
        return nullptr;
    };
    const auto* model = gguf.find("tokenizer.ggml.model");
    if (!model)
        return fail("the GGUF file has no tokenizer.ggml.model key (no vocabulary)");
    const auto modelName = model->asString();
    if (!modelName)
        throw CheckpointError(gguf.path(), "tokenizer.ggml.model", "is not a string");
    if (*modelName != "llama")
        return fail("GGUF tokenizer model '" + std::string(*modelName)
            + "' is not supported: the lab encodes SentencePiece vocabularies (tokenizer.ggml.model 'llama')");

    const auto* tokens = gguf.find("tokenizer.ggml.tokens");
    if (!tokens || !tokens->isArray() || tokens->elementType != GgufType::String)
        throw CheckpointError(gguf.path(), "tokenizer.ggml.tokens", "missing or not an array of strings");
    const std::uint64_t count = tokens->count;
    if (count == 0 || count > static_cast<std::uint64_t>(INT32_MAX) || tokens->strings.size() != count)
        throw CheckpointError(gguf.path(), "tokenizer.ggml.tokens", "holds " + std::to_string(count) + " tokens");
    const auto numericArray = [&](const char* key) -> const GgufValue* {
        const auto* value = gguf.find(key);
        if (!value)
            return nullptr;
        if (!value->isArray() || ggufScalarSize(value->elementType) == 0)
            throw CheckpointError(gguf.path(), key, "is not a numeric array");
        if (value->count != count)
            throw CheckpointError(gguf.path(), key,
                "holds " + std::to_string(value->count) + " values for " + std::to_string(count) + " tokens");
        return value;
    };
    const auto* scores = numericArray("tokenizer.ggml.scores");
    const auto* types = numericArray("tokenizer.ggml.token_type");

    Vocabulary vocabulary;
    vocabulary.pieces.reserve(count);
    vocabulary.scores.reserve(count);
    vocabulary.types.reserve(count);
    bool hasBytePieces = false;
    for (std::uint64_t i = 0; i < count; ++i) {
        vocabulary.pieces.emplace_back(tokens->strings[i]);
        vocabulary.scores.push_back(scores ? static_cast<float>(scores->numberAt(i).value_or(0.0)) : 0.0f);
        auto type = TokenType::Normal;
        if (types) {
            const double value = types->numberAt(i).value_or(0.0);
            if (!(value >= 1 && value <= 6) || value != std::floor(value))
                throw CheckpointError(gguf.path(), "tokenizer.ggml.token_type",
                    "token " + std::to_string(i) + " has type " + std::to_string(value) + " (1..6 expected)");
            type = static_cast<TokenType>(static_cast<int>(value));
        } else if (bytePieceValue(vocabulary.pieces.back()) >= 0) {
            type = TokenType::Byte;
        }
        hasBytePieces = hasBytePieces || type == TokenType::Byte;
        vocabulary.types.push_back(type);
    }

    const auto tokenId = [&](const char* key, std::int32_t fallback) {
        const auto* value = gguf.find(key);
        if (!value)
            return fallback;
        const auto id = value->asInteger();
        if (!id || *id < 0 || *id >= static_cast<std::int64_t>(count))
            throw CheckpointError(gguf.path(), key, "is not a token id below " + std::to_string(count));
        return static_cast<std::int32_t>(*id);
    };
    const auto flag = [&](const char* key, bool fallback) {
        const auto* value = gguf.find(key);
        const auto integer = value ? value->asInteger() : std::nullopt;
        return integer ? *integer != 0 : fallback;
    };
    Options options;
    options.description = "GGUF tokenizer.ggml (llama)";
    // llama.cpp's defaults for a SentencePiece vocabulary when the keys are absent.
    options.bosId = tokenId("tokenizer.ggml.bos_token_id", count > 1 ? 1 : -1);
    options.eosId = tokenId("tokenizer.ggml.eos_token_id", count > 2 ? 2 : -1);
    options.unknownId = tokenId("tokenizer.ggml.unknown_token_id", 0);
    if (!types) {
        // Without types the special ids are all that marks the control tokens.
        for (const auto id : {options.bosId, options.eosId})
            if (id >= 0)
                vocabulary.types[static_cast<std::size_t>(id)] = TokenType::Control;
        vocabulary.types[static_cast<std::size_t>(options.unknownId)] = TokenType::Unknown;
    }
    options.metaSpace = true;
    options.addDummyPrefix = flag("tokenizer.ggml.add_space_prefix", true);
    options.removeExtraWhitespace = false; // llama.cpp keeps every space
    options.byteFallback = hasBytePieces ? ByteFallback::BytePieces : ByteFallback::UnknownToken;
    options.mergeIntoAnyPiece = false;
    return std::shared_ptr<const GgufTokenizer>(new GgufTokenizer(std::move(vocabulary), std::move(options)));
}

} // namespace complab
