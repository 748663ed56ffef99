// The weights of a Llama-family decoder as the forward pass reads them, decoded to float from any
// checkpoint the lab opens (llama2.c .bin, Hugging Face safetensors + config.json, GGUF "llama"),
// each tensor kept under its checkpoint name. Compressed variants are made by swapping in new
// values for some tensors (quantised, pruned, low-rank) while sharing every other tensor.
#pragma once

#include "io/Checkpoint.h"

#include <Eigen/Core>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace complab {

using RowMajorMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// One tensor as floats, row-major [rows, columns] exactly as the checkpoint lays it out (PyTorch
// [out, in] for linear weights; 1-D tensors have rows = 1). The values are shared, never written.
struct WeightTensor
{
    std::string name; // the checkpoint's tensor name
    std::int64_t rows = 0;
    std::int64_t columns = 0;
    std::shared_ptr<const std::vector<float>> values;

    Eigen::Map<const RowMajorMatrix> matrix() const { return {values->data(), rows, columns}; }
    const float* data() const { return values->data(); }
    std::int64_t elementCount() const { return rows * columns; }
};

// How q/k rows pair up for rotary embeddings: llama2.c and GGUF rotate adjacent pairs (2i, 2i+1);
// Hugging Face checkpoints have the rows of each head permuted so that element i pairs with
// i + headDim/2 ("rotate half"). The forward pass implements both, so no tensor is rewritten.
enum class RopeLayout : std::uint8_t { Interleaved, HalfSplit };

struct TransformerShape
{
    std::int64_t dim = 0;
    std::int64_t hiddenDim = 0;
    std::int64_t layers = 0;
    std::int64_t heads = 0;
    std::int64_t kvHeads = 0;
    std::int64_t headDim = 0;
    std::int64_t vocabSize = 0;
    std::int64_t contextLength = 0;
    double rmsNormEps = 1e-5;
    double ropeTheta = 10000.0;
    RopeLayout ropeLayout = RopeLayout::Interleaved;
    // The rotary frequency of each pair (headDim / 2): theta^(−2i/headDim), stretched by the
    // checkpoint's RoPE scaling when it has one. Empty: unscaled, computed from ropeTheta.
    std::vector<float> ropeFrequencies;
};

// theta^(−2i/headDim) for i < headDim/2, then the scaling: "linear" divides every frequency by the
// factor; "llama3" (as Hugging Face's _compute_llama3_parameters) divides those whose wavelength
// 2π/f exceeds original/low_freq_factor, keeps those below original/high_freq_factor, and blends
// linearly in 1/wavelength between. Throws std::invalid_argument for another scaling type.
std::vector<float> ropeFrequencies(
    std::int64_t headDim, double theta, const std::optional<ModelConfig::RopeScaling>& scaling);

struct LayerWeights
{
    WeightTensor attentionNorm, query, key, value, attentionOutput;
    std::optional<WeightTensor> queryBias, keyBias, valueBias; // Qwen2 (and some Mistral ports)
    WeightTensor ffnNorm, gate, up, down;
};

class ModelWeights
{
public:
    // Replacement values by checkpoint tensor name; each must have the tensor's element count.
    using Overrides = std::map<std::string, std::shared_ptr<const std::vector<float>>>;

    // Decodes every tensor the forward pass needs (block formats via TensorView::toFloat). Throws
    // CheckpointError naming the file and the missing tensor or config field, or the wrong shape.
    static std::shared_ptr<const ModelWeights> load(const Checkpoint& checkpoint);

    // A variant with some tensors replaced; all others are shared with this one (no copy). Throws
    // std::invalid_argument for an unknown name or a wrong element count.
    std::shared_ptr<const ModelWeights> withOverrides(const Overrides& overrides) const;
    // A variant where `transform` (name, original) may return new values for a tensor, or nullptr
    // to keep it; applied to the tensors listed by linearTensorNames() (the seam for pruning and
    // low-rank sweeps as well as quantisation).
    using Transform = std::function<std::shared_ptr<const std::vector<float>>(const WeightTensor&)>;
    std::shared_ptr<const ModelWeights> transformed(const Transform& transform) const;

    const TransformerShape& shape() const { return m_shape; }
    const WeightTensor& tokenEmbedding() const { return m_tokenEmbedding; }
    const std::vector<LayerWeights>& layers() const { return m_layers; }
    const WeightTensor& finalNorm() const { return m_finalNorm; }
    // The output head: the token embedding itself when the checkpoint ties them.
    const WeightTensor& classifier() const { return m_tiedClassifier ? m_tokenEmbedding : m_classifier; }
    bool tiedClassifier() const { return m_tiedClassifier; }

    // Checkpoint names of every 2-D weight (the tensors compression acts on), in forward order:
    // per layer q, k, v, o, gate, up, down; then the embedding and (if separate) the classifier.
    std::vector<std::string> linearTensorNames() const;
    // nullptr when no tensor of this name is used by the model.
    const WeightTensor* find(const std::string& name) const;
    // Layer index of a tensor name (-1 for the embedding, classifier, final norm).
    int layerOf(const std::string& name) const;

    const std::filesystem::path& sourcePath() const { return m_sourcePath; }
    std::string formatName() const { return m_formatName; }

private:
    ModelWeights() = default;
    std::vector<WeightTensor*> allTensors();

    TransformerShape m_shape;
    WeightTensor m_tokenEmbedding;
    std::vector<LayerWeights> m_layers;
    WeightTensor m_finalNorm;
    WeightTensor m_classifier;
    bool m_tiedClassifier = true;
    std::filesystem::path m_sourcePath;
    std::string m_formatName;
};

} // namespace complab
