// Applies a recipe to a checkpoint and writes the result: per tensor, decode -> prune -> low-rank ->
// quantise (seed 004's order) -> store, one tensor in memory at a time. GGUF output is a complete
// llama.cpp file (llama.cpp tensor names, q/k rows in llama.cpp's layout, metadata and vocabulary);
// safetensors output holds dense values (dequantised) under the source's names, with the recipe in
// __metadata__. The bytes depend only on the input and the recipe, not on the thread count.
#pragma once

#include "io/Checkpoint.h"
#include "quant/QuantMetrics.h"
#include "recipe/Progress.h"
#include "recipe/Recipe.h"

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

namespace complab {

class PipelineStep;

// The dtype of a dense safetensors export.
enum class DenseType { Original, F16, BF16 };

struct TensorPlan;
struct TensorPreview;
struct PreviewOptions;

struct PipelineOptions
{
    // .gguf or .safetensors. Empty: plan only, as for a safetensors export (preview() works, run() refuses).
    std::filesystem::path output;
    DenseType denseType = DenseType::Original; // safetensors only; Original: each tensor's own float type
    // Called on the job's thread after each tensor is produced, in file order, with its plan and
    // metrics: what lets a window fill its table while the export is still running.
    std::function<void(const TensorPlan&)> onTensorDone = nullptr;
};

// What happens to one tensor, decided from the header and the recipe before anything is read.
struct TensorPlan
{
    std::size_t sourceIndex = 0;
    std::string sourceName;
    std::string outputName;
    std::string llamaCppName; // empty when the name has no llama.cpp equivalent
    std::vector<std::int64_t> shape;
    DType sourceType = DType::F32;
    DType storedAs = DType::F32;
    std::optional<QuantSpec> spec; // quantised with this scheme
    std::string keptBecause; // why it was not quantised
    std::size_t rotaryHeads = 0; // > 0: rows re-ordered from HF's rotate-half layout for llama.cpp
    std::vector<std::string> steps; // value-changing steps that apply ("prune", "low-rank")
    std::optional<QuantMetrics> metrics; // after run(): what the file holds vs the source values
};

// Throws CheckpointError (naming the folder) when the file system holding `target` has fewer than
// `bytes` bytes free; checked before every big write.
void requireFreeSpace(const std::filesystem::path& target, std::uint64_t bytes);

class Pipeline
{
public:
    // Plans the export. Throws std::invalid_argument for a recipe/output combination that cannot be
    // written (a scheme GGUF cannot store, a tensor without a llama.cpp name, the output being the
    // input, Wanda or SparseGPT without a calibration text) and CheckpointError for a missing or
    // changed calibration text.
    Pipeline(std::shared_ptr<const Checkpoint> checkpoint, Recipe recipe, PipelineOptions options);
    ~Pipeline();

    const std::vector<TensorPlan>& plan() const { return m_plan; }
    bool writesGguf() const { return m_gguf; }
    // The job: writes the output atomically and returns the plan with metrics. Throws Cancelled when
    // stopped (no file is left), CheckpointError on I/O problems or too little disk space.
    std::vector<TensorPlan> run(Progress& progress, std::stop_token stop);

    // What run() would store for one tensor (plan index), decoded back to floats and summarised for
    // the lab's measured charts; nothing is written. The values are exactly those of the export.
    TensorPreview preview(std::size_t planIndex, const PreviewOptions& options, std::stop_token stop) const;
    // The plan of one tensor with the metrics run() would give it (none for a tensor copied as it
    // is); nothing is written. Throws std::invalid_argument for a bad index, Cancelled when stopped.
    TensorPlan measure(std::size_t planIndex, std::stop_token stop) const;
    // The values run() stores for one tensor, decoded to floats in the source's layout and order (so
    // they can replace the source tensor in a model built from the checkpoint).
    std::vector<float> storedValues(std::size_t planIndex, std::stop_token stop) const;
    // storedValues() of every tensor the recipe changes (quantised, pruned or factorised) that
    // `wanted` accepts, by source name: what a model built from the checkpoint swaps in to run the
    // export's values. onTensor(done, total) follows each plan entry.
    using StoredValues = std::map<std::string, std::shared_ptr<const std::vector<float>>>;
    StoredValues changedValues(const std::function<bool(const std::string& sourceName)>& wanted, std::stop_token stop,
        const std::function<void(std::size_t done, std::size_t total)>& onTensor = {}) const;

private:
    struct Compressed
    {
        std::vector<float> original; // empty when the tensor is copied unchanged
        std::vector<float> quantiserInput; // after prune and low rank (kept when asked)
        std::vector<std::byte> bytes; // as stored, before any row re-ordering for llama.cpp
    };
    Compressed compress(TensorPlan& plan, std::stop_token stop, bool keepQuantiserInput) const;
    std::vector<std::byte> produce(TensorPlan& plan, std::stop_token stop) const;

    std::shared_ptr<const Checkpoint> m_checkpoint;
    Recipe m_recipe;
    PipelineOptions m_options;
    bool m_gguf = false;
    std::vector<std::unique_ptr<PipelineStep>> m_steps;
    std::vector<TensorPlan> m_plan;
};

} // namespace complab
