// Which memory model the VRAM estimate follows (the seed's first-order arithmetic, or llama.cpp's
// allocations) and which GPU runtime it runs on (decides the per-device overhead).
#pragma once

#include <optional>
#include <string_view>

namespace complab {

enum class RuntimeProfile {
    FirstOrder, // weights + KV + a small activation term, no runtime overhead (the seed simulator)
    LlamaCpp, // weights + KV + compute buffer + per-device runtime overhead, as llama.cpp allocates
};

enum class Backend { Cuda, Rocm, Metal, Cpu };

std::string_view runtimeProfileName(RuntimeProfile profile); // "first-order", "llama.cpp"
std::optional<RuntimeProfile> parseRuntimeProfile(std::string_view name);
std::string_view backendName(Backend backend); // "cuda", "rocm", "metal", "cpu"
std::optional<Backend> parseBackend(std::string_view name);

} // namespace complab
