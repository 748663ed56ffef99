#include "estimate/Footprint.h"

namespace complab {

double effectiveParameters(double parameters, double pruneFraction, double distillFactor)
{
    return parameters * (1.0 - pruneFraction) / distillFactor;
}

double diskBytes(double parameters, double bitsPerWeight, double pruneFraction, double distillFactor)
{
    return effectiveParameters(parameters, pruneFraction, distillFactor) * bitsPerWeight / 8.0;
}

double fractionSmallerThanFp32(double parameters, double diskBytes)
{
    return parameters > 0.0 ? 1.0 - diskBytes / (parameters * 4.0) : 0.0;
}

} // namespace complab
