#include "quant/QuantMetrics.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_reduce.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace complab {

void QuantMetricsAccumulator::add(const float* original, const float* reconstruction, std::size_t n)
{
    // Eight independent partial sums per quantity: the additions no longer wait on each other, and
    // the compiler can pair the lanes in vector registers. Counts are branch-free.
    constexpr std::size_t lanes = 8;
    double error2[lanes] = {}, signal2[lanes] = {}, recon2[lanes] = {}, cross[lanes] = {}, worst[lanes] = {};
    std::uint64_t zeroed[lanes] = {}, flipped[lanes] = {};
    const auto accumulate = [&](std::size_t k, float xf, float yf) {
        const double x = xf;
        const double y = yf;
        const double e = y - x;
        error2[k] += e * e;
        signal2[k] += x * x;
        recon2[k] += y * y;
        cross[k] += x * y;
        worst[k] = std::max(worst[k], std::abs(e));
        const std::uint64_t nonzero = xf != 0.0f;
        zeroed[k] += nonzero & std::uint64_t(yf == 0.0f);
        flipped[k] += nonzero & std::uint64_t(yf != 0.0f) & std::uint64_t(std::signbit(xf) != std::signbit(yf));
    };
    std::size_t i = 0;
    for (; i + lanes <= n; i += lanes)
        for (std::size_t k = 0; k < lanes; ++k)
            accumulate(k, original[i + k], reconstruction[i + k]);
    for (std::size_t k = 0; i < n; ++i, ++k)
        accumulate(k, original[i], reconstruction[i]);
    for (std::size_t k = 0; k < lanes; ++k) {
        errorSquares += error2[k];
        signalSquares += signal2[k];
        reconstructionSquares += recon2[k];
        dot += cross[k];
        maxAbsError = std::max(maxAbsError, worst[k]);
        becameZero += zeroed[k];
        signFlips += flipped[k];
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

QuantMetricsAccumulator accumulateInParallel(std::uint64_t count, std::uint64_t grain, const AddMetricsPiece& add)
{
    return tbb::parallel_deterministic_reduce(
        tbb::blocked_range<std::uint64_t>(0, count, std::max<std::uint64_t>(grain, 1)), QuantMetricsAccumulator{},
        [&add](const tbb::blocked_range<std::uint64_t>& range, QuantMetricsAccumulator partial) {
            add(range.begin(), range.end(), partial);
            return partial;
        },
        [](QuantMetricsAccumulator left, const QuantMetricsAccumulator& right) {
            left.merge(right);
            return left;
        });
}

QuantMetrics measureError(const float* original, const float* reconstruction, std::size_t n, double bitsPerWeight)
{
    // Pieces of 64 K values.
    return accumulateInParallel(n, std::uint64_t(1) << 16,
        [original, reconstruction](std::uint64_t begin, std::uint64_t end, QuantMetricsAccumulator& partial) {
            partial.add(original + begin, reconstruction + begin, end - begin);
        })
        .finish(bitsPerWeight);
}

} // namespace complab
