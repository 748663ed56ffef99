#include "recipe/Pipeline.h"

#include "io/CheckpointError.h"
#include "io/GgufCheckpoint.h"
#include "io/GgufWriter.h"
#include "io/SafetensorsWriter.h"
#include "quant/QuantizeJob.h"
#include "recipe/GgufExportMetadata.h"
#include "recipe/LlamaTensorNames.h"
#include "recipe/PipelineStep.h"
#include "util/Units.h"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace complab {

namespace {

// The stored bytes against the source values, decoded a block of rows at a time (no second copy of
// the tensor).
QuantMetrics measureStored(DType type, const std::vector<std::byte>& bytes, const std::vector<float>& original,
    std::uint64_t rows, std::uint64_t columns, double bitsPerWeight)
{
    const auto rowBytes = columns > 0 ? dtypeStorageBytes(type, columns) : std::nullopt;
    if (!rowBytes || rows * columns != original.size() || *rowBytes * rows != bytes.size()) {
        std::vector<float> stored(original.size());
        convertToFloat(type, bytes.data(), stored.size(), stored.data());
        return measureError(original.data(), stored.data(), original.size(), bitsPerWeight);
    }
    const std::uint64_t rowsPerPiece = std::max<std::uint64_t>(1, (std::uint64_t(1) << 18) / columns);
    return accumulateInParallel(rows, rowsPerPiece,
        [&](std::uint64_t begin, std::uint64_t end, QuantMetricsAccumulator& partial) {
            std::vector<float> decoded((end - begin) * columns);
            convertToFloat(type, bytes.data() + begin * *rowBytes, decoded.size(), decoded.data());
            partial.add(original.data() + begin * columns, decoded.data(), decoded.size());
        })
        .finish(bitsPerWeight);
}

bool isPlainFloat(DType type)
{
    return type == DType::F32 || type == DType::F16 || type == DType::BF16;
}

std::vector<std::byte> encode(DType type, const std::vector<float>& values)
{
    std::vector<std::byte> bytes(values.size() * dtypeSize(type));
    convertFromFloat(type, values.data(), values.size(), bytes.data());
    return bytes;
}

// The GGUF type a tensor keeps when it is not quantised.
DType ggufKeptType(const TensorInfo& info)
{
    if (info.shape.size() < 2)
        return DType::F32; // norms and biases stay F32, as llama.cpp's converter keeps them
    return ggmlTypeOf(info.dtype) ? info.dtype : DType::F32;
}

DType denseTypeFor(DenseType dense, DType source)
{
    if (!isFloatingPoint(source) && !isBlockFormat(source))
        return source; // integer tensors are not values to convert
    switch (dense) {
    case DenseType::F16:
        return DType::F16;
    case DenseType::BF16:
        return DType::BF16;
    case DenseType::Original:
        break;
    }
    return isPlainFloat(source) ? source : DType::F32;
}

// The rows are in HF's rotate-half layout unless the checkpoint says otherwise (GGUF and llama2.c
// files hold them interleaved already).
} // namespace

void requireFreeSpace(const std::filesystem::path& target, std::uint64_t bytes)
{
    const auto folder = target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
    std::error_code error;
    const auto space = std::filesystem::space(folder, error);
    if (error)
        throw CheckpointError(folder, "cannot tell how much disk space is free: " + error.message());
    // A little headroom: the file system needs some for itself, and the old file stays until the rename.
    const std::uint64_t needed = bytes + bytes / 100 + (1 << 20);
    if (space.available < needed)
        throw CheckpointError(folder,
            "not enough free disk space: writing " + formatBytes(bytes) + " needs " + formatBytes(needed) + ", "
                + formatBytes(space.available) + " are free");
}

