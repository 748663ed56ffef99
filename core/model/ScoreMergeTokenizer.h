// The SentencePiece-style BPE every Llama vocabulary the lab reads shares: split the text into UTF-8
// code points, then repeatedly merge the adjacent pair whose concatenation is the vocabulary piece
// with the highest score (leftmost pair on ties), as llama2.c's encode() and SentencePiece's BPE do.
// The readers (tokenizer.bin, GGUF keys, tokenizer.model) only differ in how they fill it.
#pragma once

#include "model/Tokenizer.h"

#include <array>
#include <unordered_map>

namespace complab {

class ScoreMergeTokenizer : public Tokenizer
{
public:
    // What a code point missing from the vocabulary becomes.
    enum class ByteFallback {
        Llama2cOffset, // llama2.c: one token per byte, id = byte + 3, before merging
        BytePieces, // SentencePiece byte_fallback: the <0xXX> pieces, after merging
        UnknownToken, // no byte pieces: the unknown token
    };

    struct Vocabulary
    {
        std::vector<std::string> pieces;
        std::vector<float> scores;
        std::vector<TokenType> types;
    };

    struct Options
    {
        std::string description;
        std::int32_t bosId = -1;
        std::int32_t eosId = -1;
        std::int32_t unknownId = -1;
        // SentencePiece stores a space as U+2581 "▁"; llama2.c's tokenizer.bin stores ' ' itself.
        bool metaSpace = false;
        bool addDummyPrefix = true; // a space before non-empty text
        bool removeExtraWhitespace = false; // SentencePiece: strip, and collapse runs of spaces
        ByteFallback byteFallback = ByteFallback::Llama2cOffset;
        // llama2.c looks every piece up; SentencePiece merges only into normal and user-defined pieces
        // (never into <s>, <unk> or <0xXX>). SentencePiece also merges into unused pieces and then splits
        // them again; here they are simply never merged into (no shared vocabulary has any).
        bool mergeIntoAnyPiece = true;
    };

    // Throws std::invalid_argument when the vectors disagree in length or an id is out of range.
    ScoreMergeTokenizer(Vocabulary vocabulary, Options options);
    ScoreMergeTokenizer(const ScoreMergeTokenizer&) = delete; // the piece index points into m_vocabulary
    ScoreMergeTokenizer& operator=(const ScoreMergeTokenizer&) = delete;

    std::string description() const override { return m_options.description; }
    std::int32_t vocabularySize() const override { return static_cast<std::int32_t>(m_vocabulary.pieces.size()); }
    std::int32_t bosId() const override { return m_options.bosId; }
    std::int32_t eosId() const override { return m_options.eosId; }
    std::vector<std::int32_t> encode(std::string_view text, bool addBos) const override;
    std::string decodeToken(std::int32_t previous, std::int32_t token) const override;
    std::string piece(std::int32_t token) const override;
    float score(std::int32_t token) const override;
    TokenType tokenType(std::int32_t token) const override;
    std::int32_t tokenId(std::string_view piece) const override;

    const Options& options() const { return m_options; }

private:
    std::string normalize(std::string_view text) const;
    std::int32_t mergeableId(std::string_view piece) const;

    Vocabulary m_vocabulary;
    Options m_options;
    std::unordered_map<std::string_view, std::int32_t> m_allPieces; // first id of each piece
    std::unordered_map<std::string_view, std::int32_t> m_mergeable;
    std::vector<std::string_view> m_userDefined; // matched whole before splitting, longest first
    std::array<std::int32_t, 256> m_byteIds{}; // <0xXX> pieces, -1 when absent
};

// "<0x0A>" → 0x0A; -1 for anything else.
int bytePieceValue(std::string_view piece);

} // namespace complab
