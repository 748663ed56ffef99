#include "SyntheticLlama.h"

#include <nlohmann/json.hpp>
#include <tbb/parallel_for.h>

#include <array>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace complab::bench {

namespace {

constexpr std::uint64_t shardLimit = 5'000'000'000;

std::uint64_t splitMix64(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// BF16 bits of the N(0, spread) quantile at (i + 0.5) / 65536, by bisection on erfc.
std::vector<std::uint16_t> normalTable(double spread)
{
    std::vector<std::uint16_t> table(65536);
    for (std::size_t i = 0; i < table.size(); ++i) {
        const double p = (static_cast<double>(i) + 0.5) / 65536.0;
        double low = -10;
        double high = 10;
        for (int step = 0; step < 60; ++step) {
            const double mid = 0.5 * (low + high);
            (0.5 * std::erfc(-mid / std::sqrt(2.0)) < p ? low : high) = mid;
        }
        const auto bits = std::bit_cast<std::uint32_t>(static_cast<float>(0.5 * (low + high) * spread));
        // Round to nearest even BF16 (finite values only here).
        table[i] = static_cast<std::uint16_t>((bits + 0x7FFFu + ((bits >> 16) & 1u)) >> 16);
    }
    return table;
}

struct FileCloser
{
    void operator()(std::FILE* file) const { std::fclose(file); }
};

} // namespace

std::uint64_t SyntheticTensor::bytes() const
{
    std::uint64_t elements = 1;
    for (const auto d : shape)
        elements *= static_cast<std::uint64_t>(d);
    return 2 * elements;
}

std::vector<SyntheticTensor> llamaTensors(const SyntheticShape& shape)
{
    const auto [layers, hidden, intermediate, heads, kvHeads, vocabulary] = shape;
    const std::int64_t headDim = hidden / heads;
    std::vector<SyntheticTensor> tensors{{"model.embed_tokens.weight", {vocabulary, hidden}}};
    for (std::int64_t l = 0; l < layers; ++l) {
        const std::string prefix = "model.layers." + std::to_string(l) + ".";
        tensors.push_back({prefix + "self_attn.q_proj.weight", {hidden, hidden}});
        tensors.push_back({prefix + "self_attn.k_proj.weight", {kvHeads * headDim, hidden}});
        tensors.push_back({prefix + "self_attn.v_proj.weight", {kvHeads * headDim, hidden}});
        tensors.push_back({prefix + "self_attn.o_proj.weight", {hidden, hidden}});
        tensors.push_back({prefix + "mlp.gate_proj.weight", {intermediate, hidden}});
        tensors.push_back({prefix + "mlp.up_proj.weight", {intermediate, hidden}});
        tensors.push_back({prefix + "mlp.down_proj.weight", {hidden, intermediate}});
        tensors.push_back({prefix + "input_layernorm.weight", {hidden}});
        tensors.push_back({prefix + "post_attention_layernorm.weight", {hidden}});
    }
    tensors.push_back({"model.norm.weight", {hidden}});
    tensors.push_back({"lm_head.weight", {vocabulary, hidden}});
    return tensors;
}

std::uint64_t writeSyntheticLlama(const std::filesystem::path& dir, std::uint64_t seed, const SyntheticShape& shape)
{
    std::filesystem::create_directories(dir);
    const auto tensors = llamaTensors(shape);
    const auto [layers, hidden, intermediate, heads, kvHeads, vocabulary] = shape;
    // Greedy shards in order, as Hugging Face's save_pretrained does.
    std::vector<std::vector<std::size_t>> shards(1);
    std::uint64_t shardBytes = 0;
    for (std::size_t i = 0; i < tensors.size(); ++i) {
        if (shardBytes > 0 && shardBytes + tensors[i].bytes() > shardLimit) {
            shards.emplace_back();
            shardBytes = 0;
        }
        shards.back().push_back(i);
        shardBytes += tensors[i].bytes();
    }
    const auto table = normalTable(0.02);
    nlohmann::json weightMap = nlohmann::json::object();
    std::uint64_t total = 0;
    constexpr std::size_t chunkValues = std::size_t(8) << 20; // 16 MB of BF16
    std::vector<std::uint16_t> chunk(chunkValues);
    std::uint64_t chunkIndex = 0;
    for (std::size_t s = 0; s < shards.size(); ++s) {
        char fileName[64];
        std::snprintf(fileName, sizeof fileName, "model-%05zu-of-%05zu.safetensors", s + 1, shards.size());
        nlohmann::json header = {{"__metadata__", {{"format", "pt"}}}};
        std::uint64_t offset = 0;
        for (const std::size_t i : shards[s]) {
            header[tensors[i].name] = {{"dtype", "BF16"}, {"shape", tensors[i].shape},
                {"data_offsets", {offset, offset + tensors[i].bytes()}}};
            offset += tensors[i].bytes();
            weightMap[tensors[i].name] = fileName;
        }
        std::string headerText = header.dump();
        headerText.resize((headerText.size() + 7) / 8 * 8, ' ');
        const auto path = dir / fileName;
        std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "wb"));
        if (!file)
            throw std::runtime_error(path.string() + ": cannot create");
        std::uint8_t length[8];
        for (int b = 0; b < 8; ++b)
            length[b] = static_cast<std::uint8_t>(static_cast<std::uint64_t>(headerText.size()) >> (8 * b));
        bool ok = std::fwrite(length, 1, 8, file.get()) == 8
            && std::fwrite(headerText.data(), 1, headerText.size(), file.get()) == headerText.size();
        for (const std::size_t i : shards[s]) {
            for (std::uint64_t left = tensors[i].bytes() / 2; ok && left > 0;) {
                const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(left, chunkValues));
                // 64 KB pieces, each from its own seed: the same bytes for any thread count.
                const std::uint64_t first = chunkIndex++;
                tbb::parallel_for(std::size_t(0), (n + 32767) / 32768, [&](std::size_t piece) {
                    std::uint64_t state = seed ^ (first * 0x100000001B3ull + piece * 0x9E3779B97F4A7C15ull);
                    const std::size_t end = std::min(n, (piece + 1) * 32768);
                    for (std::size_t v = piece * 32768; v < end; v += 4) {
                        const std::uint64_t random = splitMix64(state);
                        for (std::size_t k = 0; k < 4 && v + k < end; ++k)
                            chunk[v + k] = table[(random >> (16 * k)) & 0xFFFF];
                    }
                });
                ok = std::fwrite(chunk.data(), 2, n, file.get()) == n; // little-endian host, as the format
                left -= n;
            }
            total += tensors[i].bytes();
        }
        if (!ok || std::fflush(file.get()) != 0)
            throw std::runtime_error(path.string() + ": write failed (disk full?)");
    }
    const nlohmann::json index = {{"metadata", {{"total_size", total}}}, {"weight_map", weightMap}};
    const nlohmann::json config = {{"architectures", {"LlamaForCausalLM"}}, {"model_type", "llama"},
        {"hidden_size", hidden}, {"intermediate_size", intermediate}, {"num_hidden_layers", layers},
        {"num_attention_heads", heads}, {"num_key_value_heads", kvHeads}, {"vocab_size", vocabulary},
        {"max_position_embeddings", 8192}, {"rms_norm_eps", 1e-5}, {"rope_theta", 500000.0},
        {"tie_word_embeddings", false}, {"torch_dtype", "bfloat16"}, {"hidden_act", "silu"}};
    for (const auto& [name, json] :
        {std::pair{"model.safetensors.index.json", index}, std::pair{"config.json", config}}) {
        std::unique_ptr<std::FILE, FileCloser> file(std::fopen((dir / name).c_str(), "wb"));
        const std::string text = json.dump(2);
        if (!file || std::fwrite(text.data(), 1, text.size(), file.get()) != text.size())
            throw std::runtime_error((dir / name).string() + ": write failed");
    }
    return total;
}

} // namespace complab::bench
