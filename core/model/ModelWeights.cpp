#include "model/ModelWeights.h"

#include "io/CheckpointError.h"

#include <tbb/parallel_for.h>

#include <cmath>
#include <stdexcept>

namespace complab {

namespace {

// Checkpoint tensor names of one model layout (Hugging Face / llama2.c vs llama.cpp's GGUF names).
struct NameScheme
{
    std::string embedding, finalNorm, classifier;
    std::string layerPrefix; // "model.layers." or "blk."
    std::string attentionNorm, query, key, value, attentionOutput, queryBias, keyBias, valueBias;
    std::string ffnNorm, gate, up, down;
};

NameScheme huggingFaceNames()
{
    return {"model.embed_tokens.weight", "model.norm.weight", "lm_head.weight", "model.layers.",
        "input_layernorm.weight", "self_attn.q_proj.weight", "self_attn.k_proj.weight", "self_attn.v_proj.weight",
        "self_attn.o_proj.weight", "self_attn.q_proj.bias", "self_attn.k_proj.bias", "self_attn.v_proj.bias",
        "post_attention_layernorm.weight", "mlp.gate_proj.weight", "mlp.up_proj.weight", "mlp.down_proj.weight"};
}

NameScheme ggufNames()
{
    return {"token_embd.weight", "output_norm.weight", "output.weight", "blk.", "attn_norm.weight", "attn_q.weight",
        "attn_k.weight", "attn_v.weight", "attn_output.weight", "attn_q.bias", "attn_k.bias", "attn_v.bias",
        "ffn_norm.weight", "ffn_gate.weight", "ffn_up.weight", "ffn_down.weight"};
}

class Loader
{
public:
    Loader(const Checkpoint& checkpoint)
        : m_checkpoint(checkpoint)
    { }

    bool has(const std::string& name) const { return m_checkpoint.indexOf(name).has_value(); }

    // Records a tensor to decode; its shape is checked now, its values are read by decodeAll().
    WeightTensor want(const std::string& name, std::int64_t rows, std::int64_t columns, bool oneDimensional = false)
    {
        const auto index = m_checkpoint.indexOf(name);
        if (!index)
            throw CheckpointError(m_checkpoint.path(), name, "missing: the forward pass needs this tensor");
        const auto& info = m_checkpoint.tensors()[*index];
        const std::vector<std::int64_t> expected
            = oneDimensional ? std::vector<std::int64_t>{columns} : std::vector<std::int64_t>{rows, columns};
        if (info.shape != expected) {
            TensorInfo wanted;
            wanted.shape = expected;
            throw CheckpointError(m_checkpoint.path(), name,
                "has shape " + info.shapeString() + " but the model config needs " + wanted.shapeString());
        }
        if (!info.supported)
            throw CheckpointError(m_checkpoint.path(), name, "cannot be read as numbers: " + info.unsupportedReason);
        m_pending.push_back(*index);
        return WeightTensor{name, rows, columns, nullptr};
    }

