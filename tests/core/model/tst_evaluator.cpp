// The perplexity protocol (documents, windows), perplexity of every format of each shared model
// on its protocol text, comparison measures (a model against itself; the lab's simulated q8_0 /
// q4_k against ggml's own quantised files, which must match exactly), and cancellation.
#include "io/Checkpoint.h"
#include "model/Evaluator.h"
#include "model/QualitySweep.h"
#include "model/Tokenizer.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace complab;

namespace {

std::string sharedPath(const char* relative)
{
    return std::string(COMPLAB_SHARED_DATA_DIR "/") + relative;
}

std::string readFile(const std::string& path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().toStdString();
}

struct Protocol
{
    std::string text;
    std::int64_t skip;
    std::int64_t documents;
};

// The README's protocol texts, limited to `tokens` predictions to keep the test fast.
std::vector<EvaluationWindow> protocolWindows(
    const Checkpoint& checkpoint, std::int64_t context, bool labModel, std::int64_t tokens)
{
    const Protocol protocol = labModel ? Protocol{"text/lab-tinystories-heldout.txt", 0, 50}
                                       : Protocol{"text/tinystories-valid-head.txt", 1, 20};
    const auto tokenizer = findTokenizerFor(checkpoint);
    if (!tokenizer)
        return {};
    const auto documents = splitDocuments(
        readFile(sharedPath(protocol.text.c_str())), {"<|endoftext|>", protocol.skip, protocol.documents});
    return makeWindows(tokenizeDocuments(documents, *tokenizer), context, tokens);
}

} // namespace

