// Hugging Face Llama tensor names to the names llama.cpp expects in a GGUF file, and the row order
// of the attention projections: HF checkpoints permute q_proj/k_proj rows for rotate-half RoPE,
// llama.cpp (like Meta's and llama2.c's weights) pairs adjacent rows, so export undoes the permutation.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace complab {

class Checkpoint;

struct LlamaTensorName
{
    enum class Rotary { None, Query, Key }; // which head count un-permutes the rows
    std::string ggufName;
    Rotary rotary = Rotary::None;
};

// model.embed_tokens.weight -> token_embd.weight, model.layers.N.self_attn.q_proj.weight ->
// blk.N.attn_q.weight (Rotary::Query), ... lm_head.weight -> output.weight; nullopt for a name
// outside the Llama layout.
std::optional<LlamaTensorName> llamaCppTensorName(std::string_view huggingFaceName);

// A tensor name for a narrow column or a chart axis: without the "model." prefix and ".weight"
// suffix every Hugging Face name carries ("layers.0.self_attn.k_proj"); other names unchanged.
std::string shortTensorName(std::string_view name);

// Reorders the rows of a q or k projection from HF's rotate-half layout to the interleaved one, in
// place: within each head of headRows rows, row half * headRows/2 + i moves to 2i + half. Rows are
// opaque runs of rowBytes bytes, so this works on any stored type (block formats keep whole blocks
// within a row). Throws std::invalid_argument unless the rows split into `heads` heads of even size.
// Whether a checkpoint holds q/k rows in HF's rotate-half layout (safetensors, HDF5) rather than
// the interleaved one of GGUF files and of checkpoints whose metadata says rope_layout=interleaved.
bool holdsRotateHalfRows(const Checkpoint& checkpoint);

void interleaveRotaryRows(std::span<std::byte> bytes, std::size_t rows, std::size_t rowBytes, std::size_t heads);

} // namespace complab
