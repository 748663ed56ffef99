// Text to token ids and back, for the models the lab can run. One interface over the vocabularies
// the lab reads (llama2.c tokenizer.bin, GGUF tokenizer.ggml.*, SentencePiece tokenizer.model,
// Hugging Face tokenizer.json); the evaluator and the generator only ever see this.
#pragma once

#include "io/CheckpointError.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace complab {

class Checkpoint;

// The kind of a vocabulary entry, numbered as SentencePiece and GGUF's tokenizer.ggml.token_type do.
enum class TokenType : std::int32_t {
    Normal = 1,
    Unknown = 2,
    Control = 3, // <s>, </s>: never produced from text, decoded as nothing
    UserDefined = 4,
    Unused = 5,
    Byte = 6, // <0x00> ... <0xFF>
};

class Tokenizer
{
public:
    virtual ~Tokenizer() = default;

    // "llama2.c tokenizer.bin", "SentencePiece tokenizer.model", "GGUF tokenizer.ggml (llama)", ...
    virtual std::string description() const = 0;
    virtual std::int32_t vocabularySize() const = 0;
    virtual std::int32_t bosId() const = 0; // -1 when the vocabulary has none
    virtual std::int32_t eosId() const = 0; // -1 when the vocabulary has none

    // Encodes UTF-8 text. addBos puts bosId() first (when there is one); no EOS is ever added.
    virtual std::vector<std::int32_t> encode(std::string_view text, bool addBos) const = 0;
    // The text of one token as it follows `previous` (SentencePiece's leading-space rule after BOS,
    // byte tokens such as <0x0A> turned back into bytes). Out-of-range ids give an empty string.
    virtual std::string decodeToken(std::int32_t previous, std::int32_t token) const = 0;
    // The piece as stored in the vocabulary (for tables and exports).
    virtual std::string piece(std::int32_t token) const = 0;
    virtual float score(std::int32_t token) const = 0;
    // For tables and GGUF export; Normal unless the vocabulary says otherwise.
    virtual TokenType tokenType(std::int32_t token) const;
    // The id of a piece exactly as stored, -1 when absent.
    virtual std::int32_t tokenId(std::string_view piece) const;

    // The text of a token sequence: the first token is decoded as if it followed BOS, so
    // decode(encode(x, addBos)) gives x back for either addBos.
    std::string decode(const std::vector<std::int32_t>& tokens) const;
};

// Thrown (as CheckpointError) by the loaders below when a vocabulary file is malformed; the message
// names the file and the problem.

// A well-formed vocabulary the lab cannot encode with (a SentencePiece unigram model, a normalizer
// with a character map, ...): findTokenizerFor moves on to the next candidate and reports it in whyNot.
class UnsupportedTokenizerError : public CheckpointError
{
public:
    using CheckpointError::CheckpointError;
};

// The tokenizer that belongs to a model: the GGUF file's own tokenizer.ggml.* keys, or beside the
// weights tokenizer.model / tokenizer.json / tokenizer.bin (llama2.c). nullptr when none is found;
// `whyNot` (if given) then says what was looked for.
std::shared_ptr<const Tokenizer> findTokenizerFor(const Checkpoint& checkpoint, std::string* whyNot = nullptr);

// Loads a tokenizer file chosen by the user, picking the reader from the file's content. vocabularySize
// is needed by llama2.c's tokenizer.bin, whose header does not hold it (pass the model's; 0 = unknown,
// then the whole file is read).
std::shared_ptr<const Tokenizer> loadTokenizer(const std::filesystem::path& path, std::int32_t vocabularySize = 0);

} // namespace complab
