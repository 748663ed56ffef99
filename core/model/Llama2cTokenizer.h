// llama2.c's tokenizer.bin: int32 max_token_length, then for every token a float score, an int32
// byte length and the piece's bytes (spaces stored as ' '). The header has no token count: it comes
// from the model, and the file must hold exactly that many. Encoding follows llama2.c's encode().
#pragma once

#include "model/ScoreMergeTokenizer.h"

#include <filesystem>

namespace complab {

class Llama2cTokenizer final : public ScoreMergeTokenizer
{
public:
    // Longer pieces mean a corrupt header: real files stay far below (the Llama 2 vocabulary: 27 bytes).
    static constexpr std::int32_t maxPieceBytes = 1 << 16;

    // vocabularySize 0 reads every token the file holds. Throws CheckpointError naming the file and the
    // token index for a truncated file, a negative or oversized length, or a token count that differs
    // from vocabularySize.
    explicit Llama2cTokenizer(const std::filesystem::path& path, std::int32_t vocabularySize = 0);

    std::int32_t maxTokenLength() const { return m_maxTokenLength; }

private:
    explicit Llama2cTokenizer(std::pair<Vocabulary, std::int32_t> read);
    std::int32_t m_maxTokenLength = 0;
};

} // namespace complab
