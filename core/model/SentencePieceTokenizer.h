// SentencePiece's tokenizer.model (a serialized ModelProto), read with a minimal protobuf wire-format
// reader: the pieces (piece, score, type), trainer_spec (model_type, byte_fallback, unk/bos/eos ids)
// and normalizer_spec (add_dummy_prefix, remove_extra_whitespaces, escape_whitespaces). BPE models
// are encoded with SentencePiece's score merge; unigram models and character-map normalizers are
// reported as UnsupportedTokenizerError.
#pragma once

#include "model/ScoreMergeTokenizer.h"

#include <filesystem>

namespace complab {

class SentencePieceTokenizer final : public ScoreMergeTokenizer
{
public:
    // Throws CheckpointError naming the file and the field for a malformed file,
    // UnsupportedTokenizerError for a model the lab cannot encode.
    explicit SentencePieceTokenizer(const std::filesystem::path& path);

private:
    explicit SentencePieceTokenizer(std::pair<Vocabulary, Options> parsed);
};

} // namespace complab
