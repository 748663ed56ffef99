#include "recipe/LlamaTensorNames.h"

#include "io/GgufCheckpoint.h"

#include <array>
#include <cstring>
#include <stdexcept>
#include <utility>
#include <vector>

namespace complab {

namespace {

// Names inside a layer, HF spelling to llama.cpp's (convert_hf_to_gguf's tensor map for LLAMA).
constexpr std::array<std::pair<std::string_view, std::string_view>, 9> layerNames{{
    {"self_attn.q_proj", "attn_q"},
    {"self_attn.k_proj", "attn_k"},
    {"self_attn.v_proj", "attn_v"},
    {"self_attn.o_proj", "attn_output"},
    {"mlp.gate_proj", "ffn_gate"},
    {"mlp.up_proj", "ffn_up"},
    {"mlp.down_proj", "ffn_down"},
    {"input_layernorm", "attn_norm"},
    {"post_attention_layernorm", "ffn_norm"},
}};

} // namespace

std::optional<LlamaTensorName> llamaCppTensorName(std::string_view name)
{
    if (name == "model.embed_tokens.weight")
        return LlamaTensorName{"token_embd.weight"};
    if (name == "model.norm.weight")
        return LlamaTensorName{"output_norm.weight"};
    if (name == "lm_head.weight")
        return LlamaTensorName{"output.weight"};
    constexpr std::string_view prefix = "model.layers.";
    if (!name.starts_with(prefix))
        return std::nullopt;
    name.remove_prefix(prefix.size());
    const auto dot = name.find('.');
    if (dot == 0 || dot == std::string_view::npos || dot > 6)
        return std::nullopt;
    const auto layer = name.substr(0, dot);
    if (layer.find_first_not_of("0123456789") != std::string_view::npos || (layer.size() > 1 && layer[0] == '0'))
        return std::nullopt;
    auto rest = name.substr(dot + 1);
    std::string_view suffix;
    for (const std::string_view candidate : {".weight", ".bias"})
        if (rest.ends_with(candidate))
            suffix = candidate;
    if (suffix.empty())
        return std::nullopt;
    rest.remove_suffix(suffix.size());
    for (const auto& [hf, gguf] : layerNames) {
        if (rest != hf)
            continue;
        LlamaTensorName result{"blk." + std::string(layer) + "." + std::string(gguf) + std::string(suffix)};
        if (gguf == "attn_q")
            result.rotary = LlamaTensorName::Rotary::Query;
        else if (gguf == "attn_k")
            result.rotary = LlamaTensorName::Rotary::Key;
        return result;
    }
    return std::nullopt;
}

bool holdsRotateHalfRows(const Checkpoint& checkpoint)
{
    if (dynamic_cast<const GgufCheckpoint*>(&checkpoint))
        return false;
    const auto layout = checkpoint.metadata().find("rope_layout");
    return layout == checkpoint.metadata().end() || layout->second != "interleaved";
}

void interleaveRotaryRows(std::span<std::byte> bytes, std::size_t rows, std::size_t rowBytes, std::size_t heads)
{
    if (heads == 0 || rows % heads != 0 || (rows / heads) % 2 != 0)
        throw std::invalid_argument(std::to_string(rows) + " rows do not split into " + std::to_string(heads)
            + " heads of an even number of rows");
    if (bytes.size() != rows * rowBytes)
        throw std::invalid_argument("interleaveRotaryRows: byte count does not match rows x rowBytes");
    const std::size_t headRows = rows / heads;
    const std::size_t half = headRows / 2;
    std::vector<std::byte> head(headRows * rowBytes);
    for (std::size_t h = 0; h < heads; ++h) {
        std::byte* base = bytes.data() + h * headRows * rowBytes;
        for (std::size_t part = 0; part < 2; ++part)
            for (std::size_t i = 0; i < half; ++i)
                std::memcpy(head.data() + (2 * i + part) * rowBytes, base + (part * half + i) * rowBytes, rowBytes);
        std::memcpy(base, head.data(), head.size());
    }
}

std::string shortTensorName(std::string_view name)
{
    if (name.starts_with("model.") && name.size() > 6)
        name.remove_prefix(6);
    if (name.ends_with(".weight") && name.size() > 7)
        name.remove_suffix(7);
    return std::string(name);
}

} // namespace complab
