// What a recipe means for llama-quantize and llm-compressor, and the plain notes on what does not translate.
#include "recipe/EquivalentCommands.h"
#include "recipe/Recipe.h"

#include <QTest>

using namespace complab;

namespace {

bool anyContains(const std::vector<std::string>& lines, const std::string& text)
{
    for (const auto& line : lines)
        if (line.find(text) != std::string::npos)
            return true;
    return false;
}

} // namespace

class TestEquivalentCommands : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void llamaQuantize_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<QString>("fileType");
        QTest::addRow("q4_k") << "q4_k"
                              << " Q4_K_S";
        QTest::addRow("q8_0") << "q8_0"
                              << " Q8_0";
        QTest::addRow("q6_k") << "q6_k"
                              << " Q6_K";
        QTest::addRow("f16") << "f16"
                             << " F16";
        QTest::addRow("keep") << "keep"
                              << " COPY";
    }
    void llamaQuantize()
    {
        QFETCH(QString, scheme);
        QFETCH(QString, fileType);
        Recipe recipe;
        recipe.quantization.scheme = scheme.toStdString();
        recipe.rules.push_back({TensorRule::Syntax::Glob, "model.layers.?.self_attn.v_proj.weight", {"q6_k"}});
        recipe.rules.push_back({TensorRule::Syntax::Regex, "ffn_down", {"keep"}});
        const auto commands = equivalentCommands(recipe);
        QCOMPARE(commands.llamaCpp.size(), std::size_t(2)); // quantize, run
        const auto& line = commands.llamaCpp[0];
        QVERIFY2(line.ends_with(fileType.toStdString()), line.c_str());
        QVERIFY2(line.find("--tensor-type '^blk\\..\\.attn_v\\.weight$=q6_k'") != std::string::npos, line.c_str());
        QVERIFY2(line.find("--tensor-type 'ffn_down=f32'") != std::string::npos, line.c_str());
        // Rules keep their order, before the catch-all that pins the rest.
        QVERIFY(line.find("attn_v") < line.find("ffn_down"));
        QCOMPARE(line.find("--tensor-type '.*="),
            scheme == QStringLiteral("keep") ? std::string::npos : line.rfind("--tensor-type"));
        QVERIFY(line.find("--imatrix") == std::string::npos);
    }

    void untranslatable()
    {
        Recipe recipe;
        recipe.quantization = {"int4", 64, true};
        recipe.rules.push_back({TensorRule::Syntax::Glob, "*.o_proj.weight", {"nf4"}});
        recipe.pruning = PruningSettings{"magnitude", 0.3, "unstructured", {}};
        recipe.lowRank = LowRankSettings{8, std::nullopt, {}};
        recipe.runtime.kvCacheType = "fp8";
        const auto commands = equivalentCommands(recipe);
        QCOMPARE(commands.llamaCpp.size(), std::size_t(1)); // no llama-quantize line, only the run line
        QVERIFY(anyContains(commands.llamaCppNotes, "The global scheme int4 has no llama.cpp type"));
        QVERIFY(anyContains(commands.llamaCppNotes, "llama.cpp has no nf4 tensor type"));
        QVERIFY(anyContains(commands.llamaCppNotes, "Pruning (magnitude, unstructured) does not translate"));
        QVERIFY(anyContains(commands.llamaCppNotes, "Low-rank factorisation does not translate"));
        QVERIFY(anyContains(commands.llamaCppNotes, "An FP8 KV cache does not translate"));
        const auto& yaml = commands.llmCompressorYaml;
        QVERIFY(
            yaml.find("SparseGPTModifier:\n      sparsity: 0.3\n      mask_structure: \"0:0\"") != std::string::npos);
        QVERIFY(yaml.find("QuantizationModifier:") != std::string::npos);
        QVERIFY(yaml.find("weights: {num_bits: 4, type: int, symmetric: false, strategy: group, group_size: 64}")
            != std::string::npos);
        QVERIFY(yaml.find("kv_cache_scheme") != std::string::npos);
        QVERIFY(anyContains(commands.llmCompressorNotes, "One-shot magnitude pruning has no llm-compressor modifier"));
        QVERIFY(anyContains(commands.llmCompressorNotes, "(nf4) does not translate"));
        QVERIFY(anyContains(commands.llmCompressorNotes, "llm-compressor has no low-rank modifier"));
    }

    void calibrated()
    {
        Recipe recipe;
        recipe.quantization.scheme = "q4_k";
        recipe.calibration = CalibrationSettings{"calib text.txt", "", 64, 256};
        recipe.runtime = {"q8_0", 4096, 1};
        const auto commands = equivalentCommands(recipe);
        QCOMPARE(commands.llamaCpp.size(), std::size_t(3));
        QCOMPARE(commands.llamaCpp[0],
            std::string("llama-imatrix -m model-f32.gguf -f 'calib text.txt' -c 256 --chunks 64 -o imatrix.dat"));
        QVERIFY(commands.llamaCpp[1].starts_with("llama-quantize --imatrix imatrix.dat "));
        QCOMPARE(commands.llamaCpp[2], std::string("llama-cli -m model-out.gguf -c 4096 -ctk q8_0 -ctv q8_0 -fa on"));
        QVERIFY(commands.llmCompressorYaml.find("GPTQModifier:") != std::string::npos);
        QVERIFY(anyContains(commands.llmCompressorNotes, "q4_k -> 4-bit asymmetric, group 32"));
    }
};

QTEST_APPLESS_MAIN(TestEquivalentCommands)
#include "tst_equivalentcommands.moc"
