// The report's measurements as HDF5: one group per kind of data, every numeric dataset carrying a
// "unit" attribute ("1" for ratios, "dB", "bit/weight", "byte", "nats/token", ...). Layout:
//   /                    attributes generator, created_at, model, model_format; dataset recipe_json
//   /tensors/<column>    one 1-D dataset per measured column, one element per tensor (file order)
//   /histograms/<which>  counts of the worst tensor before/after/error, with lowest/highest edges
//   /estimate/<term>     scalars of the rule-of-thumb estimate
//   /curves/<n>          [points, 2] x and y, with name, x_unit and y_unit attributes
//   /quality/...         perplexity and KL divergence against the original, the bit sweep, the
//                        per-layer sensitivity (only when the lab could run the model)
#include "report/ReportWriter.h"

#include "io/CheckpointError.h"
#include "io/Hdf5Checkpoint.h"

#include <H5Cpp.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <limits>
#include <mutex>
#include <unistd.h>

namespace complab::report {

namespace {

void setStringAttribute(H5::H5Object& object, const std::string& name, const std::string& value)
{
    const H5::StrType type(H5::PredType::C_S1, std::max<std::size_t>(value.size(), 1));
    H5::Attribute attribute = object.createAttribute(name, type, H5::DataSpace(H5S_SCALAR));
    attribute.write(type, value.empty() ? std::string(" ") : value);
}

void setDoubleAttribute(H5::H5Object& object, const std::string& name, double value)
{
    H5::Attribute attribute = object.createAttribute(name, H5::PredType::NATIVE_DOUBLE, H5::DataSpace(H5S_SCALAR));
    attribute.write(H5::PredType::NATIVE_DOUBLE, &value);
}

void writeDoubles(H5::Group& group, const std::string& name, const std::vector<double>& values, const std::string& unit,
    std::vector<hsize_t> dims = {})
{
    if (dims.empty())
        dims = {static_cast<hsize_t>(values.size())};
    const H5::DataSpace space(static_cast<int>(dims.size()), dims.data());
    H5::DataSet dataset = group.createDataSet(name, H5::PredType::NATIVE_DOUBLE, space);
    if (!values.empty())
        dataset.write(values.data(), H5::PredType::NATIVE_DOUBLE);
    setStringAttribute(dataset, "unit", unit);
}

void writeScalar(H5::Group& group, const std::string& name, double value, const std::string& unit)
{
    H5::DataSet dataset = group.createDataSet(name, H5::PredType::NATIVE_DOUBLE, H5::DataSpace(H5S_SCALAR));
    dataset.write(&value, H5::PredType::NATIVE_DOUBLE);
    setStringAttribute(dataset, "unit", unit);
}

void writeCounts(H5::Group& group, const std::string& name, const std::vector<std::uint64_t>& counts)
{
    const hsize_t dims[1] = {static_cast<hsize_t>(counts.size())};
    H5::DataSet dataset = group.createDataSet(name, H5::PredType::NATIVE_UINT64, H5::DataSpace(1, dims));
    if (!counts.empty())
        dataset.write(counts.data(), H5::PredType::NATIVE_UINT64);
    setStringAttribute(dataset, "unit", "count");
}

void writeStrings(H5::Group& group, const std::string& name, const std::vector<std::string>& values)
{
    std::vector<const char*> pointers;
    for (const auto& value : values)
        pointers.push_back(value.c_str());
    const hsize_t dims[1] = {static_cast<hsize_t>(values.size())};
    const H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
    H5::DataSet dataset = group.createDataSet(name, type, H5::DataSpace(1, dims));
    if (!pointers.empty())
        dataset.write(pointers.data(), type);
}

void writeTensors(H5::H5File& file, const ReportData& data)
{
    H5::Group group = file.createGroup("/tensors");
    std::vector<std::string> names, treatments, storedAs;
    std::vector<double> elements, sourceBytes, storedBytes, bits, relative, sqnr, rms, maxAbs, cosine, zeros, flips;
    for (const auto& row : data.tensors) {
        names.push_back(row.plan.sourceName);
        treatments.push_back(row.treatment);
        storedAs.push_back(std::string(dtypeName(row.plan.storedAs)));
        elements.push_back(double(row.elements));
        sourceBytes.push_back(double(row.sourceBytes));
        storedBytes.push_back(double(row.storedBytes));
        const QuantMetrics m = row.plan.metrics.value_or(QuantMetrics{.count = row.elements,
            .sqnrDb = std::numeric_limits<double>::infinity(),
            .cosineSimilarity = 1.0,
            .bitsPerWeight = row.elements ? 8.0 * double(row.storedBytes) / double(row.elements) : 0.0,
            .storedBytes = row.storedBytes});
        bits.push_back(m.bitsPerWeight);
        relative.push_back(m.relativeError);
        sqnr.push_back(m.sqnrDb);
        rms.push_back(m.rmsError);
        maxAbs.push_back(m.maxAbsError);
        cosine.push_back(m.cosineSimilarity);
        zeros.push_back(m.becameZeroFraction);
        flips.push_back(m.signFlipFraction);
    }
    writeStrings(group, "name", names);
    writeStrings(group, "treatment", treatments);
    writeStrings(group, "stored_as", storedAs);
    writeDoubles(group, "elements", elements, "count");
    writeDoubles(group, "source_bytes", sourceBytes, "byte");
    writeDoubles(group, "stored_bytes", storedBytes, "byte");
    writeDoubles(group, "bits_per_weight", bits, "bit/weight");
    writeDoubles(group, "relative_error", relative, "1");
    writeDoubles(group, "sqnr_db", sqnr, "dB");
    writeDoubles(group, "rms_error", rms, "weight value");
    writeDoubles(group, "max_abs_error", maxAbs, "weight value");
    writeDoubles(group, "cosine_similarity", cosine, "1");
    writeDoubles(group, "became_zero_fraction", zeros, "1");
    writeDoubles(group, "sign_flip_fraction", flips, "1");
}

void writeHistograms(H5::H5File& file, const ReportData& data)
{
    if (!data.worstHistograms)
        return;
    H5::Group group = file.createGroup("/histograms");
    setStringAttribute(group, "tensor", data.worstHistograms->tensor);
    const std::pair<const char*, const Histogram*> parts[] = {{"original", &data.worstHistograms->original},
        {"stored", &data.worstHistograms->stored}, {"error", &data.worstHistograms->error}};
    for (const auto& [name, histogram] : parts) {
        writeCounts(group, name, histogram->counts);
        H5::DataSet dataset = group.openDataSet(name);
        setDoubleAttribute(dataset, "lowest", histogram->lowest);
        setDoubleAttribute(dataset, "highest", histogram->highest);
        setStringAttribute(dataset, "edges_unit", "weight value");
    }
}

void writeEstimate(H5::H5File& file, const ReportData& data)
{
    H5::Group group = file.createGroup("/estimate");
    const EstimateSummary& e = data.estimate;
    setStringAttribute(group, "rule", e.rule);
    setStringAttribute(group, "architecture", e.architecture);
    setStringAttribute(group, "quality_band", e.qualityBand);
    setStringAttribute(group, "tier", e.tier.empty() ? std::string("none") : e.tier);
    writeScalar(group, "parameters", e.parameters, "count");
    writeScalar(group, "weight_bits", e.weightBits, "bit");
    writeScalar(group, "bits_per_weight", e.bitsPerWeight, "bit/weight");
    writeScalar(group, "context", double(e.context), "token");
    writeScalar(group, "disk_bytes", e.diskBytes, "byte");
    writeScalar(group, "vram_weights_bytes", e.vram.weightBytes, "byte");
    writeScalar(group, "vram_kv_cache_bytes", e.vram.kvCacheBytes, "byte");
    writeScalar(group, "vram_activation_bytes", e.vram.activationBytes, "byte");
    writeScalar(group, "vram_overhead_bytes", e.vram.runtimeOverheadBytes, "byte");
    writeScalar(group, "vram_total_bytes", e.vram.totalBytes(), "byte");
    writeScalar(group, "quality_retained", e.quality, "1");
}

void writeCurves(H5::H5File& file, const ReportData& data)
{
    H5::Group group = file.createGroup("/curves");
    for (std::size_t i = 0; i < data.estimatedCurves.size(); ++i) {
        const Curve& curve = data.estimatedCurves[i];
        std::vector<double> values;
        for (const auto& [x, y] : curve.points) {
            values.push_back(x);
            values.push_back(y);
        }
        const std::string name = std::to_string(i);
        writeDoubles(group, name, values, curve.yUnit, {static_cast<hsize_t>(curve.points.size()), 2});
        H5::DataSet dataset = group.openDataSet(name);
        setStringAttribute(dataset, "name", curve.name);
        setStringAttribute(dataset, "x_unit", curve.xUnit);
        setStringAttribute(dataset, "y_unit", curve.yUnit);
    }
}

void writeVariants(H5::Group& group, const std::vector<VariantQuality>& variants)
{
    std::vector<std::string> labels;
    std::vector<double> bits, perplexity, kld, sameTop;
    for (const auto& variant : variants) {
        labels.push_back(variant.label);
        bits.push_back(variant.bitsPerWeight);
        perplexity.push_back(variant.quality.compared.perplexity);
        kld.push_back(variant.quality.meanKld);
        sameTop.push_back(variant.quality.sameTopFraction);
    }
    writeStrings(group, "label", labels);
    writeDoubles(group, "bits_per_weight", bits, "bit/weight");
    writeDoubles(group, "perplexity", perplexity, "1");
    writeDoubles(group, "mean_kld", kld, "nats/token");
    writeDoubles(group, "same_top_fraction", sameTop, "1");
}

void writeQuality(H5::H5File& file, const ReportData& data)
{
    if (!data.quality)
        return;
    const MeasuredQuality& q = *data.quality;
    H5::Group group = file.createGroup("/quality");
    setStringAttribute(group, "tokenizer", q.tokenizer);
    setStringAttribute(group, "text", q.text);
    writeScalar(group, "tokens", double(q.original.tokens), "token");
    writeScalar(group, "perplexity_original", q.original.perplexity, "1");
    writeScalar(group, "perplexity_compressed", q.compressed.compared.perplexity, "1");
    writeScalar(group, "mean_kld", q.compressed.meanKld, "nats/token");
    writeScalar(group, "same_top_fraction", q.compressed.sameTopFraction, "1");
    if (!q.bitSweep.empty()) {
        H5::Group sweep = group.createGroup("bit_sweep");
        setStringAttribute(sweep, "family", q.sweepFamily);
        writeVariants(sweep, q.bitSweep);
    }
    if (!q.layerSensitivity.empty()) {
        H5::Group layers = group.createGroup("layer_sensitivity");
        writeVariants(layers, q.layerSensitivity);
    }
}

void syncFile(const std::filesystem::path& path)
{
    const int descriptor = ::open(path.c_str(), O_RDONLY);
    if (descriptor < 0 || ::fsync(descriptor) != 0) {
        const int error = errno;
        if (descriptor >= 0)
            ::close(descriptor);
        throw CheckpointError(path, std::string("cannot sync the report to disk: ") + std::strerror(error));
    }
    ::close(descriptor);
}

} // namespace

void writeReportHdf5(const ReportData& data, const std::filesystem::path& path)
{
    std::string temporaryName = ".";
    temporaryName += path.filename().string();
    temporaryName += ".partial-";
    temporaryName += std::to_string(::getpid());
    const std::filesystem::path temporary = path.parent_path() / temporaryName;
    const std::scoped_lock lock(Hdf5Checkpoint::libraryMutex());
    H5::Exception::dontPrint();
    try {
        {
            H5::H5File file(temporary.string(), H5F_ACC_TRUNC);
            H5::Group root = file.openGroup("/");
            setStringAttribute(root, "generator", data.generator);
            setStringAttribute(root, "created_at", data.createdAt);
            setStringAttribute(root, "model", data.model.path);
            setStringAttribute(root, "model_format", data.model.format);
            writeStrings(root, "recipe_json", {data.recipeJson});
            writeTensors(file, data);
            writeHistograms(file, data);
            writeEstimate(file, data);
            writeCurves(file, data);
            writeQuality(file, data);
        }
        syncFile(temporary);
        std::filesystem::rename(temporary, path);
    } catch (const H5::Exception& e) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        throw CheckpointError(path, "cannot write the HDF5 report: " + e.getDetailMsg());
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        throw;
    }
}

} // namespace complab::report
