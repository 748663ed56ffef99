#include "InspectCommand.h"

#include "CommandErrors.h"

#include "io/Checkpoint.h"
#include "io/CheckpointError.h"
#include "model/Tokenizer.h"
#include "tensor/TensorStats.h"
#include "util/Units.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <ostream>

namespace complab::cli {

namespace {

using Json = nlohmann::json;

Json number(double value)
{
    return std::isfinite(value) ? Json(value) : Json(nullptr);
}

Json statsJson(const TensorStats& stats)
{
    Json histogram = {{"lowest", number(stats.histogram.lowest)}, {"highest", number(stats.histogram.highest)},
        {"counts", stats.histogram.counts}};
    return {{"count", stats.count}, {"min", number(stats.min)}, {"max", number(stats.max)},
        {"mean", number(stats.mean)}, {"std", number(stats.std)}, {"abs_max", number(stats.absMax)},
        {"zeros", stats.zeroCount}, {"nan", stats.nanCount}, {"inf", stats.infCount()},
        {"histogram", std::move(histogram)}};
}

Json configJson(const ModelConfig& config)
{
    Json json = Json::object();
    const auto put = [&json](const char* key, const auto& value) {
        if (value)
            json[key] = *value;
    };
    if (!config.modelType.empty())
        json["model_type"] = config.modelType;
    if (!config.architecture.empty())
        json["architecture"] = config.architecture;
    put("hidden_size", config.hiddenSize);
    put("intermediate_size", config.intermediateSize);
    put("num_hidden_layers", config.layerCount);
    put("num_attention_heads", config.attentionHeads);
    put("num_key_value_heads", config.keyValueHeads);
    put("head_dim", config.headDim);
    put("vocab_size", config.vocabSize);
    put("max_position_embeddings", config.contextLength);
    put("tie_word_embeddings", config.tiedEmbeddings);
    return json;
}

// The model's tokenizer, or null with the reason (missing or malformed) beside it: inspect lists the
// tensors of a model whatever its vocabulary files hold.
Json tokenizerJson(const Checkpoint& checkpoint)
{
    try {
        std::string whyNot;
        if (const auto tokenizer = findTokenizerFor(checkpoint, &whyNot))
            return {{"description", tokenizer->description()}, {"vocabulary_size", tokenizer->vocabularySize()},
                {"bos_id", tokenizer->bosId()}, {"eos_id", tokenizer->eosId()}};
        return {{"description", nullptr}, {"problem", whyNot}};
    } catch (const CheckpointError& error) {
        return {{"description", nullptr}, {"problem", error.what()}};
    }
}

std::string formatValue(double value)
{
    if (!std::isfinite(value))
        return "-";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", value);
    return buffer;
}

} // namespace

int runInspect(const InspectOptions& options, std::ostream& out, std::ostream& err)
{
    return runReportingErrors(options.path, err, [&] {
        const auto checkpoint = openCheckpoint(options.path);
        std::vector<TensorStats> stats;
        if (options.stats) {
            Progress progress;
            for (std::size_t i = 0; i < checkpoint->tensors().size(); ++i)
                stats.push_back(computeStats(checkpoint->tensor(i), progress, std::stop_token()));
        }

        if (options.json) {
            Json tensors = Json::array();
            for (std::size_t i = 0; i < checkpoint->tensors().size(); ++i) {
                const auto& info = checkpoint->tensors()[i];
                Json tensor
                    = {{"name", info.name}, {"dtype", std::string(dtypeName(info.dtype))}, {"shape", info.shape},
                        {"parameters", info.elementCount()}, {"bytes", info.byteSize}, {"offset", info.fileOffset}};
                if (options.stats)
                    tensor["stats"] = statsJson(stats[i]);
                tensors.push_back(std::move(tensor));
            }
            Json dtypes = Json::object();
            for (const auto& [dtype, count] : checkpoint->dtypeCounts())
                dtypes[std::string(dtypeName(dtype))] = count;
            Json root = {{"path", checkpoint->path().string()}, {"format", checkpoint->formatName()},
                {"file_bytes", checkpoint->fileBytes()}, {"total_parameters", checkpoint->totalParameters()},
                {"total_bytes", checkpoint->totalTensorBytes()}, {"dtypes", std::move(dtypes)},
                {"metadata", checkpoint->metadata()}, {"tensors", std::move(tensors)}};
            if (checkpoint->config())
                root["config"] = configJson(*checkpoint->config());
            root["tokenizer"] = tokenizerJson(*checkpoint);
            out << root.dump(2) << '\n';
            return 0;
        }

        out << checkpoint->path().string() << '\n'
            << "format: " << checkpoint->formatName() << ", " << checkpoint->tensors().size() << " tensors, "
            << formatCount(checkpoint->totalParameters()) << " parameters, " << formatBytes(checkpoint->fileBytes())
            << " on disk\n";
        char line[512];
        std::snprintf(line, sizeof line, "%-48s %-8s %-16s %12s %12s", "name", "dtype", "shape", "parameters", "bytes");
        out << line;
        if (options.stats)
            out << "        min        max       mean        std   zeros  nan  inf";
        out << '\n';
        for (std::size_t i = 0; i < checkpoint->tensors().size(); ++i) {
            const auto& info = checkpoint->tensors()[i];
            std::snprintf(line, sizeof line, "%-48s %-8s %-16s %12llu %12llu", info.name.c_str(),
                std::string(dtypeName(info.dtype)).c_str(), info.shapeString().c_str(),
                static_cast<unsigned long long>(info.elementCount()), static_cast<unsigned long long>(info.byteSize));
            out << line;
            if (options.stats) {
                const auto& s = stats[i];
                std::snprintf(line, sizeof line, " %10s %10s %10s %10s %7llu %4llu %4llu", formatValue(s.min).c_str(),
                    formatValue(s.max).c_str(), formatValue(s.mean).c_str(), formatValue(s.std).c_str(),
                    static_cast<unsigned long long>(s.zeroCount), static_cast<unsigned long long>(s.nanCount),
                    static_cast<unsigned long long>(s.infCount()));
                out << line;
            }
            out << '\n';
        }
        return 0;
    });
}

} // namespace complab::cli
