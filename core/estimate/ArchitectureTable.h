// Shapes of real open models (layers, heads, KV heads, head dim, vocabulary, sliding window) from
// their published config.json files: what the VRAM estimate needs when a person gives only a size
// ("assuming Llama-3.1-8B-like: 32 layers, 8 KV heads x 128").
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace complab {

struct Architecture
{
    std::string name;
    std::string family;
    double parameters = 0; // total, as published
    double activeParameters = 0; // per token (= parameters unless mixture of experts)
    std::int64_t layers = 0;
    std::int64_t hiddenSize = 0;
    std::int64_t attentionHeads = 0;
    std::int64_t keyValueHeads = 0;
    std::int64_t headDim = 0;
    std::int64_t intermediateSize = 0;
    std::int64_t vocabSize = 0;
    std::int64_t maxContext = 0;
    bool tiedEmbeddings = false;
    std::int64_t slidingWindow = 0; // 0: every layer attends to the whole context
    std::int64_t slidingWindowPattern = 0; // every Nth layer is global; 0: all layers use the window
    std::int64_t experts = 0; // 0: dense
    std::int64_t expertsPerToken = 0;
    std::string source;

    // Layers whose KV cache is limited to the sliding window.
    std::int64_t slidingWindowLayers() const;
    // K and V values per token per layer: KV heads x head dim (not hidden size).
    std::int64_t kvValuesPerTokenPerLayer() const { return keyValueHeads * headDim; }
    // Weights counted from the shape (attention, gated FFN, embeddings), for checks and offload splits.
    double parametersFromShape() const;
    // Token-embedding parameters (vocabulary x hidden).
    double embeddingParameters() const { return static_cast<double>(vocabSize) * static_cast<double>(hiddenSize); }
    // "32 layers, 8 KV heads x 128"
    std::string shapeSummary() const;
};

class ArchitectureTable
{
public:
    // Throws TableError naming fileName, the row and the key.
    static ArchitectureTable parse(std::string_view json, std::string_view fileName);

    const std::vector<Architecture>& rows() const { return m_rows; }
    // Case-insensitive; nullptr when unknown.
    const Architecture* find(std::string_view name) const;
    // The row closest in log(parameters); the first listed wins a tie.
    const Architecture& nearest(double parameters) const;

private:
    std::vector<Architecture> m_rows;
};

ArchitectureTable loadArchitectureTable(const std::filesystem::path& path);
// The table bundled into the library (resources/data/architectures.json at build time).
const ArchitectureTable& defaultArchitectureTable();

} // namespace complab
