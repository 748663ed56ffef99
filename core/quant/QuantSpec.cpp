#include "quant/QuantSpec.h"

#include "tensor/DType.h"

#include <array>

namespace complab {

namespace {

struct FormatTraits
{
    QuantFormat format;
    std::string_view name;
    int nominalBits;
    std::optional<DType> ggufType;
};

// One table for the names, nominal widths and GGUF storage types of the schemes.
const std::array<FormatTraits, 18> formatTable{{
    {QuantFormat::Float32, "f32", 32, DType::F32},
    {QuantFormat::Float16, "f16", 16, DType::F16},
    {QuantFormat::BFloat16, "bf16", 16, DType::BF16},
    {QuantFormat::Int, "int", 0, std::nullopt},
    {QuantFormat::NF4, "nf4", 4, std::nullopt},
    {QuantFormat::FP8_E4M3, "fp8_e4m3", 8, std::nullopt},
    {QuantFormat::FP8_E5M2, "fp8_e5m2", 8, std::nullopt},
    {QuantFormat::MXFP4, "mxfp4", 4, std::nullopt},
    {QuantFormat::Q8_0, "q8_0", 8, DType::Q8_0},
    {QuantFormat::Q4_0, "q4_0", 4, DType::Q4_0},
    {QuantFormat::Q4_1, "q4_1", 4, DType::Q4_1},
    {QuantFormat::Q5_0, "q5_0", 5, DType::Q5_0},
    {QuantFormat::Q5_1, "q5_1", 5, DType::Q5_1},
    {QuantFormat::Q2_K, "q2_k", 2, DType::Q2_K},
    {QuantFormat::Q3_K, "q3_k", 3, DType::Q3_K},
    {QuantFormat::Q4_K, "q4_k", 4, DType::Q4_K},
    {QuantFormat::Q5_K, "q5_k", 5, DType::Q5_K},
    {QuantFormat::Q6_K, "q6_k", 6, DType::Q6_K},
}};

const FormatTraits& traits(QuantFormat scheme)
{
    return formatTable[static_cast<std::size_t>(scheme)];
}

constexpr double scaleBits = 16.0; // F16 scales and zero points, as GPTQ/AWQ checkpoints store them

} // namespace

QuantSpec QuantSpec::integer(int bits, int groupSize, bool symmetric)
{
    QuantSpec spec;
    spec.format = QuantFormat::Int;
    spec.bits = bits;
    spec.groupSize = groupSize;
    spec.symmetric = symmetric;
    spec.granularity = Granularity::PerGroup;
    return spec;
}

QuantSpec QuantSpec::perChannel(QuantFormat scheme, int bits, bool symmetric)
{
    QuantSpec spec;
    spec.format = scheme;
    spec.bits = bits;
    spec.symmetric = symmetric;
    spec.granularity = Granularity::PerChannel;
    return spec;
}

QuantSpec QuantSpec::of(QuantFormat scheme)
{
    QuantSpec spec;
    spec.format = scheme;
    spec.bits = traits(scheme).nominalBits;
    if (scheme == QuantFormat::NF4)
        spec.groupSize = 64;
    if (scheme == QuantFormat::MXFP4)
        spec.groupSize = 32;
    if (scheme == QuantFormat::FP8_E4M3 || scheme == QuantFormat::FP8_E5M2)
        spec.granularity = Granularity::PerChannel;
    return spec;
}

std::string QuantSpec::name() const
{
    switch (format) {
    case QuantFormat::Int: {
        std::string text = "int" + std::to_string(bits);
        if (granularity == Granularity::PerGroup)
            text += " g" + std::to_string(groupSize);
        else if (granularity == Granularity::PerChannel)
            text += " per-channel";
        else
            text += " per-tensor";
        return symmetric ? text : text + " asym";
    }
    case QuantFormat::NF4:
        return doubleQuant ? "nf4 dq" : "nf4";
    case QuantFormat::FP8_E4M3:
    case QuantFormat::FP8_E5M2:
        return std::string(traits(format).name)
            + (granularity == Granularity::PerTensor ? " per-tensor" : " per-channel");
    default:
        return std::string(traits(format).name);
    }
}

std::optional<QuantSpec> QuantSpec::parse(std::string_view text, int groupSize, bool asymmetric)
{
    if (text.size() == 4 && text.substr(0, 3) == "int" && text[3] >= '2' && text[3] <= '8')
        return integer(text[3] - '0', groupSize, !asymmetric);
    if (text == "nf4_dq") {
        auto spec = of(QuantFormat::NF4);
        spec.doubleQuant = true;
        return spec;
    }
    for (const auto& entry : formatTable) {
        if (entry.format != QuantFormat::Int && entry.name == text)
            return of(entry.format);
    }
    return std::nullopt;
}

double QuantSpec::bitsPerWeight(std::uint64_t rows, std::uint64_t columns) const
{
    const double elements = static_cast<double>(rows) * static_cast<double>(columns);
    switch (format) {
    case QuantFormat::Int: {
        const double perScale
            = scaleBits + (symmetric ? 0.0 : static_cast<double>(bits)); // zero point packed at `bits`
        switch (granularity) {
        case Granularity::PerTensor:
            return bits + (elements > 0 ? 32.0 * (symmetric ? 1 : 2) / elements : 0.0);
        case Granularity::PerChannel:
            return bits + (columns > 0 ? perScale / static_cast<double>(columns) : 0.0);
        case Granularity::PerGroup:
            return bits + perScale / groupSize;
        }
        return bits;
    }
    case QuantFormat::NF4:
        // An F32 absmax per block; with double quantisation an 8-bit absmax per block plus an F32
        // scale per 256 blocks (QLoRA, Dettmers et al. 2023: 4.127 bits at block 64).
        return doubleQuant ? 4.0 + 8.0 / groupSize + 32.0 / (groupSize * 256.0) : 4.0 + 32.0 / groupSize;
    case QuantFormat::FP8_E4M3:
    case QuantFormat::FP8_E5M2:
        if (granularity == Granularity::PerTensor)
            return 8.0 + (elements > 0 ? 32.0 / elements : 0.0);
        return 8.0 + (columns > 0 ? 32.0 / static_cast<double>(columns) : 0.0);
    case QuantFormat::MXFP4:
        return 4.0 + 8.0 / 32.0;
    default:
        return dtypeBitsPerWeight(*traits(format).ggufType);
    }
}

std::size_t QuantSpec::rowMultiple() const
{
    switch (format) {
    case QuantFormat::Int:
        return granularity == Granularity::PerGroup ? static_cast<std::size_t>(groupSize) : 1;
    case QuantFormat::NF4:
        return static_cast<std::size_t>(groupSize);
    case QuantFormat::MXFP4:
        return 32;
    default:
        return traits(format).ggufType ? dtypeBlockElements(*traits(format).ggufType) : 1;
    }
}

std::optional<DType> QuantSpec::ggufStorageType() const
{
    return traits(format).ggufType;
}

bool QuantSpec::isGgufBlockFormat() const
{
    const auto type = traits(format).ggufType;
    return type && isBlockFormat(*type);
}

std::string QuantSpec::whyNotApplicable(std::uint64_t rows, std::uint64_t columns) const
{
    if (format == QuantFormat::Int && (bits < 2 || bits > 8))
        return "integer quantisation takes 2 to 8 bits, not " + std::to_string(bits);
    if ((format == QuantFormat::Int && granularity == Granularity::PerGroup) || format == QuantFormat::NF4) {
        if (groupSize <= 0)
            return "group size must be positive";
    }
    if (rows == 0 || columns == 0)
        return "the tensor is empty";
    if (columns % rowMultiple() != 0)
        return "rows of " + std::to_string(columns) + " values are not a multiple of " + std::to_string(rowMultiple())
            + ", the block size of " + name();
    return {};
}

int QuantSpec::nominalBits() const
{
    return format == QuantFormat::Int ? bits : traits(format).nominalBits;
}

std::vector<QuantSpec> standardSchemes()
{
    std::vector<QuantSpec> schemes;
    for (int bits = 8; bits >= 2; --bits)
        schemes.push_back(QuantSpec::integer(bits, 128));
    schemes.push_back(QuantSpec::integer(4, 128, false));
    schemes.push_back(QuantSpec::perChannel(QuantFormat::Int, 8));
    auto nf4dq = QuantSpec::of(QuantFormat::NF4);
    nf4dq.doubleQuant = true;
    for (const auto scheme : {QuantFormat::Float16, QuantFormat::BFloat16, QuantFormat::NF4})
        schemes.push_back(QuantSpec::of(scheme));
    schemes.push_back(nf4dq);
    for (const auto scheme : {QuantFormat::FP8_E4M3, QuantFormat::FP8_E5M2, QuantFormat::MXFP4, QuantFormat::Q8_0,
             QuantFormat::Q6_K, QuantFormat::Q5_K, QuantFormat::Q5_1, QuantFormat::Q5_0, QuantFormat::Q4_K,
             QuantFormat::Q4_1, QuantFormat::Q4_0, QuantFormat::Q3_K, QuantFormat::Q2_K})
        schemes.push_back(QuantSpec::of(scheme));
    return schemes;
}

} // namespace complab
