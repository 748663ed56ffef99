// The architecture described by a Hugging Face config.json beside a checkpoint: what the model
// card shows, and later what the estimator and the forward pass need.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace complab {

struct ModelConfig
{
    std::string modelType; // "llama", "mistral", "qwen2", ...
    std::string architecture; // first entry of "architectures"
    std::string torchDtype;
    std::optional<std::int64_t> hiddenSize;
    std::optional<std::int64_t> intermediateSize;
    std::optional<std::int64_t> layerCount;
    std::optional<std::int64_t> attentionHeads;
    std::optional<std::int64_t> keyValueHeads;
    std::optional<std::int64_t> headDim;
    std::optional<std::int64_t> vocabSize;
    std::optional<std::int64_t> contextLength;
    std::optional<double> rmsNormEps;
    std::optional<double> ropeTheta;
    // config.json "rope_scaling" (or GGUF rope.scaling.*): how rotary frequencies are stretched for
    // contexts beyond the training length. type: "linear" (every frequency / factor), "llama3"
    // (Llama 3.1: long wavelengths / factor, short ones kept, a smooth ramp between), or another
    // name the forward pass does not implement (it then refuses to run; other measurements work).
    struct RopeScaling
    {
        std::string type;
        double factor = 1.0;
        double lowFreqFactor = 1.0; // llama3
        double highFreqFactor = 4.0; // llama3
        std::int64_t originalContext = 8192; // llama3: original_max_position_embeddings
        bool operator==(const RopeScaling&) const = default;
    };
    std::optional<RopeScaling> ropeScaling;
    std::optional<bool> tiedEmbeddings;
    std::optional<std::int64_t> slidingWindow; // attention window of sliding-window layers, if any

    // Throws CheckpointError naming the file and the key when the file is not a JSON object, a
    // known key has the wrong type or an impossible value, or a size its architecture requires is
    // missing. Unknown keys are ignored: config.json carries many that do not concern the lab.
    // Field names of Llama, Mistral, Qwen2/3, Gemma 1-3 and Phi-3 are read, with GPT-2 style
    // fallbacks (n_embd, n_layer, n_head, n_positions).
    static ModelConfig load(const std::filesystem::path& path);
    static ModelConfig parse(const std::string& text, const std::filesystem::path& pathForErrors);
};

} // namespace complab
