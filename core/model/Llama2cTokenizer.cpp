#include "model/Llama2cTokenizer.h"

#include "io/CheckpointError.h"
#include "io/MappedFile.h"

#include <cstring>
#include <stdexcept>

namespace complab {

namespace {

template <typename T> T readValue(const std::byte* at)
{
    T value;
    std::memcpy(&value, at, sizeof(T));
    return value;
}

std::pair<ScoreMergeTokenizer::Vocabulary, std::int32_t> readTokenizerBin(
    const std::filesystem::path& path, std::int32_t vocabularySize)
{
    const MappedFile file(path);
    const auto bytes = file.bytes();
    const std::uint64_t size = bytes.size();
    if (vocabularySize < 0)
        throw CheckpointError(path, "negative vocabulary size " + std::to_string(vocabularySize) + " requested");
    if (size < 4)
        throw CheckpointError(path,
            "too short for a llama2.c tokenizer.bin header (" + std::to_string(size)
                + " bytes; it starts with an int32 max_token_length)");
    const auto maxTokenLength = readValue<std::int32_t>(bytes.data());
    if (maxTokenLength <= 0 || maxTokenLength > Llama2cTokenizer::maxPieceBytes)
        throw CheckpointError(path,
            "max_token_length " + std::to_string(maxTokenLength) + " is not a plausible piece length (1.."
                + std::to_string(Llama2cTokenizer::maxPieceBytes) + "): not a llama2.c tokenizer.bin?");
    ScoreMergeTokenizer::Vocabulary vocabulary;
    std::uint64_t at = 4;
    // Every token needs at least 8 bytes, so the file's size bounds what is reserved.
    const std::uint64_t fits = (size - at) / 8;
    vocabulary.pieces.reserve(vocabularySize > 0 ? std::min<std::uint64_t>(vocabularySize, fits) : fits);
    while (at < size && (vocabularySize == 0 || vocabulary.pieces.size() < std::size_t(vocabularySize))) {
        const std::string token = "token " + std::to_string(vocabulary.pieces.size());
        if (size - at < 8)
            throw CheckpointError(path,
                token + ": truncated (" + std::to_string(size - at) + " bytes left at offset " + std::to_string(at)
                    + ", a score and a length need 8)");
        const auto score = readValue<float>(bytes.data() + at);
        const auto length = readValue<std::int32_t>(bytes.data() + at + 4);
        at += 8;
        if (length < 0)
            throw CheckpointError(path, token + ": negative length " + std::to_string(length));
        if (length > maxTokenLength)
            throw CheckpointError(path,
                token + ": length " + std::to_string(length) + " exceeds the header's max_token_length "
                    + std::to_string(maxTokenLength));
        if (std::uint64_t(length) > size - at)
            throw CheckpointError(path,
                token + ": length " + std::to_string(length) + " runs past the end of the file ("
                    + std::to_string(size - at) + " bytes left)");
        vocabulary.pieces.emplace_back(reinterpret_cast<const char*>(bytes.data() + at), std::size_t(length));
        vocabulary.scores.push_back(score);
        at += std::uint64_t(length);
    }
    const auto count = static_cast<std::int64_t>(vocabulary.pieces.size());
    if (vocabularySize > 0 && count < vocabularySize)
        throw CheckpointError(path,
            "holds " + std::to_string(count) + " tokens, the model's vocabulary has " + std::to_string(vocabularySize));
    if (vocabularySize > 0 && at < size)
        throw CheckpointError(path,
            std::to_string(size - at) + " bytes after token " + std::to_string(count - 1)
                + ": the file holds more than the model's " + std::to_string(vocabularySize)
                + " tokens (the tokenizer of another model?)");
    if (count < 259)
        throw CheckpointError(path,
            "holds " + std::to_string(count)
                + " tokens; llama2.c's byte fallback needs at least 259 (<unk>, <s>, </s>, 256 bytes)");
    // llama2.c knows no token types; these follow its fixed ids (0 <unk>, 1 <s>, 2 </s>) and byte pieces.
    vocabulary.types.assign(vocabulary.pieces.size(), TokenType::Normal);
    vocabulary.types[0] = TokenType::Unknown;
    vocabulary.types[1] = TokenType::Control;
    vocabulary.types[2] = TokenType::Control;
    for (std::size_t i = 3; i < vocabulary.pieces.size(); ++i)
        if (bytePieceValue(vocabulary.pieces[i]) >= 0)
            vocabulary.types[i] = TokenType::Byte;
    return {std::move(vocabulary), maxTokenLength};
}

ScoreMergeTokenizer::Options llama2cOptions()
{
    ScoreMergeTokenizer::Options options;
    options.description = "llama2.c tokenizer.bin";
    options.bosId = 1;
    options.eosId = 2;
    options.unknownId = 0;
    options.metaSpace = false;
    options.addDummyPrefix = true;
    options.byteFallback = ScoreMergeTokenizer::ByteFallback::Llama2cOffset;
    options.mergeIntoAnyPiece = true;
    return options;
}

} // namespace

Llama2cTokenizer::Llama2cTokenizer(const std::filesystem::path& path, std::int32_t vocabularySize)
    : Llama2cTokenizer(readTokenizerBin(path, vocabularySize))
{ }

Llama2cTokenizer::Llama2cTokenizer(std::pair<Vocabulary, std::int32_t> read)
    : ScoreMergeTokenizer(std::move(read.first), llama2cOptions())
    , m_maxTokenLength(read.second)
{ }

} // namespace complab
