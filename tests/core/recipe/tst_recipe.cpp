// The recipe document: round trips, strict rejection naming the key path, first-match rules, and
// agreement of the parser's key table with docs/recipe.schema.json.
#include "recipe/Recipe.h"

#include "io/Checkpoint.h"

#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>

using namespace complab;

namespace {

Recipe fullRecipe()
{
    Recipe recipe;
    recipe.source = RecipeSource{"/models/x/model.safetensors", 14693368, std::string(64, 'a')};
    recipe.quantization = {"int4", 64, true};
    recipe.rules.push_back({TensorRule::Syntax::Glob, "*.attn_v.weight", {"q6_k", 128, false}});
    recipe.rules.push_back({TensorRule::Syntax::Regex, "norm", {"keep", 128, false}});
    recipe.rules.push_back({TensorRule::Syntax::Glob, "model.layers.?.mlp.*", {"int8", 32, false}});
    recipe.pruning = PruningSettings{"wanda", 0.5, "2:4", {"*.mlp.*"}};
    recipe.lowRank = LowRankSettings{std::nullopt, 0.9, {"*.o_proj.weight"}};
    recipe.runtime = {"q8_0", 4096, 2};
    recipe.calibration = CalibrationSettings{"calib.txt", std::string(64, 'b'), 64, 256};
    recipe.estimate = EstimateSettings{70e9, 4.0, "first-order", true, true};
    recipe.estimatorConstants.qualityInt4 = 0.93;
    return recipe;
}

std::string withChange(const std::function<void(nlohmann::ordered_json&)>& change)
{
    auto json = nlohmann::ordered_json::parse(fullRecipe().toJson());
    change(json);
    return json.dump();
}

// Collects, from the schema, the property names of every object by the parser's path notation.
void schemaKeys(const nlohmann::json& node, const std::string& path, std::map<std::string, std::set<std::string>>& out)
{
    if (node.contains("oneOf"))
        for (const auto& alternative : node["oneOf"])
            schemaKeys(alternative, path, out);
    if (node.value("type", "") == "array" && node.contains("items"))
        schemaKeys(node["items"], path + "[]", out);
    if (node.value("type", "") != "object")
        return;
    QVERIFY2(
        node.value("additionalProperties", true) == false, ("schema object " + path + " allows unknown keys").c_str());
    auto& keys = out[path];
    for (const auto& [key, child] : node["properties"].items()) {
        keys.insert(key);
        schemaKeys(child, path.empty() ? key : path + "." + key, out);
    }
}

} // namespace

