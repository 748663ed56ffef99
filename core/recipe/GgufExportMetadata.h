// The metadata of a GGUF file llama.cpp can load: general.* and llama.* keys, copied from a GGUF
// source or built from the ModelConfig, and the vocabulary as tokenizer.ggml.* arrays, copied
// from GGUF keys or taken from the model's tokenizer (core/model/Tokenizer.h).
#pragma once

#include "tensor/DType.h"

#include <cstdint>
#include <string>
#include <vector>

namespace complab {

class Checkpoint;
class GgufWriter;
class Tokenizer;

// tokenizer.ggml.* for the "llama" (SentencePiece) tokenizer model.
struct GgufVocabulary
{
    std::vector<std::string> tokens;
    std::vector<float> scores;
    std::vector<std::int32_t> tokenTypes;
    std::int32_t bosId = -1;
    std::int32_t eosId = -1;
    std::int32_t unknownId = -1;

    // Pieces as SentencePiece spells them: llama2.c's tokenizer.bin stores '▁' as ' ' and BOS/EOS as
    // "\n<s>\n"/"\n</s>\n" (its export script's choices), which are undone here.
    static GgufVocabulary fromTokenizer(const Tokenizer& tokenizer);
};

// llama.cpp's llama_ftype for a file whose weights are mostly `type` (Q4_K -> 14, MOSTLY_Q4_K_S, the
// choice for "every tensor Q4_K"; F32 -> 0).
std::uint32_t llamaFileType(DType mostlyType);

struct LlamaMetadataOptions
{
    std::string name; // general.name
    std::uint32_t fileType = 0;
    std::string recipeJson; // stored as compression_lab.recipe when not empty
};

// Writes general.*, llama.* and tokenizer.ggml.* keys. From a GGUF source every key is copied
// (general.file_type, general.alignment and general.quantization_version are set afresh); otherwise
// the keys are built from checkpoint.config() and the tokenizer found beside the weights. Throws
// std::invalid_argument naming what is missing (not a Llama-family model, a size absent from
// config.json, no tokenizer).
void addLlamaMetadata(GgufWriter& writer, const Checkpoint& checkpoint, const LlamaMetadataOptions& options);

} // namespace complab
