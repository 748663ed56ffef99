// What a report holds: the model card, the recipe, the rule-of-thumb estimate for the recipe on this
// checkpoint, every tensor measured under the recipe (the pipeline's own numbers, nothing written),
// the histograms of the worst tensor, and when the lab can run the model, its quality against the
// original plus the INT2…INT8 sweep. Plain data gathered by one job; the HTML, PDF, CSV and HDF5
// writers only lay it out, so every format shows the same numbers.
#pragma once

#include "estimate/Estimator.h"
#include "model/EvaluationText.h"
#include "model/Evaluator.h"
#include "model/QualitySweep.h"
#include "recipe/Pipeline.h"
#include "recipe/Progress.h"
#include "recipe/Recipe.h"
#include "tensor/TensorStats.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <utility>
#include <vector>

namespace complab {

class Checkpoint;
class ModelWeights;

namespace report {

// What the caller prepares when the model can be run: the decoded weights and the evaluation
// windows (the CLI and the GUI find the tokenizer their own way).
struct QualityInput
{
    std::shared_ptr<const ModelWeights> weights;
    std::vector<EvaluationWindow> windows;
    std::string tokenizer; // how the text was tokenised, for the report ("SentencePiece, 2,048 pieces")
    std::string text; // the text's file name
    bool sweepBits = true; // also the INT2…INT8 sweep and per-layer sensitivity
};

struct ReportOptions
{
    std::string generator; // "compression-lab-cli 0.7.0"
    std::string createdAt; // ISO 8601, UTC; empty: now
    std::optional<QualityInput> quality;
    std::string qualityUnavailable; // why quality was not measured, when `quality` is empty
};

struct ModelCard
{
    std::string file; // file or folder name
    std::string path;
    std::string format; // "safetensors"
    std::string architecture; // "llama, 4 layers, width 256, 8 heads (4 key/value), vocabulary 2,048"
    std::size_t tensorCount = 0;
    std::uint64_t parameters = 0;
    std::uint64_t tensorBytes = 0;
    std::string dtypes; // "BF16 (38 tensors)"
};

// One tensor as the recipe treats it, with the pipeline's metrics (absent when copied unchanged).
struct TensorRow
{
    TensorPlan plan;
    std::uint64_t elements = 0;
    std::uint64_t sourceBytes = 0;
    std::uint64_t storedBytes = 0;
    std::string treatment; // "int4 g128", "kept: 1-D", "q4_k after prune"
};

struct Totals
{
    std::uint64_t parameters = 0;
    std::uint64_t sourceBytes = 0;
    std::uint64_t storedBytes = 0;
    double bitsPerWeight = 0; // stored bits over all weights
    std::size_t compressedTensors = 0;
    double relativeError = 0; // over all compressed weights: sqrt(Σ error² / Σ signal²)
};

// A histogram of the worst tensor before and after, on the same bins.
struct HistogramPair
{
    std::string tensor;
    Histogram original;
    Histogram stored;
    Histogram error;
};

// A curve with its axis units, as the charts and the HDF5 file hold it.
struct Curve
{
    std::string name;
    std::string xUnit;
    std::string yUnit;
    std::vector<std::pair<double, double>> points;
};

// The rule-of-thumb answer for the recipe on this checkpoint (labelled as an estimate everywhere),
// with the inputs it was computed from.
struct EstimateSummary
{
    double parameters = 0;
    bool parametersFromCheckpoint = true;
    std::string architecture; // the shape the VRAM terms used
    bool architectureAssumed = false; // taken from the table by size
    double weightBits = 16; // nominal, read by the quality rule
    double bitsPerWeight = 16; // storage, read by footprint and VRAM
    double pruneFraction = 0;
    double distillFactor = 1;
    std::int64_t context = 0;
    std::int64_t batch = 1;
    std::string kvCacheType;
    std::string runtimeProfile;
    double diskBytes = 0;
    double fractionSmallerThanFp32 = 0;
    VramBreakdown vram;
    double quality = 0;
    std::string qualityBand;
    std::string tier; // smallest hardware tier that fits; empty: none
    std::string acceleratorTier;
    std::string rule; // how it was computed, in words
};

struct MeasuredQuality
{
    std::string tokenizer;
    std::string text;
    PerplexityResult original;
    ComparisonResult compressed;
    std::size_t replacedTensors = 0;
    std::vector<VariantQuality> bitSweep; // INT2…INT8 over the whole model
    std::vector<VariantQuality> layerSensitivity; // one layer at a time at the recipe's scheme
    std::string sweepFamily; // "int g128"
};

struct ReportData
{
    std::string generator;
    std::string createdAt;
    ModelCard model;
    Recipe recipe;
    std::string recipeJson;
    std::vector<std::pair<std::string, std::string>> recipeSummary; // label, value
    EstimateSummary estimate;
    std::vector<TensorRow> tensors; // file order
    Totals totals;
    std::optional<HistogramPair> worstHistograms;
    std::vector<Curve> estimatedCurves; // quality vs bits (rule), VRAM by term vs context
    std::optional<MeasuredQuality> quality;
    std::string qualityUnavailable;
};

// The job: plans and measures every tensor under the recipe, then (with options.quality) evaluates
// the compressed model against the original. Throws std::invalid_argument for a recipe that does not
// fit the checkpoint, Cancelled when stopped.
ReportData buildReport(std::shared_ptr<const Checkpoint> checkpoint, const Recipe& recipe, const ReportOptions& options,
    Progress& progress, std::stop_token stop);

// Rows of the measured table, worst relative error first (tensors without metrics last, in file order).
std::vector<const TensorRow*> rowsWorstFirst(const ReportData& data);

} // namespace report
} // namespace complab
