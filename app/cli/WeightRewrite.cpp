#include "WeightRewrite.h"

#include "CommandErrors.h"

#include "io/SafetensorsWriter.h"
#include "prune/WeightMatrix.h"
#include "recipe/Progress.h"

#include <cmath>
#include <cstdio>
#include <ostream>

namespace complab::cli {

namespace {

bool isEmbeddingOrClassifier(const std::string& name)
{
    return name.find("embed") != std::string::npos || name.find("lm_head") != std::string::npos
        || name == "output.weight" || name.find("token_embd") != std::string::npos;
}

} // namespace

std::vector<RewrittenTensor> planRewrite(const Checkpoint& checkpoint, const std::string& tensorRegex)
{
    std::optional<std::regex> filter;
    if (!tensorRegex.empty()) {
        try {
            filter = std::regex(tensorRegex);
        } catch (const std::regex_error& e) {
            throw UsageError("--tensor '" + tensorRegex + "' is not a valid regular expression: " + e.what());
        }
    }
    std::vector<RewrittenTensor> plan;
    for (const auto& info : checkpoint.tensors()) {
        RewrittenTensor entry;
        entry.name = info.name;
        entry.storedAs = info.dtype;
        if (!info.supported)
            entry.keptBecause = info.unsupportedReason;
        else if (info.shape.size() != 2)
            entry.keptBecause = "not a 2-D weight matrix";
        else if (filter && !std::regex_search(info.name, *filter))
            entry.keptBecause = "not matched by --tensor " + tensorRegex;
        else if (!filter && isEmbeddingOrClassifier(info.name))
            entry.keptBecause = "embedding or classifier (name it with --tensor to include it)";
        else
            entry.rewritten = true;
        if (entry.rewritten && info.dtype != DType::F16 && info.dtype != DType::BF16)
            entry.storedAs = DType::F32;
        else if (!entry.rewritten && isBlockFormat(info.dtype))
            entry.keptBecause += "; stored as F32 (safetensors has no block formats)";
        plan.push_back(std::move(entry));
    }
    return plan;
}

void writeRewritten(const Checkpoint& checkpoint, const std::filesystem::path& output,
    std::vector<RewrittenTensor>& plan,
    const std::function<Eigen::MatrixXf(std::size_t, const Eigen::MatrixXf&)>& rewrite, const std::string& note)
{
    if (output.extension() != ".safetensors")
        throw UsageError("output " + output.string() + " must end in .safetensors");
    if (std::filesystem::exists(output) && std::filesystem::equivalent(output, checkpoint.path()))
        throw UsageError(output.string() + ": refusing to overwrite the input checkpoint");
    SafetensorsWriter writer;
    writer.setMetadata("format", "pt");
    writer.setMetadata("complab.rewrite", note);
    const auto& tensors = checkpoint.tensors();
    for (std::size_t i = 0; i < tensors.size(); ++i) {
        if (!plan[i].rewritten && isBlockFormat(tensors[i].dtype))
            plan[i].storedAs = DType::F32;
        writer.addTensor(tensors[i].name, plan[i].storedAs, tensors[i].shape);
    }
    Progress progress;
    writer.write(output,
        [&](std::size_t i) -> std::vector<std::byte> {
            const auto view = checkpoint.tensor(i);
            auto& entry = plan[i];
            if (!entry.rewritten) {
                if (entry.storedAs == view.info().dtype)
                    return {view.bytes().begin(), view.bytes().end()};
                const auto values = view.toFloats();
                const Eigen::Map<const Eigen::MatrixXf> column(
                    values.data(), static_cast<Eigen::Index>(values.size()), 1);
                return encodeWeightMatrix(column, DType::F32);
            }
            Eigen::MatrixXf weight;
            try {
                weight = loadWeightMatrix(view);
            } catch (const std::invalid_argument& e) {
                throw CheckpointError(checkpoint.path(), e.what());
            }
            auto bytes = encodeWeightMatrix(rewrite(i, weight), entry.storedAs);
            // Measure what the file holds, after the dtype's rounding.
            Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> stored(weight.rows(), weight.cols());
            convertToFloat(entry.storedAs, bytes.data(), static_cast<std::size_t>(stored.size()), stored.data());
            const double signal = weight.cast<double>().squaredNorm();
            const double error = (weight - Eigen::MatrixXf(stored)).cast<double>().squaredNorm();
            entry.relativeError = signal > 0.0 ? std::sqrt(error / signal) : 0.0;
            entry.sparsity = static_cast<double>((stored.array() == 0.0f).count()) / static_cast<double>(stored.size());
            return bytes;
        },
        progress, {});
}

nlohmann::json rewriteReport(const std::vector<RewrittenTensor>& plan, nlohmann::json extra)
{
    auto tensors = nlohmann::json::array();
    double errorSum = 0.0;
    double outputErrorSum = 0.0;
    std::size_t rewritten = 0;
    std::size_t withOutputError = 0;
    for (const auto& entry : plan) {
        nlohmann::json row = {{"name", entry.name}, {"rewritten", entry.rewritten},
            {"stored_as", std::string(dtypeName(entry.storedAs))}};
        if (entry.rewritten) {
            row["rel_error"] = entry.relativeError;
            row["sparsity"] = entry.sparsity;
            if (entry.outputRelativeError) {
                row["output_rel_error"] = *entry.outputRelativeError;
                outputErrorSum += *entry.outputRelativeError;
                ++withOutputError;
            }
            row.update(entry.details);
            errorSum += entry.relativeError;
            ++rewritten;
        } else {
            row["kept_because"] = entry.keptBecause;
        }
        tensors.push_back(std::move(row));
    }
    extra["tensors"] = std::move(tensors);
    extra["tensors_rewritten"] = rewritten;
    extra["mean_rel_error"] = rewritten ? nlohmann::json(errorSum / static_cast<double>(rewritten)) : nlohmann::json();
    extra["mean_output_rel_error"]
        = withOutputError ? nlohmann::json(outputErrorSum / static_cast<double>(withOutputError)) : nlohmann::json();
    return extra;
}

void printRewriteTable(std::ostream& out, const std::vector<RewrittenTensor>& plan)
{
    char line[512];
    std::size_t rewritten = 0;
    for (const auto& entry : plan) {
        if (entry.rewritten) {
            ++rewritten;
            std::snprintf(line, sizeof line, "%-44s %-5s sparsity %6.2f %%  rel. error %.4f", entry.name.c_str(),
                std::string(dtypeName(entry.storedAs)).c_str(), entry.sparsity * 100.0, entry.relativeError);
            out << line;
            if (entry.outputRelativeError)
                std::snprintf(line, sizeof line, "  output error %.4f\n", *entry.outputRelativeError);
            else
                std::snprintf(line, sizeof line, "\n");
        } else {
            std::snprintf(line, sizeof line, "%-44s kept: %s\n", entry.name.c_str(), entry.keptBecause.c_str());
        }
        out << line;
    }
    out << rewritten << " of " << plan.size() << " tensors rewritten\n";
}

} // namespace complab::cli
