// bench_quant: quantiser throughput against a STREAM-style copy measured in the same run, on a
// 4096 × 4096 F32 tensor of fixed-seed normal values, with 1 and 2 threads. Reports GB/s of F32
// input, ns per weight and the ratio to copy bandwidth. Build in Release; not a test.
#include "quant/GgufQuantize.h"
#include "quant/QuantizeJob.h"
#include "tensor/DType.h"

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

using namespace complab;

namespace {

using Clock = std::chrono::steady_clock;

// Best of `repeats` runs, in seconds.
double best(int repeats, const std::function<void()>& work)
{
    double fastest = 1e30;
    for (int i = 0; i < repeats; ++i) {
        const auto start = Clock::now();
        work();
        fastest = std::min(fastest, std::chrono::duration<double>(Clock::now() - start).count());
    }
    return fastest;
}

} // namespace

int main(int argc, char** argv)
{
    const std::size_t rows = 4096;
    const std::size_t columns = 4096;
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    std::vector<float> weights(rows * columns);
    std::mt19937 random(42);
    std::normal_distribution<float> normal(0.0f, 0.02f);
    for (auto& w : weights)
        w = normal(random);
    std::vector<float> out(weights.size());
    std::vector<std::byte> blocks(weights.size() * 4);
    const double inputBytes = static_cast<double>(weights.size() * sizeof(float));

    std::printf("bench_quant: %zu x %zu F32 (%.0f MB), best of %d\n", rows, columns, inputBytes / 1e6, repeats);
    for (const int threads : {1, 2}) {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
        // STREAM "copy": read and write the same number of bytes, the memory-bound ceiling.
        const double copySeconds = best(repeats, [&] {
            tbb::parallel_for(std::size_t(0), std::size_t(threads), [&](std::size_t part) {
                const std::size_t chunk = weights.size() / static_cast<std::size_t>(threads);
                std::memcpy(out.data() + part * chunk, weights.data() + part * chunk, chunk * sizeof(float));
            });
        });
        const double copyRate = inputBytes / copySeconds / 1e9;
        std::printf("\n%d thread%s: STREAM-style copy %.2f GB/s\n", threads, threads > 1 ? "s" : "", copyRate);
        std::printf("%-22s %12s %10s %10s  %s\n", "scheme", "GB/s (F32)", "ns/weight", "vs copy", "what is timed");
        for (const auto& spec : standardSchemes()) {
            if (spec.format == QuantFormat::Float32)
                continue;
            double seconds = 0;
            const char* what = "quantise + dequantise";
            if (const auto type = spec.isGgufBlockFormat() ? spec.ggufStorageType() : std::nullopt) {
                const std::size_t rowBytes = columns / dtypeBlockElements(*type) * dtypeSize(*type);
                // Both paths write the same bytes (the tests hold them to it); the reference is ggml's
                // algorithm as ggml writes it, the fast path what the lab runs.
                const auto timeBlocks = [&](void (*quantize)(DType, const float*, std::size_t, std::byte*)) {
                    return best(repeats, [&] {
                        tbb::parallel_for(std::size_t(0), rows, [&](std::size_t row) {
                            quantize(*type, weights.data() + row * columns, columns, blocks.data() + row * rowBytes);
                        });
                    });
                };
                const double referenceSeconds = timeBlocks(&quantizeBlocksReference);
                seconds = timeBlocks(&quantizeBlocks);
                static char description[96];
                std::snprintf(description, sizeof description,
                    "quantise to blocks (fast path; reference %.3f GB/s, %.1fx)", inputBytes / referenceSeconds / 1e9,
                    referenceSeconds / seconds);
                what = description;
            } else {
                Progress progress;
                seconds = best(repeats,
                    [&] { quantizeMatrix(spec, weights.data(), rows, columns, out.data(), progress, {}, 64); });
            }
            const double rate = inputBytes / seconds / 1e9;
            std::printf("%-22s %12.3f %10.2f %9.1f%%  %s\n", spec.name().c_str(), rate,
                seconds * 1e9 / static_cast<double>(weights.size()), 100.0 * rate / copyRate, what);
        }
        // Dequantisation of every block format.
        for (const auto type : {DType::Q8_0, DType::Q4_0, DType::Q4_K, DType::Q6_K}) {
            const std::size_t rowBytes = columns / dtypeBlockElements(type) * dtypeSize(type);
            for (std::size_t row = 0; row < rows; ++row)
                quantizeBlocksReference(type, weights.data() + row * columns, columns, blocks.data() + row * rowBytes);
            const double seconds = best(repeats, [&] {
                tbb::parallel_for(std::size_t(0), rows, [&](std::size_t row) {
                    convertToFloat(type, blocks.data() + row * rowBytes, columns, out.data() + row * columns);
                });
            });
            const double rate = inputBytes / seconds / 1e9;
            std::printf("%-22s %12.3f %10.2f %9.1f%%  dequantise to F32 (GB/s of F32 output)\n",
                (std::string("to_float ") + std::string(dtypeName(type))).c_str(), rate,
                seconds * 1e9 / static_cast<double>(weights.size()), 100.0 * rate / copyRate);
        }
    }
    return 0;
}
