// config.json beside a checkpoint: the fields the lab uses, defaults derived where HF derives
// them, and errors that name the key.
#include "io/CheckpointError.h"
#include "io/ModelConfig.h"

#include <QTest>

using namespace complab;

class TestModelConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bundledSample()
    {
        const auto config = ModelConfig::load(COMPLAB_SAMPLE_DIR "/config.json");
        QCOMPARE(config.modelType, std::string("llama"));
        QCOMPARE(config.architecture, std::string("LlamaForCausalLM"));
        QCOMPARE(config.layerCount, std::optional<std::int64_t>(4));
        QCOMPARE(config.intermediateSize, std::optional<std::int64_t>(768));
        QCOMPARE(config.vocabSize, std::optional<std::int64_t>(2048));
        QCOMPARE(config.contextLength, std::optional<std::int64_t>(256));
        QCOMPARE(config.rmsNormEps, std::optional<double>(1e-5));
    }

    void otherFamilies()
    {
        // Gemma 2 (head_dim given, sliding window), Qwen2 with its window switched off, GPT-2 names.
        const auto gemma
            = ModelConfig::parse("{\"model_type\": \"gemma2\", \"hidden_size\": 2304, \"intermediate_size\": 9216,"
                                 " \"num_hidden_layers\": 26, \"num_attention_heads\": 8, \"num_key_value_heads\": 4,"
                                 " \"head_dim\": 256, \"vocab_size\": 256000, \"sliding_window\": 4096}",
                "c.json");
        QCOMPARE(gemma.headDim, std::optional<std::int64_t>(256));
        QCOMPARE(gemma.slidingWindow, std::optional<std::int64_t>(4096));
        const auto qwen
            = ModelConfig::parse("{\"model_type\": \"qwen2\", \"hidden_size\": 896, \"intermediate_size\": 4864,"
                                 " \"num_hidden_layers\": 24, \"num_attention_heads\": 14, \"num_key_value_heads\": 2,"
                                 " \"vocab_size\": 151936, \"sliding_window\": 32768, \"use_sliding_window\": false}",
                "c.json");
        QVERIFY(!qwen.slidingWindow);
        QCOMPARE(qwen.headDim, std::optional<std::int64_t>(64));
        const auto gpt2 = ModelConfig::parse("{\"model_type\": \"gpt2\", \"n_embd\": 768, \"n_layer\": 12, \"n_head\": "
                                             "12, \"n_positions\": 1024, \"vocab_size\": 50257}",
            "c.json");
        QCOMPARE(gpt2.hiddenSize, std::optional<std::int64_t>(768));
        QCOMPARE(gpt2.layerCount, std::optional<std::int64_t>(12));
        QCOMPARE(gpt2.contextLength, std::optional<std::int64_t>(1024));
    }

    void derivedDefaults()
    {
        const auto config = ModelConfig::parse("{\"hidden_size\": 4096, \"num_attention_heads\": 32}", "c.json");
        QCOMPARE(config.headDim, std::optional<std::int64_t>(128));
        QCOMPARE(config.keyValueHeads, std::optional<std::int64_t>(32));
        QVERIFY(!config.vocabSize);
    }

    void ropeScaling()
    {
        const auto llama31 = ModelConfig::parse(R"({"rope_theta": 500000.0, "rope_scaling": {"factor": 8.0,
            "low_freq_factor": 1.0, "high_freq_factor": 4.0, "original_max_position_embeddings": 8192,
            "rope_type": "llama3"}})",
            "c.json");
        QVERIFY(llama31.ropeScaling);
        QCOMPARE(llama31.ropeScaling->type, std::string("llama3"));
        QCOMPARE(llama31.ropeScaling->factor, 8.0);
        QCOMPARE(llama31.ropeScaling->originalContext, std::int64_t(8192));
        QVERIFY(!ModelConfig::parse(R"({"rope_scaling": null})", "c.json").ropeScaling);
        QVERIFY(!ModelConfig::parse(R"({"rope_scaling": {"rope_type": "default"}})", "c.json").ropeScaling);
        // A type the forward pass lacks still parses: inspecting and quantising need no RoPE.
        QCOMPARE(
            ModelConfig::parse(R"({"rope_scaling": {"rope_type": "yarn", "factor": 4}})", "c.json").ropeScaling->type,
            std::string("yarn"));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("problem");
        QTest::addRow("not json") << "{"
                                  << "not valid JSON";
        QTest::addRow("not object") << "[]"
                                    << "not a JSON object";
        QTest::addRow("negative") << "{\"hidden_size\": -1}"
                                  << "'hidden_size' must be a positive integer";
        QTest::addRow("string") << "{\"num_hidden_layers\": \"4\"}"
                                << "'num_hidden_layers' must be a positive integer";
        QTest::addRow("bool") << "{\"tie_word_embeddings\": 1}"
                              << "'tie_word_embeddings' must be true or false";
        QTest::addRow("architectures") << "{\"architectures\": 3}"
                                       << "'architectures' must be a list";
        QTest::addRow("rope_scaling not an object") << "{\"rope_scaling\": 3}"
                                                    << "'rope_scaling' must be an object or null";
        QTest::addRow("rope_scaling without type") << "{\"rope_scaling\": {\"factor\": 2}}"
                                                   << "'rope_scaling' names no 'rope_type'";
        QTest::addRow("llama3 without factors") << "{\"rope_scaling\": {\"rope_type\": \"llama3\", \"factor\": 8}}"
                                                << "'rope_scaling.low_freq_factor' is required for rope_type 'llama3'";
        QTest::addRow("linear factor") << "{\"rope_scaling\": {\"type\": \"linear\", \"factor\": -2}}"
                                       << "'factor' must be a positive number";
    }

    void errors()
    {
        QFETCH(QString, text);
        QFETCH(QString, problem);
        try {
            ModelConfig::parse(text.toStdString(), "dir/config.json");
            QFAIL("accepted");
        } catch (const CheckpointError& error) {
            const QString message = QString::fromStdString(error.what());
            QVERIFY2(message.startsWith(QStringLiteral("dir/config.json: ")), qPrintable(message));
            QVERIFY2(message.contains(problem), qPrintable(message));
        }
    }
};

QTEST_GUILESS_MAIN(TestModelConfig)
#include "tst_modelconfig.moc"
