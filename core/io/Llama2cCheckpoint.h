// Reader for Karpathy's llama2.c legacy `.bin` checkpoints: a header of seven little-endian int32
// (dim, hidden_dim, n_layers, n_heads, n_kv_heads, vocab_size, seq_len; a negative vocab_size
// means the classifier is stored separately) followed by F32 weights in a fixed order.
//
// The weights are exposed under Hugging Face Llama names, one tensor per layer, each a zero-copy
// view of the memory map. Shapes are PyTorch [out, in], exactly as in an HF checkpoint:
//   model.embed_tokens.weight                      [vocab, dim]
//   model.layers.N.input_layernorm.weight          [dim]
//   model.layers.N.self_attn.q_proj.weight         [n_heads * head_dim, dim]
//   model.layers.N.self_attn.k_proj.weight         [n_kv_heads * head_dim, dim]
//   model.layers.N.self_attn.v_proj.weight         [n_kv_heads * head_dim, dim]
//   model.layers.N.self_attn.o_proj.weight         [dim, n_heads * head_dim]
//   model.layers.N.post_attention_layernorm.weight [dim]
//   model.layers.N.mlp.gate_proj.weight            [hidden, dim]   (llama2.c w1)
//   model.layers.N.mlp.down_proj.weight            [dim, hidden]   (llama2.c w2)
//   model.layers.N.mlp.up_proj.weight              [hidden, dim]   (llama2.c w3)
//   model.norm.weight                              [dim]
//   lm_head.weight                                 [vocab, dim]    (only when not shared)
// Tensors are listed in file order (all layers' input_layernorm, then all q_proj, ...).
//
// The rows of q_proj and k_proj are in llama2.c's interleaved RoPE layout (pairs of adjacent
// values rotate together), not the permuted half-split layout of HF checkpoints: metadata
// "rope_layout" says "interleaved". The freq_cis_real / freq_cis_imag tables that follow
// model.norm.weight are not exposed: they are constants run.c no longer reads, not learned
// weights, and counting them would make parameter totals disagree with every other format.
#pragma once

#include "io/Checkpoint.h"

namespace complab {

class MappedFile;

class Llama2cCheckpoint final : public Checkpoint
{
public:
    static constexpr std::uint64_t headerBytes = 7 * sizeof(std::int32_t);

    // The header as stored (vocabSize keeps its sign).
    struct Header
    {
        std::int32_t dim = 0;
        std::int32_t hiddenDim = 0;
        std::int32_t layers = 0;
        std::int32_t heads = 0;
        std::int32_t kvHeads = 0;
        std::int32_t vocabSize = 0;
        std::int32_t seqLen = 0;
    };

    // Throws CheckpointError naming the file, the header field or tensor, and the problem.
    explicit Llama2cCheckpoint(const std::filesystem::path& path);
    ~Llama2cCheckpoint() override;

    std::string formatName() const override { return "llama2.c"; }
    TensorView tensor(std::size_t index) const override;

    const Header& header() const { return m_header; }
    bool sharedClassifier() const { return m_header.vocabSize > 0; }
    // The tokenizer.bin (or tok*.bin) found beside the checkpoint, if any.
    const std::filesystem::path& tokenizerPath() const { return m_tokenizerPath; }

private:
    void fillConfig();
    void findTokenizer();

    std::shared_ptr<const MappedFile> m_file;
    Header m_header;
    std::filesystem::path m_tokenizerPath;
};

} // namespace complab
