// The vocabulary a GGUF file carries in its tokenizer.ggml.* keys. Only tokenizer.ggml.model "llama"
// (a SentencePiece vocabulary: tokens, scores, token_type, bos/eos/unknown ids, add_space_prefix) is
// encoded, with the same score merge as SentencePiece; other models are reported, not guessed at.
#pragma once

#include "model/ScoreMergeTokenizer.h"

namespace complab {

class GgufCheckpoint;

class GgufTokenizer final : public ScoreMergeTokenizer
{
public:
    // nullptr, with the reason in whyNot, when the file has no tokenizer.ggml.model or one the lab
    // cannot encode ("gpt2", "bert", ...). Throws CheckpointError naming the file and the key when the
    // keys are malformed (arrays of the wrong type or length, ids out of range).
    static std::shared_ptr<const GgufTokenizer> fromCheckpoint(const GgufCheckpoint& gguf, std::string* whyNot);

private:
    GgufTokenizer(Vocabulary vocabulary, Options options);
};

} // namespace complab
