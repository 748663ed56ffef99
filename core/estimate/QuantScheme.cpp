#include "estimate/QuantScheme.h"

#include "estimate/DataTable.h"

#include <array>

namespace complab {

namespace {

// Block layouts as ggml and the GPTQ/AWQ/bitsandbytes packers store them (see docs/estimator.md).
constexpr std::array<QuantScheme, 24> schemes{{
    {"fp32", "FP32", 32, 32, "32-bit float", true},
    {"fp16", "FP16", 16, 16, "16-bit float", true},
    {"bf16", "BF16", 16, 16, "bfloat16", true},
    {"q8_0", "Q8_0 (llama.cpp)", 8, 8.5, "32 int8 + FP16 scale per block of 32: 34 bytes / 32", true},
    {"int8_g128", "INT8, group 128", 8, 8.125, "int8 + FP16 scale per 128", true},
    {"int8", "INT8 per channel", 8, 8, "int8, one scale per output row (negligible)", true},
    {"fp8", "FP8 (E4M3)", 8, 8, "8-bit float, per-tensor scale", true},
    {"q6_k", "Q6_K (llama.cpp)", 6, 6.5625, "210 bytes per super-block of 256", true},
    {"q5_k_m", "Q5_K_M (llama.cpp mix)", 5, 5.70, "mostly Q5_K with Q6_K for sensitive tensors (Llama-3-8B average)",
        true},
    {"q5_0", "Q5_0 (llama.cpp)", 5, 5.5, "22 bytes per block of 32", true},
    {"q5_k", "Q5_K (llama.cpp)", 5, 5.5, "176 bytes per super-block of 256", true},
    {"q4_k_m", "Q4_K_M (llama.cpp mix)", 4, 4.89, "mostly Q4_K with Q6_K for sensitive tensors (Llama-3-8B average)",
        true},
    {"mxfp4", "MXFP4", 4, 4.25, "FP4 + shared 8-bit exponent per 32", true},
    {"q4_0", "Q4_0 (llama.cpp)", 4, 4.5, "16 nibble bytes + FP16 scale per block of 32: 18 bytes / 32", true},
    {"q4_k", "Q4_K (llama.cpp)", 4, 4.5, "144 bytes per super-block of 256", true},
    {"int4_g64", "INT4, group 64", 4, 4.25, "int4 + FP16 scale per 64", true},
    {"nf4", "NF4 (bitsandbytes, QLoRA)", 4, 4.127, "4-bit + int8 absmax per 64 + FP32 per 256 blocks", true},
    {"int4_g128", "INT4, group 128 (GPTQ/AWQ)", 4, 4.125, "int4 + FP16 scale per 128", true},
    {"int4", "INT4 (idealised)", 4, 4, "4 bits, scales ignored: the seed simulator's arithmetic", false},
    {"q3_k", "Q3_K (llama.cpp)", 3, 3.4375, "110 bytes per super-block of 256", true},
    {"int3_g128", "INT3, group 128", 3, 3.125, "int3 + FP16 scale per 128", true},
    {"q2_k", "Q2_K (llama.cpp)", 2, 2.625, "84 bytes per super-block of 256", true},
    {"int2_g128", "INT2, group 128", 2, 2.125, "int2 + FP16 scale per 128", true},
    {"int2", "INT2 (idealised)", 2, 2, "2 bits, scales ignored", false},
}};

constexpr std::array<KvCacheTypeInfo, 6> kvTypes{{
    {KvCacheType::F32, "f32", 4.0, false},
    {KvCacheType::F16, "f16", 2.0, false},
    {KvCacheType::BF16, "bf16", 2.0, false},
    {KvCacheType::Fp8, "fp8", 1.0, false},
    {KvCacheType::Q8_0, "q8_0", 34.0 / 32.0, true},
    {KvCacheType::Q4_0, "q4_0", 18.0 / 32.0, true},
}};

} // namespace

std::span<const QuantScheme> quantSchemes()
{
    return schemes;
}

const QuantScheme* findQuantScheme(std::string_view id)
{
    for (const auto& scheme : schemes) {
        if (equalsIgnoringCase(scheme.id, id))
            return &scheme;
    }
    return nullptr;
}

std::span<const KvCacheTypeInfo> kvCacheTypes()
{
    return kvTypes;
}

const KvCacheTypeInfo& kvCacheTypeInfo(KvCacheType type)
{
    for (const auto& info : kvTypes) {
        if (info.type == type)
            return info;
    }
    return kvTypes[1];
}

const KvCacheTypeInfo* findKvCacheType(std::string_view id)
{
    for (const auto& info : kvTypes) {
        if (equalsIgnoringCase(info.id, id))
            return &info;
    }
    return nullptr;
}

} // namespace complab
