// The forward pass against an independent reference written here: a plain double-precision,
// token-by-token decoder that reads the llama2.c .bin file itself (no core/io, no core/model),
// on stories260K and lab-tinystories. Then every other format of the same weights (HF F32/BF16,
// GGUF F32/F16/Q8_0) against the llama2.c logits, batched against token-by-token, overrides,
// activation capture and the errors for broken checkpoints.
#include "io/Checkpoint.h"
#include "io/CheckpointError.h"
#include "io/SafetensorsWriter.h"
#include "model/CalibrationActivations.h"
#include "model/Transformer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <fstream>
#include <memory>
#include <random>

using namespace complab;

namespace {

QString sharedPath(const char* relative)
{
    return QStringLiteral(COMPLAB_SHARED_DATA_DIR "/") + QString::fromUtf8(relative);
}

// run.c's algorithm, written out with loops in double precision over the raw file.
class ReferenceModel
{
public:
    explicit ReferenceModel(const QString& path)
    {
        std::ifstream in(path.toStdString(), std::ios::binary);
        std::int32_t header[7];
        in.read(reinterpret_cast<char*>(header), sizeof header);
        dim = header[0], hidden = header[1], layers = header[2], heads = header[3], kvHeads = header[4];
        shared = header[5] > 0;
        vocab = std::abs(header[5]);
        seqLen = header[6];
        headSize = dim / heads;
        kvDim = kvHeads * headSize;
        in.seekg(0, std::ios::end);
        const auto bytes = static_cast<std::size_t>(in.tellg()) - sizeof header;
        values.resize(bytes / 4);
        in.seekg(sizeof header);
        in.read(reinterpret_cast<char*>(values.data()), static_cast<std::streamsize>(bytes));
        std::size_t at = 0;
        const auto take = [&](std::size_t n) {
            const float* p = values.data() + at;
            at += n;
            return p;
        };
        embedding = take(std::size_t(vocab) * dim);
        rmsAtt = take(std::size_t(layers) * dim);
        wq = take(std::size_t(layers) * dim * dim);
        wk = take(std::size_t(layers) * dim * kvDim);
        wv = take(std::size_t(layers) * dim * kvDim);
        wo = take(std::size_t(layers) * dim * dim);
        rmsFfn = take(std::size_t(layers) * dim);
        w1 = take(std::size_t(layers) * dim * hidden);
        w2 = take(std::size_t(layers) * hidden * dim);
        w3 = take(std::size_t(layers) * dim * hidden);
        rmsFinal = take(dim);
        take(std::size_t(seqLen) * headSize); // freq_cis_real and _imag
        classifier = shared ? embedding : take(std::size_t(vocab) * dim);
    }

    // Logits after each token of the sequence, from position 0.
    // Rotary frequency per pair; empty: 10000^(−2i/headSize).
    std::vector<double> ropeFrequencies;

