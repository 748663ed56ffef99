// The weight formats and KV-cache element types the estimator knows. A weight scheme has a nominal
// bit-width (what the quality model reads) and bits per weight including its scales and zero points
// (what footprint and VRAM read): INT4 with an FP16 scale per 128 weights is 4.125, Q4_K is 4.5.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace complab {

struct QuantScheme
{
    std::string_view id; // "q4_k", "int4_g128"
    std::string_view label; // "Q4_K (llama.cpp k-quant)"
    double weightBits; // nominal bit-width of a weight
    double bitsPerWeight; // weight bits plus scales and zero points, averaged over a block
    std::string_view layout; // how bitsPerWeight is made up
    bool realisable; // false for the seed's idealised "pure N bits, no scales"
};

// Every scheme, highest nominal bit-width first.
std::span<const QuantScheme> quantSchemes();
// Case-insensitive lookup by id; nullptr when unknown.
const QuantScheme* findQuantScheme(std::string_view id);

enum class KvCacheType { F32, F16, BF16, Fp8, Q8_0, Q4_0 };

struct KvCacheTypeInfo
{
    KvCacheType type;
    std::string_view id; // "f16", "q8_0"
    double bytesPerElement; // Q8_0 = 34/32 (32 int8 + one FP16 scale), Q4_0 = 18/32
    bool quantised; // llama.cpp stores a quantised V cache only with flash attention
};

std::span<const KvCacheTypeInfo> kvCacheTypes();
const KvCacheTypeInfo& kvCacheTypeInfo(KvCacheType type);
const KvCacheTypeInfo* findKvCacheType(std::string_view id);

} // namespace complab
