#include "estimate/RuntimeProfile.h"

#include "estimate/DataTable.h"

namespace complab {

std::string_view runtimeProfileName(RuntimeProfile profile)
{
    return profile == RuntimeProfile::FirstOrder ? "first-order" : "llama.cpp";
}

std::optional<RuntimeProfile> parseRuntimeProfile(std::string_view name)
{
    if (equalsIgnoringCase(name, "first-order"))
        return RuntimeProfile::FirstOrder;
    if (equalsIgnoringCase(name, "llama.cpp"))
        return RuntimeProfile::LlamaCpp;
    return std::nullopt;
}

std::string_view backendName(Backend backend)
{
    switch (backend) {
    case Backend::Cuda:
        return "cuda";
    case Backend::Rocm:
        return "rocm";
    case Backend::Metal:
        return "metal";
    case Backend::Cpu:
        return "cpu";
    }
    return "cpu";
}

std::optional<Backend> parseBackend(std::string_view name)
{
    for (const auto backend : {Backend::Cuda, Backend::Rocm, Backend::Metal, Backend::Cpu}) {
        if (equalsIgnoringCase(name, backendName(backend)))
            return backend;
    }
    return std::nullopt;
}

} // namespace complab
