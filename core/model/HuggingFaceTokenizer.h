// Hugging Face tokenizer.json with a "BPE" model, in its two common shapes: the Llama / SentencePiece
// conversion (a "▁" prepended and spaces replaced by it, byte_fallback to <0xXX> pieces) and GPT-2's
// byte-level BPE (the GPT-2 pre-tokenizer split, bytes mapped to printable characters). Merges apply
// by rank, lowest first and leftmost on ties, within each pre-tokenized word, as the tokenizers
// library does; added tokens are matched literally first.
#pragma once

#include "model/Tokenizer.h"

#include <array>
#include <filesystem>
#include <unordered_map>

namespace complab {

class HuggingFaceTokenizer final : public Tokenizer
{
public:
    enum class Style {
        SentencePiece, // Prepend/Replace normalizer or Metaspace pre-tokenizer, byte fallback
        ByteLevel, // GPT-2 byte-level
    };

    // Reads tokenizer.json; bos/eos come from a tokenizer_config.json beside it when there is one, else
    // from the post-processor's template and the usual names. Throws CheckpointError for malformed
    // JSON and UnsupportedTokenizerError for models, normalizers or pre-tokenizers it cannot apply.
    explicit HuggingFaceTokenizer(const std::filesystem::path& path);

    std::string description() const override;
    std::int32_t vocabularySize() const override { return static_cast<std::int32_t>(m_pieces.size()); }
    std::int32_t bosId() const override { return m_bosId; }
    std::int32_t eosId() const override { return m_eosId; }
    std::vector<std::int32_t> encode(std::string_view text, bool addBos) const override;
    std::string decodeToken(std::int32_t previous, std::int32_t token) const override;
    std::string piece(std::int32_t token) const override;
    float score(std::int32_t token) const override;
    TokenType tokenType(std::int32_t token) const override;
    std::int32_t tokenId(std::string_view piece) const override;

    Style style() const { return m_style; }

private:
    struct Merge
    {
        std::int32_t rank;
        std::int32_t result;
    };

    void parse(const std::filesystem::path& path);
    void encodeWord(std::string_view word, std::vector<std::int32_t>& ids) const;
    void encodeSegment(std::string_view text, bool firstSegment, std::vector<std::int32_t>& ids) const;
    std::int32_t lookup(std::string_view piece) const;

    Style m_style = Style::SentencePiece;
    std::vector<std::string> m_pieces;
    std::vector<TokenType> m_types;
    std::vector<float> m_scores; // -rank of the merge that forms the piece, 0 for base pieces
    std::unordered_map<std::string, std::int32_t> m_ids;
    std::unordered_map<std::uint64_t, Merge> m_merges; // (left id << 32 | right id)
    std::vector<std::pair<std::string, std::int32_t>> m_addedTokens; // longest first
    std::int32_t m_bosId = -1;
    std::int32_t m_eosId = -1;
    std::int32_t m_unknownId = -1;
    bool m_byteFallback = false;
    bool m_ignoreMerges = false;
    bool m_metaSpace = false; // SentencePiece style: ' ' stored as "▁"
    bool m_prependEverySegment = true; // Prepend normalizer / prepend_scheme "always" vs "first"
    bool m_prependSpace = false; // SentencePiece style: "▁" before the text; ByteLevel: add_prefix_space
    bool m_splitOnSpace = false; // Metaspace split: words begin at each "▁"
    bool m_byteLevelRegex = true;
    std::array<std::int32_t, 256> m_byteIds{}; // <0xXX> pieces (SentencePiece style)
};

} // namespace complab
