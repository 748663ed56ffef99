#include "model/Tokenizer.h"

#include "io/Checkpoint.h"
#include "io/CheckpointError.h"
#include "io/GgufCheckpoint.h"
#include "io/Llama2cCheckpoint.h"
#include "io/MappedFile.h"
#include "model/GgufTokenizer.h"
#include "model/HuggingFaceTokenizer.h"
#include "model/Llama2cTokenizer.h"
#include "model/SentencePieceTokenizer.h"

#include <algorithm>

namespace complab {

TokenType Tokenizer::tokenType(std::int32_t) const
{
    return TokenType::Normal;
}

std::int32_t Tokenizer::tokenId(std::string_view text) const
{
    for (std::int32_t id = 0; id < vocabularySize(); ++id)
        if (piece(id) == text)
            return id;
    return -1;
}

std::string Tokenizer::decode(const std::vector<std::int32_t>& tokens) const
{
    std::string text;
    std::int32_t previous = bosId();
    for (const auto token : tokens) {
        text += decodeToken(previous, token);
        previous = token;
    }
    return text;
}

namespace {

enum class TokenizerFormat { Llama2cBin, Gguf, SentencePieceModel, HuggingFaceJson };

// Sniffs the first bytes: "GGUF"; '{' (JSON); a protobuf field 1 (ModelProto.pieces) with a non-zero
// length, 0x0A 0x01..; anything else is taken as tokenizer.bin (its int32 max_token_length of 10 starts
// 0x0A 0x00, which is why a zero length does not count as protobuf).
TokenizerFormat sniff(const std::filesystem::path& path)
{
    const MappedFile file(path);
    const auto bytes = file.bytes();
    const auto byte = [&](std::size_t i) { return i < bytes.size() ? static_cast<unsigned char>(bytes[i]) : 0; };
    if (bytes.size() >= 4 && byte(0) == 'G' && byte(1) == 'G' && byte(2) == 'U' && byte(3) == 'F')
        return TokenizerFormat::Gguf;
    std::size_t first = 0;
    while (first < bytes.size() && first < 4096
        && (byte(first) == ' ' || byte(first) == '\n' || byte(first) == '\r' || byte(first) == '\t'))
        ++first;
    if (byte(first) == '{')
        return TokenizerFormat::HuggingFaceJson;
    if (byte(0) == 0x0A && byte(1) != 0)
        return TokenizerFormat::SentencePieceModel;
    return TokenizerFormat::Llama2cBin;
}

std::int32_t modelVocabularySize(const Checkpoint& checkpoint)
{
    const auto& config = checkpoint.config();
    if (config && config->vocabSize && *config->vocabSize > 0 && *config->vocabSize <= INT32_MAX)
        return static_cast<std::int32_t>(*config->vocabSize);
    return 0;
}

} // namespace

std::shared_ptr<const Tokenizer> loadTokenizer(const std::filesystem::path& path, std::int32_t vocabularySize)
{
    switch (sniff(path)) {
    case TokenizerFormat::Llama2cBin:
        return std::make_shared<const Llama2cTokenizer>(path, vocabularySize);
    case TokenizerFormat::Gguf: {
        const GgufCheckpoint gguf(path);
        std::string whyNot;
        auto tokenizer = GgufTokenizer::fromCheckpoint(gguf, &whyNot);
        if (!tokenizer)
            throw CheckpointError(path, whyNot);
        return tokenizer;
    }
    case TokenizerFormat::SentencePieceModel:
        return std::make_shared<const SentencePieceTokenizer>(path);
    case TokenizerFormat::HuggingFaceJson:
        return std::make_shared<const HuggingFaceTokenizer>(path);
    }
    throw CheckpointError(path, "unknown tokenizer format");
}

std::shared_ptr<const Tokenizer> findTokenizerFor(const Checkpoint& checkpoint, std::string* whyNot)
{
    std::vector<std::string> reasons;
    if (const auto* gguf = dynamic_cast<const GgufCheckpoint*>(&checkpoint)) {
        std::string reason;
        if (auto tokenizer = GgufTokenizer::fromCheckpoint(*gguf, &reason))
            return tokenizer;
        reasons.push_back(reason);
    }
    const auto vocabularySize = modelVocabularySize(checkpoint);
    std::error_code error;
    const auto folder = std::filesystem::is_directory(checkpoint.path(), error)
        ? checkpoint.path()
        : (checkpoint.path().parent_path().empty() ? std::filesystem::path(".") : checkpoint.path().parent_path());
    // Preference order: SentencePiece's own model file, then Hugging Face's JSON, then llama2.c's export.
    // Files that exist but cannot be encoded with are skipped (and reported); malformed ones throw.
    for (const auto& name : {"tokenizer.model", "tokenizer.json"}) {
        const auto candidate = folder / name;
        if (!std::filesystem::is_regular_file(candidate, error))
            continue;
        try {
            return loadTokenizer(candidate, vocabularySize);
        } catch (const UnsupportedTokenizerError& unsupported) {
            reasons.push_back(unsupported.what());
        }
    }
    std::vector<std::filesystem::path> candidates = {folder / "tokenizer.bin"};
    if (const auto* llama2c = dynamic_cast<const Llama2cCheckpoint*>(&checkpoint);
        llama2c && !llama2c->tokenizerPath().empty())
        candidates.push_back(llama2c->tokenizerPath());
    for (const auto& candidate : candidates) {
        if (std::filesystem::is_regular_file(candidate, error))
            return std::make_shared<const Llama2cTokenizer>(candidate, vocabularySize);
    }
    reasons.push_back("no usable tokenizer.model, tokenizer.json or tokenizer.bin (or llama2.c tok*.bin) beside "
        + checkpoint.path().string());
    if (whyNot) {
        whyNot->clear();
        for (const auto& reason : reasons)
            *whyNot += (whyNot->empty() ? "" : "; ") + reason;
    }
    return nullptr;
}

} // namespace complab
