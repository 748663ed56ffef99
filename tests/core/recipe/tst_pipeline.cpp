// The recipe pipeline: plans, deterministic bytes whatever the thread count, dense safetensors
// exports with the recipe in __metadata__, refusals that name the problem, cancellation without a trace.
#include "io/Checkpoint.h"
#include "io/CheckpointError.h"
#include "recipe/Pipeline.h"
#include "recipe/PipelineStep.h"
#include "recipe/RecipeCalibration.h"
#include "util/Sha256.h"

#include <QTemporaryDir>
#include <QTest>

#include <Eigen/SVD>
#include <nlohmann/json.hpp>
#include <tbb/global_control.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <numeric>
#include <utility>
#include <vector>

using namespace complab;

namespace {

const std::filesystem::path modelsDir = std::filesystem::path(COMPLAB_SHARED_DATA_DIR) / "models";
const std::filesystem::path hfModel = modelsDir / "lab-tinystories/model.safetensors";
const std::filesystem::path calibrationText
    = std::filesystem::path(COMPLAB_SHARED_DATA_DIR) / "text/tinystories-train-sample.txt";

std::string fileHash(const std::filesystem::path& path)
{
    return Sha256::ofFilePrefix(path, std::filesystem::file_size(path));
}

Recipe recipeOf(const std::string& scheme)
{
    Recipe recipe;
    recipe.quantization.scheme = scheme;
    return recipe;
}

std::vector<TensorPlan> apply(const std::filesystem::path& source, const Recipe& recipe,
    const std::filesystem::path& output, DenseType dense = DenseType::Original)
{
    Pipeline pipeline(openCheckpoint(source), recipe, {output, dense});
    Progress progress;
    return pipeline.run(progress, {});
}

} // namespace

class TestPipeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        if (!std::filesystem::exists(hfModel))
            QSKIP("shared data not present");
    }

    // Same recipe, 1 and 2 worker threads: the same bytes, for native blocks and simulated schemes.
    void sameBytesWhateverTheThreadCount_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<QString>("extension");
        QTest::addRow("q4_k gguf") << "q4_k"
                                   << ".gguf";
        QTest::addRow("int4 safetensors") << "int4"
                                          << ".safetensors";
        QTest::addRow("nf4 safetensors") << "nf4"
                                         << ".safetensors";
    }
    void sameBytesWhateverTheThreadCount()
    {
        QFETCH(QString, scheme);
        QFETCH(QString, extension);
        QTemporaryDir dir;
        std::vector<std::string> hashes;
        for (const int threads : {1, 2}) {
            tbb::global_control limit(tbb::global_control::max_allowed_parallelism, std::size_t(threads));
            const auto output
                = std::filesystem::path(dir.path().toStdString()) / (std::to_string(threads) + extension.toStdString());
            apply(hfModel, recipeOf(scheme.toStdString()), output);
            hashes.push_back(fileHash(output));
        }
        QCOMPARE(hashes[0], hashes[1]);
    }

    void planFollowsTheRecipe()
    {
        auto recipe = recipeOf("int4");
        recipe.rules.push_back({TensorRule::Syntax::Glob, "*.mlp.*", {"keep"}});
        recipe.rules.push_back({TensorRule::Syntax::Glob, "blk.*.attn_k.weight", {"int8"}}); // llama.cpp name
        QTemporaryDir dir;
        const Pipeline pipeline(
            openCheckpoint(hfModel), recipe, {std::filesystem::path(dir.path().toStdString()) / "x.safetensors"});
        std::map<std::string, const TensorPlan*> byName;
        for (const auto& plan : pipeline.plan())
            byName[plan.sourceName] = &plan;
        QCOMPARE(byName.size(), std::size_t(38));
        QVERIFY(!byName["model.layers.0.mlp.up_proj.weight"]->spec);
        QCOMPARE(byName["model.layers.0.mlp.up_proj.weight"]->keptBecause, std::string("the recipe says keep"));
        QCOMPARE(byName["model.layers.1.self_attn.k_proj.weight"]->spec->name(), std::string("int8 g128"));
        QCOMPARE(byName["model.layers.1.self_attn.q_proj.weight"]->spec->name(), std::string("int4 g128"));
        QVERIFY(!byName["model.norm.weight"]->spec);
        QCOMPARE(byName["model.layers.1.self_attn.q_proj.weight"]->rotaryHeads,
            std::size_t(0)); // safetensors: HF layout kept
    }

    void denseSafetensors_data()
    {
        QTest::addColumn<int>("dense");
        QTest::addColumn<QString>("dtype");
        QTest::addRow("F16") << int(DenseType::F16) << "F16";
        QTest::addRow("BF16") << int(DenseType::BF16) << "BF16";
        QTest::addRow("original") << int(DenseType::Original) << "F32";
    }
    void denseSafetensors()
    {
        QFETCH(int, dense);
        QFETCH(QString, dtype);
        QTemporaryDir dir;
        const auto output = std::filesystem::path(dir.path().toStdString()) / "dense.safetensors";
        const auto recipe = recipeOf("q4_k");
        const auto plans = apply(hfModel, recipe, output, DenseType(dense));
        const auto written = openCheckpoint(output);
        QCOMPARE(written->tensors().size(), std::size_t(38));
        for (const auto& info : written->tensors())
            QCOMPARE(QString::fromStdString(std::string(dtypeName(info.dtype))), dtype);
        // The recipe is in __metadata__, and parses back to the same recipe.
        QVERIFY(Recipe::fromJson(written->metadata().at("compression_lab.recipe")) == recipe);
        // Quantised tensors hold Q4_K's values: measurable error, far from zero and far from noise.
        for (const auto& plan : plans) {
            if (!plan.spec)
                continue;
            QVERIFY(plan.metrics);
            QVERIFY2(plan.metrics->sqnrDb > 15 && plan.metrics->sqnrDb < 40, plan.sourceName.c_str());
        }
        // A kept tensor in original type is a byte copy.
        if (DenseType(dense) == DenseType::Original) {
            const auto source = openCheckpoint(hfModel);
            const auto index = *source->indexOf("model.norm.weight");
            const auto copy = written->tensor(*written->indexOf("model.norm.weight")).bytes();
            QVERIFY(std::equal(copy.begin(), copy.end(), source->tensor(index).bytes().begin()));
        }
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("recipeJson");
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("message");
        QTest::addRow("wanda without calibration")
            << R"({"format":"compression-lab-recipe","version":1,"pruning":{"method":"wanda","fraction":0.5}})"
            << "out.gguf"
            << "pruning.method wanda needs the recipe's \"calibration\" text";
        QTest::addRow("missing calibration text")
            << R"({"format":"compression-lab-recipe","version":1,"pruning":{"method":"sparsegpt","fraction":0.5},
                  "calibration":{"path":"/nonexistent/calib.txt"}})"
            << "out.gguf"
            << "/nonexistent/calib.txt: the recipe's calibration text does not exist";
        QTest::addRow("changed calibration text")
            << QString::fromStdString(
                   R"({"format":"compression-lab-recipe","version":1,"pruning":{"method":"wanda","fraction":0.5},
                  "calibration":{"path":")"
                   + calibrationText.string() + R"(","sha256":"00"}})")
            << "out.gguf"
            << "the calibration text differs from the one the recipe was made with";
        QTest::addRow("int4 into gguf")
            << R"({"format":"compression-lab-recipe","version":1,"quantization":{"scheme":"int4"}})"
            << "out.gguf"
            << "scheme int4 g128 has no GGUF type";
        QTest::addRow("rule into gguf")
            << R"({"format":"compression-lab-recipe","version":1,"rules":[{"pattern":"*attn_v*","scheme":"nf4"}]})"
            << "out.gguf"
            << "tensor 'model.layers.0.self_attn.v_proj.weight': scheme nf4 has no GGUF type";
        QTest::addRow("extension") << R"({"format":"compression-lab-recipe","version":1})"
                                   << "out.bin"
                                   << "must end in .gguf or .safetensors";
    }
    void refuses()
    {
        QFETCH(QString, recipeJson);
        QFETCH(QString, output);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const auto target = std::filesystem::path(dir.path().toStdString()) / output.toStdString();
        try {
            Pipeline pipeline(openCheckpoint(hfModel), Recipe::fromJson(recipeJson.toStdString()), {target});
            QFAIL("accepted");
        } catch (const std::exception& e) {
            QVERIFY2(std::string(e.what()).find(message.toStdString()) != std::string::npos, e.what());
        }
        QVERIFY(!std::filesystem::exists(target));
    }

    // RoPE scaling reaches the GGUF export: linear as llama.cpp's rope.scaling.type/factor (read back
    // by the lab's GGUF reader); Llama 3.1's, which llama.cpp keeps as a rope_freqs tensor, is refused
    // for GGUF and kept (in config.json) for safetensors.
    void ropeScalingInTheExport()
    {
        const auto folder = hfModel.parent_path();
        std::ifstream configFile(folder / "config.json");
        std::string config((std::istreambuf_iterator<char>(configFile)), std::istreambuf_iterator<char>());
        config.erase(config.find_last_of('}'));
        QTemporaryDir dir;
        const auto root = std::filesystem::path(dir.path().toStdString());
        for (const auto& [name, scaling] :
            std::vector<std::pair<std::string, std::string>>{{"linear", R"({"type": "linear", "factor": 2.0})"},
                {"llama3", R"({"rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
                     "original_max_position_embeddings": 128})"}}) {
            const auto model = root / name;
            std::filesystem::create_directories(model);
            std::filesystem::copy_file(hfModel, model / "model.safetensors");
            for (const char* file : {"tokenizer.model", "tokenizer_config.json"})
                if (std::filesystem::exists(folder / file))
                    std::filesystem::copy_file(folder / file, model / file);
            std::ofstream(model / "config.json") << config << ", \"rope_scaling\": " << scaling << "}";
            const auto output = root / (name + ".gguf");
            if (name == "linear") {
                apply(model / "model.safetensors", recipeOf("q8_0"), output);
                const auto written = openCheckpoint(output);
                QVERIFY(written->config() && written->config()->ropeScaling);
                QCOMPARE(written->config()->ropeScaling->type, std::string("linear"));
                QCOMPARE(written->config()->ropeScaling->factor, 2.0);
                continue;
            }
            try {
                Pipeline pipeline(openCheckpoint(model / "model.safetensors"), recipeOf("q8_0"), {output});
                QFAIL("llama3 scaling written to GGUF");
            } catch (const std::invalid_argument& e) {
                QVERIFY2(std::string(e.what()).find("cannot be written to GGUF") != std::string::npos, e.what());
            }
            QVERIFY(!std::filesystem::exists(output));
            Pipeline dense(
                openCheckpoint(model / "model.safetensors"), recipeOf("q8_0"), {root / "llama3.safetensors"});
            QCOMPARE(dense.plan().size(), std::size_t(38));
        }
    }

    // prune -> quantise: magnitude pruning at the exact fraction (or N:M), embeddings and norms untouched.
    void prunes_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addRow("unstructured half") << "unstructured";
        QTest::addRow("2:4") << "2:4";
    }
    void prunes()
    {
        QFETCH(QString, pattern);
        auto recipe = recipeOf("keep");
        recipe.pruning = PruningSettings{"magnitude", 0.5, pattern.toStdString(), {}};
        QTemporaryDir dir;
        const auto output = std::filesystem::path(dir.path().toStdString()) / "pruned.safetensors";
        const auto plans = apply(hfModel, recipe, output);
        const auto source = openCheckpoint(hfModel);
        const auto written = openCheckpoint(output);
        std::size_t pruned = 0;
        for (const auto& plan : plans) {
            const auto values = written->tensor(*written->indexOf(plan.outputName)).toFloats();
            const auto zeros = static_cast<std::size_t>(std::count(values.begin(), values.end(), 0.0f));
            if (plan.steps.empty()) {
                const auto original = source->tensor(plan.sourceIndex).toFloats();
                QVERIFY2(values == original, plan.sourceName.c_str());
                QVERIFY(plan.sourceName.find("embed_tokens") != std::string::npos || plan.shape.size() == 1);
                continue;
            }
            ++pruned;
            QCOMPARE(zeros, values.size() / 2);
            if (pattern == QStringLiteral("2:4"))
                for (std::size_t group = 0; group < values.size(); group += 4)
                    QCOMPARE(std::count(values.begin() + std::ptrdiff_t(group),
                                 values.begin() + std::ptrdiff_t(group + 4), 0.0f),
                        2);
        }
        QCOMPARE(pruned, std::size_t(28)); // 7 projections in each of 4 layers
    }

    // Wanda and SparseGPT from the recipe's calibration text: exactly half of every row of the 28
    // projections is zero (per-row selection), the bytes do not depend on the thread count, and the
    // layer output error on the calibration inputs, ‖ΔW X‖² = tr(ΔW XᵀX ΔWᵀ), is lowest for SparseGPT
    // (which updates the remaining weights). Wanda minimises that error's diagonal part,
    // Σ ΔW_ij² ‖X_j‖², among masks removing half of each row: it must beat |W| alone on it (a check
    // that the activation norms weight the right axis). On this small model Wanda's full error is
    // not below per-tensor magnitude's: it has no outlier features (Sun et al. 2023 motivate
    // Wanda by them).
    void prunesWithCalibration()
    {
        Recipe recipe = recipeOf("keep");
        recipe.calibration = CalibrationSettings{calibrationText.string(), fileHash(calibrationText), 8, 256};
        QTemporaryDir dir;
        const auto source = openCheckpoint(hfModel);
        std::map<std::string, double> layerError;
        std::map<std::string, double> diagonalError;
        for (const std::string method : {"magnitude", "wanda", "sparsegpt"}) {
            recipe.pruning = PruningSettings{method, 0.5, "unstructured", {}};
            std::vector<std::string> hashes;
            for (const int threads : {1, 2}) {
                tbb::global_control limit(tbb::global_control::max_allowed_parallelism, std::size_t(threads));
                const auto output = std::filesystem::path(dir.path().toStdString())
                    / (method + std::to_string(threads) + ".safetensors");
                const auto plans = apply(hfModel, recipe, output);
                hashes.push_back(fileHash(output));
                if (threads == 2)
                    continue;
                const auto written = openCheckpoint(output);
                const auto activations = recipeCalibration(source, *recipe.calibration, true, {});
                QCOMPARE(activations->tokens, std::int64_t(8 * 256));
                std::size_t pruned = 0;
                for (const auto& plan : plans) {
                    if (plan.steps.empty())
                        continue;
                    ++pruned;
                    const auto values = written->tensor(*written->indexOf(plan.outputName)).toFloats();
                    const auto original = source->tensor(plan.sourceIndex).toFloats();
                    const auto rows = static_cast<Eigen::Index>(plan.shape[0]);
                    const auto columns = static_cast<Eigen::Index>(plan.shape[1]);
                    using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
                    const Eigen::Map<const Matrix> after(values.data(), rows, columns);
                    const Eigen::Map<const Matrix> before(original.data(), rows, columns);
                    if (method != "magnitude")
                        for (Eigen::Index r = 0; r < rows; ++r)
                            QCOMPARE((after.row(r).array() == 0.0f).count(), columns / 2);
                    if (method == "wanda") // Wanda leaves the weights it keeps as they were
                        QVERIFY(((after.array() == 0.0f) || (after.array() == before.array())).all());
                    const Eigen::MatrixXd delta = (after - before).cast<double>();
                    const Eigen::MatrixXd& gram = activations->gram.at(plan.sourceName);
                    layerError[method] += (delta * gram * delta.transpose()).trace();
                    const Eigen::ArrayXXd weighting = gram.diagonal().transpose().replicate(rows, 1).array();
                    diagonalError[method] += (delta.array().square() * weighting).sum();
                    if (method == "wanda") { // the same objective for half of each row chosen by |W| alone
                        Eigen::MatrixXd rowMagnitude = before.cast<double>();
                        for (Eigen::Index r = 0; r < rows; ++r) {
                            std::vector<Eigen::Index> order(static_cast<std::size_t>(columns));
                            std::iota(order.begin(), order.end(), Eigen::Index(0));
                            std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) {
                                return std::abs(before(r, a)) < std::abs(before(r, b));
                            });
                            for (Eigen::Index k = 0; k < columns / 2; ++k)
                                rowMagnitude(r, order[static_cast<std::size_t>(k)]) = 0.0;
                        }
                        const Eigen::ArrayXXd removed = (rowMagnitude - before.cast<double>()).array();
                        diagonalError["row magnitude"] += (removed.square() * weighting).sum();
                    }
                }
                QCOMPARE(pruned, std::size_t(28));
            }
            QCOMPARE(hashes[0], hashes[1]);
        }
        qInfo("layer output error on the calibration: magnitude %.4g, wanda %.4g, sparsegpt %.4g",
            layerError["magnitude"], layerError["wanda"], layerError["sparsegpt"]);
        qInfo("its diagonal part: per-row magnitude %.4g, wanda %.4g", diagonalError["row magnitude"],
            diagonalError["wanda"]);
        QVERIFY(layerError["sparsegpt"] < layerError["wanda"]);
        QVERIFY(layerError["sparsegpt"] < layerError["magnitude"]);
        QVERIFY(diagonalError["wanda"] < diagonalError["row magnitude"]);
    }

    // prune -> low rank: the projections become rank-16 products (up to the BF16 rounding of the
    // stored values), the embedding and the norms stay as they were; an energy rule keeps its energy.
    void factorizes()
    {
        auto recipe = recipeOf("keep");
        recipe.lowRank = LowRankSettings{};
        recipe.lowRank->rank = 16;
        QTemporaryDir dir;
        const auto output = std::filesystem::path(dir.path().toStdString()) / "lowrank.safetensors";
        const auto plans = apply(hfModel, recipe, output);
        const auto source = openCheckpoint(hfModel);
        const auto written = openCheckpoint(output);
        std::size_t factored = 0;
        for (const auto& plan : plans) {
            const auto values = written->tensor(*written->indexOf(plan.outputName)).toFloats();
            if (plan.steps.empty()) {
                QVERIFY2(values == source->tensor(plan.sourceIndex).toFloats(), plan.sourceName.c_str());
                continue;
            }
            QCOMPARE(plan.steps, std::vector<std::string>{"low-rank"});
            ++factored;
            if (plan.sourceName != "model.layers.2.mlp.down_proj.weight")
                continue;
            const auto rows = Eigen::Index(plan.shape[0]);
            const auto columns = Eigen::Index(plan.shape[1]);
            using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
            const auto original = source->tensor(plan.sourceIndex).toFloats();
            const Eigen::MatrixXd before = Eigen::Map<const Matrix>(original.data(), rows, columns).cast<double>();
            const Eigen::MatrixXd after = Eigen::Map<const Matrix>(values.data(), rows, columns).cast<double>();
            const Eigen::VectorXd sigmaBefore = Eigen::BDCSVD<Eigen::MatrixXd>(before).singularValues();
            const Eigen::VectorXd sigmaAfter = Eigen::BDCSVD<Eigen::MatrixXd>(after).singularValues();
            QVERIFY(sigmaBefore[16] / sigmaBefore[0] > 0.1); // a full-rank weight...
            QVERIFY2(
                sigmaAfter[16] / sigmaAfter[0] < 0.01, qPrintable(QString::number(sigmaAfter[16] / sigmaAfter[0])));
            // ...and its best rank-16 approximation: the error is the energy of the discarded values.
            const double discarded
                = std::sqrt(sigmaBefore.tail(sigmaBefore.size() - 16).squaredNorm() / sigmaBefore.squaredNorm());
            QVERIFY(std::abs(plan.metrics->relativeError - discarded) < 0.01);
        }
        QCOMPARE(factored, std::size_t(28)); // 7 projections in each of 4 layers

        recipe.lowRank->rank.reset();
        recipe.lowRank->energy = 0.9;
        const auto energyPlans
            = apply(hfModel, recipe, std::filesystem::path(dir.path().toStdString()) / "energy.safetensors");
        for (const auto& plan : energyPlans)
            if (!plan.steps.empty())
                QVERIFY2(plan.metrics->relativeError <= std::sqrt(0.1) + 0.01, plan.sourceName.c_str());
    }

    void refusesToOverwriteTheInput()
    {
        QTemporaryDir dir;
        const auto copy = std::filesystem::path(dir.path().toStdString()) / "model.safetensors";
        std::filesystem::copy_file(hfModel, copy);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Pipeline(openCheckpoint(copy), recipeOf("q8_0"), {copy}));
    }

    void cancelLeavesNothing()
    {
        QTemporaryDir dir;
        const auto output = std::filesystem::path(dir.path().toStdString()) / "cancelled.gguf";
        Pipeline pipeline(openCheckpoint(hfModel), recipeOf("q4_k"), {output});
        std::stop_source stop;
        int calls = 0;
        Progress progress(
            [&](double, const std::string&) {
                if (++calls == 3)
                    stop.request_stop();
            },
            0.0);
        QVERIFY_THROWS_EXCEPTION(Cancelled, pipeline.run(progress, stop.get_token()));
        QVERIFY(std::filesystem::is_empty(dir.path().toStdString()));
    }

    void checksFreeSpace()
    {
        QTemporaryDir dir;
        const auto target = std::filesystem::path(dir.path().toStdString()) / "huge.gguf";
        requireFreeSpace(target, 1000);
        try {
            requireFreeSpace(target, std::uint64_t(1) << 62);
            QFAIL("4 EiB fit");
        } catch (const CheckpointError& e) {
            QVERIFY2(std::string(e.what()).find("not enough free disk space") != std::string::npos, e.what());
        }
    }

    void inputIsNotModified()
    {
        const auto before = fileHash(hfModel);
        QTemporaryDir dir;
        apply(hfModel, recipeOf("q6_k"), std::filesystem::path(dir.path().toStdString()) / "x.gguf");
        QCOMPARE(fileHash(hfModel), before);
    }
};

QTEST_APPLESS_MAIN(TestPipeline)
#include "tst_pipeline.moc"
