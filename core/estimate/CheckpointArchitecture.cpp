#include "estimate/CheckpointArchitecture.h"

namespace complab {

std::optional<Architecture> architectureFromConfig(const ModelConfig& config, double parameters, std::string name)
{
    if (!config.layerCount || !config.hiddenSize || !config.attentionHeads || !config.vocabSize)
        return std::nullopt;
    if (*config.attentionHeads <= 0)
        return std::nullopt;
    Architecture a;
    a.name = std::move(name);
    a.family = config.modelType;
    a.parameters = parameters;
    a.activeParameters = parameters;
    a.layers = *config.layerCount;
    a.hiddenSize = *config.hiddenSize;
    a.attentionHeads = *config.attentionHeads;
    a.keyValueHeads = config.keyValueHeads.value_or(a.attentionHeads);
    a.headDim = config.headDim.value_or(a.hiddenSize / a.attentionHeads);
    a.intermediateSize = config.intermediateSize.value_or(4 * a.hiddenSize);
    a.vocabSize = *config.vocabSize;
    a.maxContext = config.contextLength.value_or(8192);
    a.tiedEmbeddings = config.tiedEmbeddings.value_or(false);
    a.source = "config.json beside the checkpoint";
    if (a.layers <= 0 || a.hiddenSize <= 0 || a.keyValueHeads <= 0 || a.headDim <= 0)
        return std::nullopt;
    return a;
}

} // namespace complab
