#include "model/CalibrationActivations.h"

#include <algorithm>

namespace complab {

namespace {

class Collector final : public ActivationObserver
{
public:
    Collector(CalibrationActivations& result, const CaptureOptions& options)
        : m_result(result)
        , m_options(options)
    { }

    void observeLinearInput(const std::string& tensorName, const RowMajorMatrix& inputs) override
    {
        auto& squares = m_result.sumSquares[tensorName];
        squares.resize(static_cast<std::size_t>(inputs.cols()), 0.0f);
        Eigen::Map<Eigen::RowVectorXf>(squares.data(), inputs.cols()) += inputs.colwise().squaredNorm();
        if (m_options.accumulateGram) {
            auto& gram = m_result.gram[tensorName];
            if (gram.size() == 0)
                gram = Eigen::MatrixXd::Zero(inputs.cols(), inputs.cols());
            const Eigen::MatrixXd rows = inputs.cast<double>();
            gram.selfadjointView<Eigen::Lower>().rankUpdate(rows.transpose());
        }
        if (!m_options.keepInputs)
            return;
        auto& kept = m_result.inputs[tensorName];
        const auto needed = m_firstRow + inputs.rows();
        if (kept.rows() < needed) // grows by doubling: maxTokens may be far more than the text has
            kept.conservativeResize(std::max<Eigen::Index>(needed, 2 * kept.rows()), inputs.cols());
        kept.middleRows(m_firstRow, inputs.rows()) = inputs;
    }

    void setFirstRow(std::int64_t row) { m_firstRow = row; }

private:
    CalibrationActivations& m_result;
    const CaptureOptions& m_options;
    std::int64_t m_firstRow = 0;
};

} // namespace

CalibrationActivations captureActivations(const Transformer& model,
    const std::vector<std::vector<std::int32_t>>& sequences, const CaptureOptions& options, Progress& progress,
    std::stop_token stop)
{
    if (options.maxTokens < 1)
        throw std::invalid_argument("captureActivations: maxTokens must be at least 1");
    CalibrationActivations result;
    Collector collector(result, options);
    const auto context = model.shape().contextLength;
    auto cache = model.newCache(context);
    progress.setStep("capturing activations", 0.0);
    for (const auto& sequence : sequences) {
        for (std::size_t start = 0; start < sequence.size() && result.tokens < options.maxTokens;
             start += static_cast<std::size_t>(context)) {
            throwIfStopped(stop);
            const auto length = std::min<std::int64_t>(
                {context, static_cast<std::int64_t>(sequence.size() - start), options.maxTokens - result.tokens});
            cache.clear();
            collector.setFirstRow(result.tokens);
            model.forward(std::span(sequence).subspan(start, static_cast<std::size_t>(length)), cache, &collector);
            result.tokens += length;
            progress.report(static_cast<double>(result.tokens) / static_cast<double>(options.maxTokens));
        }
    }
    result.capturedTokens = result.tokens;
    for (auto& [name, matrix] : result.inputs)
        matrix.conservativeResize(result.capturedTokens, Eigen::NoChange);
    for (auto& [name, gram] : result.gram) // rankUpdate filled the lower triangle
        gram.triangularView<Eigen::StrictlyUpper>() = gram.transpose();
    progress.report(1.0);
    return result;
}

} // namespace complab
