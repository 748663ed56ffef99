// The benchmarks' memory-bandwidth reference: a STREAM-style copy (read and write the same bytes,
// split evenly over the threads) timed in the same run as the work it is compared with, and the
// best-of-N timer both use. Shared by bench_quant and bench_model.
#pragma once

#include <tbb/parallel_for.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstring>
#include <functional>

namespace complab::bench {

// Best (shortest) wall time of `repeats` runs of work, in seconds.
inline double bestSeconds(int repeats, const std::function<void()>& work)
{
    double fastest = 1e30;
    for (int i = 0; i < std::max(repeats, 1); ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        fastest = std::min(fastest, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return fastest;
}

// Best time to copy count floats from source to target with `threads` parallel parts (the last part
// takes the remainder); the caller limits oneTBB's parallelism to the same thread count.
inline double streamCopySeconds(const float* source, float* target, std::size_t count, int threads, int repeats)
{
    const auto parts = static_cast<std::size_t>(std::max(threads, 1));
    return bestSeconds(repeats, [&] {
        tbb::parallel_for(std::size_t(0), parts, [&](std::size_t part) {
            const std::size_t chunk = count / parts;
            const std::size_t first = part * chunk;
            const std::size_t size = part + 1 == parts ? count - first : chunk;
            std::memcpy(target + first, source + first, size * sizeof(float));
        });
    });
}

} // namespace complab::bench