class TestEvaluator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitsDocuments_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("separator");
        QTest::addColumn<int>("skip");
        QTest::addColumn<int>("max");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("whole text stripped") << " a b \n"
                                             << "" << 0 << -1 << QStringList{QStringLiteral("a b")};
        QTest::addRow("split, strip, drop empty")
            << "x<|e|>\n y \n<|e|><|e|>  <|e|>z\n"
            << "<|e|>" << 0 << -1 << QStringList{QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z")};
        QTest::addRow("skip and limit") << "1|2|3|4|5"
                                        << "|" << 1 << 2 << QStringList{QStringLiteral("2"), QStringLiteral("3")};
        QTest::addRow("skip past the end") << "1|2"
                                           << "|" << 5 << -1 << QStringList{};
        QTest::addRow("only separators") << "||"
                                         << "|" << 0 << -1 << QStringList{};
    }
    void splitsDocuments()
    {
        QFETCH(QString, text);
        QFETCH(QString, separator);
        QFETCH(int, skip);
        QFETCH(int, max);
        QFETCH(QStringList, expected);
        const auto documents = splitDocuments(text.toStdString(), {separator.toStdString(), skip, max});
        QStringList actual;
        for (const auto& d : documents)
            actual << QString::fromStdString(d);
        QCOMPARE(actual, expected);
    }

    void makesWindows_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("context");
        QTest::addColumn<int>("maxPredictions");
        QTest::addColumn<QList<int>>("windowSizes");
        QTest::addRow("fits") << 5 << 8 << 0 << QList<int>{4};
        QTest::addRow("exactly one window") << 9 << 8 << 0 << QList<int>{8};
        QTest::addRow("split") << 20 << 8 << 0 << QList<int>{8, 8, 3};
        QTest::addRow("limited") << 20 << 8 << 10 << QList<int>{8, 2};
        QTest::addRow("one token predicts nothing") << 1 << 8 << 0 << QList<int>{};
    }
    void makesWindows()
    {
        QFETCH(int, length);
        QFETCH(int, context);
        QFETCH(int, maxPredictions);
        QFETCH(QList<int>, windowSizes);
        std::vector<std::int32_t> document(static_cast<std::size_t>(length));
        for (int i = 0; i < length; ++i)
            document[i] = 100 + i;
        const auto windows = makeWindows({document}, context, maxPredictions);
        QCOMPARE(int(windows.size()), int(windowSizes.size()));
        int first = 0;
        for (std::size_t w = 0; w < windows.size(); ++w) {
            QCOMPARE(int(windows[w].inputs.size()), windowSizes[int(w)]);
            // Window w starts at token `first` (position 0 of a fresh cache) and predicts the next ones.
            QCOMPARE(windows[w].inputs.front(), 100 + first);
            QCOMPARE(windows[w].targets.front(), 101 + first);
            QCOMPARE(windows[w].targets.back(), 100 + first + windowSizes[int(w)]);
            first += windowSizes[int(w)];
        }
    }

    void perplexityAgreesAcrossFormats_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("other");
        QTest::addColumn<double>("relativeTolerance");
        QTest::addColumn<bool>("labModel");
        const auto s = [](const char* p) { return QString::fromStdString(sharedPath(p)); };
        const auto s260 = s("models/stories260K/stories260K.bin");
        const auto lab = s("models/lab-tinystories-llama2c/lab-tinystories.bin");
        QTest::addRow("260K HF F32") << s260 << s("models/stories260K-hf-f32") << 1e-5 << false;
        QTest::addRow("260K HF BF16") << s260 << s("models/stories260K-hf-bf16") << 0.02 << false;
        QTest::addRow("260K GGUF F32") << s260 << s("models/stories260K-gguf/stories260K-f32.gguf") << 1e-5 << false;
        QTest::addRow("260K GGUF F16") << s260 << s("models/stories260K-gguf/stories260K-f16.gguf") << 0.002 << false;
        QTest::addRow("260K GGUF Q8_0") << s260 << s("models/stories260K-gguf/stories260K-q8_0.gguf") << 0.02 << false;
        QTest::addRow("lab HF F32") << lab << s("models/lab-tinystories") << 1e-5 << true;
        QTest::addRow("lab HF BF16") << lab << s("models/lab-tinystories-bf16") << 0.01 << true;
        QTest::addRow("lab GGUF F32") << lab << s("models/lab-tinystories-gguf/lab-tinystories-f32.gguf") << 1e-5
                                      << true;
        QTest::addRow("lab GGUF Q8_0") << lab << s("models/lab-tinystories-gguf/lab-tinystories-q8_0.gguf") << 0.01
                                       << true;
    }
    void perplexityAgreesAcrossFormats()
    {
        QFETCH(QString, reference);
        QFETCH(QString, other);
        QFETCH(double, relativeTolerance);
        QFETCH(bool, labModel);
        if (!QFile::exists(reference) || !QFile::exists(other))
            QSKIP("shared data not available");
        Progress progress;
        double perplexity[2];
        std::int64_t tokens[2];
        for (int i = 0; i < 2; ++i) {
            const auto checkpoint = openCheckpoint((i == 0 ? reference : other).toStdString());
            const Transformer model(ModelWeights::load(*checkpoint));
            const auto windows = protocolWindows(*checkpoint, model.shape().contextLength, labModel, 1000);
            QVERIFY(!windows.empty());
            const auto result = evaluatePerplexity(model, windows, progress, {});
            perplexity[i] = result.perplexity;
            tokens[i] = result.tokens;
        }
        QCOMPARE(tokens[0], std::int64_t(1000));
        QCOMPARE(tokens[1], tokens[0]); // every format's tokenizer gives the same ids
        QVERIFY(perplexity[0] > 1.5 && perplexity[0] < 30); // a trained model, not chance (vocab 512 / 2048)
        const double relative = std::abs(perplexity[1] / perplexity[0] - 1);
        QVERIFY2(relative <= relativeTolerance,
            qPrintable(QStringLiteral("PPL %1 vs %2").arg(perplexity[0]).arg(perplexity[1])));
    }

    void perplexityIsMeanNll()
    {
        const auto path = sharedPath("models/stories260K/stories260K.bin");
        if (!QFile::exists(QString::fromStdString(path)))
            QSKIP("shared data not available");
        const Transformer model(ModelWeights::load(*openCheckpoint(path)));
        const std::vector<std::int32_t> document{1, 400, 56, 307, 261, 290, 411, 264, 440, 20, 100};
        const auto windows = makeWindows({document}, 4);
        Progress progress;
        const auto result = evaluatePerplexity(model, windows, progress, {});
        // Straight from the logits: every window from an empty cache.
        double nll = 0;
        for (const auto& window : windows) {
            auto cache = model.newCache();
            const auto logits = model.forward(window.inputs, cache);
            for (std::size_t t = 0; t < window.targets.size(); ++t) {
                const auto row = logits.row(Eigen::Index(t)).cast<double>();
                const double logSum = std::log((row.array() - row.maxCoeff()).exp().sum()) + row.maxCoeff();
                nll += logSum - row(window.targets[t]);
            }
        }
        QCOMPARE(result.tokens, std::int64_t(10));
        QCOMPARE(result.windows, std::int64_t(3));
        QVERIFY(std::abs(result.perplexity - std::exp(nll / 10)) < 1e-9 * result.perplexity);
    }

    void modelAgainstItself()
    {
        const auto path = sharedPath("models/lab-tinystories");
        if (!QFile::exists(QString::fromStdString(path)))
            QSKIP("shared data not available");
        const auto checkpoint = openCheckpoint(path);
        const Transformer model(ModelWeights::load(*checkpoint));
        Progress progress;
        const auto baseline
            = EvaluationBaseline::compute(model, protocolWindows(*checkpoint, 256, true, 600), progress, {});
        const auto result = compareToBaseline(*baseline, model, progress, {});
        QCOMPARE(result.meanKld, 0.0);
        QCOMPARE(result.p99Kld, 0.0);
        QCOMPARE(result.sameTopFraction, 1.0);
        QCOMPARE(result.deltaPerplexity, 0.0);
        QCOMPARE(result.rmsDeltaP, 0.0);
        QCOMPARE(result.compared.tokens, std::int64_t(600));
        QCOMPARE(progress.fraction(), 1.0);
    }

    // The lab's quantise → dequantise through core/quant equals loading ggml's own quantised file.
    void simulatedEqualsGgmlFile_data()
    {
        QTest::addColumn<QString>("original");
        QTest::addColumn<QString>("quantised");
        QTest::addColumn<QString>("scheme");
        QTest::addRow("260K q8_0") << QString::fromStdString(sharedPath("models/stories260K-gguf/stories260K-f32.gguf"))
                                   << QString::fromStdString(
                                          sharedPath("models/stories260K-gguf/stories260K-q8_0.gguf"))
                                   << "q8_0";
        QTest::addRow("260K q4_0") << QString::fromStdString(sharedPath("models/stories260K-gguf/stories260K-f32.gguf"))
                                   << QString::fromStdString(
                                          sharedPath("models/stories260K-gguf/stories260K-q4_0.gguf"))
                                   << "q4_0";
        QTest::addRow("lab q4_k") << QString::fromStdString(
            sharedPath("models/lab-tinystories-gguf/lab-tinystories-f32.gguf"))
                                  << QString::fromStdString(
                                         sharedPath("models/lab-tinystories-gguf/lab-tinystories-q4_k.gguf"))
                                  << "q4_k";
    }
    void simulatedEqualsGgmlFile()
    {
        QFETCH(QString, original);
        QFETCH(QString, quantised);
        QFETCH(QString, scheme);
        if (!QFile::exists(original) || !QFile::exists(quantised))
            QSKIP("shared data not available");
        const auto checkpoint = openCheckpoint(original.toStdString());
        const auto base = ModelWeights::load(*checkpoint);
        const auto simulated = quantizedWeights(*base, *QuantSpec::parse(scheme.toStdString()), {}, {});
        const auto fromFile = ModelWeights::load(*openCheckpoint(quantised.toStdString()));
        Progress progress;
        const auto baseline = EvaluationBaseline::compute(Transformer(base),
            protocolWindows(*checkpoint, base->shape().contextLength, scheme == QStringLiteral("q4_k"), 500), progress,
            {});
        const auto a = compareToBaseline(*baseline, Transformer(simulated), progress, {});
        const auto b = compareToBaseline(*baseline, Transformer(fromFile), progress, {});
        QVERIFY(a.meanKld > 0);
        QCOMPARE(a.meanKld, b.meanKld);
        QCOMPARE(a.compared.perplexity, b.compared.perplexity);
        QCOMPARE(a.sameTopFraction, b.sameTopFraction);
    }

    void cancels()
    {
        const auto path = sharedPath("models/stories260K/stories260K.bin");
        if (!QFile::exists(QString::fromStdString(path)))
            QSKIP("shared data not available");
        const auto checkpoint = openCheckpoint(path);
        const Transformer model(ModelWeights::load(*checkpoint));
        const auto windows = protocolWindows(*checkpoint, 64, false, 2000);
        std::stop_source source;
        int calls = 0;
        // Stops from inside the job, as a GUI's cancel button would, after the first progress report.
        Progress progress([&](double, const std::string&) {
            if (++calls == 2)
                source.request_stop();
        });
        QVERIFY_THROWS_EXCEPTION(Cancelled, evaluatePerplexity(model, windows, progress, source.get_token()));
        QVERIFY(progress.fraction() < 1.0);
        Progress quiet;
        const auto baseline = EvaluationBaseline::compute(model, windows, quiet, {});
        std::stop_source stopped;
        stopped.request_stop();
        QVERIFY_THROWS_EXCEPTION(Cancelled, compareToBaseline(*baseline, model, quiet, stopped.get_token()));
        QVERIFY_THROWS_EXCEPTION(
            Cancelled, model.generateGreedy(std::vector<std::int32_t>{1}, 10, {}, stopped.get_token()));
    }
};

QTEST_GUILESS_MAIN(TestEvaluator)
#include "tst_evaluator.moc"
