// The seed's first two equations: how many parameters survive pruning and distillation, and how
// many bytes they take on disk at a given bits per weight (scales and zero points included).
#pragma once

namespace complab {

// P x (1 - pruning fraction) / distillation factor.
double effectiveParameters(double parameters, double pruneFraction, double distillFactor);
// effective parameters x bits per weight / 8. Pruned weights are assumed removed (structured
// pruning, or a sparse format whose index cost is ignored), as in the seed simulator.
double diskBytes(double parameters, double bitsPerWeight, double pruneFraction, double distillFactor);
// 1 - disk bytes / (P x 4): "88 % smaller than FP32" for INT4.
double fractionSmallerThanFp32(double parameters, double diskBytes);

} // namespace complab
