// bench_model: forward-pass throughput on the shared models (lab-tinystories, stories260K), with 1
// and 2 threads: prompt processing (one batched forward of a full context from an empty cache) and
// generation (one token at a time over the same positions, as llama2.c's run.c does). Reports
// tokens/s, GFLOP/s of the weight matrices and, as the reference measured in the same run, the
// rate at which a STREAM-style copy moves the model's F32 weight bytes. Build in Release; not a test.
//   bench_model [SHARED_DATA_DIR] [REPEATS]
#include "io/Checkpoint.h"
#include "model/Transformer.h"

#include "StreamCopy.h"

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

using namespace complab;

using complab::bench::bestSeconds;

int main(int argc, char** argv)
{
    const std::string data = argc > 1 ? argv[1] : COMPLAB_SHARED_DATA_DIR;
    const int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    const std::vector<std::pair<std::string, std::string>> models{
        {"lab-tinystories", data + "/models/lab-tinystories-llama2c/lab-tinystories.bin"},
        {"stories260K", data + "/models/stories260K/stories260K.bin"}};
    std::printf("bench_model: best of %d\n", repeats);
    std::printf("%-16s %7s %6s %14s %12s %14s %12s %11s\n", "model", "threads", "tokens", "prompt tok/s", "GFLOP/s",
        "generate tok/s", "GFLOP/s", "copy tok/s");
    for (const auto& [label, path] : models) {
        std::shared_ptr<const ModelWeights> weights;
        try {
            weights = ModelWeights::load(*openCheckpoint(path));
        } catch (const std::exception& e) {
            std::printf("%-16s skipped: %s\n", label.c_str(), e.what());
            continue;
        }
        const Transformer model(weights);
        const auto& shape = model.shape();
        const auto tokens = std::min<std::int64_t>(256, shape.contextLength);
        std::mt19937 random(1);
        std::vector<std::int32_t> prompt{1};
        while (static_cast<std::int64_t>(prompt.size()) < tokens)
            prompt.push_back(static_cast<std::int32_t>(random() % static_cast<unsigned>(shape.vocabSize)));
        // Multiply-adds per token in the weight matrices (attention over the cache comes on top).
        double weightCount = 0;
        for (const auto& name : weights->linearTensorNames())
            weightCount += static_cast<double>(weights->find(name)->elementCount());
        // The embedding lookup costs nothing; tied, the same matrix is the classifier and counts once.
        if (!weights->tiedClassifier())
            weightCount -= static_cast<double>(weights->tokenEmbedding().elementCount());
        const double flopsPerToken = 2 * weightCount;
        std::vector<float> source(static_cast<std::size_t>(weightCount)), target(source.size());
        for (const int threads : {1, 2}) {
            tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
            auto cache = model.newCache(tokens);
            const double promptSeconds = bestSeconds(repeats, [&] {
                cache.clear();
                model.forward(prompt, cache);
            });
            const double generateSeconds = bestSeconds(repeats, [&] {
                cache.clear();
                for (std::int64_t t = 0; t < tokens; ++t)
                    model.forward(std::span(prompt).subspan(static_cast<std::size_t>(t), 1), cache, nullptr, true);
            });
            // Reference: copying the weights' bytes once per token (what a memory-bound decoder must read).
            const double copySeconds
                = bench::streamCopySeconds(source.data(), target.data(), source.size(), threads, repeats);
            const double n = static_cast<double>(tokens);
            std::printf("%-16s %7d %6lld %14.0f %12.2f %14.0f %12.2f %11.0f\n", label.c_str(), threads,
                static_cast<long long>(tokens), n / promptSeconds, n * flopsPerToken / promptSeconds / 1e9,
                n / generateSeconds, n * flopsPerToken / generateSeconds / 1e9, 1.0 / copySeconds);
        }
    }
    return 0;
}