    // Decodes every wanted tensor in parallel and fills the values of `targets` by name.
    void decodeAll(const std::vector<WeightTensor*>& targets)
    {
        std::vector<std::shared_ptr<const std::vector<float>>> decoded(m_pending.size());
        tbb::parallel_for(std::size_t(0), m_pending.size(), [&](std::size_t i) {
            decoded[i] = std::make_shared<const std::vector<float>>(m_checkpoint.tensor(m_pending[i]).toFloats());
        });
        std::map<std::string, std::shared_ptr<const std::vector<float>>> byName;
        for (std::size_t i = 0; i < m_pending.size(); ++i)
            byName[m_checkpoint.tensors()[m_pending[i]].name] = decoded[i];
        for (auto* target : targets)
            target->values = byName.at(target->name);
    }

private:
    const Checkpoint& m_checkpoint;
    std::vector<std::size_t> m_pending;
};

std::int64_t requireField(const Checkpoint& checkpoint, const std::optional<std::int64_t>& value, const char* field)
{
    if (!value || *value <= 0)
        throw CheckpointError(
            checkpoint.path(), std::string("the model config has no '") + field + "', which the forward pass needs");
    return *value;
}

} // namespace

std::vector<float> ropeFrequencies(
    std::int64_t headDim, double theta, const std::optional<ModelConfig::RopeScaling>& scaling)
{
    const auto half = headDim / 2;
    std::vector<float> frequencies(static_cast<std::size_t>(half));
    for (std::int64_t i = 0; i < half; ++i) // the same float expression as the unscaled forward pass
        frequencies[static_cast<std::size_t>(i)]
            = 1.0f / std::pow(static_cast<float>(theta), static_cast<float>(2 * i) / static_cast<float>(headDim));
    if (!scaling)
        return frequencies;
    if (scaling->type == "linear") {
        for (auto& frequency : frequencies)
            frequency = static_cast<float>(frequency / scaling->factor);
        return frequencies;
    }
    if (scaling->type != "llama3")
        throw std::invalid_argument("rope_scaling type '" + scaling->type
            + "' is not one the forward pass implements (linear, llama3); the tensor measurements still work");
    constexpr double pi = 3.14159265358979323846;
    const double original = static_cast<double>(scaling->originalContext);
    const double lowFrequencyWavelength = original / scaling->lowFreqFactor;
    const double highFrequencyWavelength = original / scaling->highFreqFactor;
    for (auto& frequency : frequencies) {
        const double f = frequency;
        const double wavelength = 2.0 * pi / f;
        if (wavelength < highFrequencyWavelength)
            continue;
        if (wavelength > lowFrequencyWavelength) {
            frequency = static_cast<float>(f / scaling->factor);
            continue;
        }
        const double smooth
            = (original / wavelength - scaling->lowFreqFactor) / (scaling->highFreqFactor - scaling->lowFreqFactor);
        frequency = static_cast<float>((1.0 - smooth) * f / scaling->factor + smooth * f);
    }
    return frequencies;
}

std::shared_ptr<const ModelWeights> ModelWeights::load(const Checkpoint& checkpoint)
{
    if (!checkpoint.config())
        throw CheckpointError(checkpoint.path(),
            "no model config (config.json beside the weights, or GGUF metadata): the forward pass needs the "
            "architecture");
    const auto& config = *checkpoint.config();
    const bool gguf = checkpoint.formatName().rfind("GGUF", 0) == 0;
    const std::string type = config.modelType;
    if (gguf ? type != "llama" : (type != "llama" && type != "mistral" && type != "qwen2" && !type.empty()))
        throw CheckpointError(checkpoint.path(),
            "architecture '" + type + "' is not one the forward pass runs ("
                + (gguf ? "GGUF: llama" : "llama, mistral, qwen2") + ")");

    auto weights = std::shared_ptr<ModelWeights>(new ModelWeights());
    weights->m_sourcePath = checkpoint.path();
    weights->m_formatName = checkpoint.formatName();
    TransformerShape& shape = weights->m_shape;
    shape.dim = requireField(checkpoint, config.hiddenSize, "hidden_size");
    shape.hiddenDim = requireField(checkpoint, config.intermediateSize, "intermediate_size");
    shape.layers = requireField(checkpoint, config.layerCount, "num_hidden_layers");
    shape.heads = requireField(checkpoint, config.attentionHeads, "num_attention_heads");
    shape.kvHeads = config.keyValueHeads.value_or(shape.heads);
    shape.headDim = config.headDim.value_or(shape.dim / shape.heads);
    shape.vocabSize = requireField(checkpoint, config.vocabSize, "vocab_size");
    shape.contextLength = requireField(checkpoint, config.contextLength, "max_position_embeddings");
    // Sliding-window attention (Mistral) equals full attention for windows no longer than the
    // slide, so evaluation windows are kept that short instead of masking.
    if (config.slidingWindow && *config.slidingWindow > 0 && *config.slidingWindow < shape.contextLength)
        shape.contextLength = *config.slidingWindow;
    shape.rmsNormEps = config.rmsNormEps.value_or(1e-5);
    shape.ropeTheta = config.ropeTheta.value_or(10000.0);
    if (config.ropeScaling) {
        try {
            shape.ropeFrequencies = ropeFrequencies(shape.headDim, shape.ropeTheta, config.ropeScaling);
        } catch (const std::invalid_argument& e) {
            throw CheckpointError(checkpoint.path(), e.what());
        }
    }
    if (checkpoint.indexOf("rope_freqs.weight"))
        throw CheckpointError(checkpoint.path(), "rope_freqs.weight",
            "per-frequency RoPE factors (llama.cpp's form of Llama 3.1 scaling) are not applied by the forward "
            "pass; open the Hugging Face folder (config.json rope_scaling) instead");
    if (shape.kvHeads <= 0 || shape.heads % shape.kvHeads != 0)
        throw CheckpointError(checkpoint.path(),
            "num_attention_heads " + std::to_string(shape.heads) + " is not a multiple of num_key_value_heads "
                + std::to_string(shape.kvHeads));
    if (shape.headDim <= 0 || shape.headDim % 2 != 0)
        throw CheckpointError(checkpoint.path(), "head dimension " + std::to_string(shape.headDim) + " is not even");
    // llama2.c and GGUF keep Meta's interleaved q/k rows; HF checkpoints are permuted for rotate-half.
    const auto layout = checkpoint.metadata().find("rope_layout");
    shape.ropeLayout = gguf || (layout != checkpoint.metadata().end() && layout->second == "interleaved")
        ? RopeLayout::Interleaved
        : RopeLayout::HalfSplit;

    const NameScheme names = gguf ? ggufNames() : huggingFaceNames();
    Loader loader(checkpoint);
    const auto qRows = shape.heads * shape.headDim;
    const auto kvRows = shape.kvHeads * shape.headDim;
    weights->m_tokenEmbedding = loader.want(names.embedding, shape.vocabSize, shape.dim);
    for (std::int64_t l = 0; l < shape.layers; ++l) {
        const std::string prefix = names.layerPrefix + std::to_string(l) + ".";
        LayerWeights layer;
        layer.attentionNorm = loader.want(prefix + names.attentionNorm, 1, shape.dim, true);
        layer.query = loader.want(prefix + names.query, qRows, shape.dim);
        layer.key = loader.want(prefix + names.key, kvRows, shape.dim);
        layer.value = loader.want(prefix + names.value, kvRows, shape.dim);
        layer.attentionOutput = loader.want(prefix + names.attentionOutput, shape.dim, qRows);
        if (loader.has(prefix + names.queryBias)) {
            layer.queryBias = loader.want(prefix + names.queryBias, 1, qRows, true);
            layer.keyBias = loader.want(prefix + names.keyBias, 1, kvRows, true);
            layer.valueBias = loader.want(prefix + names.valueBias, 1, kvRows, true);
        }
        layer.ffnNorm = loader.want(prefix + names.ffnNorm, 1, shape.dim, true);
        layer.gate = loader.want(prefix + names.gate, shape.hiddenDim, shape.dim);
        layer.up = loader.want(prefix + names.up, shape.hiddenDim, shape.dim);
        layer.down = loader.want(prefix + names.down, shape.dim, shape.hiddenDim);
        weights->m_layers.push_back(std::move(layer));
    }
    weights->m_finalNorm = loader.want(names.finalNorm, 1, shape.dim, true);
    const bool hasClassifier = loader.has(names.classifier);
    weights->m_tiedClassifier = config.tiedEmbeddings.value_or(!hasClassifier);
    if (!weights->m_tiedClassifier)
        weights->m_classifier = loader.want(names.classifier, shape.vocabSize, shape.dim);
    loader.decodeAll(weights->allTensors());
    return weights;
}

std::vector<WeightTensor*> ModelWeights::allTensors()
{
    std::vector<WeightTensor*> all{&m_tokenEmbedding};
    for (auto& layer : m_layers) {
        for (auto* t : {&layer.attentionNorm, &layer.query, &layer.key, &layer.value, &layer.attentionOutput,
                 &layer.ffnNorm, &layer.gate, &layer.up, &layer.down})
            all.push_back(t);
        for (auto* bias : {&layer.queryBias, &layer.keyBias, &layer.valueBias})
            if (*bias)
                all.push_back(&**bias);
    }
    all.push_back(&m_finalNorm);
    if (!m_tiedClassifier)
        all.push_back(&m_classifier);
    return all;
}

std::shared_ptr<const ModelWeights> ModelWeights::withOverrides(const Overrides& overrides) const
{
    auto copy = std::shared_ptr<ModelWeights>(new ModelWeights(*this));
    const auto tensors = copy->allTensors();
    for (const auto& [name, values] : overrides) {
        WeightTensor* target = nullptr;
        for (auto* t : tensors)
            if (t->name == name)
                target = t;
        if (!target)
            throw std::invalid_argument("override for tensor '" + name + "': the model has no tensor of this name");
        if (!values || values->size() != static_cast<std::size_t>(target->elementCount()))
            throw std::invalid_argument("override for tensor '" + name
                + "': " + std::to_string(values ? values->size() : 0) + " values given, the tensor has "
                + std::to_string(target->elementCount()));
        target->values = values;
    }
    return copy;
}

std::shared_ptr<const ModelWeights> ModelWeights::transformed(const Transform& transform) const
{
    Overrides overrides;
    for (const auto& name : linearTensorNames())
        if (auto values = transform(*find(name)))
            overrides[name] = std::move(values);
    return withOverrides(overrides);
}

std::vector<std::string> ModelWeights::linearTensorNames() const
{
    std::vector<std::string> names;
    for (const auto& layer : m_layers)
        for (const auto* t :
            {&layer.query, &layer.key, &layer.value, &layer.attentionOutput, &layer.gate, &layer.up, &layer.down})
            names.push_back(t->name);
    names.push_back(m_tokenEmbedding.name);
    if (!m_tiedClassifier)
        names.push_back(m_classifier.name);
    return names;
}

const WeightTensor* ModelWeights::find(const std::string& name) const
{
    for (auto* t : const_cast<ModelWeights*>(this)->allTensors())
        if (t->name == name)
            return t;
    return nullptr;
}

int ModelWeights::layerOf(const std::string& name) const
{
    for (std::size_t l = 0; l < m_layers.size(); ++l) {
        const auto& layer = m_layers[l];
        for (const auto* t : {&layer.attentionNorm, &layer.query, &layer.key, &layer.value, &layer.attentionOutput,
                 &layer.ffnNorm, &layer.gate, &layer.up, &layer.down})
            if (t->name == name)
                return static_cast<int>(l);
    }
    return -1;
}

} // namespace complab
