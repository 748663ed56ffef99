// How far a compressed tensor is from the original: one struct of error measures, computed in
// one pass over (original, reconstruction) pairs, mergeable across threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>

namespace complab {

struct QuantMetrics
{
    std::uint64_t count = 0;
    double mse = 0.0;
    double rmsError = 0.0;
    double maxAbsError = 0.0;
    double relativeError = 0.0; // ‖W − Ŵ‖_F / ‖W‖_F
    double sqnrDb = 0.0; // 10 log10(‖W‖² / ‖W − Ŵ‖²); +inf when exact
    double cosineSimilarity = 0.0;
    double bitsPerWeight = 0.0; // storage actually used, scales included
    std::uint64_t storedBytes = 0;
    double signFlipFraction = 0.0; // non-zero weights whose sign changed
    double becameZeroFraction = 0.0; // non-zero weights rounded to exactly zero
};

// Running sums for QuantMetrics; accumulate blocks separately and merge in a fixed order.
struct QuantMetricsAccumulator
{
    std::uint64_t count = 0;
    double errorSquares = 0.0;
    double signalSquares = 0.0;
    double reconstructionSquares = 0.0;
    double dot = 0.0;
    double maxAbsError = 0.0;
    std::uint64_t signFlips = 0;
    std::uint64_t becameZero = 0;

    void add(const float* original, const float* reconstruction, std::size_t n);
    void merge(const QuantMetricsAccumulator& other);
    QuantMetrics finish(double bitsPerWeight) const;
};

QuantMetrics measureError(const float* original, const float* reconstruction, std::size_t n, double bitsPerWeight);

// Sums add(begin, end, accumulator) over [0, count) in pieces of at most `grain` on oneTBB. The
// deterministic reduce splits and joins the same way on any thread count, so the sums (and every
// digit printed from them) do not depend on the machine.
using AddMetricsPiece = std::function<void(std::uint64_t begin, std::uint64_t end, QuantMetricsAccumulator&)>;
QuantMetricsAccumulator accumulateInParallel(std::uint64_t count, std::uint64_t grain, const AddMetricsPiece& add);

} // namespace complab
