// The seed's quality model: quality retained is a product of one factor per technique
// (precision, pruning, distillation), each a rule of thumb calibrated from published results,
// plus the verbal band a person reads ("noticeable drift").
#pragma once

#include "estimate/EstimatorConstants.h"

#include <string_view>

namespace complab {

// FP32 1.000, FP16 0.999, INT8 0.980, INT4 0.940, INT2 0.780; between anchors linear in log2(bits),
// below 2 bits the INT4->INT2 slope continues down to 1 bit, above 32 bits it stays at FP32.
double quantisationQuality(double weightBits, const EstimatorConstants& constants);
// 1 - (0.05 p + 0.6 p^3) for pruning fraction p in [0, 1].
double pruningQuality(double pruneFraction, const EstimatorConstants& constants);
// 1 - 0.04 log2(f) for a student f times smaller than its teacher (f >= 1).
double distillationQuality(double distillFactor, const EstimatorConstants& constants);
// The product of the three factors, never below zero.
double qualityRetained(
    double weightBits, double pruneFraction, double distillFactor, const EstimatorConstants& constants);

enum class QualityBand { NearLossless, Minor, NoticeableDrift, Significant, Broken };

// Decided on quality rounded to 0.1 %, so the band always agrees with the number shown.
QualityBand qualityBand(double quality, const EstimatorConstants& constants);
// "near-lossless", "minor", "noticeable drift", "significant", "broken".
std::string_view qualityBandName(QualityBand band);

} // namespace complab
