#include "EstimateCommand.h"

#include "CommandErrors.h"

#include "util/Units.h"

#include "estimate/CheckpointArchitecture.h"
#include "estimate/DataTable.h"
#include "estimate/Estimator.h"
#include "estimate/FitQuestions.h"
#include "io/Checkpoint.h"
#include "io/CheckpointError.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <ostream>
#include <stdexcept>

namespace complab::cli {

namespace {

using Json = nlohmann::json;

std::uint64_t bytes(double value)
{
    return static_cast<std::uint64_t>(std::llround(std::max(value, 0.0)));
}

// GB with one decimal, as the seed prints sizes; smaller amounts in MB or KB rather than "0.0 GB".
std::string gigabytes(double value)
{
    if (value < 1e9)
        return formatBytes(bytes(value));
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f GB", value / 1e9);
    return buffer;
}

std::string percent(double fraction, int decimals)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f%%", decimals, fraction * 100.0);
    return buffer;
}

// A tier from the table by id or name, or an ad-hoc device given as a size: "24GB", "24 GiB".
std::optional<HardwareTier> resolveDevice(const std::string& text)
{
    if (const auto* tier = defaultHardwareTierTable().find(text))
        return *tier;
    char* end = nullptr;
    const double amount = std::strtod(text.c_str(), &end);
    std::string unit(end ? end : "");
    unit.erase(0, unit.find_first_not_of(' '));
    if (amount > 0.0 && std::isfinite(amount) && (equalsIgnoringCase(unit, "GB") || equalsIgnoringCase(unit, "GiB"))) {
        HardwareTier tier;
        tier.id = text;
        tier.name = text + " device";
        tier.kind = "custom";
        tier.memoryBytesPerDevice = amount * (equalsIgnoringCase(unit, "GB") ? 1e9 : 1024.0 * 1024.0 * 1024.0);
        tier.usableFraction = 1.0;
        tier.examples = "as given on the command line";
        return tier;
    }
    return std::nullopt;
}

Json tierJson(const HardwareTier* tier)
{
    if (!tier)
        return nullptr;
    return {{"id", tier->id}, {"name", tier->name}, {"examples", tier->examples},
        {"usable_bytes", bytes(tier->usableBytes())}};
}

} // namespace

CLI::App* addEstimateCommand(CLI::App& app, EstimateOptions& options)
{
    auto* command = app.add_subcommand(
        "estimate", "Rule-of-thumb footprint, VRAM, quality and hardware tier of a compression recipe");
    auto* params = command->add_option("--params", options.parameters, "Parameter count, e.g. 8e9");
    auto* model = command->add_option("--model", options.modelPath, "Checkpoint file or folder (size and shape)");
    auto* arch = command->add_option("--arch", options.architecture, "A model of the architecture table");
    params->excludes(model)->excludes(arch);
    model->excludes(arch);
    command->add_option("--bits", options.bits, "Nominal bits per weight (1-32)");
    command->add_option("--scheme", options.scheme, "Weight scheme: fp16, q8_0, q4_k, int4_g128, ...");
    command->add_option("--prune", options.prune, "Pruning fraction [0, 1)")->capture_default_str();
    command->add_option("--distill", options.distill, "Distillation factor (student this many times smaller)")
        ->capture_default_str();
    command->add_option("--context", options.context, "Context length in tokens")->capture_default_str();
    command->add_option("--batch", options.batch, "Concurrent sequences")->capture_default_str();
    command->add_option("--ubatch", options.microBatch, "llama.cpp micro-batch (n_ubatch)")->capture_default_str();
    command->add_option("--kv-type", options.kvType, "KV cache type: f32, f16, bf16, fp8, q8_0, q4_0")
        ->capture_default_str();
    command->add_option("--runtime", options.runtime, "Memory model")
        ->check(CLI::IsMember({"first-order", "llama.cpp"}))
        ->capture_default_str();
    command->add_option("--flash-attention", options.flashAttention, "llama.cpp flash attention")
        ->check(CLI::IsMember({"on", "off"}))
        ->capture_default_str();
    command->add_option("--backend", options.backend, "llama.cpp backend of the device: cuda, rocm, metal, cpu")
        ->check(CLI::IsMember({"cuda", "rocm", "metal", "cpu"}))
        ->capture_default_str();
    command->add_option("--fit", options.fit, "Device (tier id or name, or a size like 24GB): inverse questions");
    command->add_option("--constants", options.constantsPath, "JSON file overriding the estimator's constants");
    command->add_flag("--json", options.json, "Print one JSON object");
    return command;
}

