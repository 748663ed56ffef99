// GGUF export of a recipe: llama.cpp tensor names, q/k rows back in llama.cpp's layout, metadata and
// vocabulary as llama.cpp's own files hold them. Checked with an independent strict reader against
// the shared lab-tinystories GGUF files that llama.cpp loads (F32, and Q4_K made by ggml itself).
#include "StrictGgufReader.h"

#include "io/Checkpoint.h"
#include "recipe/LlamaTensorNames.h"
#include "recipe/Pipeline.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>
#include <iterator>

using namespace complab;
using complab::test::StrictGguf;
using complab::test::StrictGgufReader;

namespace {

const std::filesystem::path modelsDir = std::filesystem::path(COMPLAB_SHARED_DATA_DIR) / "models";

std::vector<unsigned char> readBytes(const std::filesystem::path& path)
{
    std::ifstream file(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(file), {}};
}

std::vector<unsigned char> tensorBytes(
    const std::vector<unsigned char>& file, const StrictGguf& gguf, const std::string& name)
{
    for (const auto& tensor : gguf.tensors)
        if (tensor.name == name) {
            const auto begin = file.begin() + static_cast<std::ptrdiff_t>(gguf.dataStart + tensor.offset);
            return {begin, begin + static_cast<std::ptrdiff_t>(tensor.bytes)};
        }
    return {};
}

std::filesystem::path exportWith(
    const std::filesystem::path& source, Recipe recipe, const QTemporaryDir& dir, const char* name)
{
    const auto output = std::filesystem::path(dir.path().toStdString()) / name;
    Pipeline pipeline(openCheckpoint(source), std::move(recipe), {output});
    Progress progress;
    pipeline.run(progress, {});
    return output;
}

Recipe recipeOf(const char* scheme)
{
    Recipe recipe;
    recipe.quantization.scheme = scheme;
    return recipe;
}

// Every key of `reference` is in `ours` with the same type and value (the ones set afresh excepted).
void compareKeys(const StrictGguf& ours, const StrictGguf& reference, const std::set<std::string>& skip)
{
    for (const auto& key : reference.keys) {
        if (skip.contains(key.name))
            continue;
        const auto* mine = ours.key(key.name);
        QVERIFY2(mine, ("missing key " + key.name).c_str());
        QVERIFY2(mine->type == key.type && mine->elementType == key.elementType && mine->count == key.count,
            ("type of " + key.name).c_str());
        QVERIFY2(mine->integer == key.integer && mine->signedInteger == key.signedInteger && mine->real == key.real
                && mine->text == key.text,
            ("value of " + key.name).c_str());
        QVERIFY2(mine->strings == key.strings, ("strings of " + key.name).c_str());
        // Compared as bits so that -0.0 scores count as different from 0.0.
        QCOMPARE(mine->numbers.size(), key.numbers.size());
        for (std::size_t i = 0; i < key.numbers.size(); ++i)
            QVERIFY2(std::memcmp(&mine->numbers[i], &key.numbers[i], sizeof(double)) == 0,
                ("numbers of " + key.name).c_str());
    }
}

} // namespace

class TestGgufExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void names_data()
    {
        QTest::addColumn<QString>("hf");
        QTest::addColumn<QString>("gguf");
        QTest::addColumn<int>("rotary");
        QTest::addRow("embeddings") << "model.embed_tokens.weight"
                                    << "token_embd.weight" << 0;
        QTest::addRow("q") << "model.layers.0.self_attn.q_proj.weight"
                           << "blk.0.attn_q.weight" << 1;
        QTest::addRow("k") << "model.layers.12.self_attn.k_proj.weight"
                           << "blk.12.attn_k.weight" << 2;
        QTest::addRow("v") << "model.layers.3.self_attn.v_proj.weight"
                           << "blk.3.attn_v.weight" << 0;
        QTest::addRow("o") << "model.layers.3.self_attn.o_proj.weight"
                           << "blk.3.attn_output.weight" << 0;
        QTest::addRow("gate") << "model.layers.1.mlp.gate_proj.weight"
                              << "blk.1.ffn_gate.weight" << 0;
        QTest::addRow("up") << "model.layers.1.mlp.up_proj.weight"
                            << "blk.1.ffn_up.weight" << 0;
        QTest::addRow("down") << "model.layers.1.mlp.down_proj.weight"
                              << "blk.1.ffn_down.weight" << 0;
        QTest::addRow("attn norm") << "model.layers.2.input_layernorm.weight"
                                   << "blk.2.attn_norm.weight" << 0;
        QTest::addRow("ffn norm") << "model.layers.2.post_attention_layernorm.weight"
                                  << "blk.2.ffn_norm.weight" << 0;
        QTest::addRow("q bias") << "model.layers.2.self_attn.q_proj.bias"
                                << "blk.2.attn_q.bias" << 1;
        QTest::addRow("final norm") << "model.norm.weight"
                                    << "output_norm.weight" << 0;
        QTest::addRow("classifier") << "lm_head.weight"
                                    << "output.weight" << 0;
        QTest::addRow("unknown part") << "model.layers.0.self_attn.rotary_emb.inv_freq"
                                      << "" << 0;
        QTest::addRow("leading zero") << "model.layers.01.mlp.up_proj.weight"
                                      << "" << 0;
        QTest::addRow("no layer") << "model.layers..mlp.up_proj.weight"
                                  << "" << 0;
        QTest::addRow("other model") << "transformer.h.0.attn.c_attn.weight"
                                     << "" << 0;
    }
    void names()
    {
        QFETCH(QString, hf);
        QFETCH(QString, gguf);
        QFETCH(int, rotary);
        const auto mapped = llamaCppTensorName(hf.toStdString());
        QCOMPARE(mapped.has_value(), !gguf.isEmpty());
        if (mapped) {
            QCOMPARE(QString::fromStdString(mapped->ggufName), gguf);
            QCOMPARE(static_cast<int>(mapped->rotary), rotary);
        }
    }

    void interleavesRows_data()
    {
        QTest::addColumn<int>("heads");
        QTest::addColumn<int>("headRows");
        QTest::addRow("1 head of 2") << 1 << 2;
        QTest::addRow("2 heads of 4") << 2 << 4;
        QTest::addRow("3 heads of 8") << 3 << 8;
    }
    void interleavesRows()
    {
        QFETCH(int, heads);
        QFETCH(int, headRows);
        const std::size_t rows = std::size_t(heads * headRows), rowBytes = 3;
        std::vector<std::byte> bytes(rows * rowBytes);
        for (std::size_t r = 0; r < rows; ++r)
            for (std::size_t b = 0; b < rowBytes; ++b)
                bytes[r * rowBytes + b] = std::byte(r * 7 + b);
        const auto before = bytes;
        interleaveRotaryRows(bytes, rows, rowBytes, std::size_t(heads));
        // Row 2i + half of each head comes from row half * headRows/2 + i (the inverse of HF's permute).
        for (int h = 0; h < heads; ++h)
            for (int half = 0; half < 2; ++half)
                for (int i = 0; i < headRows / 2; ++i) {
                    const auto to = std::size_t(h * headRows + 2 * i + half);
                    const auto from = std::size_t(h * headRows + half * headRows / 2 + i);
                    QVERIFY(std::equal(before.begin() + from * rowBytes, before.begin() + (from + 1) * rowBytes,
                        bytes.begin() + to * rowBytes));
                }
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, interleaveRotaryRows(bytes, rows, rowBytes, rows));
    }

    // HF F32 -> GGUF F32 must give llama.cpp's own F32 file: same tensors, same bytes, same metadata.
    void matchesLlamaCppF32File_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("sameName");
        QTest::addRow("HF safetensors (rows un-permuted)") << "lab-tinystories/model.safetensors" << true;
        QTest::addRow("llama2.c (rows already interleaved)") << "lab-tinystories-llama2c/lab-tinystories.bin" << false;
    }
    void matchesLlamaCppF32File()
    {
        QFETCH(QString, source);
        QFETCH(bool, sameName);
        const auto reference = modelsDir / "lab-tinystories-gguf/lab-tinystories-f32.gguf";
        if (!std::filesystem::exists(reference))
            QSKIP("shared data not present");
        QTemporaryDir dir;
        const auto output
            = exportWith(modelsDir / "lab-tinystories/model.safetensors", recipeOf("keep"), dir, "f32.gguf");
        const auto ours = readBytes(output);
        const auto theirs = readBytes(reference);
        const auto oursGguf = StrictGgufReader::read(ours);
        const auto theirsGguf = StrictGgufReader::read(theirs);
        QCOMPARE(oursGguf.tensors.size(), theirsGguf.tensors.size());
        for (const auto& tensor : theirsGguf.tensors) {
            const auto mine = tensorBytes(ours, oursGguf, tensor.name);
            QVERIFY2(!mine.empty(), tensor.name.c_str());
            QVERIFY2(mine == tensorBytes(theirs, theirsGguf, tensor.name), ("bytes of " + tensor.name).c_str());
        }
        // general.name is the model's folder name, which differs for the llama2.c copy.
        compareKeys(oursGguf, theirsGguf, sameName ? std::set<std::string>{} : std::set<std::string>{"general.name"});
        QCOMPARE(oursGguf.key("general.quantization_version")->integer, std::uint64_t(2));
        QVERIFY(oursGguf.key("compression_lab.recipe")->text.find("compression-lab-recipe") != std::string::npos);
    }

    // HF F32 -> Q4_K must give the very bytes ggml's quantiser wrote from the F32 GGUF: quantisation is
    // row-local, so un-permuting before or after it is the same.
    void matchesGgmlQuantisedFile_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addRow("from HF safetensors") << "lab-tinystories/model.safetensors";
        QTest::addRow("from the F32 GGUF") << "lab-tinystories-gguf/lab-tinystories-f32.gguf";
    }
    void matchesGgmlQuantisedFile()
    {
        QFETCH(QString, source);
        const auto reference = modelsDir / "lab-tinystories-gguf/lab-tinystories-q4_k.gguf";
        if (!std::filesystem::exists(reference))
            QSKIP("shared data not present");
        QTemporaryDir dir;
        const auto output = exportWith(modelsDir / source.toStdString(), recipeOf("q4_k"), dir, "q4_k.gguf");
        const auto ours = readBytes(output);
        const auto theirs = readBytes(reference);
        const auto oursGguf = StrictGgufReader::read(ours);
        const auto theirsGguf = StrictGgufReader::read(theirs);
        QCOMPARE(oursGguf.tensors.size(), theirsGguf.tensors.size());
        for (const auto& tensor : theirsGguf.tensors)
            QVERIFY2(tensorBytes(ours, oursGguf, tensor.name) == tensorBytes(theirs, theirsGguf, tensor.name),
                ("bytes of " + tensor.name).c_str());
        compareKeys(oursGguf, theirsGguf, {"general.quantized_by"});
        QCOMPARE(oursGguf.key("general.file_type")->integer, std::uint64_t(14));
    }

    // The listing the closing note shows: a mixed recipe, read back by the strict reader.
    void mixedRecipeListing()
    {
        const auto source = modelsDir / "lab-tinystories/model.safetensors";
        if (!std::filesystem::exists(source))
            QSKIP("shared data not present");
        auto recipe = recipeOf("q4_k");
        recipe.rules.push_back({TensorRule::Syntax::Glob, "*.attn_v.weight", {"q6_k"}});
        recipe.rules.push_back({TensorRule::Syntax::Regex, "^token_embd", {"q8_0"}});
        recipe.rules.push_back({TensorRule::Syntax::Glob, "model.layers.0.mlp.down_proj.weight", {"keep"}});
        QTemporaryDir dir;
        const auto bytes = readBytes(exportWith(source, recipe, dir, "mixed.gguf"));
        const auto gguf = StrictGgufReader::read(bytes);
        std::map<std::string, std::string> types;
        for (const auto& tensor : gguf.tensors) {
            std::string shape;
            for (const auto extent : tensor.extents)
                shape += (shape.empty() ? "" : " x ") + std::to_string(extent);
            types[tensor.name] = complab::test::strictGgmlTypes().at(tensor.type).name;
            qInfo("%-28s %-5s [%s]", tensor.name.c_str(), types[tensor.name].c_str(), shape.c_str());
        }
        QCOMPARE(types["token_embd.weight"], std::string("Q8_0"));
        QCOMPARE(types["blk.2.attn_v.weight"], std::string("Q6_K"));
        QCOMPARE(types["blk.2.attn_q.weight"], std::string("Q4_K"));
        QCOMPARE(types["blk.0.ffn_down.weight"], std::string("F32"));
        QCOMPARE(types["blk.1.ffn_down.weight"], std::string("Q4_K"));
        QCOMPARE(types["output_norm.weight"], std::string("F32"));
        QCOMPARE(gguf.key("tokenizer.ggml.tokens")->count, std::uint64_t(2048));
    }
};

QTEST_APPLESS_MAIN(TestGgufExport)
#include "tst_ggufexport.moc"
