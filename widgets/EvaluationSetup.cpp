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
    std::ifstream file(textPath, std::ios::binary);
    if (!file)
        throw CheckpointError(textPath, "cannot be read");
    const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    const auto documents = splitDocuments(text, DocumentOptions{"<|endoftext|>", 0, -1});
    const auto context = std::min<std::int64_t>(setup.weights->shape().contextLength, 512);
    setup.windows = makeWindows(tokenizeDocuments(documents, tokenizer), context, predictions);
    if (setup.windows.empty())
        throw CheckpointError(textPath, "gives no tokens to predict");
    return setup;
}

} // namespace complab
