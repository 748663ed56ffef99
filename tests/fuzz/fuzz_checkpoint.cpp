// libFuzzer harness for the checkpoint readers: the input is written to a file with the
// format's extension (readers memory-map files), opened, and every tensor is decoded and summed.
// Any outcome but success or CheckpointError is a finding. Build with the `fuzz` preset.
#include "io/Checkpoint.h"
#include "io/CheckpointError.h"
#include "tensor/TensorStats.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#ifndef COMPLAB_FUZZ_EXTENSION
#error "define COMPLAB_FUZZ_EXTENSION, e.g. \".gguf\""
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const std::filesystem::path path = std::filesystem::temp_directory_path()
        / ("complab-fuzz-" + std::to_string(::getpid()) + COMPLAB_FUZZ_EXTENSION);
    {
        std::ofstream file(path, std::ios::binary | std::ios::trunc);
        file.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    try {
        const auto checkpoint = complab::openCheckpoint(path);
        complab::Progress progress;
        for (std::size_t i = 0; i < checkpoint->tensors().size(); ++i) {
            // Bounded work per input: decoding is linear in the (already validated) file size.
            const auto stats = complab::computeStats(checkpoint->tensor(i), progress, {}, {.histogramBins = 16});
            if (stats.histogram.total() > stats.count)
                __builtin_trap();
        }
    } catch (const complab::CheckpointError&) { }
    return 0;
}
