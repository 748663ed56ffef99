// A synthetic checkpoint with Llama-3-8B's tensor names and shapes (32 layers, hidden 4096,
// intermediate 14336, 32 query / 8 key-value heads, vocabulary 128256, untied head) as sharded BF16
// safetensors with random normal values, written streaming, for bench_quant's scale run.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace complab::bench {

struct SyntheticTensor
{
    std::string name;
    std::vector<std::int64_t> shape;
    std::uint64_t bytes() const; // BF16
};

// A Llama model's sizes; the default is Llama-3-8B.
struct SyntheticShape
{
    std::int64_t layers = 32;
    std::int64_t hidden = 4096;
    std::int64_t intermediate = 14336;
    std::int64_t heads = 32;
    std::int64_t kvHeads = 8;
    std::int64_t vocabulary = 128256;
};

// In the order Hugging Face's checkpoint lists them (embedding, layers, final norm, head).
std::vector<SyntheticTensor> llamaTensors(const SyntheticShape& shape);
inline std::vector<SyntheticTensor> llama3_8bTensors()
{
    return llamaTensors(SyntheticShape{});
}

// Writes model-0000K-of-0000N.safetensors shards (≤ 5 GB each), model.safetensors.index.json and
// config.json into dir (created if missing) and returns the bytes of tensor data written. Values
// are N(0, 0.02) drawn through a 2^16-entry inverse-CDF table (exact at BF16's 8-bit precision,
// tails cut near 4.3 sigma), generated in 16 MB chunks on oneTBB: the model is never in memory.
std::uint64_t writeSyntheticLlama(const std::filesystem::path& dir, std::uint64_t seed, const SyntheticShape& shape);
inline std::uint64_t writeSyntheticLlama3_8b(const std::filesystem::path& dir, std::uint64_t seed)
{
    return writeSyntheticLlama(dir, seed, SyntheticShape{});
}

} // namespace complab::bench
