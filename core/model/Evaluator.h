// Measured quality of a model on evaluation windows (see EvaluationText.h): perplexity, and against
// the uncompressed model on the same tokens the measures llama.cpp's `llama-perplexity
// --kl-divergence` reports (KL divergence statistics, same-top agreement, RMS Δp, ΔPPL and
// ln(PPL ratio)), each with its standard error. Every function is a Job: progress, cancellation.
#pragma once

#include "model/EvaluationText.h"
#include "model/Transformer.h"
#include "recipe/Progress.h"

#include <cstdint>
#include <memory>
#include <stop_token>
#include <vector>

namespace complab {

struct PerplexityResult
{
    std::int64_t tokens = 0; // predicted tokens
    std::int64_t windows = 0;
    double meanNll = 0.0; // nats per predicted token
    double perplexity = 0.0; // exp(meanNll)
    double perplexityError = 0.0; // standard error, PPL · se(NLL) (tokens treated as independent)
};

// Computes log-softmax in double precision over each window, windows in parallel (oneTBB).
PerplexityResult evaluatePerplexity(
    const Transformer& model, const std::vector<EvaluationWindow>& windows, Progress& progress, std::stop_token stop);

// The uncompressed model's log-probabilities on every predicted position, kept so that many
// compressed variants can be compared without running the original again. Memory: tokens × vocab
// floats; throws std::invalid_argument above 2 GB (evaluate fewer tokens).
class EvaluationBaseline
{
public:
    static std::shared_ptr<const EvaluationBaseline> compute(
        const Transformer& model, std::vector<EvaluationWindow> windows, Progress& progress, std::stop_token stop);

    const std::vector<EvaluationWindow>& windows() const { return m_windows; }
    const std::vector<RowMajorMatrix>& logProbs() const { return m_logProbs; } // per window [tokens, vocab]
    const PerplexityResult& perplexity() const { return m_perplexity; }
    const std::vector<double>& tokenNll() const { return m_tokenNll; } // all windows, in order

private:
    std::vector<EvaluationWindow> m_windows;
    std::vector<RowMajorMatrix> m_logProbs;
    std::vector<double> m_tokenNll;
    PerplexityResult m_perplexity;
};

struct ComparisonResult
{
    PerplexityResult base;
    PerplexityResult compared;
    double lnPerplexityRatio = 0.0; // mean(NLL_compared − NLL_base) = ln(PPL_c / PPL_b)
    double lnPerplexityRatioError = 0.0;
    double perplexityRatio = 0.0;
    double deltaPerplexity = 0.0; // PPL_c − PPL_b
    double deltaPerplexityError = 0.0; // delta method with the covariance of the paired NLLs
    double meanKld = 0.0; // KL(base ‖ compared) per token, nats
    double meanKldError = 0.0;
    double medianKld = 0.0;
    double p90Kld = 0.0;
    double p95Kld = 0.0;
    double p99Kld = 0.0;
    double maxKld = 0.0;
    double sameTopFraction = 0.0; // argmax agreement
    double sameTopError = 0.0;
    double rmsDeltaP = 0.0; // RMS of p_compared(correct) − p_base(correct)
    double rmsDeltaPError = 0.0;
};

// The compressed model on the baseline's windows.
ComparisonResult compareToBaseline(
    const EvaluationBaseline& baseline, const Transformer& compared, Progress& progress, std::stop_token stop);

} // namespace complab
