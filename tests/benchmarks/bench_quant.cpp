// bench_quant: quantiser throughput against a STREAM-style copy measured in the same run, on a
// 4096 × 4096 F32 tensor of fixed-seed normal values, with 1 and 2 threads. Reports GB/s of F32
// input, ns per weight, the ratio to copy bandwidth and, given ggml's library, the ratio to ggml's
// quantize_chunk and to_float timed the same way. Build in Release; not a test.
//   bench_quant [REPEATS] [--only REGEX] [--ggml /path/to/libggml-base.so]
//   bench_quant --scale DIR [--keep] [--schemes int4,q4_k]   synthetic Llama-3-8B (BF16, ~16 GB in
//       DIR) quantised whole as the CLI does: wall time, GB/s, peak RSS (--keep: leave the files, reuse them)
#include "GgmlLibrary.h"
#include "ScaleRun.h"
#include "StreamCopy.h"

#include "quant/GgufQuantize.h"
#include "quant/QuantizeJob.h"
#include "tensor/DType.h"

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

using namespace complab;
using complab::bench::bestSeconds;

namespace {

struct Options
{
    int repeats = 3;
    std::optional<std::regex> only;
    std::string ggmlPath;
    std::string scaleDir;
    bool keep = false;
    std::vector<std::string> scaleSchemes{"int4", "q4_k"};
    std::vector<std::string> scaleChild; // internal: IN SCHEME OUT
};

Options parseOptions(int argc, char** argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto next = [&]() -> std::string {
            if (i + 1 >= argc)
                throw std::invalid_argument(arg + " needs a value");
            return argv[++i];
        };
        if (arg == "--only")
            options.only = std::regex(next());
        else if (arg == "--ggml")
            options.ggmlPath = next();
        else if (arg == "--scale")
            options.scaleDir = next();
        else if (arg == "--keep")
            options.keep = true;
        else if (arg == "--schemes") {
            options.scaleSchemes.clear();
            std::stringstream list(next());
            for (std::string scheme; std::getline(list, scheme, ',');)
                options.scaleSchemes.push_back(scheme);
        } else if (arg == "--scale-child") {
            for (int k = 0; k < 3; ++k)
                options.scaleChild.push_back(next());
        } else
            options.repeats = std::max(1, std::atoi(arg.c_str()));
    }
    return options;
}

const DType blockTypes[] = {DType::Q8_0, DType::Q4_0, DType::Q4_1, DType::Q5_0, DType::Q5_1, DType::Q2_K, DType::Q3_K,
    DType::Q4_K, DType::Q5_K, DType::Q6_K};

struct Row
{
    std::string name;
    double rate = 0; // GB/s of F32
    double ggmlRate = 0; // 0: not measured
    std::string what;
};

void printRow(const Row& row, double copyRate, const std::map<std::string, double>& oneThread)
{
    char ggml[48] = "";
    if (row.ggmlRate > 0)
        std::snprintf(ggml, sizeof ggml, "%8.3f %6.2fx", row.ggmlRate, row.rate / row.ggmlRate);
    char scaling[16] = "";
    if (const auto found = oneThread.find(row.name); found != oneThread.end())
        std::snprintf(scaling, sizeof scaling, "%5.2fx", row.rate / found->second);
    // ns per weight: 4 bytes of F32 per weight at row.rate GB/s.
    std::printf("%-22s %9.3f %9.2f %8.1f%% %6s %16s  %s\n", row.name.c_str(), row.rate, 4.0 / row.rate,
        100.0 * row.rate / copyRate, scaling, ggml, row.what.c_str());
}

