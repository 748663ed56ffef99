// What measuring a model's quality needs, shared by the Run and Quality tabs: a check that the lab
// can run the checkpoint (size, tokenizer) and the model with its evaluation windows on a text
// (documents separated by <|endoftext|>, windows of at most 512 tokens). The preparation reads and
// decodes the whole model: call it from a job.
#pragma once

#include "model/EvaluationText.h"
#include "model/ModelWeights.h"
#include "model/Tokenizer.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace complab {

class Checkpoint;

struct EvaluationSetup
{
    std::shared_ptr<const ModelWeights> weights;
    std::vector<EvaluationWindow> windows;
};

// Models the lab evaluates in float: above this, evaluation would need tens of gigabytes.
constexpr std::uint64_t evaluationParameterLimit = 1'500'000'000;

// The checkpoint's tokenizer, or null with the reason (in words for the window) in `whyNot`.
std::shared_ptr<const Tokenizer> evaluationTokenizer(const Checkpoint& checkpoint, QString* whyNot);

// Throws CheckpointError naming the text or the checkpoint when there is nothing to evaluate.
EvaluationSetup prepareEvaluation(
    const Checkpoint& checkpoint, const Tokenizer& tokenizer, const std::string& textPath, std::int64_t predictions);

} // namespace complab
