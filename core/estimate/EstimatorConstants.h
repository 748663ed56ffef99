// Every constant of the rule-of-thumb estimator in one value type: defaults from the seed article
// and published results, editable, resettable, and serialisable to JSON so a workshop can share a
// calibration. constantDescriptions() labels each one and names its sources.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace complab {

struct EstimatorConstants
{
    // Quality retained by weight precision; intermediate bit-widths interpolate linearly in log2(bits).
    double qualityFp32 = 1.000;
    double qualityFp16 = 0.999;
    double qualityInt8 = 0.980;
    double qualityInt4 = 0.940;
    double qualityInt2 = 0.780;
    // Pruning: q = 1 - (pruneLinear p + pruneCubic p^3).
    double pruneLinear = 0.05;
    double pruneCubic = 0.6;
    // Distillation: q = 1 - distillPerHalving log2(factor).
    double distillPerHalving = 0.04;

    // Lower bounds of the verbal bands (on quality rounded to 0.1 %).
    double bandNearLossless = 0.98;
    double bandMinor = 0.95;
    double bandNoticeableDrift = 0.90;
    double bandSignificant = 0.75;

    // first-order profile: activations = batch x context x hidden x this many bytes.
    double firstOrderActivationBytesPerValue = 4.0;
    // llama.cpp profile: what each GPU runtime keeps for itself (context, cuBLAS/hipBLAS workspaces).
    double runtimeOverheadCudaBytes = 457.0 * 1024 * 1024;
    double runtimeOverheadRocmBytes = 457.0 * 1024 * 1024;
    double runtimeOverheadMetalBytes = 0.0;
    // A tier fits when the estimate is at most usable memory x (1 - headroom).
    double tierHeadroom = 0.05;

    void reset() { *this = EstimatorConstants(); }
    // Throws std::invalid_argument naming the constant when a value is impossible or the
    // precision factors are not ordered (more bits must never mean less quality).
    void validate() const;

    // {"quality": {...}, "bands": {...}, "memory": {...}}; fromJson keeps defaults for absent keys
    // and rejects unknown ones (throws std::invalid_argument naming the key).
    std::string toJson() const;
    static EstimatorConstants fromJson(std::string_view text);

    bool operator==(const EstimatorConstants&) const = default;
};

struct ConstantDescription
{
    std::string_view key; // "quality.int4"
    double EstimatorConstants::*member;
    std::string_view label; // what a person sees beside the field
    std::string_view kind; // "rule of thumb, calibrated from published results" or "runtime behaviour"
    std::string_view sources;
};

std::span<const ConstantDescription> constantDescriptions();

} // namespace complab
