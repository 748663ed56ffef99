// The Llama-family decoder forward pass: token embedding, RMSNorm, rotary embeddings (interleaved
// or rotate-half), grouped-query attention over a KV cache, SwiGLU MLP, output head. Prompts run as
// matrix-matrix products, generation one token at a time; both parallel with oneTBB. The model is
// whatever ModelWeights it is given, so a compressed variant runs exactly like the original.
#pragma once

#include "model/ActivationObserver.h"
#include "model/KvCache.h"
#include "model/ModelWeights.h"

#include <cstdint>
#include <memory>
#include <span>
#include <stop_token>
#include <vector>

namespace complab {

class Transformer
{
public:
    // Throws std::invalid_argument for a null pointer.
    explicit Transformer(std::shared_ptr<const ModelWeights> weights);

    const ModelWeights& weights() const { return *m_weights; }
    const std::shared_ptr<const ModelWeights>& sharedWeights() const { return m_weights; }
    const TransformerShape& shape() const { return m_weights->shape(); }

    // A cache for `capacity` positions (0: the model's context length).
    KvCache newCache(std::int64_t capacity = 0) const;

    // Runs `tokens` at positions cache.length() … and appends their keys and values to the cache.
    // Returns logits [tokens, vocab] (row t is the prediction after token t), or only the last row
    // when lastOnly. Throws std::invalid_argument for a token id outside the vocabulary or when the
    // cache has no room; the cache is unchanged then. Safe to call concurrently with distinct caches.
    RowMajorMatrix forward(std::span<const std::int32_t> tokens, KvCache& cache, ActivationObserver* observer = nullptr,
        bool lastOnly = false) const;

    // Greedy decoding: the prompt, then up to `count` tokens each the argmax of the previous logits;
    // stops early after producing any of `stopTokens` (not included) or when the context is full.
    // Returns only the generated tokens. Throws Cancelled when stopped.
    std::vector<std::int32_t> generateGreedy(std::span<const std::int32_t> prompt, int count,
        std::span<const std::int32_t> stopTokens = {}, std::stop_token stop = {}) const;

private:
    std::shared_ptr<const ModelWeights> m_weights;
};

} // namespace complab
