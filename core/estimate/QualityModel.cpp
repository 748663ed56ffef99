#include "estimate/QualityModel.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace complab {

double quantisationQuality(double weightBits, const EstimatorConstants& constants)
{
    // Anchors at log2(bits) = 1 (INT2), 2 (INT4), 3 (INT8), 4 (FP16), 5 (FP32).
    const std::array<double, 5> anchors{constants.qualityInt2, constants.qualityInt4, constants.qualityInt8,
        constants.qualityFp16, constants.qualityFp32};
    const double position = std::clamp(std::log2(std::max(weightBits, 1.0)), 0.0, 5.0);
    if (position < 1.0) {
        const double slope = anchors[1] - anchors[0];
        return std::max(0.0, anchors[0] - slope * (1.0 - position));
    }
    const auto lower = std::min<std::size_t>(static_cast<std::size_t>(position) - 1, anchors.size() - 2);
    const double t = position - 1.0 - static_cast<double>(lower);
    return anchors[lower] + (anchors[lower + 1] - anchors[lower]) * t;
}

double pruningQuality(double pruneFraction, const EstimatorConstants& constants)
{
    const double p = std::clamp(pruneFraction, 0.0, 1.0);
    return std::max(0.0, 1.0 - (constants.pruneLinear * p + constants.pruneCubic * p * p * p));
}

double distillationQuality(double distillFactor, const EstimatorConstants& constants)
{
    const double f = std::max(distillFactor, 1.0);
    return std::max(0.0, 1.0 - constants.distillPerHalving * std::log2(f));
}

double qualityRetained(
    double weightBits, double pruneFraction, double distillFactor, const EstimatorConstants& constants)
{
    return quantisationQuality(weightBits, constants) * pruningQuality(pruneFraction, constants)
        * distillationQuality(distillFactor, constants);
}

QualityBand qualityBand(double quality, const EstimatorConstants& constants)
{
    // Compare in tenths of a percent so 0.8999999 (shown as 90.0 %) reads like 0.90.
    const double shown = std::round(quality * 1000.0);
    const auto atLeast = [shown](double threshold) { return shown >= std::round(threshold * 1000.0); };
    if (atLeast(constants.bandNearLossless))
        return QualityBand::NearLossless;
    if (atLeast(constants.bandMinor))
        return QualityBand::Minor;
    if (atLeast(constants.bandNoticeableDrift))
        return QualityBand::NoticeableDrift;
    if (atLeast(constants.bandSignificant))
        return QualityBand::Significant;
    return QualityBand::Broken;
}

std::string_view qualityBandName(QualityBand band)
{
    switch (band) {
    case QualityBand::NearLossless:
        return "near-lossless";
    case QualityBand::Minor:
        return "minor";
    case QualityBand::NoticeableDrift:
        return "noticeable drift";
    case QualityBand::Significant:
        return "significant";
    case QualityBand::Broken:
        return "broken";
    }
    return "broken";
}

} // namespace complab
