// libFuzzer harness for the checkpoint readers: the input is written to a file with the
// format's extension (readers memory-map files), opened, and every tensor is decoded and summed.
// Any outcome but success or CheckpointError is a finding. Build with the `fuzz` preset.
// For the sharded index (COMPLAB_FUZZ_SHARDS), the input is the index JSON, and two valid shards
// (`shard-1.safetensors`, `shard-2.safetensors`, tensors "a" and "b") lie beside it.
#include "io/Checkpoint.h"
#include "io/CheckpointError.h"
#include "tensor/TensorStats.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#ifndef COMPLAB_FUZZ_EXTENSION
#error "define COMPLAB_FUZZ_EXTENSION, e.g. \".gguf\""
#endif

namespace {

void writeBytes(const std::filesystem::path& path, const void* data, std::size_t size)
{
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
}

#ifdef COMPLAB_FUZZ_SHARDS
// A safetensors file holding one F32 tensor of two values.
void writeShard(const std::filesystem::path& path, const std::string& tensor)
{
    std::string header = "{\"" + tensor + "\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
    const std::uint64_t length = header.size();
    std::string bytes(8, '\0');
    std::memcpy(bytes.data(), &length, 8);
    bytes += header;
    const float values[2] = {1.5f, -2.0f};
    bytes.append(reinterpret_cast<const char*>(values), sizeof values);
    writeBytes(path, bytes.data(), bytes.size());
}
#endif

const std::filesystem::path& inputPath()
{
    static const std::filesystem::path path = [] {
        const auto folder = std::filesystem::temp_directory_path() / ("complab-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(folder);
#ifdef COMPLAB_FUZZ_SHARDS
        writeShard(folder / "shard-1.safetensors", "a");
        writeShard(folder / "shard-2.safetensors", "b");
        return folder / ("model" COMPLAB_FUZZ_EXTENSION);
#else
        return folder / ("input" COMPLAB_FUZZ_EXTENSION);
#endif
    }();
    return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto& path = inputPath();
    writeBytes(path, data, size);
    try {
        const auto checkpoint = complab::openCheckpoint(path);
        complab::Progress progress;
        for (std::size_t i = 0; i < checkpoint->tensors().size(); ++i) {
            if (!checkpoint->tensors()[i].supported)
                continue;
            // Bounded work per input: decoding is linear in the (already validated) file size.
            const auto stats = complab::computeStats(checkpoint->tensor(i), progress, {}, {.histogramBins = 16});
            if (stats.histogram.total() > stats.count)
                __builtin_trap();
        }
    } catch (const complab::CheckpointError&) { }
    return 0;
}