Pipeline::Pipeline(std::shared_ptr<const Checkpoint> checkpoint, Recipe recipe, PipelineOptions options)
    : m_checkpoint(std::move(checkpoint))
    , m_recipe(std::move(recipe))
    , m_options(std::move(options))
{
    const auto extension = m_options.output.extension().string();
    m_gguf = extension == ".gguf";
    if (!m_options.output.empty() && !m_gguf && extension != ".safetensors")
        throw std::invalid_argument("output " + m_options.output.string() + " must end in .gguf or .safetensors");
    std::error_code error;
    if (std::filesystem::exists(m_options.output, error)
        && std::filesystem::equivalent(m_options.output, m_checkpoint->path(), error))
        throw std::invalid_argument(m_options.output.string() + ": refusing to overwrite the input checkpoint");

    if (m_gguf && m_checkpoint->config() && m_checkpoint->config()->ropeScaling
        && m_checkpoint->config()->ropeScaling->type != "linear")
        throw std::invalid_argument(m_checkpoint->path().string() + ": RoPE scaling '"
            + m_checkpoint->config()->ropeScaling->type
            + "' cannot be written to GGUF by the lab (llama.cpp stores it as a rope_freqs tensor); export "
              "safetensors instead");
    // prune -> low-rank -> quantise. A step that cannot run refuses the recipe here, before any writing.
    if (m_recipe.pruning)
        m_steps.push_back(makePruneStep(*m_recipe.pruning, m_recipe.calibration, m_checkpoint));
    if (m_recipe.lowRank)
        m_steps.push_back(makeLowRankStep(*m_recipe.lowRank));

    const bool sourceIsGguf = dynamic_cast<const GgufCheckpoint*>(m_checkpoint.get()) != nullptr;
    const bool rotateHalf = holdsRotateHalfRows(*m_checkpoint);
    const auto& config = m_checkpoint->config();
    const auto& tensors = m_checkpoint->tensors();
    for (std::size_t i = 0; i < tensors.size(); ++i) {
        const auto& info = tensors[i];
        if (!info.supported)
            throw std::invalid_argument("tensor '" + info.name + "' cannot be exported: " + info.unsupportedReason);
        TensorPlan plan;
        plan.sourceIndex = i;
        plan.sourceName = info.name;
        plan.shape = info.shape;
        plan.sourceType = info.dtype;
        std::optional<LlamaTensorName> mapped
            = sourceIsGguf ? std::optional<LlamaTensorName>(LlamaTensorName{info.name}) : llamaCppTensorName(info.name);
        if (mapped)
            plan.llamaCppName = mapped->ggufName;
        if (m_gguf && !mapped)
            throw std::invalid_argument("tensor '" + info.name
                + "' has no llama.cpp name (GGUF export maps Hugging Face Llama names); export to .safetensors "
                  "instead");
        plan.outputName = m_gguf ? plan.llamaCppName : info.name;
        if (m_gguf && mapped->rotary != LlamaTensorName::Rotary::None && rotateHalf) {
            std::optional<std::int64_t> heads;
            if (config)
                heads = mapped->rotary == LlamaTensorName::Rotary::Query || !config->keyValueHeads
                    ? config->attentionHeads
                    : config->keyValueHeads;
            if (!heads)
                throw std::invalid_argument("tensor '" + info.name
                    + "': its rows must be re-ordered for llama.cpp, which needs the head count from config.json");
            plan.rotaryHeads = static_cast<std::size_t>(*heads);
        }
        for (const auto& step : m_steps)
            if (step->appliesTo(info))
                plan.steps.push_back(step->name());

        std::vector<std::string> names{info.name};
        if (!plan.llamaCppName.empty() && plan.llamaCppName != info.name)
            names.push_back(plan.llamaCppName);
        const auto& scheme = m_recipe.schemeFor(names);
        const auto spec = scheme.spec();
        const auto [rows, columns] = matrixShape(info);
        const DType kept = m_gguf ? ggufKeptType(info) : denseTypeFor(m_options.denseType, info.dtype);
        if (!spec)
            plan.keptBecause = "the recipe says keep";
        else if (info.shape.size() < 2)
            plan.keptBecause = "a vector (norms and biases stay as they are)";
        else if (!isFloatingPoint(info.dtype) && !isBlockFormat(info.dtype))
            plan.keptBecause = "not floating-point values";
        else if (const auto problem = spec->whyNotApplicable(rows, columns); !problem.empty())
            plan.keptBecause = problem;
        else
            plan.spec = spec;
        if (plan.spec && m_gguf) {
            const auto type = plan.spec->ggufStorageType();
            if (!type)
                throw std::invalid_argument("tensor '" + info.name + "': scheme " + plan.spec->name()
                    + " has no GGUF type; choose a GGUF scheme (f16, bf16, q8_0 ... q6_k) for it or export to "
                      ".safetensors (dequantised values)");
            plan.storedAs = *type;
        } else {
            plan.storedAs = kept;
        }
        m_plan.push_back(std::move(plan));
    }
}

Pipeline::~Pipeline() = default;

Pipeline::Compressed Pipeline::compress(TensorPlan& plan, std::stop_token stop, bool keepQuantiserInput) const
{
    const auto view = m_checkpoint->tensor(plan.sourceIndex);
    const auto [rows, columns] = matrixShape(view.info());
    Compressed result;
    if (!plan.spec && plan.steps.empty() && plan.storedAs == plan.sourceType) {
        result.bytes.assign(view.bytes().begin(), view.bytes().end());
        return result;
    }
    result.original = view.toFloats();
    const std::vector<float>& original = result.original;
    std::vector<float> values = original;
    if (plan.spec || !plan.steps.empty()) {
        try {
            requireFinite(plan.sourceName, values);
        } catch (const std::invalid_argument& e) {
            throw CheckpointError(m_checkpoint->path(), e.what()); // the message names the tensor
        }
    }
    for (const auto& step : m_steps) {
        throwIfStopped(stop);
        if (step->appliesTo(view.info()))
            step->apply(view.info(), values, rows, columns, stop);
    }
    throwIfStopped(stop);
    if (keepQuantiserInput)
        result.quantiserInput = values;
    std::vector<std::byte>& bytes = result.bytes;
    if (isBlockFormat(plan.storedAs)) {
        bytes = quantizeToBlocks(plan.storedAs, values, rows, columns, stop);
    } else {
        if (plan.spec && !isPlainFloat(plan.spec->ggufStorageType().value_or(DType::F64))) {
            // Simulated quantisation: the scheme's values, stored dense.
            std::vector<float> reconstruction(values.size());
            if (plan.spec->isGgufBlockFormat()) {
                const auto type = *plan.spec->ggufStorageType();
                const auto blocks = quantizeToBlocks(type, values, rows, columns, stop);
                convertToFloat(type, blocks.data(), values.size(), reconstruction.data());
            } else {
                Progress silent;
                quantizeMatrix(*plan.spec, values.data(), rows, columns, reconstruction.data(), silent, stop);
            }
            values = std::move(reconstruction);
        } else if (plan.spec) {
            // f16/bf16 as a scheme: round through it even when stored wider.
            const auto type = *plan.spec->ggufStorageType();
            const auto rounded = encode(type, values);
            convertToFloat(type, rounded.data(), values.size(), values.data());
        }
        bytes = encode(plan.storedAs, values);
    }
    if (plan.spec || !plan.steps.empty()) {
        values = {}; // the quantised values are in `bytes` now
        const double bits
            = plan.spec && !m_gguf ? plan.spec->bitsPerWeight(rows, columns) : dtypeBitsPerWeight(plan.storedAs);
        plan.metrics = measureStored(plan.storedAs, bytes, original, rows, columns, bits);
    }
    return result;
}

