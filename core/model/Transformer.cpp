#include "model/Transformer.h"

#include "model/LinearKernel.h"
#include "recipe/Progress.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace complab {

namespace {

void rmsNorm(const RowMajorMatrix& x, const WeightTensor& weight, double eps, RowMajorMatrix& out)
{
    out.resize(x.rows(), x.cols());
    const auto w = weight.matrix().row(0);
    for (Eigen::Index t = 0; t < x.rows(); ++t) {
        const float meanSquare = x.row(t).squaredNorm() / static_cast<float>(x.cols());
        const float scale = 1.0f / std::sqrt(meanSquare + static_cast<float>(eps));
        out.row(t) = (x.row(t) * scale).cwiseProduct(w);
    }
}

void addBias(RowMajorMatrix& y, const std::optional<WeightTensor>& bias)
{
    if (bias)
        y.rowwise() += bias->matrix().row(0);
}

// Rotates q or k rows (tokens × heads·headDim) for positions firstPosition + t. The angle of pair i
// is position · theta^(−2i/headDim), as in llama2.c's run.c and Hugging Face's LlamaRotaryEmbedding,
// or position · shape.ropeFrequencies[i] when the checkpoint scales RoPE.
void applyRope(RowMajorMatrix& x, std::int64_t heads, const TransformerShape& shape, std::int64_t firstPosition)
{
    const auto headDim = shape.headDim;
    const auto half = headDim / 2;
    std::vector<float> cosines(static_cast<std::size_t>(half));
    std::vector<float> sines(static_cast<std::size_t>(half));
    for (Eigen::Index t = 0; t < x.rows(); ++t) {
        const float position = static_cast<float>(firstPosition + t);
        for (std::int64_t i = 0; i < half; ++i) {
            const float frequency = shape.ropeFrequencies.empty() ? 1.0f
                    / std::pow(
                        static_cast<float>(shape.ropeTheta), static_cast<float>(2 * i) / static_cast<float>(headDim))
                                                                  : shape.ropeFrequencies[static_cast<std::size_t>(i)];
            const float angle = position * frequency;
            cosines[i] = std::cos(angle);
            sines[i] = std::sin(angle);
        }
        float* row = x.row(t).data();
        for (std::int64_t h = 0; h < heads; ++h) {
            float* v = row + h * headDim;
            for (std::int64_t i = 0; i < half; ++i) {
                // Interleaved: (2i, 2i+1) rotate together; half-split: (i, i + headDim/2).
                const auto a = shape.ropeLayout == RopeLayout::Interleaved ? 2 * i : i;
                const auto b = shape.ropeLayout == RopeLayout::Interleaved ? 2 * i + 1 : i + half;
                const float x0 = v[a];
                const float x1 = v[b];
                v[a] = x0 * cosines[i] - x1 * sines[i];
                v[b] = x0 * sines[i] + x1 * cosines[i];
            }
        }
    }
}

// Causal grouped-query attention of the new rows q (tokens × heads·headDim) over the cache rows
// [0, firstPosition + t] of each token t.
void attend(const RowMajorMatrix& q, const RowMajorMatrix& keys, const RowMajorMatrix& values,
    const TransformerShape& shape, std::int64_t firstPosition, RowMajorMatrix& out)
{
    const auto tokens = q.rows();
    const auto headDim = shape.headDim;
    const auto group = shape.heads / shape.kvHeads;
    const float scale = 1.0f / std::sqrt(static_cast<float>(headDim));
    out.resize(tokens, shape.heads * headDim);
    const auto pairs = tokens * shape.heads;
    tbb::parallel_for(tbb::blocked_range<std::int64_t>(0, pairs), [&](const tbb::blocked_range<std::int64_t>& r) {
        std::vector<float> scores;
        for (auto pair = r.begin(); pair != r.end(); ++pair) {
            const auto t = pair / shape.heads;
            const auto h = pair % shape.heads;
            const auto kvOffset = (h / group) * headDim;
            const auto visible = firstPosition + t + 1;
            scores.resize(static_cast<std::size_t>(visible));
            dotRows(q.row(t).data() + h * headDim, keys.data() + kvOffset, keys.cols(), visible, headDim, scale,
                scores.data());
            const float maximum = *std::max_element(scores.begin(), scores.end());
            float sum = 0.0f;
            for (auto& s : scores) {
                s = std::exp(s - maximum);
                sum += s;
            }
            for (auto& s : scores)
                s /= sum;
            accumulateRows(scores.data(), values.data() + kvOffset, values.cols(), visible, headDim,
                out.row(t).data() + h * headDim);
        }
    });
}

} // namespace

