#include "quant/QuantMetrics.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace complab {

void QuantMetricsAccumulator::add(const float* original, const float* reconstruction, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i) {
        const double x = original[i];
        const double y = reconstruction[i];
        const double error = y - x;
        errorSquares += error * error;
        signalSquares += x * x;
        reconstructionSquares += y * y;
        dot += x * y;
        maxAbsError = std::max(maxAbsError, std::abs(error));
        if (x != 0.0) {
            becameZero += y == 0.0;
            signFlips += (y != 0.0) && (std::signbit(x) != std::signbit(y));
        }
    }
    count += n;
}

void QuantMetricsAccumulator::merge(const QuantMetricsAccumulator& other)
{
    count += other.count;
    errorSquares += other.errorSquares;
    signalSquares += other.signalSquares;
    reconstructionSquares += other.reconstructionSquares;
    dot += other.dot;
    maxAbsError = std::max(maxAbsError, other.maxAbsError);
    signFlips += other.signFlips;
    becameZero += other.becameZero;
}

QuantMetrics QuantMetricsAccumulator::finish(double bitsPerWeight) const
{
    QuantMetrics metrics;
    metrics.count = count;
    metrics.bitsPerWeight = bitsPerWeight;
    metrics.storedBytes = static_cast<std::uint64_t>(std::ceil(bitsPerWeight * static_cast<double>(count) / 8.0));
    if (count == 0)
        return metrics;
    const double n = static_cast<double>(count);
    metrics.mse = errorSquares / n;
    metrics.rmsError = std::sqrt(metrics.mse);
    metrics.maxAbsError = maxAbsError;
    metrics.relativeError = signalSquares > 0.0 ? std::sqrt(errorSquares / signalSquares) : 0.0;
    metrics.sqnrDb = errorSquares > 0.0 ? 10.0 * std::log10(signalSquares / errorSquares)
                                        : std::numeric_limits<double>::infinity();
    const double norms = std::sqrt(signalSquares * reconstructionSquares);
    metrics.cosineSimilarity = norms > 0.0 ? dot / norms : (signalSquares == reconstructionSquares ? 1.0 : 0.0);
    metrics.signFlipFraction = static_cast<double>(signFlips) / n;
    metrics.becameZeroFraction = static_cast<double>(becameZero) / n;
    return metrics;
}

QuantMetrics measureError(const float* original, const float* reconstruction, std::size_t n, double bitsPerWeight)
{
    QuantMetricsAccumulator accumulator;
    accumulator.add(original, reconstruction, n);
    return accumulator.finish(bitsPerWeight);
}

} // namespace complab
