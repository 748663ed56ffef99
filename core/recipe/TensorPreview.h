// One tensor under a recipe, as the lab's measured charts draw it: the values the export would store
// (prune -> low rank -> quantise, exactly the pipeline's), their error against the source, the
// histograms of both, the quantisation grid of the group where rounding costs most, and an excerpt of
// one row (the seed's "signal" demo on real weights). Plain data, computed on a worker thread.
#pragma once

#include "quant/QuantGrid.h"
#include "recipe/Pipeline.h"
#include "tensor/TensorStats.h"

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace complab {

struct PreviewOptions
{
    std::size_t histogramBins = 96;
    std::size_t sampleColumns = 128; // width of the row excerpt (one INT4 g128 group)
};

struct TensorPreview
{
    TensorPlan plan; // what the recipe does to the tensor; plan.metrics: stored vs source values
    std::size_t rows = 0;
    std::size_t columns = 0;
    Histogram original; // the source values
    Histogram stored; // what the export holds, on the same bins
    Histogram error; // stored − source, on a range symmetric about zero
    double storedZeroFraction = 0.0; // exact zeros after compression (pruning shows here)
    // The grid of the group holding the largest-magnitude weight the quantiser saw; absent when the
    // tensor is not quantised.
    std::optional<QuantGroupGrid> grid;
    // An excerpt of the row holding the largest-magnitude weight: columns [sampleFirstColumn,
    // sampleFirstColumn + sampleOriginal.size()), source and stored.
    std::size_t sampleRow = 0;
    std::size_t sampleFirstColumn = 0;
    std::vector<float> sampleOriginal;
    std::vector<float> sampleStored;
    double sampleRmsError = 0.0;
};

// Counts values into `bins` equal bins over [lowest, highest]; values outside land in the edge bins,
// non-finite ones are skipped. bins must be > 0 and lowest < highest (else std::invalid_argument).
Histogram histogramOf(std::span<const float> values, double lowest, double highest, std::size_t bins);

} // namespace complab