Transformer::Transformer(std::shared_ptr<const ModelWeights> weights)
    : m_weights(std::move(weights))
{
    if (!m_weights)
        throw std::invalid_argument("Transformer: no weights");
}

KvCache Transformer::newCache(std::int64_t capacity) const
{
    return KvCache(shape(), capacity > 0 ? capacity : shape().contextLength);
}

RowMajorMatrix Transformer::forward(
    std::span<const std::int32_t> tokens, KvCache& cache, ActivationObserver* observer, bool lastOnly) const
{
    const auto& s = shape();
    const auto count = static_cast<std::int64_t>(tokens.size());
    if (count == 0)
        throw std::invalid_argument("forward: no tokens");
    if (cache.length() + count > cache.capacity())
        throw std::invalid_argument("forward: " + std::to_string(count) + " tokens do not fit in the KV cache ("
            + std::to_string(cache.length()) + " of " + std::to_string(cache.capacity()) + " positions used)");
    for (const auto token : tokens)
        if (token < 0 || token >= s.vocabSize)
            throw std::invalid_argument("forward: token id " + std::to_string(token) + " is outside the vocabulary of "
                + std::to_string(s.vocabSize));
    const auto first = cache.length();
    const auto observe = [&](const WeightTensor& w, const RowMajorMatrix& inputs) {
        if (observer)
            observer->observeLinearInput(w.name, inputs);
    };

    const auto embedding = m_weights->tokenEmbedding().matrix();
    RowMajorMatrix x(count, s.dim);
    for (std::int64_t t = 0; t < count; ++t)
        x.row(t) = embedding.row(tokens[static_cast<std::size_t>(t)]);

    RowMajorMatrix normed, q, k, v, attention, projected, gate, up;
    for (std::size_t l = 0; l < m_weights->layers().size(); ++l) {
        const auto& layer = m_weights->layers()[l];
        rmsNorm(x, layer.attentionNorm, s.rmsNormEps, normed);
        observe(layer.query, normed);
        observe(layer.key, normed);
        observe(layer.value, normed);
        applyLinear(normed, layer.query, q);
        applyLinear(normed, layer.key, k);
        applyLinear(normed, layer.value, v);
        addBias(q, layer.queryBias);
        addBias(k, layer.keyBias);
        addBias(v, layer.valueBias);
        applyRope(q, s.heads, s, first);
        applyRope(k, s.kvHeads, s, first);
        cache.keys(l).middleRows(first, count) = k;
        cache.values(l).middleRows(first, count) = v;
        attend(q, cache.keys(l), cache.values(l), s, first, attention);
        observe(layer.attentionOutput, attention);
        applyLinear(attention, layer.attentionOutput, projected);
        x += projected;

        rmsNorm(x, layer.ffnNorm, s.rmsNormEps, normed);
        observe(layer.gate, normed);
        observe(layer.up, normed);
        applyLinear(normed, layer.gate, gate);
        applyLinear(normed, layer.up, up);
        // SwiGLU: silu(gate) ⊙ up, silu(z) = z / (1 + e^−z).
        gate = gate.array() / (1.0f + (-gate.array()).exp());
        gate.array() *= up.array();
        observe(layer.down, gate);
        applyLinear(gate, layer.down, projected);
        x += projected;
    }
    cache.advance(count);

    if (lastOnly) {
        RowMajorMatrix last = x.bottomRows(1);
        x.swap(last);
    }
    rmsNorm(x, m_weights->finalNorm(), s.rmsNormEps, normed);
    observe(m_weights->classifier(), normed);
    RowMajorMatrix logits;
    applyLinear(normed, m_weights->classifier(), logits);
    return logits;
}

std::vector<std::int32_t> Transformer::generateGreedy(std::span<const std::int32_t> prompt, int count,
    std::span<const std::int32_t> stopTokens, std::stop_token stop) const
{
    if (prompt.empty())
        throw std::invalid_argument("generate: the prompt has no tokens (it needs at least BOS)");
    auto cache
        = newCache(std::min<std::int64_t>(shape().contextLength, static_cast<std::int64_t>(prompt.size()) + count));
    std::vector<std::int32_t> generated;
    RowMajorMatrix logits = forward(prompt, cache, nullptr, true);
    while (static_cast<int>(generated.size()) < count) {
        throwIfStopped(stop);
        Eigen::Index next = 0;
        logits.row(0).maxCoeff(&next);
        const auto token = static_cast<std::int32_t>(next);
        if (std::find(stopTokens.begin(), stopTokens.end(), token) != stopTokens.end())
            break;
        generated.push_back(token);
        if (cache.length() >= cache.capacity())
            break;
        logits = forward(std::span<const std::int32_t>(&token, 1), cache, nullptr, true);
    }
    return generated;
}

} // namespace complab
