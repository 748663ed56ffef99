#include "ScaleRun.h"

#include "SyntheticLlama.h"

#include "io/Checkpoint.h"
#include "quant/CheckpointQuantizer.h"

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <vector>

extern char** environ;

namespace complab::bench {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct ChildResult
{
    int status = -1;
    double seconds = 0;
    double peakRssBytes = 0;
};

ChildResult runChild(const std::vector<std::string>& arguments)
{
    std::vector<char*> argv;
    for (const auto& argument : arguments)
        argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    const auto start = Clock::now();
    pid_t pid = 0;
    if (const int error = ::posix_spawn(&pid, "/proc/self/exe", nullptr, nullptr, argv.data(), environ); error != 0)
        throw std::runtime_error("cannot start the quantising child: " + std::string(std::strerror(error)));
    int status = 0;
    rusage usage{};
    if (::wait4(pid, &status, 0, &usage) != pid)
        throw std::runtime_error("lost the quantising child");
    ChildResult result;
    result.seconds = secondsSince(start);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.peakRssBytes = static_cast<double>(usage.ru_maxrss) * 1024.0; // Linux reports kilobytes
    return result;
}

} // namespace

int runScaleChild(const std::string& input, const std::string& scheme, const std::string& output)
{
    const auto spec = QuantSpec::parse(scheme, 128, false);
    if (!spec)
        throw std::invalid_argument("unknown scheme " + scheme);
    const auto checkpoint = openCheckpoint(input);
    CheckpointQuantizeOptions options;
    options.spec = *spec;
    options.output = output;
    Progress progress;
    const auto reports = quantizeCheckpoint(*checkpoint, options, progress, {});
    const auto quantised = std::count_if(reports.begin(), reports.end(), [](const auto& r) { return r.quantised; });
    std::printf("  child: %td of %zu tensors quantised to %s\n", quantised, reports.size(), spec->name().c_str());
    return 0;
}

int runScale(const std::string& dir, bool keep, const std::vector<std::string>& schemes)
{
    const std::filesystem::path folder(dir);
    const auto tensors = llama3_8bTensors();
    std::uint64_t largest = 0;
    std::uint64_t total = 0;
    for (const auto& tensor : tensors) {
        largest = std::max(largest, tensor.bytes());
        total += tensor.bytes();
    }
    const double bound = 2.0 * static_cast<double>(largest) + 300e6;

    std::printf("bench_quant --scale: synthetic Llama-3-8B (%zu tensors, BF16) in %s\n", tensors.size(), dir.c_str());
    // A checkpoint left by --keep is reused when its index is there and the shards add up.
    bool reused = false;
    if (std::filesystem::exists(folder / "model.safetensors.index.json")) {
        std::uint64_t onDisk = 0;
        for (const auto& entry : std::filesystem::directory_iterator(folder))
            if (entry.path().filename().string().starts_with("model-"))
                onDisk += entry.file_size();
        reused = onDisk > total && onDisk < total + 1'000'000;
    }
    if (reused) {
        std::printf(
            "  reusing the checkpoint already there (%.2f GB of tensor data)\n", static_cast<double>(total) / 1e9);
    } else {
        const auto start = Clock::now();
        writeSyntheticLlama3_8b(folder, 42);
        const double writeSeconds = secondsSince(start);
        std::printf("  wrote %.2f GB in %.1f s (%.2f GB/s)\n", static_cast<double>(total) / 1e9, writeSeconds,
            static_cast<double>(total) / 1e9 / writeSeconds);
    }
    std::printf("  largest tensor %.0f MB; RSS bound 2 x largest + 300 MB = %.0f MB\n",
        static_cast<double>(largest) / 1e6, bound / 1e6);
    std::printf("  %-12s %9s %10s %12s %12s %12s  %s\n", "scheme", "wall s", "GB/s in", "Mparams/s", "output GB",
        "peak RSS MB", "within bound");
    std::fflush(stdout);

    int exitCode = 0;
    for (const auto& scheme : schemes) {
        const auto output = folder / ("quantized-" + scheme + (scheme.starts_with("int") ? ".safetensors" : ".gguf"));
        const auto result = runChild({"bench_quant", "--scale-child", dir, scheme, output.string()});
        if (result.status != 0)
            throw std::runtime_error(
                scheme + ": the quantising child failed with status " + std::to_string(result.status));
        const double outputBytes = static_cast<double>(std::filesystem::file_size(output));
        const bool within = result.peakRssBytes <= bound;
        exitCode = within ? exitCode : 2;
        std::printf("  %-12s %9.1f %10.3f %12.1f %12.2f %12.0f  %s\n", scheme.c_str(), result.seconds,
            static_cast<double>(total) / 1e9 / result.seconds, static_cast<double>(total) / 2 / 1e6 / result.seconds,
            outputBytes / 1e9, result.peakRssBytes / 1e6, within ? "yes" : "NO");
        std::fflush(stdout);
        if (!keep)
            std::filesystem::remove(output);
    }
    if (!keep) {
        for (const auto& entry : std::filesystem::directory_iterator(folder)) {
            const auto name = entry.path().filename().string();
            if (name.starts_with("model-") || name == "model.safetensors.index.json" || name == "config.json")
                std::filesystem::remove(entry.path());
        }
    }
    return exitCode;
}

} // namespace complab::bench