    std::vector<std::vector<double>> run(const std::vector<std::int32_t>& tokens) const
    {
        std::vector<std::vector<std::vector<double>>> keys(layers), vals(layers);
        std::vector<std::vector<double>> result;
        for (std::size_t pos = 0; pos < tokens.size(); ++pos) {
            std::vector<double> x(
                embedding + std::size_t(tokens[pos]) * dim, embedding + std::size_t(tokens[pos] + 1) * dim);
            for (int l = 0; l < layers; ++l) {
                auto xb = norm(x, rmsAtt + std::size_t(l) * dim);
                auto q = matvec(wq + std::size_t(l) * dim * dim, xb, dim);
                auto k = matvec(wk + std::size_t(l) * dim * kvDim, xb, kvDim);
                auto v = matvec(wv + std::size_t(l) * dim * kvDim, xb, kvDim);
                for (int i = 0; i < dim; i += 2) {
                    const int pair = (i % headSize) / 2;
                    const double frequency = ropeFrequencies.empty() ? std::pow(10000.0, -2.0 * pair / headSize)
                                                                     : ropeFrequencies[std::size_t(pair)];
                    const double angle = double(pos) * frequency;
                    const auto rotate = [&](std::vector<double>& vec) {
                        const double a = vec[i], b = vec[i + 1];
                        vec[i] = a * std::cos(angle) - b * std::sin(angle);
                        vec[i + 1] = a * std::sin(angle) + b * std::cos(angle);
                    };
                    rotate(q);
                    if (i < kvDim)
                        rotate(k);
                }
                keys[l].push_back(k);
                vals[l].push_back(v);
                std::vector<double> att(dim, 0.0);
                for (int h = 0; h < heads; ++h) {
                    const int kvh = h / (heads / kvHeads);
                    std::vector<double> scores(pos + 1);
                    double maximum = -1e300, sum = 0;
                    for (std::size_t t = 0; t <= pos; ++t) {
                        double s = 0;
                        for (int i = 0; i < headSize; ++i)
                            s += q[h * headSize + i] * keys[l][t][kvh * headSize + i];
                        scores[t] = s / std::sqrt(double(headSize));
                        maximum = std::max(maximum, scores[t]);
                    }
                    for (auto& s : scores)
                        sum += (s = std::exp(s - maximum));
                    for (std::size_t t = 0; t <= pos; ++t)
                        for (int i = 0; i < headSize; ++i)
                            att[h * headSize + i] += scores[t] / sum * vals[l][t][kvh * headSize + i];
                }
                const auto o = matvec(wo + std::size_t(l) * dim * dim, att, dim);
                for (int i = 0; i < dim; ++i)
                    x[i] += o[i];
                xb = norm(x, rmsFfn + std::size_t(l) * dim);
                auto g = matvec(w1 + std::size_t(l) * dim * hidden, xb, hidden);
                const auto u = matvec(w3 + std::size_t(l) * dim * hidden, xb, hidden);
                for (int i = 0; i < hidden; ++i)
                    g[i] = g[i] / (1.0 + std::exp(-g[i])) * u[i];
                const auto d = matvec(w2 + std::size_t(l) * hidden * dim, g, dim);
                for (int i = 0; i < dim; ++i)
                    x[i] += d[i];
            }
            result.push_back(matvec(classifier, norm(x, rmsFinal), vocab));
        }
        return result;
    }

    int dim, hidden, layers, heads, kvHeads, vocab, seqLen, headSize, kvDim;
    bool shared;

private:
    std::vector<double> norm(const std::vector<double>& x, const float* w) const
    {
        double ss = 0;
        for (double v : x)
            ss += v * v;
        const double scale = 1.0 / std::sqrt(ss / double(x.size()) + 1e-5);
        std::vector<double> out(x.size());
        for (std::size_t i = 0; i < x.size(); ++i)
            out[i] = x[i] * scale * w[i];
        return out;
    }
    // W is [rows, x.size()] row-major.
    static std::vector<double> matvec(const float* w, const std::vector<double>& x, int rows)
    {
        std::vector<double> out(rows, 0.0);
        for (int r = 0; r < rows; ++r)
            for (std::size_t i = 0; i < x.size(); ++i)
                out[r] += double(w[std::size_t(r) * x.size() + i]) * x[i];
        return out;
    }

    std::vector<float> values;
    const float *embedding, *rmsAtt, *wq, *wk, *wv, *wo, *rmsFfn, *w1, *w2, *w3, *rmsFinal, *classifier;
};

std::vector<std::int32_t> someTokens(int vocab, int count, unsigned seed)
{
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> pick(3, vocab - 1);
    std::vector<std::int32_t> tokens{1};
    while (int(tokens.size()) < count)
        tokens.push_back(pick(random));
    return tokens;
}

RowMajorMatrix logitsOf(const QString& path, const std::vector<std::int32_t>& tokens)
{
    const Transformer model(ModelWeights::load(*openCheckpoint(path.toStdString())));
    auto cache = model.newCache();
    return model.forward(tokens, cache);
}

double maxAbsDifference(const RowMajorMatrix& a, const RowMajorMatrix& b)
{
    return (a - b).cwiseAbs().maxCoeff();
}

} // namespace

