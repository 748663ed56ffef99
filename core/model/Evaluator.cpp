#include "model/Evaluator.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <stdexcept>

namespace complab {

namespace {

// Log-softmax of one row of logits, in double precision.
void logSoftmax(const float* logits, std::int64_t vocab, std::vector<double>& out)
{
    out.resize(static_cast<std::size_t>(vocab));
    double maximum = logits[0];
    for (std::int64_t v = 1; v < vocab; ++v)
        maximum = std::max(maximum, static_cast<double>(logits[v]));
    double sum = 0.0;
    for (std::int64_t v = 0; v < vocab; ++v)
        sum += std::exp(static_cast<double>(logits[v]) - maximum);
    const double logSum = maximum + std::log(sum);
    for (std::int64_t v = 0; v < vocab; ++v)
        out[static_cast<std::size_t>(v)] = static_cast<double>(logits[v]) - logSum;
}

RowMajorMatrix runWindow(const Transformer& model, const EvaluationWindow& window)
{
    auto cache = model.newCache(static_cast<std::int64_t>(window.inputs.size()));
    return model.forward(window.inputs, cache);
}

// Runs body(windowIndex) for every window in parallel, reporting progress by predicted tokens.
template <typename Body>
void forEachWindow(const std::vector<EvaluationWindow>& windows, Progress& progress, std::stop_token stop, Body&& body)
{
    const double total = static_cast<double>(std::max<std::int64_t>(1, predictionCount(windows)));
    std::atomic<std::int64_t> done{0};
    tbb::parallel_for(std::size_t(0), windows.size(), [&](std::size_t w) {
        if (stop.stop_requested())
            return;
        body(w);
        done += static_cast<std::int64_t>(windows[w].targets.size());
        progress.report(static_cast<double>(done.load()) / total);
    });
    throwIfStopped(stop);
}

struct Moments
{
    double mean = 0.0;
    double standardError = 0.0; // sqrt(population variance / (n − 1)), as llama.cpp reports
    double variance = 0.0; // population variance
};

Moments moments(const std::vector<double>& values)
{
    Moments m;
    const auto n = static_cast<double>(values.size());
    if (values.empty())
        return m;
    double sum = 0.0, squares = 0.0;
    for (const double v : values) {
        sum += v;
        squares += v * v;
    }
    m.mean = sum / n;
    m.variance = std::max(0.0, squares / n - m.mean * m.mean);
    m.standardError = n > 1 ? std::sqrt(m.variance / (n - 1)) : 0.0;
    return m;
}

PerplexityResult perplexityOf(const std::vector<double>& nll, std::int64_t windows)
{
    const auto m = moments(nll);
    PerplexityResult result;
    result.tokens = static_cast<std::int64_t>(nll.size());
    result.windows = windows;
    result.meanNll = m.mean;
    result.perplexity = std::exp(m.mean);
    result.perplexityError = result.perplexity * m.standardError;
    return result;
}

// Linear interpolation between closest ranks of sorted values.
double quantile(const std::vector<double>& sorted, double q)
{
    if (sorted.empty())
        return 0.0;
    const double position = q * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const auto above = std::min(sorted.size() - 1, below + 1);
    return sorted[below] + (position - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

template <typename T> std::vector<T> concatenate(const std::vector<std::vector<T>>& parts)
{
    std::vector<T> all;
    for (const auto& part : parts)
        all.insert(all.end(), part.begin(), part.end());
    return all;
}

} // namespace

PerplexityResult evaluatePerplexity(
    const Transformer& model, const std::vector<EvaluationWindow>& windows, Progress& progress, std::stop_token stop)
{
    const auto vocab = model.shape().vocabSize;
    std::vector<std::vector<double>> nll(windows.size());
    progress.setStep("perplexity", 0.0);
    forEachWindow(windows, progress, stop, [&](std::size_t w) {
        const auto logits = runWindow(model, windows[w]);
        std::vector<double> logProbs;
        for (std::size_t t = 0; t < windows[w].targets.size(); ++t) {
            logSoftmax(logits.row(static_cast<Eigen::Index>(t)).data(), vocab, logProbs);
            nll[w].push_back(-logProbs[static_cast<std::size_t>(windows[w].targets[t])]);
        }
    });
    return perplexityOf(concatenate(nll), static_cast<std::int64_t>(windows.size()));
}

std::shared_ptr<const EvaluationBaseline> EvaluationBaseline::compute(
    const Transformer& model, std::vector<EvaluationWindow> windows, Progress& progress, std::stop_token stop)
{
    const auto vocab = model.shape().vocabSize;
    const double bytes = static_cast<double>(predictionCount(windows)) * static_cast<double>(vocab) * sizeof(float);
    if (bytes > 2e9)
        throw std::invalid_argument("keeping the original model's probabilities for "
            + std::to_string(predictionCount(windows)) + " tokens × " + std::to_string(vocab)
            + " vocabulary entries needs more than 2 GB: evaluate fewer tokens");
    auto baseline = std::shared_ptr<EvaluationBaseline>(new EvaluationBaseline());
    baseline->m_windows = std::move(windows);
    const auto& all = baseline->m_windows;
    baseline->m_logProbs.resize(all.size());
    std::vector<std::vector<double>> nll(all.size());
    progress.setStep("original model", 0.0);
    forEachWindow(all, progress, stop, [&](std::size_t w) {
        const auto logits = runWindow(model, all[w]);
        auto& stored = baseline->m_logProbs[w];
        stored.resize(logits.rows(), vocab);
        std::vector<double> logProbs;
        for (std::size_t t = 0; t < all[w].targets.size(); ++t) {
            logSoftmax(logits.row(static_cast<Eigen::Index>(t)).data(), vocab, logProbs);
            nll[w].push_back(-logProbs[static_cast<std::size_t>(all[w].targets[t])]);
            for (std::int64_t v = 0; v < vocab; ++v)
                stored(static_cast<Eigen::Index>(t), v) = static_cast<float>(logProbs[static_cast<std::size_t>(v)]);
        }
    });
    baseline->m_tokenNll = concatenate(nll);
    baseline->m_perplexity = perplexityOf(baseline->m_tokenNll, static_cast<std::int64_t>(all.size()));
    return baseline;
}

ComparisonResult compareToBaseline(
    const EvaluationBaseline& baseline, const Transformer& compared, Progress& progress, std::stop_token stop)
{
    const auto& windows = baseline.windows();
    const auto vocab = compared.shape().vocabSize;
    if (!baseline.logProbs().empty() && baseline.logProbs().front().cols() != vocab)
        throw std::invalid_argument("the compared model's vocabulary (" + std::to_string(vocab)
            + ") differs from the original's (" + std::to_string(baseline.logProbs().front().cols()) + ")");
    struct PerToken
    {
        std::vector<double> nll, kld, deltaP;
        std::vector<char> sameTop;
    };
    std::vector<PerToken> parts(windows.size());
    progress.setStep("compressed model", 0.0);
    forEachWindow(windows, progress, stop, [&](std::size_t w) {
        const auto logits = runWindow(compared, windows[w]);
        const auto& base = baseline.logProbs()[w];
        std::vector<double> logProbs;
        auto& part = parts[w];
        for (std::size_t t = 0; t < windows[w].targets.size(); ++t) {
            const auto row = static_cast<Eigen::Index>(t);
            logSoftmax(logits.row(row).data(), vocab, logProbs);
            double kld = 0.0;
            Eigen::Index baseTop = 0;
            base.row(row).maxCoeff(&baseTop);
            std::size_t comparedTop = 0;
            for (std::int64_t v = 0; v < vocab; ++v) {
                // Both sides rounded to float as the baseline is stored, so identical models give exactly 0.
                const double lp = base(row, v);
                const double lq = static_cast<float>(logProbs[static_cast<std::size_t>(v)]);
                kld += std::exp(lp) * (lp - lq);
                if (logProbs[static_cast<std::size_t>(v)] > logProbs[comparedTop])
                    comparedTop = static_cast<std::size_t>(v);
            }
            const auto target = static_cast<std::size_t>(windows[w].targets[t]);
            part.nll.push_back(-logProbs[target]);
            part.kld.push_back(std::max(0.0, kld)); // a sum of rounded terms can dip below zero
            part.deltaP.push_back(std::exp(static_cast<double>(static_cast<float>(logProbs[target])))
                - std::exp(static_cast<double>(base(row, target))));
            part.sameTop.push_back(static_cast<Eigen::Index>(comparedTop) == baseTop);
        }
    });

    std::vector<double> nll, kld, deltaP, sameTop;
    for (const auto& part : parts) {
        nll.insert(nll.end(), part.nll.begin(), part.nll.end());
        kld.insert(kld.end(), part.kld.begin(), part.kld.end());
        deltaP.insert(deltaP.end(), part.deltaP.begin(), part.deltaP.end());
        for (const char same : part.sameTop)
            sameTop.push_back(same ? 1.0 : 0.0);
    }
    const auto& baseNll = baseline.tokenNll();
    const auto n = static_cast<double>(nll.size());
    ComparisonResult result;
    result.base = baseline.perplexity();
    result.compared = perplexityOf(nll, static_cast<std::int64_t>(windows.size()));
    if (nll.empty())
        return result;

    std::vector<double> difference(nll.size());
    double covariance = 0.0;
    for (std::size_t i = 0; i < nll.size(); ++i) {
        difference[i] = nll[i] - baseNll[i];
        covariance += (nll[i] - result.compared.meanNll) * (baseNll[i] - result.base.meanNll);
    }
    covariance /= n;
    const auto ratio = moments(difference);
    result.lnPerplexityRatio = ratio.mean;
    result.lnPerplexityRatioError = ratio.standardError;
    result.perplexityRatio = std::exp(ratio.mean);
    result.deltaPerplexity = result.compared.perplexity - result.base.perplexity;
    const double pc = result.compared.perplexity, pb = result.base.perplexity;
    const double varianceCompared = moments(nll).variance, varianceBase = moments(baseNll).variance;
    const double deltaVariance
        = n > 1 ? (pc * pc * varianceCompared + pb * pb * varianceBase - 2 * pc * pb * covariance) / (n - 1) : 0.0;
    result.deltaPerplexityError = std::sqrt(std::max(0.0, deltaVariance));

    const auto kldMoments = moments(kld);
    result.meanKld = kldMoments.mean;
    result.meanKldError = kldMoments.standardError;
    std::sort(kld.begin(), kld.end());
    result.medianKld = quantile(kld, 0.5);
    result.p90Kld = quantile(kld, 0.90);
    result.p95Kld = quantile(kld, 0.95);
    result.p99Kld = quantile(kld, 0.99);
    result.maxKld = kld.back();

    const auto top = moments(sameTop);
    result.sameTopFraction = top.mean;
    result.sameTopError = n > 1 ? std::sqrt(top.mean * (1 - top.mean) / (n - 1)) : 0.0;
    std::vector<double> squares(deltaP.size());
    std::transform(deltaP.begin(), deltaP.end(), squares.begin(), [](double d) { return d * d; });
    const auto squareMoments = moments(squares);
    result.rmsDeltaP = std::sqrt(squareMoments.mean);
    result.rmsDeltaPError = result.rmsDeltaP > 0 ? squareMoments.standardError / (2 * result.rmsDeltaP) : 0.0;
    return result;
}

} // namespace complab