class TestRecipe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<int>("which");
        QTest::addRow("defaults") << 0;
        QTest::addRow("everything set") << 1;
        QTest::addRow("rank instead of energy") << 2;
    }
    void roundTrip()
    {
        QFETCH(int, which);
        Recipe recipe = which == 0 ? Recipe{} : fullRecipe();
        if (which == 2)
            recipe.lowRank = LowRankSettings{32, std::nullopt, {}};
        const auto text = recipe.toJson();
        const auto parsed = Recipe::fromJson(text, "test.json");
        QVERIFY(parsed == recipe);
        QCOMPARE(parsed.toJson(), text); // byte-stable text
    }

    void saveAndLoad()
    {
        QTemporaryDir dir;
        const auto path = std::filesystem::path(dir.path().toStdString()) / "r.json";
        fullRecipe().save(path);
        QVERIFY(Recipe::load(path) == fullRecipe());
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<QByteArray>("message");
        const auto row = [](const char* name, const std::string& document, const char* message) {
            QTest::addRow("%s", name) << QByteArray::fromStdString(document) << QByteArray(message);
        };
        row("not JSON", "{", "test.json: not valid JSON");
        row("not an object", "[]", "\"(document)\": must be an object");
        row("wrong format", withChange([](auto& j) { j["format"] = "other"; }),
            "\"format\": must be \"compression-lab-recipe\"");
        row("missing format", withChange([](auto& j) { j.erase("format"); }), "\"format\": missing");
        row("newer version", withChange([](auto& j) { j["version"] = 2; }), "\"version\": 2 is newer than this build");
        row("version as text", withChange([](auto& j) { j["version"] = "1"; }), "\"version\": must be an integer");
        row("unknown top key", withChange([](auto& j) { j["colour"] = 1; }), "\"colour\": unknown key");
        row("unknown nested key", withChange([](auto& j) { j["runtime"]["ctx"] = 1; }), "\"runtime.ctx\": unknown key");
        row("unknown scheme in rule", withChange([](auto& j) { j["rules"][2]["scheme"] = "q9_k"; }),
            "test.json: \"rules[2].scheme\": unknown scheme \"q9_k\"");
        row("unknown key in rule", withChange([](auto& j) { j["rules"][1]["glob"] = "x"; }),
            "\"rules[1].glob\": unknown key");
        row("bad regex", withChange([](auto& j) { j["rules"][1]["pattern"] = "(("; }),
            "\"rules[1].pattern\": not a valid regular expression");
        row("bad match", withChange([](auto& j) { j["rules"][0]["match"] = "exact"; }),
            "\"rules[0].match\": must be \"glob\" or \"regex\"");
        row("group size for k-quant", withChange([](auto& j) { j["rules"][0]["group_size"] = 64; }),
            "\"rules[0].group_size\": applies to the intN schemes only");
        row("odd group size", withChange([](auto& j) { j["quantization"]["group_size"] = 48; }),
            "\"quantization.group_size\": must be 32, 64, 128 or 256");
        row("rules not array", withChange([](auto& j) { j["rules"] = 3; }), "\"rules\": must be an array");
        row("fraction too big", withChange([](auto& j) { j["pruning"]["fraction"] = 1.5; }),
            "\"pruning.fraction\": must lie in [0, 0.99]");
        row("fraction as text", withChange([](auto& j) { j["pruning"]["fraction"] = "half"; }),
            "\"pruning.fraction\": must be a number, not string");
        row("bad N:M", withChange([](auto& j) { j["pruning"]["pattern"] = "4:2"; }),
            "\"pruning.pattern\": N:M needs 0 < N < M");
        row("bad method", withChange([](auto& j) { j["pruning"]["method"] = "random"; }),
            "\"pruning.method\": must be magnitude, wanda or sparsegpt");
        row("rank and energy", withChange([](auto& j) { j["low_rank"]["rank"] = 8; }),
            "\"low_rank\": needs exactly one of");
        row("tensors not strings", withChange([](auto& j) { j["low_rank"]["tensors"] = {1}; }),
            "\"low_rank.tensors[0]\": must be a string");
        row("kv type", withChange([](auto& j) { j["runtime"]["kv_cache_type"] = "q2"; }),
            "\"runtime.kv_cache_type\": unknown KV-cache type");
        row("zero context", withChange([](auto& j) { j["runtime"]["context"] = 0; }),
            "\"runtime.context\": must be at least 1");
        row("negative size", withChange([](auto& j) { j["source"]["size_bytes"] = -1; }),
            "\"source.size_bytes\": must be at least 0");
        row("bad hash", withChange([](auto& j) { j["source"]["header_sha256"] = "xyz"; }),
            "\"source.header_sha256\": must be 64");
        row("runtime profile", withChange([](auto& j) { j["estimate"]["runtime_profile"] = "vllm"; }),
            "\"estimate.runtime_profile\": must be \"first-order\" or \"llama.cpp\", not \"vllm\"");
        row("distill below 1", withChange([](auto& j) { j["estimate"]["distill_factor"] = 0.5; }),
            "\"estimate.distill_factor\": must lie in [1, 1000]");
        row("tiny model", withChange([](auto& j) { j["estimate"]["parameters"] = 10; }),
            "\"estimate.parameters\": must lie in");
        row("unknown estimate key", withChange([](auto& j) { j["estimate"]["bits"] = 4; }),
            "\"estimate.bits\": unknown key");
        row("unknown constant", withChange([](auto& j) { j["estimator_constants"]["quality"]["int3"] = 0.9; }),
            "\"estimator_constants\": unknown constant \"quality.int3\"");
        row("unordered constants", withChange([](auto& j) { j["estimator_constants"]["quality"]["int4"] = 0.99; }),
            "\"estimator_constants\": constant \"quality.int4\" must not exceed quality.int8");
    }
    void rejects()
    {
        QFETCH(QByteArray, document);
        QFETCH(QByteArray, message);
        try {
            Recipe::fromJson(document.toStdString(), "test.json");
            QFAIL("accepted");
        } catch (const RecipeError& e) {
            QVERIFY2(std::string(e.what()).find(message.toStdString()) != std::string::npos, e.what());
        }
    }

    void firstMatchWins_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("scheme");
        QTest::addRow("glob on llama.cpp name") << "blk.0.attn_v.weight"
                                                << "q6_k";
        QTest::addRow("regex anywhere") << "model.layers.0.input_layernorm.weight"
                                        << "keep";
        QTest::addRow("? is one character") << "model.layers.3.mlp.up_proj.weight"
                                            << "int8";
        QTest::addRow("? is not two") << "model.layers.12.mlp.up_proj.weight"
                                      << "int4";
        QTest::addRow("no rule") << "model.embed_tokens.weight"
                                 << "int4";
        QTest::addRow("glob must match whole name") << "blk.0.attn_v.weight.extra"
                                                    << "int4";
    }
    void firstMatchWins()
    {
        QFETCH(QString, name);
        QFETCH(QString, scheme);
        auto recipe = fullRecipe();
        // A later rule that would also match the norm: the earlier "keep" wins.
        recipe.rules.push_back({TensorRule::Syntax::Glob, "*norm*", {"q8_0", 128, false}});
        QCOMPARE(QString::fromStdString(recipe.schemeFor({name.toStdString()}).scheme), scheme);
    }

    void schemaAgreesWithParser()
    {
        std::ifstream file(std::filesystem::path(COMPLAB_SOURCE_DIR) / "docs" / "recipe.schema.json");
        QVERIFY(file.good());
        const auto schema = nlohmann::json::parse(file);
        QCOMPARE(QString::fromStdString(schema["$schema"].get<std::string>()),
            QStringLiteral("https://json-schema.org/draft/2020-12/schema"));
        std::map<std::string, std::set<std::string>> fromSchema;
        schemaKeys(schema, "", fromSchema);
        std::map<std::string, std::set<std::string>> fromParser;
        for (const auto& [path, keys] : Recipe::allowedKeys())
            fromParser[path] = {keys.begin(), keys.end()};
        for (const auto& [path, keys] : fromParser)
            QVERIFY2(fromSchema[path] == keys, ("keys of \"" + path + "\" differ").c_str());
        QCOMPARE(fromSchema.size(), fromParser.size());
        // Every scheme the schema lists is one the parser accepts, and a full recipe uses only schema keys.
        for (const auto& scheme : schema["$defs"]["scheme"]["enum"]) {
            const auto text = withChange([&](auto& j) { j["quantization"] = {{"scheme", scheme}}; });
            Recipe::fromJson(text, "test.json");
        }
        const auto written = nlohmann::ordered_json::parse(fullRecipe().toJson());
        for (const auto& [key, value] : written.items())
            QVERIFY2(fromSchema[""].contains(key), key.c_str());
        for (const auto& [key, value] : written["rules"][0].items())
            QVERIFY2(fromSchema["rules[]"].contains(key), key.c_str());
    }

    void sourceFingerprint()
    {
        const auto path = std::filesystem::path(COMPLAB_SHARED_DATA_DIR) / "models/lab-tinystories/model.safetensors";
        if (!std::filesystem::exists(path))
            QSKIP("shared data not present");
        const auto checkpoint = openCheckpoint(path);
        const auto source = RecipeSource::of(*checkpoint);
        QCOMPARE(source.sizeBytes, std::uint64_t(14693368));
        QCOMPARE(source.headerSha256.size(), std::size_t(64));
        QVERIFY(source == RecipeSource::of(*openCheckpoint(path))); // stable
        const auto gguf
            = std::filesystem::path(COMPLAB_SHARED_DATA_DIR) / "models/lab-tinystories-gguf/lab-tinystories-f32.gguf";
        QVERIFY(RecipeSource::of(*openCheckpoint(gguf)).headerSha256 != source.headerSha256);
    }
};

QTEST_APPLESS_MAIN(TestRecipe)
#include "tst_recipe.moc"
