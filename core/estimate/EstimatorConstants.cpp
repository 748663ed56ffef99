#include "estimate/EstimatorConstants.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cmath>
#include <stdexcept>

namespace complab {

namespace {

constexpr std::string_view ruleOfThumb = "rule of thumb, calibrated from published results";
constexpr std::string_view runtimeBehaviour = "runtime behaviour, measured";
constexpr std::string_view quantSources
    = "seed article 'Model Compression' (section 03); GPTQ (Frantar et al. 2022), AWQ (Lin et al. 2023), "
      "LLM.int8() (Dettmers et al. 2022), FP8 formats (Micikevicius et al. 2022), k-quant perplexity tables in "
      "llama.cpp PR #1684";
constexpr std::string_view pruneSources
    = "seed article (section 03); SparseGPT (Frantar & Alistarh 2023), Wanda (Sun et al. 2023)";
constexpr std::string_view distillSources
    = "seed article (section 03: 'a 4x student keeps about 92%'); DistilBERT (Sanh et al. 2019), MiniLLM (Gu et "
      "al. 2023), Minitron (Muralidharan et al. 2024)";
constexpr std::string_view bandSources
    = "Compression Lab convention; INT4 (0.94) reads 'noticeable drift' as in the seed";

constexpr std::array<ConstantDescription, 17> descriptions{{
    {"quality.fp32", &EstimatorConstants::qualityFp32, "Quality at FP32", ruleOfThumb, quantSources},
    {"quality.fp16", &EstimatorConstants::qualityFp16, "Quality at FP16/BF16", ruleOfThumb, quantSources},
    {"quality.int8", &EstimatorConstants::qualityInt8, "Quality at FP8/INT8", ruleOfThumb, quantSources},
    {"quality.int4", &EstimatorConstants::qualityInt4, "Quality at INT4", ruleOfThumb, quantSources},
    {"quality.int2", &EstimatorConstants::qualityInt2, "Quality at INT2", ruleOfThumb, quantSources},
    {"quality.prune_linear", &EstimatorConstants::pruneLinear, "Pruning loss, linear term", ruleOfThumb, pruneSources},
    {"quality.prune_cubic", &EstimatorConstants::pruneCubic, "Pruning loss, cubic term", ruleOfThumb, pruneSources},
    {"quality.distill_per_halving", &EstimatorConstants::distillPerHalving, "Distillation loss per halving",
        ruleOfThumb, distillSources},
    {"bands.near_lossless", &EstimatorConstants::bandNearLossless, "Near-lossless from", ruleOfThumb, bandSources},
    {"bands.minor", &EstimatorConstants::bandMinor, "Minor loss from", ruleOfThumb, bandSources},
    {"bands.noticeable_drift", &EstimatorConstants::bandNoticeableDrift, "Noticeable drift from", ruleOfThumb,
        bandSources},
    {"bands.significant", &EstimatorConstants::bandSignificant, "Significant loss from (below: broken)", ruleOfThumb,
        bandSources},
    {"memory.first_order_activation_bytes", &EstimatorConstants::firstOrderActivationBytesPerValue,
        "first-order activations, bytes per hidden value", ruleOfThumb,
        "chosen so the seed's 8B INT4 8K example reads 5.2 GB (one F32 hidden state per token in context)"},
    {"memory.runtime_overhead_cuda", &EstimatorConstants::runtimeOverheadCudaBytes,
        "CUDA runtime overhead per device (bytes)", runtimeBehaviour,
        "Ollama's per-GPU reserve for the CUDA context and cuBLAS (cudaMinimumMemory = 457 MiB, "
        "ollama/ollama discover/gpu.go)"},
    {"memory.runtime_overhead_rocm", &EstimatorConstants::runtimeOverheadRocmBytes,
        "ROCm runtime overhead per device (bytes)", runtimeBehaviour, "Ollama's rocmMinimumMemory = 457 MiB"},
    {"memory.runtime_overhead_metal", &EstimatorConstants::runtimeOverheadMetalBytes, "Metal runtime overhead (bytes)",
        runtimeBehaviour, "none beyond recommendedMaxWorkingSetSize, which the Apple tiers already apply"},
    {"memory.tier_headroom", &EstimatorConstants::tierHeadroom, "Tier headroom (fraction of usable memory)",
        ruleOfThumb, "Compression Lab convention: keep 5% free for fragmentation and the prompt's growth"},
}};

void require(bool condition, std::string_view key, const char* message)
{
    if (!condition)
        throw std::invalid_argument("constant \"" + std::string(key) + "\" " + message);
}

} // namespace

std::span<const ConstantDescription> constantDescriptions()
{
    return descriptions;
}

void EstimatorConstants::validate() const
{
    for (const auto& description : descriptions) {
        const double value = this->*description.member;
        require(std::isfinite(value) && value >= 0.0, description.key, "must be a finite number >= 0");
    }
    require(qualityFp32 <= 1.0, "quality.fp32", "must be at most 1");
    require(qualityFp16 <= qualityFp32, "quality.fp16", "must not exceed quality.fp32");
    require(qualityInt8 <= qualityFp16, "quality.int8", "must not exceed quality.fp16");
    require(qualityInt4 <= qualityInt8, "quality.int4", "must not exceed quality.int8");
    require(qualityInt2 <= qualityInt4, "quality.int2", "must not exceed quality.int4");
    require(bandNearLossless <= 1.0, "bands.near_lossless", "must be at most 1");
    require(bandMinor <= bandNearLossless, "bands.minor", "must not exceed bands.near_lossless");
    require(bandNoticeableDrift <= bandMinor, "bands.noticeable_drift", "must not exceed bands.minor");
    require(bandSignificant <= bandNoticeableDrift, "bands.significant", "must not exceed bands.noticeable_drift");
    require(tierHeadroom < 1.0, "memory.tier_headroom", "must be below 1");
}

std::string EstimatorConstants::toJson() const
{
    nlohmann::json root = nlohmann::json::object();
    for (const auto& description : descriptions) {
        const auto dot = description.key.find('.');
        root[std::string(description.key.substr(0, dot))][std::string(description.key.substr(dot + 1))]
            = this->*description.member;
    }
    return root.dump(2);
}

EstimatorConstants EstimatorConstants::fromJson(std::string_view text)
{
    nlohmann::json root;
    try {
        root = nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& e) {
        throw std::invalid_argument(std::string("constants: not valid JSON (") + e.what() + ")");
    }
    if (!root.is_object())
        throw std::invalid_argument("constants: expected a JSON object of groups");
    EstimatorConstants constants;
    for (const auto& [group, values] : root.items()) {
        if (!values.is_object())
            throw std::invalid_argument("constants: group \"" + group + "\" must be an object");
        for (const auto& [name, value] : values.items()) {
            const std::string key = group + "." + name;
            const ConstantDescription* found = nullptr;
            for (const auto& description : descriptions) {
                if (description.key == key)
                    found = &description;
            }
            if (!found)
                throw std::invalid_argument("constants: unknown constant \"" + key + "\"");
            if (!value.is_number())
                throw std::invalid_argument("constants: \"" + key + "\" must be a number");
            constants.*(found->member) = value.get<double>();
        }
    }
    constants.validate();
    return constants;
}

} // namespace complab
