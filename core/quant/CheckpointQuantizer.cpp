#include "quant/CheckpointQuantizer.h"

#include "io/CheckpointError.h"
#include "io/GgufCheckpoint.h"
#include "io/GgufWriter.h"
#include "io/SafetensorsWriter.h"
#include "quant/GgufQuantize.h"
#include "quant/QuantizeJob.h"
#include "tensor/GgufBlocks.h"

#include <Eigen/Core>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <span>
#include <stdexcept>

namespace complab {

namespace {

// The element-wise stages of a chunk (decode, checks, encode, metrics) run on oneTBB in slices of
// this many values: whole blocks of every block format, and a fixed split, so the metrics (merged
// slice by slice in order) do not depend on the thread count.
constexpr std::size_t sliceElements = std::size_t(1) << 16;

template <typename Work> void forSlices(std::size_t count, const Work& work)
{
    const std::size_t slices = (count + sliceElements - 1) / sliceElements;
    tbb::parallel_for(std::size_t(0), slices, [&](std::size_t slice) {
        const std::size_t begin = slice * sliceElements;
        work(begin, std::min(count, begin + sliceElements));
    });
}

std::vector<std::byte> encodeFloats(DType type, const std::vector<float>& values)
{
    std::vector<std::byte> bytes(values.size() * dtypeSize(type));
    forSlices(values.size(), [&](std::size_t begin, std::size_t end) {
        convertFromFloat(type, values.data() + begin, end - begin, bytes.data() + begin * dtypeSize(type));
    });
    return bytes;
}

// convertToFloat of count values of a plain or block type, in slices.
void decodeFloats(DType type, const std::byte* src, std::size_t count, float* dst)
{
    const std::size_t block = dtypeBlockElements(type);
    forSlices(count, [&](std::size_t begin, std::size_t end) {
        convertToFloat(type, src + begin / block * dtypeSize(type), end - begin, dst + begin);
    });
}

void measureSlices(
    QuantMetricsAccumulator& accumulator, const std::vector<float>& original, const std::vector<float>& reconstruction)
{
    std::vector<QuantMetricsAccumulator> parts((original.size() + sliceElements - 1) / sliceElements);
    forSlices(original.size(), [&](std::size_t begin, std::size_t end) {
        parts[begin / sliceElements].add(original.data() + begin, reconstruction.data() + begin, end - begin);
    });
    for (const auto& part : parts)
        accumulator.merge(part);
}

} // namespace

std::vector<TensorQuantReport> quantizeCheckpoint(
    const Checkpoint& checkpoint, const CheckpointQuantizeOptions& options, Progress& progress, std::stop_token stop)
{
    const auto extension = options.output.extension().string();
    const bool toGguf = extension == ".gguf";
    if (!toGguf && extension != ".safetensors")
        throw std::invalid_argument("output " + options.output.string() + " must end in .gguf or .safetensors");
    const auto& spec = options.spec;
    const auto ggufType = spec.ggufStorageType();
    if (toGguf && !ggufType)
        throw std::invalid_argument(spec.name()
            + " has no GGUF storage type; write a .safetensors file (it will "
              "hold the dequantised values) or choose a GGUF scheme (q8_0 ... q6_k)");

    // Decide, from the header alone, what happens to each tensor.
    const auto& tensors = checkpoint.tensors();
    std::vector<TensorQuantReport> reports(tensors.size());
    for (std::size_t i = 0; i < tensors.size(); ++i) {
        const auto& info = tensors[i];
        auto& report = reports[i];
        report.name = info.name;
        const auto [rows, columns] = matrixShape(info);
        if (options.tensorFilter && !std::regex_search(info.name, *options.tensorFilter))
            report.keptBecause = "not matched by --tensor " + options.filterText;
        else if (info.shape.size() < 2)
            report.keptBecause = "a vector (norms and biases stay as they are)";
        else if (const auto problem = spec.whyNotApplicable(rows, columns); !problem.empty())
            report.keptBecause = problem;
        else
            report.quantised = true;

        if (report.quantised)
            report.storedAs = toGguf
                ? *ggufType
                : (info.dtype == DType::F16 || info.dtype == DType::BF16 ? info.dtype : DType::F32);
        else if (toGguf)
            report.storedAs = ggmlTypeOf(info.dtype) ? info.dtype : DType::F32;
        else
            report.storedAs = isBlockFormat(info.dtype) ? DType::F32 : info.dtype;

        if (report.quantised && options.importance && spec.isGgufBlockFormat()) {
            if (const auto entry = options.importance->find(info.name); entry != options.importance->end()) {
                if (entry->second.size() != columns)
                    throw std::invalid_argument("tensor '" + info.name + "': its imatrix entry has "
                        + std::to_string(entry->second.size()) + " columns, its rows " + std::to_string(columns));
                report.weightedByImportance = true;
            }
        }
    }

    // One tensor at a time: decode, quantise, measure what the file will hold, hand over the bytes.
    Progress silent;
    const auto produce = [&](std::size_t i) -> std::vector<std::byte> {
        const auto view = checkpoint.tensor(i);
        auto& report = reports[i];
        progress.report(static_cast<double>(i) / static_cast<double>(tensors.size()));
        if (!report.quantised) {
            std::vector<std::byte> kept = report.storedAs == view.info().dtype
                ? std::vector<std::byte>(view.bytes().begin(), view.bytes().end())
                : encodeFloats(report.storedAs, view.toFloats());
            view.releasePages(0, view.elementCount());
            return kept;
        }
        const auto [rows, columns] = matrixShape(view.info());
        const std::span<const float> importance = report.weightedByImportance
            ? std::span<const float>(options.importance->at(report.name))
            : std::span<const float>();
        // Row-local schemes stream in chunks of rows, so memory stays near the stored size of one
        // tensor; per-tensor scales and NF4's double quantisation need the whole tensor first.
        const bool rowLocal
            = spec.granularity != Granularity::PerTensor && !(spec.format == QuantFormat::NF4 && spec.doubleQuant);
        const std::size_t chunkRows = rowLocal ? std::max<std::size_t>(1, (std::size_t(1) << 22) / columns) : rows;
        std::vector<std::byte> bytes;
        bytes.reserve(static_cast<std::size_t>(*dtypeStorageBytes(report.storedAs, view.elementCount())));
        QuantMetricsAccumulator accumulator;
        std::vector<float> original;
        std::vector<float> reconstruction;
        for (std::size_t first = 0; first < rows; first += chunkRows) {
            throwIfStopped(stop);
            const std::size_t count = std::min(chunkRows, rows - first);
            original.resize(count * columns);
            reconstruction.resize(count * columns);
            std::atomic<bool> nonFinite{false};
            forSlices(original.size(), [&](std::size_t begin, std::size_t end) {
                view.toFloat(first * columns + begin, std::span(original).subspan(begin, end - begin));
                if (std::any_of(original.begin() + static_cast<std::ptrdiff_t>(begin),
                        original.begin() + static_cast<std::ptrdiff_t>(end), [](float v) { return !std::isfinite(v); }))
                    nonFinite = true;
            });
            view.releasePages(first * columns, original.size()); // read once: keep RSS near one chunk
            if (nonFinite) {
                try {
                    requireFinite(report.name, original);
                } catch (const std::invalid_argument& e) {
                    throw CheckpointError(checkpoint.path(), e.what()); // the message names the tensor
                }
            }
            std::vector<std::byte> chunk;
            if (spec.isGgufBlockFormat()) {
                chunk = quantizeToBlocks(*ggufType, original, count, columns, stop, importance);
                decodeFloats(*ggufType, chunk.data(), original.size(), reconstruction.data());
                if (!toGguf)
                    chunk = encodeFloats(report.storedAs, reconstruction);
            } else {
                quantizeMatrix(spec, original.data(), count, columns, reconstruction.data(), silent, stop);
                chunk = encodeFloats(report.storedAs, reconstruction);
                if (report.storedAs != DType::F32) // what the file holds is the stored rounding of that
                    decodeFloats(report.storedAs, chunk.data(), reconstruction.size(), reconstruction.data());
            }
            measureSlices(accumulator, original, reconstruction);
            bytes.insert(bytes.end(), chunk.begin(), chunk.end());
        }
        // Bits per weight: what GGUF really stores, or what the scheme would cost in a real
        // packed format (the simulated safetensors output is larger than that, on purpose).
        const double bits = toGguf ? dtypeBitsPerWeight(report.storedAs) : spec.bitsPerWeight(rows, columns);
        report.metrics = accumulator.finish(bits);
        return bytes;
    };

    if (toGguf) {
        const auto* gguf = dynamic_cast<const GgufCheckpoint*>(&checkpoint);
        GgufWriter writer(gguf ? static_cast<std::uint32_t>(gguf->alignment()) : 32);
        if (gguf) {
            for (const auto& [key, value] : gguf->keyValues())
                if (key != "general.alignment" && key != "general.file_type")
                    writer.addValue(key, value);
        } else {
            if (checkpoint.config() && !checkpoint.config()->modelType.empty())
                writer.addString("general.architecture", checkpoint.config()->modelType);
            writer.addString("general.name", checkpoint.path().parent_path().filename().string());
        }
        writer.addString("general.quantized_by", "Compression Lab (" + spec.name() + ", reference quantiser)");
        for (std::size_t i = 0; i < tensors.size(); ++i)
            writer.addTensor(tensors[i].name, reports[i].storedAs, tensors[i].shape);
        writer.write(options.output, produce, progress, stop);
    } else {
        SafetensorsWriter writer;
        writer.setMetadata("format", "pt");
        writer.setMetadata("complab.quantization",
            spec.name() + ": values quantised then stored dequantised (simulated quantisation)");
        for (std::size_t i = 0; i < tensors.size(); ++i)
            writer.addTensor(tensors[i].name, reports[i].storedAs, tensors[i].shape);
        writer.write(options.output, produce, progress, stop);
    }
    return reports;
}

} // namespace complab
