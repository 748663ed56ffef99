// VRAM needed to run a model, architecture-aware, term by term: weights + KV cache + activations
// (the compute buffer) + runtime overhead, under a runtime profile.
//
// KV cache (both profiles): 2 (K and V) x layers x KV heads x head dim x cells x bytes per element,
// where cells = context x batch, and layers with a sliding window keep only window cells. Using
// hidden size instead of KV heads x head dim would overstate Llama-3-8B's cache 4x (32 vs 8 heads).
//
// first-order (the seed simulator): weights = disk bytes; activations = batch x context x hidden x
// 4 bytes (one F32 hidden state per token in context); no runtime overhead. For 8B INT4 at 8K on a
// Llama-3.1-8B shape: 4.000 + 1.074 + 0.134 = 5.21 GB, shown as the seed's "5.2 GB".
//
// llama.cpp (read from its logs and ggml-alloc's behaviour; sources in docs/estimator.md):
// * cells = context x batch rounded up to 256; sliding-window layers (Gemma 2/3) keep
//   min(cells, window x batch + micro-batch) cells, rounded up to 256;
// * weights: the token-embedding table stays in host RAM ("CPU buffer size = 281.81 MiB" for
//   Llama-3-8B Q4_K_M); a tied output head is duplicated onto the GPU;
// * compute buffer: ggml-alloc reuses memory between ops, so the buffer is the largest single
//   working set, over n_kv = cells and n_ub = min(micro-batch 512, cells):
//     attention, no flash attention: F32 scores [n_kv x n_ub x heads] + F32 mask [n_kv x n_ub]
//                                    + 4 F32 hidden-state tensors [hidden x n_ub]
//     attention, flash attention:    F16 mask [n_kv x n_ub] + 4 F32 hidden-state tensors
//     feed-forward:                  2 F32 [intermediate x experts-per-token x n_ub] + 2 F32 [hidden x n_ub]
//     output:                        F32 logits [vocab x n_ub] + F32 [hidden x n_ub]
//   Llama-3-8B, 8192 cells, no FA: 512 + 16 + 32 = 560 MiB; 512 cells: logits 250.5 + 8 = 258.5 MiB
//   (both exactly as llama.cpp logs them). Multi-GPU: one compute buffer per device;
// * host side (RAM, not VRAM): embeddings, host compute buffer (mask + input embeddings) and the
//   output buffer (vocab x 4 bytes per sequence);
// * runtime overhead: per device, from the constants (CUDA/ROCm context and BLAS workspaces).
#pragma once

#include "estimate/ArchitectureTable.h"
#include "estimate/EstimatorConstants.h"
#include "estimate/QuantScheme.h"
#include "estimate/RuntimeProfile.h"

#include <cstdint>

namespace complab {

struct VramInput
{
    const Architecture* architecture = nullptr;
    double weightBytes = 0; // the model's weights at their bits per weight (disk bytes)
    std::int64_t context = 8192; // tokens per sequence
    std::int64_t batch = 1; // concurrent sequences
    KvCacheType kvType = KvCacheType::F16;
    RuntimeProfile runtime = RuntimeProfile::LlamaCpp;
    bool flashAttention = false;
    std::int64_t microBatch = 512; // llama.cpp n_ubatch
    Backend backend = Backend::Cuda;
    std::int64_t devices = 1;
};

struct VramBreakdown
{
    double weightBytes = 0;
    double kvCacheBytes = 0;
    double activationBytes = 0; // first-order activations, or llama.cpp compute buffers
    double runtimeOverheadBytes = 0;
    double hostBytes = 0; // RAM beside the GPU (llama.cpp: embeddings, host buffers)

    double totalBytes() const { return weightBytes + kvCacheBytes + activationBytes + runtimeOverheadBytes; }
};

// KV cells each layer holds under a profile (llama.cpp pads to 256).
std::int64_t kvCells(std::int64_t context, std::int64_t batch, RuntimeProfile runtime);
double kvCacheBytes(const Architecture& architecture, std::int64_t context, std::int64_t batch, KvCacheType kvType,
    RuntimeProfile runtime = RuntimeProfile::FirstOrder, std::int64_t microBatch = 512);
double firstOrderActivationBytes(
    const Architecture& architecture, std::int64_t context, std::int64_t batch, const EstimatorConstants& constants);
// One device's compute buffer, for cells = n_kv.
double llamaCppComputeBufferBytes(
    const Architecture& architecture, std::int64_t cells, std::int64_t microBatch, bool flashAttention);
double runtimeOverheadBytes(Backend backend, const EstimatorConstants& constants);
// Share of the weights in the token-embedding table (llama.cpp keeps it in host RAM).
double embeddingShare(const Architecture& architecture);

VramBreakdown estimateVram(const VramInput& input, const EstimatorConstants& constants);

} // namespace complab
