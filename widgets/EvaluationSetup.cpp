#include "EvaluationSetup.h"

#include "Format.h"
#include "io/Checkpoint.h"
#include "io/CheckpointError.h"

#include <QCoreApplication>

#include <algorithm>
#include <fstream>
#include <iterator>

namespace complab {

std::shared_ptr<const Tokenizer> evaluationTokenizer(const Checkpoint& checkpoint, QString* whyNot)
{
    const QString name = QString::fromStdString(checkpoint.path().filename().string());
    if (checkpoint.totalParameters() > evaluationParameterLimit) {
        *whyNot = QCoreApplication::translate("EvaluationSetup",
            "the lab runs models of up to %1 parameters in float, %2 has %3; the tensor errors are the measurement")
                      .arg(format::count(evaluationParameterLimit), name, format::count(checkpoint.totalParameters()));
        return nullptr;
    }
    std::string reason;
    auto tokenizer = findTokenizerFor(checkpoint, &reason);
    if (!tokenizer)
        *whyNot = QCoreApplication::translate(
            "EvaluationSetup", "no tokenizer the lab can use beside %1 (%2); the tensor errors are the measurement")
                      .arg(name, QString::fromStdString(reason));
    return tokenizer;
}

EvaluationSetup prepareEvaluation(
    const Checkpoint& checkpoint, const Tokenizer& tokenizer, const std::string& textPath, std::int64_t predictions)
{
    EvaluationSetup setup;
    setup.weights = ModelWeights::load(checkpoint);
    if (tokenizer.vocabularySize() != static_cast<std::int32_t>(setup.weights->shape().vocabSize))
        throw CheckpointError(checkpoint.path(), "the tokenizer's vocabulary does not match the model's");
    setup.windows = labEvaluationWindows(textPath, tokenizer, setup.weights->shape().contextLength, predictions);
    return setup;
}

} // namespace complab
