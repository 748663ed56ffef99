#include "calib/CalibrationCapture.h"

#include "io/CheckpointError.h"
#include "model/EvaluationText.h"
#include "model/Tokenizer.h"
#include "model/Transformer.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace complab {

CalibrationActivations captureCalibration(const Checkpoint& checkpoint, const std::filesystem::path& text,
    std::int64_t maxTokens, Progress& progress, std::stop_token stop)
{
    CaptureOptions options;
    options.maxTokens = maxTokens;
    return captureCalibration(checkpoint, text, options, progress, stop);
}

CalibrationActivations captureCalibration(const Checkpoint& checkpoint, const std::filesystem::path& text,
    const CaptureOptions& options, Progress& progress, std::stop_token stop)
{
    if (options.maxTokens <= 0)
        throw std::invalid_argument("the calibration needs at least one token");
    std::string whyNot;
    const auto tokenizer = findTokenizerFor(checkpoint, &whyNot);
    if (!tokenizer)
        throw CheckpointError(checkpoint.path(), "calibration needs the model's tokenizer: " + whyNot);
    std::ifstream file(text, std::ios::binary);
    if (!file)
        throw CheckpointError(text, "cannot read the calibration text");
    std::stringstream contents;
    contents << file.rdbuf();
    const auto documents = splitDocuments(contents.str(), {"\n\n", 0, -1});
    const auto sequences = tokenizeDocuments(documents, *tokenizer);
    if (sequences.empty())
        throw std::invalid_argument(text.string() + ": the calibration text holds no documents");
    const Transformer model(ModelWeights::load(checkpoint));
    throwIfStopped(stop);
    return captureActivations(model, sequences, options, progress, stop);
}

} // namespace complab
