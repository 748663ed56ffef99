// ggml's quantisers loaded at run time from a libggml-base.so built beside the project, for
// bench_quant's side-by-side comparison: only the few C entry points it times are declared here
// (ggml's code never enters the project; the library is not part of the build or the repository).
#pragma once

#include "tensor/DType.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace complab::bench {

class GgmlLibrary
{
public:
    // Throws std::runtime_error naming the file when it cannot be loaded or lacks a symbol.
    explicit GgmlLibrary(const std::string& path);
    ~GgmlLibrary();
    GgmlLibrary(const GgmlLibrary&) = delete;
    GgmlLibrary& operator=(const GgmlLibrary&) = delete;

    // True when ggml knows `type` with the block size and byte size the lab uses (a layout check
    // against a library of another version).
    bool supports(DType type) const;
    // ggml_quantize_chunk(type, src, dst, 0, rows, columns, no importance matrix).
    void quantize(DType type, const float* src, std::byte* dst, std::size_t rows, std::size_t columns) const;
    // The type traits' to_float over count values.
    void toFloat(DType type, const std::byte* src, float* dst, std::size_t count) const;

private:
    // ggml's struct ggml_type_traits, in declaration order (include/ggml.h).
    struct TypeTraits
    {
        const char* typeName;
        std::int64_t blockSize;
        std::int64_t blockSizeInterleave;
        std::size_t typeSize;
        bool isQuantized;
        void (*toFloat)(const void* x, float* y, std::int64_t k);
        void (*fromFloatReference)(const float* x, void* y, std::int64_t k);
    };
    using QuantizeChunk = std::size_t (*)(int type, const float* src, void* dst, std::int64_t start, std::int64_t rows,
        std::int64_t columns, const float* importance);
    using GetTypeTraits = const TypeTraits* (*)(int type);

    const TypeTraits* traits(DType type) const;

    void* m_handle = nullptr;
    QuantizeChunk m_quantizeChunk = nullptr;
    GetTypeTraits m_getTypeTraits = nullptr;
};

} // namespace complab::bench