class TestTransformer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesReference_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addRow("stories260K") << sharedPath("models/stories260K/stories260K.bin");
        QTest::addRow("lab-tinystories") << sharedPath("models/lab-tinystories-llama2c/lab-tinystories.bin");
    }
    void matchesReference()
    {
        QFETCH(QString, path);
        if (!QFile::exists(path))
            QSKIP("shared data not available");
        const ReferenceModel reference(path);
        const auto tokens = someTokens(reference.vocab, 24, 7);
        const auto expected = reference.run(tokens);
        const auto logits = logitsOf(path, tokens);
        QCOMPARE(logits.rows(), Eigen::Index(tokens.size()));
        QCOMPARE(logits.cols(), Eigen::Index(reference.vocab));
        double worst = 0;
        for (std::size_t t = 0; t < tokens.size(); ++t)
            for (int v = 0; v < reference.vocab; ++v)
                worst = std::max(worst, std::abs(double(logits(Eigen::Index(t), v)) - expected[t][v]));
        QVERIFY2(worst < 2e-4, qPrintable(QStringLiteral("max |Δlogit| = %1").arg(worst)));
    }

    void formatsAgree_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("other");
        QTest::addColumn<double>("tolerance");
        const auto s260 = sharedPath("models/stories260K/stories260K.bin");
        const auto lab = sharedPath("models/lab-tinystories-llama2c/lab-tinystories.bin");
        QTest::addRow("260K HF F32") << s260 << sharedPath("models/stories260K-hf-f32") << 1e-4;
        QTest::addRow("260K HF BF16") << s260 << sharedPath("models/stories260K-hf-bf16") << 0.25;
        QTest::addRow("260K GGUF F32") << s260 << sharedPath("models/stories260K-gguf/stories260K-f32.gguf") << 1e-4;
        QTest::addRow("260K GGUF F16") << s260 << sharedPath("models/stories260K-gguf/stories260K-f16.gguf") << 0.03;
        QTest::addRow("260K GGUF Q8_0") << s260 << sharedPath("models/stories260K-gguf/stories260K-q8_0.gguf") << 0.6;
        QTest::addRow("lab HF F32") << lab << sharedPath("models/lab-tinystories") << 1e-4;
        QTest::addRow("lab HF BF16") << lab << sharedPath("models/lab-tinystories-bf16") << 0.25;
        QTest::addRow("lab GGUF F32") << lab << sharedPath("models/lab-tinystories-gguf/lab-tinystories-f32.gguf")
                                      << 1e-4;
        QTest::addRow("lab GGUF Q8_0") << lab << sharedPath("models/lab-tinystories-gguf/lab-tinystories-q8_0.gguf")
                                       << 0.15;
    }
    void formatsAgree()
    {
        QFETCH(QString, reference);
        QFETCH(QString, other);
        QFETCH(double, tolerance);
        if (!QFile::exists(reference) || !QFile::exists(other))
            QSKIP("shared data not available");
        const auto tokens = someTokens(512, 40, 11);
        const auto a = logitsOf(reference, tokens);
        const auto b = logitsOf(other, tokens);
        const double difference = maxAbsDifference(a, b);
        QVERIFY2(difference < tolerance, qPrintable(QStringLiteral("max |Δlogit| = %1").arg(difference)));
        // Not identical unless the weights are: a rounded format must show some difference.
        if (tolerance > 1e-3)
            QVERIFY(difference > 1e-6);
    }

    void batchedEqualsIncremental()
    {
        const auto path = sharedPath("models/lab-tinystories");
        if (!QFile::exists(path))
            QSKIP("shared data not available");
        const Transformer model(ModelWeights::load(*openCheckpoint(path.toStdString())));
        const auto tokens = someTokens(2048, 30, 3);
        auto cache = model.newCache();
        const auto batched = model.forward(tokens, cache);
        QCOMPARE(cache.length(), Eigen::Index(30));
        auto stepCache = model.newCache(64);
        // First a prompt of 10, then one at a time.
        auto first = model.forward(std::span(tokens).first(10), stepCache);
        QVERIFY(maxAbsDifference(first, batched.topRows(10)) < 1e-4);
        for (std::size_t t = 10; t < tokens.size(); ++t) {
            const auto row = model.forward(std::span(tokens).subspan(t, 1), stepCache, nullptr, true);
            QVERIFY(maxAbsDifference(row, batched.row(Eigen::Index(t))) < 1e-4);
        }
    }

    void overridesShareTheRest()
    {
        const auto path = sharedPath("models/stories260K-hf-f32");
        if (!QFile::exists(path))
            QSKIP("shared data not available");
        const auto base = ModelWeights::load(*openCheckpoint(path.toStdString()));
        const auto name = std::string("model.layers.2.mlp.down_proj.weight");
        auto zeros = std::make_shared<const std::vector<float>>(base->find(name)->elementCount(), 0.0f);
        const auto variant = base->withOverrides({{name, zeros}});
        QCOMPARE(variant->find(name)->data(), zeros->data());
        QCOMPARE(variant->find("model.layers.0.self_attn.q_proj.weight")->data(),
            base->find("model.layers.0.self_attn.q_proj.weight")->data());
        const auto tokens = someTokens(512, 12, 5);
        auto cacheA = Transformer(base).newCache();
        auto cacheB = Transformer(base).newCache();
        const auto a = Transformer(base).forward(tokens, cacheA);
        const auto b = Transformer(variant).forward(tokens, cacheB);
        QVERIFY(maxAbsDifference(a, b) > 1e-3);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, base->withOverrides({{"no.such.tensor", zeros}}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
            base->withOverrides({{"model.layers.0.self_attn.q_proj.weight", zeros}})); // wrong element count
    }

    void capturesActivations()
    {
        const auto path = sharedPath("models/stories260K/stories260K.bin");
        if (!QFile::exists(path))
            QSKIP("shared data not available");
        const Transformer model(ModelWeights::load(*openCheckpoint(path.toStdString())));
        const std::vector<std::vector<std::int32_t>> sequences{someTokens(512, 20, 1), someTokens(512, 30, 2)};
        Progress progress;
        const auto captured = captureActivations(model, sequences, {40, true}, progress, {});
        QCOMPARE(captured.tokens, std::int64_t(40));
        QCOMPARE(captured.capturedTokens, std::int64_t(40));
        const auto names = model.weights().linearTensorNames();
        QCOMPARE(captured.sumSquares.size(), names.size());
        const auto& down = captured.inputs.at("model.layers.1.mlp.down_proj.weight");
        QCOMPARE(down.rows(), Eigen::Index(40));
        QCOMPARE(down.cols(), Eigen::Index(172));
        const auto& squares = captured.sumSquares.at("model.layers.1.mlp.down_proj.weight");
        for (int j = 0; j < 172; ++j)
            QVERIFY(std::abs(squares[j] - down.col(j).squaredNorm()) <= 1e-4f * (1 + squares[j]));
        // q, k and v see the same input; the rows are the normalised embeddings' path, not zeros.
        QCOMPARE(captured.inputs.at("model.layers.0.self_attn.q_proj.weight"),
            captured.inputs.at("model.layers.0.self_attn.v_proj.weight"));
        QVERIFY(down.squaredNorm() > 0);
        std::stop_source stopped;
        stopped.request_stop();
        QVERIFY_THROWS_EXCEPTION(Cancelled, captureActivations(model, sequences, {}, progress, stopped.get_token()));
    }

    void rejectsBadInput()
    {
        const auto path = sharedPath("models/stories260K/stories260K.bin");
        if (!QFile::exists(path))
            QSKIP("shared data not available");
        const Transformer model(ModelWeights::load(*openCheckpoint(path.toStdString())));
        auto cache = model.newCache(4);
        const std::vector<std::int32_t> outside{1, 512};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model.forward(outside, cache));
        QCOMPARE(cache.length(), Eigen::Index(0));
        const std::vector<std::int32_t> tooMany{1, 2, 3, 4, 5};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model.forward(tooMany, cache));
    }

    // Qwen2-style q/k/v biases: zero biases change nothing, a value bias changes the logits, and a
    // bias of the wrong length is refused with its name.
    void attentionBiases_data()
    {
        QTest::addColumn<float>("biasValue");
        QTest::addColumn<int>("biasLength");
        QTest::addRow("zero") << 0.0f << 32;
        QTest::addRow("non-zero") << 0.5f << 32;
        QTest::addRow("wrong length") << 0.0f << 31;
    }
    void attentionBiases()
    {
        QFETCH(float, biasValue);
        QFETCH(int, biasLength);
        const auto source = sharedPath("models/stories260K-hf-f32");
        if (!QFile::exists(source))
            QSKIP("shared data not available");
        const auto original = openCheckpoint(source.toStdString());
        QTemporaryDir dir;
        SafetensorsWriter writer;
        for (const auto& info : original->tensors())
            writer.addTensor(info.name, DType::F32, info.shape);
        const std::vector<std::string> biases{"model.layers.0.self_attn.q_proj.bias",
            "model.layers.0.self_attn.k_proj.bias", "model.layers.0.self_attn.v_proj.bias"};
        for (const auto& name : biases)
            writer.addTensor(name, DType::F32, {name.find("q_proj") != std::string::npos ? 64 : biasLength});
        Progress progress;
        writer.write(dir.filePath(QStringLiteral("model.safetensors")).toStdString(),
            [&](std::size_t index) {
                std::vector<float> values;
                if (index < original->tensors().size())
                    values = original->tensor(index).toFloats();
                else
                    values.assign(index - original->tensors().size() == 0 ? 64 : std::size_t(biasLength),
                        index - original->tensors().size() == 2 ? biasValue : 0.0f);
                std::vector<std::byte> bytes(values.size() * 4);
                std::memcpy(bytes.data(), values.data(), bytes.size());
                return bytes;
            },
            progress, {});
        QVERIFY(QFile::copy(source + QStringLiteral("/config.json"), dir.filePath(QStringLiteral("config.json"))));
        const auto tokens = someTokens(512, 10, 9);
        if (biasLength != 32) {
            try {
                ModelWeights::load(*openCheckpoint(dir.path().toStdString()));
                QFAIL("no error for a bias of the wrong length");
            } catch (const CheckpointError& e) {
                QCOMPARE(QString::fromStdString(e.tensor()), QStringLiteral("model.layers.0.self_attn.k_proj.bias"));
            }
            return;
        }
        const auto withBias = logitsOf(dir.path(), tokens);
        const auto without = logitsOf(source, tokens);
        if (biasValue == 0.0f)
            QCOMPARE(maxAbsDifference(withBias, without), 0.0);
        else
            QVERIFY(maxAbsDifference(withBias, without) > 1e-3);
    }

    // config.json rope_scaling: the HF folder of stories260K with Llama 3.1 scaling (original
    // context 1024, factor 8, low 1, high 4: of the four frequencies of head size 8, 1 and 0.1 keep
    // their wavelength, 0.01 is blended and 0.001 divided by 8) gives the logits of the reference
    // run with those frequencies written out here; linear divides them all. Other types refuse to run.
    void ropeScaling()
    {
        const auto source = sharedPath("models/stories260K-hf-f32");
        const auto bin = sharedPath("models/stories260K/stories260K.bin");
        if (!QFile::exists(source) || !QFile::exists(bin))
            QSKIP("shared data not available");
        ReferenceModel reference(bin);
        const auto tokens = someTokens(reference.vocab, 40, 3);
        const auto withScaling = [&](const QByteArray& scaling) {
            auto dir = std::make_unique<QTemporaryDir>();
            QFile::copy(
                source + QStringLiteral("/model.safetensors"), dir->filePath(QStringLiteral("model.safetensors")));
            QFile config(source + QStringLiteral("/config.json"));
            config.open(QIODevice::ReadOnly);
            QByteArray text = config.readAll().trimmed();
            text.chop(1); // the closing brace
            text += ", \"rope_scaling\": " + scaling + "}";
            QFile out(dir->filePath(QStringLiteral("config.json")));
            out.open(QIODevice::WriteOnly);
            out.write(text);
            return dir;
        };
        const auto compare = [&](const QByteArray& scaling, const std::vector<double>& frequencies) {
            const auto dir = withScaling(scaling);
            const auto logits = logitsOf(dir->path(), tokens);
            reference.ropeFrequencies = frequencies;
            const auto expected = reference.run(tokens);
            double worst = 0;
            for (std::size_t t = 0; t < tokens.size(); ++t)
                for (int v = 0; v < reference.vocab; ++v)
                    worst = std::max(worst, std::abs(double(logits(Eigen::Index(t), v)) - expected[t][v]));
            return worst;
        };
        const double pi = std::acos(-1.0);
        // f = 0.01: wavelength 628.3 between 1024/4 and 1024/1; smooth = (1024/628.3 − 1)/(4 − 1).
        const double smooth = (1024.0 / (2.0 * pi / 0.01) - 1.0) / 3.0;
        const std::vector<double> llama3{1.0, 0.1, (1.0 - smooth) * 0.01 / 8.0 + smooth * 0.01, 0.001 / 8.0};
        const QByteArray llama3Json = R"({"rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0,
            "high_freq_factor": 4.0, "original_max_position_embeddings": 1024})";
        const double llama3Error = compare(llama3Json, llama3);
        QVERIFY2(llama3Error < 2e-4, qPrintable(QString::number(llama3Error)));
        // The same logits with the unscaled frequencies differ: the test sees the scaling.
        QVERIFY(compare(llama3Json, {}) > 1e-3);
        const double linearError = compare(R"({"type": "linear", "factor": 4.0})", {0.25, 0.025, 0.0025, 0.00025});
        QVERIFY2(linearError < 2e-4, qPrintable(QString::number(linearError)));

        const auto yarn = withScaling(R"({"rope_type": "yarn", "factor": 4.0})");
        const auto checkpoint = openCheckpoint(yarn->path().toStdString()); // the checkpoint itself opens
        try {
            ModelWeights::load(*checkpoint);
            QFAIL("yarn scaling accepted");
        } catch (const CheckpointError& e) {
            QVERIFY2(
                QString::fromUtf8(e.what()).contains(QStringLiteral("rope_scaling type 'yarn' is not one")), e.what());
        }
    }

    void missingTensorIsNamed()
    {
        const auto source = sharedPath("models/stories260K-hf-f32");
        if (!QFile::exists(source))
            QSKIP("shared data not available");
        // A checkpoint whose config needs 5 layers but which holds only 4.
        QTemporaryDir dir;
        QVERIFY(QFile::copy(
            source + QStringLiteral("/model.safetensors"), dir.filePath(QStringLiteral("model.safetensors"))));
        QFile config(source + QStringLiteral("/config.json"));
        QVERIFY(config.open(QIODevice::ReadOnly));
        auto text = config.readAll();
        text.replace("\"num_hidden_layers\": 5", "\"num_hidden_layers\": 6");
        QFile out(dir.filePath(QStringLiteral("config.json")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text);
        out.close();
        try {
            ModelWeights::load(*openCheckpoint(dir.path().toStdString()));
            QFAIL("no error for a missing layer");
        } catch (const CheckpointError& e) {
            QCOMPARE(QString::fromStdString(e.tensor()), QStringLiteral("model.layers.5.input_layernorm.weight"));
            QVERIFY(QString::fromUtf8(e.what()).contains(QStringLiteral("missing")));
        }
    }
};

QTEST_GUILESS_MAIN(TestTransformer)
#include "tst_transformer.moc"