int runEstimate(const EstimateOptions& options, std::ostream& out, std::ostream& err)
{
    return runReportingErrors(std::string(), err, [&] {
        if (!options.parameters && options.modelPath.empty() && options.architecture.empty())
            throw UsageError("estimate needs one of --params, --model or --arch");
        if (!options.bits && options.scheme.empty())
            throw UsageError("estimate needs --bits or --scheme");

        EstimatorConstants constants;
        if (!options.constantsPath.empty())
            constants = EstimatorConstants::fromJson(readTableFile(options.constantsPath));

        EstimateInput input;
        std::optional<Architecture> checkpointArchitecture;
        if (options.parameters) {
            input.parameters = *options.parameters;
        } else if (!options.architecture.empty()) {
            input.architecture = defaultArchitectureTable().find(options.architecture);
            if (!input.architecture)
                throw std::invalid_argument("unknown architecture \"" + options.architecture
                    + "\" (see resources/data/architectures.json for the names)");
            input.parameters = input.architecture->parameters;
        } else {
            const auto checkpoint = openCheckpoint(options.modelPath);
            input.parameters = static_cast<double>(checkpoint->totalParameters());
            if (checkpoint->config())
                checkpointArchitecture = architectureFromConfig(
                    *checkpoint->config(), input.parameters, checkpoint->path().filename().string());
            if (checkpointArchitecture)
                input.architecture = &*checkpointArchitecture;
        }

        const QuantScheme* scheme = nullptr;
        if (!options.scheme.empty()) {
            scheme = findQuantScheme(options.scheme);
            if (!scheme)
                throw std::invalid_argument("unknown scheme \"" + options.scheme + "\"");
            if (options.bits && *options.bits != scheme->weightBits)
                throw std::invalid_argument("--bits " + std::to_string(*options.bits) + " contradicts --scheme "
                    + std::string(scheme->id) + " (" + std::to_string(scheme->weightBits) + " bits)");
            input.setScheme(*scheme);
        } else {
            input.weightBits = input.bitsPerWeight = *options.bits;
        }
        const auto* kvType = findKvCacheType(options.kvType);
        if (!kvType)
            throw std::invalid_argument(
                "unknown KV cache type \"" + options.kvType + "\" (f32, f16, bf16, fp8, q8_0, q4_0)");
        input.kvType = kvType->type;
        input.pruneFraction = options.prune;
        input.distillFactor = options.distill;
        input.context = options.context;
        input.batch = options.batch;
        input.microBatch = options.microBatch;
        input.runtime = *parseRuntimeProfile(options.runtime);
        input.flashAttention = options.flashAttention == "on";
        input.backend = *parseBackend(options.backend);
        validateEstimateInput(input);

        std::optional<HardwareTier> device;
        if (!options.fit.empty()) {
            device = resolveDevice(options.fit);
            if (!device)
                throw std::invalid_argument("unknown device \"" + options.fit
                    + "\" (a tier id such as gpu-24gb, a tier name, or a size such as 24GB)");
        }

        const Estimate result = estimate(input, constants);
        const Architecture& a = *result.architecture;
        const bool kvNeedsFlashAttention
            = input.runtime == RuntimeProfile::LlamaCpp && kvType->quantised && !input.flashAttention;

        Json root;
        root["parameters"] = input.parameters;
        root["effective_parameters"] = result.effectiveParameters;
        root["bits"] = input.weightBits;
        root["bits_per_weight"] = input.bitsPerWeight;
        root["scheme"] = scheme ? Json(std::string(scheme->id)) : Json(nullptr);
        root["prune"] = input.pruneFraction;
        root["distill"] = input.distillFactor;
        root["context"] = input.context;
        root["batch"] = input.batch;
        root["kv_type"] = std::string(kvType->id);
        root["runtime"] = std::string(runtimeProfileName(input.runtime));
        root["flash_attention"] = input.flashAttention;
        root["backend"] = std::string(backendName(input.backend));
        root["architecture"] = {{"name", a.name}, {"assumed", result.architectureAssumed}, {"layers", a.layers},
            {"hidden_size", a.hiddenSize}, {"attention_heads", a.attentionHeads}, {"key_value_heads", a.keyValueHeads},
            {"head_dim", a.headDim}, {"vocab_size", a.vocabSize}, {"sliding_window", a.slidingWindow},
            {"source", a.source}};
        root["disk_bytes"] = bytes(result.diskBytes);
        root["fraction_smaller_than_fp32"] = result.fractionSmallerThanFp32;
        root["vram_bytes"] = bytes(result.vram.totalBytes());
        root["vram_terms"]
            = {{"weights_bytes", bytes(result.vram.weightBytes)}, {"kv_cache_bytes", bytes(result.vram.kvCacheBytes)},
                {"activation_bytes", bytes(result.vram.activationBytes)},
                {"runtime_overhead_bytes", bytes(result.vram.runtimeOverheadBytes)}};
        root["host_bytes"] = bytes(result.vram.hostBytes);
        root["quality"] = result.quality;
        root["quality_band"] = std::string(qualityBandName(result.qualityBand));
        root["tier"] = tierJson(result.tier);
        root["accelerator_tier"] = tierJson(result.acceleratorTier);
        if (kvNeedsFlashAttention)
            root["warning"] = "llama.cpp stores a quantised V cache only with --flash-attention on";

        if (device) {
            const auto context = longestContextThatFits(input, *device, constants);
            const auto* best = bestSchemeThatFits(input, *device, constants);
            const auto* largest = largestModelThatFits(input, *device, constants);
            Json ladder = Json::array();
            for (const auto& rung : offloadLadder(input, *device, constants))
                ladder.push_back({{"gpu_layers", rung.gpuLayers}, {"vram_bytes", bytes(rung.vramBytes)},
                    {"ram_bytes", bytes(rung.ramBytes)}, {"fits", rung.fits}});
            root["fit"]
                = {{"device", tierJson(&*device)}, {"budget_bytes", bytes(device->budgetBytes(constants.tierHeadroom))},
                    {"fits", fitsOnTier(input, a, *device, constants)}, {"longest_context", context.longestContext},
                    {"longest_context_limited_by_model", context.limitedByModel},
                    {"best_scheme", best ? Json(std::string(best->id)) : Json(nullptr)},
                    {"largest_model", largest ? Json(largest->name) : Json(nullptr)}, {"offload_ladder", ladder}};
        }

        if (options.json) {
            out << root.dump(2) << '\n';
            return 0;
        }

        if (result.architectureAssumed)
            out << "assuming " << a.name << "-like: " << a.shapeSummary() << '\n';
        else
            out << "architecture: " << a.name << ": " << a.shapeSummary() << '\n';
        out << "runtime: " << runtimeProfileName(input.runtime)
            << (input.runtime == RuntimeProfile::LlamaCpp ? " (" + std::string(backendName(input.backend)) + ")" : "")
            << ", context " << input.context << ", batch " << input.batch << ", KV " << kvType->id << '\n';
        out << "Weights on disk   " << gigabytes(result.diskBytes) << "  ("
            << percent(result.fractionSmallerThanFp32, 0) << " smaller than FP32)\n";
        out << "VRAM required     " << gigabytes(result.vram.totalBytes()) << "  (weights "
            << gigabytes(result.vram.weightBytes) << " + KV cache " << gigabytes(result.vram.kvCacheBytes) << " + "
            << (input.runtime == RuntimeProfile::FirstOrder ? "activations " : "compute buffer ")
            << gigabytes(result.vram.activationBytes);
        if (input.runtime == RuntimeProfile::LlamaCpp)
            out << " + runtime overhead " << gigabytes(result.vram.runtimeOverheadBytes);
        out << ")\n";
        if (result.vram.hostBytes > 0.0)
            out << "Host RAM besides  " << gigabytes(result.vram.hostBytes) << '\n';
        out << "Quality retained  " << percent(result.quality, 1) << "  (" << qualityBandName(result.qualityBand)
            << ")\n";
        out << "Hardware tier     "
            << (result.tier ? result.tier->name + "  (" + result.tier->examples + ")" : std::string("none fits"))
            << '\n';
        if (result.tier && result.tier->backend == Backend::Cpu && result.acceleratorTier)
            out << "Smallest GPU      " << result.acceleratorTier->name << "  (" << result.acceleratorTier->examples
                << ")\n";
        if (kvNeedsFlashAttention)
            out << "note: llama.cpp stores a quantised V cache only with --flash-attention on\n";
        if (device) {
            const auto& fit = root["fit"];
            out << "\nOn " << device->name << " (budget " << gigabytes(device->budgetBytes(constants.tierHeadroom))
                << "): " << (fit["fits"].get<bool>() ? "fits" : "does not fit") << '\n';
            out << "  longest context   " << fit["longest_context"].get<std::int64_t>()
                << (fit["longest_context_limited_by_model"].get<bool>() ? " (the model's maximum)" : "") << '\n';
            out << "  best scheme       "
                << (fit["best_scheme"].is_null() ? std::string("none fits") : fit["best_scheme"].get<std::string>())
                << '\n';
            out << "  largest model     "
                << (fit["largest_model"].is_null() ? std::string("none fits") : fit["largest_model"].get<std::string>())
                << '\n';
            out << "  offload ladder (GPU layers: VRAM / RAM)\n";
            for (const auto& rung : fit["offload_ladder"])
                out << "    " << rung["gpu_layers"].get<std::int64_t>() << ": "
                    << gigabytes(rung["vram_bytes"].get<double>()) << " / "
                    << gigabytes(rung["ram_bytes"].get<double>()) << (rung["fits"].get<bool>() ? "" : "  (too big)")
                    << '\n';
        }
        return 0;
    });
}

} // namespace complab::cli
