// What a weight quantiser is asked to do: the scheme (uniform integers, NormalFloat, FP8, MXFP4
// or one of ggml's block formats), its bit-width and grouping, and the storage it costs.
#pragma once

#include "tensor/DType.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace complab {

enum class QuantFormat : std::uint8_t {
    Float32,
    Float16,
    BFloat16,
    Int, // uniform round-to-nearest integers, 2-8 bits
    NF4, // QLoRA's 4-bit NormalFloat
    FP8_E4M3,
    FP8_E5M2,
    MXFP4, // OCP microscaling: E2M1 values, one E8M0 scale per 32
    Q8_0,
    Q4_0,
    Q4_1,
    Q5_0,
    Q5_1,
    Q2_K,
    Q3_K,
    Q4_K,
    Q5_K,
    Q6_K,
};

enum class Granularity : std::uint8_t {
    PerTensor, // one scale for the whole tensor
    PerChannel, // one scale per output row
    PerGroup, // one scale per groupSize consecutive weights of a row
};

struct QuantSpec
{
    QuantFormat format = QuantFormat::Int;
    int bits = 4; // Int: 2..8
    bool symmetric = true; // Int: false adds a zero point per group
    Granularity granularity = Granularity::PerGroup;
    int groupSize = 128; // Int per-group (32, 64, 128, 256); NF4 block size (64)
    bool doubleQuant = false; // NF4: quantise the block scales too (QLoRA)

    static QuantSpec integer(int bits, int groupSize = 128, bool symmetric = true);
    static QuantSpec perChannel(QuantFormat format, int bits = 8, bool symmetric = true);
    static QuantSpec of(QuantFormat format);

    // "int4 g128", "int8 per-channel asym", "nf4", "q4_k", ...
    std::string name() const;
    // Parses the CLI spelling: int2..int8, nf4, fp8_e4m3, fp8_e5m2, mxfp4, q8_0 ... q6_k, f16, bf16, f32.
    static std::optional<QuantSpec> parse(std::string_view text, int groupSize = 128, bool asymmetric = false);

    // Storage per weight including scales and zero points (F16 scales for Int: int4 g128 = 4.125).
    double bitsPerWeight(std::uint64_t rows, std::uint64_t columns) const;
    // Row length must be a multiple of this (1 when any length works).
    std::size_t rowMultiple() const;
    bool isGgufBlockFormat() const;
    // The GGUF tensor type that stores this scheme natively (F32/F16/BF16 and ggml's block
    // formats), or nullopt (Int, NF4, FP8, MXFP4).
    std::optional<DType> ggufStorageType() const;
    // Why this scheme cannot take a [rows, columns] matrix, or empty when it can.
    std::string whyNotApplicable(std::uint64_t rows, std::uint64_t columns) const;
    // The nominal bit-width people compare schemes by (Q4_K -> 4, FP8 -> 8, NF4 -> 4).
    int nominalBits() const;

    bool operator==(const QuantSpec&) const = default;
};

// Every scheme the lab measures, in a fixed order (for the error-vs-bits sweep and the CLI).
std::vector<QuantSpec> standardSchemes();

} // namespace complab
