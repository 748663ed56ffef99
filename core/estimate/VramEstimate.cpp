#include "estimate/VramEstimate.h"

#include <algorithm>

namespace complab {

namespace {

constexpr std::int64_t llamaCppCellPadding = 256;

std::int64_t roundUp(std::int64_t value, std::int64_t multiple)
{
    return (value + multiple - 1) / multiple * multiple;
}

double toDouble(std::int64_t value)
{
    return static_cast<double>(value);
}

} // namespace

std::int64_t kvCells(std::int64_t context, std::int64_t batch, RuntimeProfile runtime)
{
    const std::int64_t cells = context * batch;
    return runtime == RuntimeProfile::LlamaCpp ? roundUp(cells, llamaCppCellPadding) : cells;
}

double kvCacheBytes(const Architecture& architecture, std::int64_t context, std::int64_t batch, KvCacheType kvType,
    RuntimeProfile runtime, std::int64_t microBatch)
{
    const std::int64_t cells = kvCells(context, batch, runtime);
    std::int64_t windowCells = cells;
    if (architecture.slidingWindow > 0) {
        windowCells = architecture.slidingWindow * batch;
        if (runtime == RuntimeProfile::LlamaCpp)
            windowCells = roundUp(windowCells + microBatch, llamaCppCellPadding);
        windowCells = std::min(windowCells, cells);
    }
    const std::int64_t slidingLayers = architecture.slidingWindowLayers();
    const std::int64_t globalLayers = architecture.layers - slidingLayers;
    const double layerCells
        = toDouble(globalLayers) * toDouble(cells) + toDouble(slidingLayers) * toDouble(windowCells);
    return 2.0 * layerCells * toDouble(architecture.kvValuesPerTokenPerLayer())
        * kvCacheTypeInfo(kvType).bytesPerElement;
}

double firstOrderActivationBytes(
    const Architecture& architecture, std::int64_t context, std::int64_t batch, const EstimatorConstants& constants)
{
    return toDouble(batch) * toDouble(context) * toDouble(architecture.hiddenSize)
        * constants.firstOrderActivationBytesPerValue;
}

double llamaCppComputeBufferBytes(
    const Architecture& architecture, std::int64_t cells, std::int64_t microBatch, bool flashAttention)
{
    const double nKv = toDouble(cells);
    const double nUb = toDouble(std::min(microBatch, cells));
    const double hidden
        = toDouble(std::max(architecture.hiddenSize, architecture.attentionHeads * architecture.headDim));
    const double hiddenStates = 4.0 * 4.0 * hidden * nUb;
    // The KQ mask is a graph input, F32 [n_kv, n_ubatch], live through every layer; flash attention
    // casts it to F16 once, so at the cast both copies are live and afterwards only the F16 one.
    const double maskF32 = 4.0 * nKv * nUb;
    const double liveMask = flashAttention ? 0.5 * maskF32 : maskF32;
    const double attention = flashAttention
        ? 1.5 * maskF32 + hiddenStates
        : 4.0 * nKv * nUb * toDouble(architecture.attentionHeads) + maskF32 + hiddenStates;
    // The feed-forward block holds gate, up and their product ([n_ff, n_ubatch] F32 each) beside three
    // hidden-sized tensors (residual, its norm, the attention output) and the mask.
    const double expertsPerToken = toDouble(std::max<std::int64_t>(architecture.expertsPerToken, 1));
    const double feedForward = 3.0 * 4.0 * toDouble(architecture.intermediateSize) * expertsPerToken * nUb
        + 3.0 * 4.0 * toDouble(architecture.hiddenSize) * nUb + liveMask;
    const double output = 4.0 * toDouble(architecture.vocabSize) * nUb + 4.0 * toDouble(architecture.hiddenSize) * nUb;
    return std::max({attention, feedForward, output});
}

double runtimeOverheadBytes(Backend backend, const EstimatorConstants& constants)
{
    switch (backend) {
    case Backend::Cuda:
        return constants.runtimeOverheadCudaBytes;
    case Backend::Rocm:
        return constants.runtimeOverheadRocmBytes;
    case Backend::Metal:
        return constants.runtimeOverheadMetalBytes;
    case Backend::Cpu:
        return 0.0;
    }
    return 0.0;
}

double embeddingShare(const Architecture& architecture)
{
    if (architecture.parameters <= 0.0)
        return 0.0;
    return std::clamp(architecture.embeddingParameters() / architecture.parameters, 0.0, 0.5);
}

VramBreakdown estimateVram(const VramInput& input, const EstimatorConstants& constants)
{
    const Architecture& architecture = *input.architecture;
    VramBreakdown vram;
    if (input.runtime == RuntimeProfile::FirstOrder) {
        vram.weightBytes = input.weightBytes;
        vram.kvCacheBytes = kvCacheBytes(architecture, input.context, input.batch, input.kvType, input.runtime);
        vram.activationBytes = firstOrderActivationBytes(architecture, input.context, input.batch, constants);
        return vram;
    }

    const double embeddingBytes = input.weightBytes * embeddingShare(architecture);
    // The output head is a separate tensor, or a GPU copy of the tied embedding table.
    vram.weightBytes = input.weightBytes - embeddingBytes + (architecture.tiedEmbeddings ? embeddingBytes : 0.0);
    vram.kvCacheBytes
        = kvCacheBytes(architecture, input.context, input.batch, input.kvType, input.runtime, input.microBatch);
    const std::int64_t cells = kvCells(input.context, input.batch, input.runtime);
    const double devices = toDouble(std::max<std::int64_t>(input.devices, 1));
    const double computeBuffer
        = llamaCppComputeBufferBytes(architecture, cells, input.microBatch, input.flashAttention);
    const double nUb = toDouble(std::min(input.microBatch, cells));
    const double hidden = toDouble(architecture.hiddenSize);
    const double hostComputeBuffer = (input.flashAttention ? 2.0 : 4.0) * toDouble(cells) * nUb + 4.0 * hidden * nUb;
    const double outputBuffer = 4.0 * toDouble(architecture.vocabSize) * toDouble(input.batch);

    if (input.backend == Backend::Cpu) {
        // Everything lives in RAM: the embedding table counts with the weights.
        vram.weightBytes = input.weightBytes;
        vram.activationBytes = computeBuffer;
        vram.hostBytes = outputBuffer;
        return vram;
    }
    vram.activationBytes = computeBuffer * devices;
    vram.runtimeOverheadBytes = runtimeOverheadBytes(input.backend, constants) * devices;
    vram.hostBytes = embeddingBytes + hostComputeBuffer + outputBuffer;
    return vram;
}

} // namespace complab