int runTable(const Options& options)
{
    const std::size_t rows = 4096;
    const std::size_t columns = 4096;
    std::vector<float> weights(rows * columns);
    std::mt19937 random(42);
    std::normal_distribution<float> normal(0.0f, 0.02f);
    for (auto& w : weights)
        w = normal(random);
    std::vector<float> out(weights.size());
    std::vector<std::byte> blocks(weights.size() * 4);
    const double inputBytes = static_cast<double>(weights.size() * sizeof(float));
    std::unique_ptr<bench::GgmlLibrary> ggml;
    if (!options.ggmlPath.empty())
        ggml = std::make_unique<bench::GgmlLibrary>(options.ggmlPath);
    const auto wanted
        = [&](const std::string& name) { return !options.only || std::regex_search(name, *options.only); };

    std::printf("bench_quant: %zu x %zu F32 (%.0f MB), best of %d%s\n", rows, columns, inputBytes / 1e6,
        options.repeats, ggml ? ("; ggml from " + options.ggmlPath).c_str() : "");
    std::map<std::string, double> oneThread;
    for (const int threads : {1, 2}) {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
        const double copyRate = inputBytes
            / bench::streamCopySeconds(weights.data(), out.data(), weights.size(), threads, options.repeats) / 1e9;
        std::printf("\n%d thread%s: STREAM-style copy %.2f GB/s\n", threads, threads > 1 ? "s" : "", copyRate);
        std::printf("%-22s %9s %9s %9s %6s %16s  %s\n", "scheme", "GB/s", "ns/weight", "vs copy",
            threads > 1 ? "vs 1T" : "", ggml ? "ggml GB/s  ratio" : "", "what is timed");
        std::map<std::string, double> rates;
        const auto report = [&](Row row) {
            printRow(row, copyRate, threads > 1 ? oneThread : std::map<std::string, double>{});
            rates[row.name] = row.rate;
        };
        // Rows in parallel over the threads, as the lab's jobs split work.
        const auto perRow = [&](const std::function<void(std::size_t)>& work) {
            return bestSeconds(options.repeats, [&] { tbb::parallel_for(std::size_t(0), rows, work); });
        };
        for (const auto& spec : standardSchemes()) {
            if (spec.format == QuantFormat::Float32 || !wanted(spec.name()))
                continue;
            Row row;
            row.name = spec.name();
            if (const auto type = spec.isGgufBlockFormat() ? spec.ggufStorageType() : std::nullopt) {
                const std::size_t rowBytes = columns / dtypeBlockElements(*type) * dtypeSize(*type);
                const auto timeBlocks = [&](void (*quantize)(DType, const float*, std::size_t, std::byte*)) {
                    return perRow([&](std::size_t r) {
                        quantize(*type, weights.data() + r * columns, columns, blocks.data() + r * rowBytes);
                    });
                };
                const double referenceSeconds = timeBlocks(&quantizeBlocksReference);
                const double seconds = timeBlocks(&quantizeBlocks);
                row.rate = inputBytes / seconds / 1e9;
                if (ggml && ggml->supports(*type))
                    row.ggmlRate = inputBytes / 1e9 / perRow([&](std::size_t r) {
                        ggml->quantize(*type, weights.data() + r * columns, blocks.data() + r * rowBytes, 1, columns);
                    });
                char what[96];
                std::snprintf(what, sizeof what, "to blocks (our reference path %.3f GB/s, fast %.1fx)",
                    inputBytes / referenceSeconds / 1e9, referenceSeconds / seconds);
                row.what = what;
            } else {
                Progress progress;
                const double seconds = bestSeconds(options.repeats,
                    [&] { quantizeMatrix(spec, weights.data(), rows, columns, out.data(), progress, {}, 64); });
                row.rate = inputBytes / seconds / 1e9;
                row.what = "quantise + dequantise (simulated)";
            }
            report(row);
        }
        // Dequantisation of every block format (GB/s of F32 output).
        for (const auto type : blockTypes) {
            Row row;
            row.name = "to_float " + std::string(dtypeName(type));
            if (!wanted(row.name))
                continue;
            const std::size_t rowBytes = columns / dtypeBlockElements(type) * dtypeSize(type);
            tbb::parallel_for(std::size_t(0), rows, [&](std::size_t r) {
                quantizeBlocks(type, weights.data() + r * columns, columns, blocks.data() + r * rowBytes);
            });
            row.rate = inputBytes / 1e9 / perRow([&](std::size_t r) {
                convertToFloat(type, blocks.data() + r * rowBytes, columns, out.data() + r * columns);
            });
            if (ggml && ggml->supports(type)) {
                row.ggmlRate = inputBytes / 1e9 / perRow([&](std::size_t r) {
                    ggml->toFloat(type, blocks.data() + r * rowBytes, out.data() + r * columns, columns);
                });
            }
            row.what = "dequantise to F32";
            report(row);
        }
        if (threads == 1)
            oneThread = rates;
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    try {
        const Options options = parseOptions(argc, argv);
        if (!options.scaleChild.empty())
            return bench::runScaleChild(options.scaleChild[0], options.scaleChild[1], options.scaleChild[2]);
        if (!options.scaleDir.empty())
            return bench::runScale(options.scaleDir, options.keep, options.scaleSchemes);
        return runTable(options);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_quant: %s\n", e.what());
        return 1;
    }
}