TensorPlan Pipeline::measure(std::size_t planIndex, std::stop_token stop) const
{
    if (planIndex >= m_plan.size())
        throw std::invalid_argument("no tensor number " + std::to_string(planIndex) + " in the plan");
    TensorPlan plan = m_plan[planIndex];
    compress(plan, stop, false);
    return plan;
}

std::vector<float> Pipeline::storedValues(std::size_t planIndex, std::stop_token stop) const
{
    if (planIndex >= m_plan.size())
        throw std::invalid_argument("no tensor number " + std::to_string(planIndex) + " in the plan");
    TensorPlan plan = m_plan[planIndex];
    const auto compressed = compress(plan, stop, false);
    if (compressed.original.empty())
        return m_checkpoint->tensor(plan.sourceIndex).toFloats();
    std::vector<float> values(compressed.original.size());
    convertToFloat(plan.storedAs, compressed.bytes.data(), values.size(), values.data());
    return values;
}

Pipeline::StoredValues Pipeline::changedValues(const std::function<bool(const std::string&)>& wanted,
    std::stop_token stop, const std::function<void(std::size_t, std::size_t)>& onTensor) const
{
    StoredValues values;
    for (std::size_t i = 0; i < m_plan.size(); ++i) {
        throwIfStopped(stop);
        const TensorPlan& plan = m_plan[i];
        if ((plan.spec || !plan.steps.empty()) && wanted(plan.sourceName))
            values[plan.sourceName] = std::make_shared<const std::vector<float>>(storedValues(i, stop));
        if (onTensor)
            onTensor(i + 1, m_plan.size());
    }
    return values;
}

std::vector<std::byte> Pipeline::produce(TensorPlan& plan, std::stop_token stop) const
{
    auto bytes = compress(plan, stop, false).bytes;
    if (plan.rotaryHeads > 0) {
        const auto rows = matrixShape(m_checkpoint->tensors()[plan.sourceIndex]).first;
        interleaveRotaryRows(bytes, rows, bytes.size() / rows, plan.rotaryHeads);
    }
    if (m_options.onTensorDone)
        m_options.onTensorDone(plan);
    return bytes;
}

std::vector<TensorPlan> Pipeline::run(Progress& progress, std::stop_token stop)
{
    if (m_options.output.empty())
        throw std::invalid_argument("this pipeline was planned without an output file; it can only preview tensors");
    const auto recipeJson = m_recipe.toJson();
    const auto producer = [&](std::size_t i) { return produce(m_plan[i], stop); };
    if (m_gguf) {
        GgufWriter writer;
        // The file type names what most weights are: the global scheme when it is a GGUF type.
        const auto global = m_recipe.quantization.spec();
        const auto mostly = global && global->ggufStorageType() ? *global->ggufStorageType() : DType::F32;
        LlamaMetadataOptions metadata;
        metadata.name = m_checkpoint->path().parent_path().filename().string();
        metadata.fileType = llamaFileType(mostly);
        metadata.recipeJson = recipeJson;
        addLlamaMetadata(writer, *m_checkpoint, metadata);
        for (const auto& plan : m_plan)
            writer.addTensor(plan.outputName, plan.storedAs, plan.shape);
        requireFreeSpace(m_options.output, writer.fileBytes());
        writer.write(m_options.output, producer, progress, stop);
    } else {
        SafetensorsWriter writer;
        writer.setMetadata("format", "pt");
        writer.setMetadata("compression_lab.recipe", recipeJson);
        std::uint64_t bytes = recipeJson.size();
        for (const auto& plan : m_plan) {
            writer.addTensor(plan.outputName, plan.storedAs, plan.shape);
            bytes += *dtypeStorageBytes(plan.storedAs, m_checkpoint->tensors()[plan.sourceIndex].elementCount());
        }
        requireFreeSpace(m_options.output, bytes);
        writer.write(m_options.output, producer, progress, stop);
    }
    return m_plan;
}

} // namespace complab
