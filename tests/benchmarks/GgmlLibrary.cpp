#include "GgmlLibrary.h"

#include <dlfcn.h>

#include <stdexcept>

namespace complab::bench {

GgmlLibrary::GgmlLibrary(const std::string& path)
{
    m_handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!m_handle) {
        const char* error = ::dlerror();
        throw std::runtime_error(path + ": cannot load ggml: " + (error ? error : "unknown error"));
    }
    m_quantizeChunk = reinterpret_cast<QuantizeChunk>(::dlsym(m_handle, "ggml_quantize_chunk"));
    m_getTypeTraits = reinterpret_cast<GetTypeTraits>(::dlsym(m_handle, "ggml_get_type_traits"));
    if (!m_quantizeChunk || !m_getTypeTraits) {
        ::dlclose(m_handle);
        throw std::runtime_error(path + ": no ggml_quantize_chunk / ggml_get_type_traits (not libggml-base?)");
    }
}

GgmlLibrary::~GgmlLibrary()
{
    ::dlclose(m_handle);
}

const GgmlLibrary::TypeTraits* GgmlLibrary::traits(DType type) const
{
    const auto id = ggmlTypeOf(type);
    if (!id)
        return nullptr;
    const TypeTraits* entry = m_getTypeTraits(static_cast<int>(*id));
    if (!entry || !entry->toFloat || entry->blockSize != static_cast<std::int64_t>(dtypeBlockElements(type))
        || entry->typeSize != dtypeSize(type))
        return nullptr;
    return entry;
}

bool GgmlLibrary::supports(DType type) const
{
    return isBlockFormat(type) && traits(type) != nullptr;
}

void GgmlLibrary::quantize(DType type, const float* src, std::byte* dst, std::size_t rows, std::size_t columns) const
{
    if (!supports(type))
        throw std::invalid_argument("ggml: no matching quantiser for " + std::string(dtypeName(type)));
    m_quantizeChunk(static_cast<int>(*ggmlTypeOf(type)), src, dst, 0, static_cast<std::int64_t>(rows),
        static_cast<std::int64_t>(columns), nullptr);
}

void GgmlLibrary::toFloat(DType type, const std::byte* src, float* dst, std::size_t count) const
{
    const TypeTraits* entry = traits(type);
    if (!entry)
        throw std::invalid_argument("ggml: no matching to_float for " + std::string(dtypeName(type)));
    entry->toFloat(src, dst, static_cast<std::int64_t>(count));
}

} // namespace complab::bench
