// Pipeline::preview(): the values it charts are the export's own, errors grow as bits shrink, kept
// tensors are unchanged, histograms count every value, pruning shows as zeros, bad requests are refused.
#include "io/Checkpoint.h"
#include "recipe/Pipeline.h"
#include "recipe/TensorPreview.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <filesystem>
#include <limits>
#include <numeric>

using namespace complab;

namespace {

const std::filesystem::path hfModel
    = std::filesystem::path(COMPLAB_SHARED_DATA_DIR) / "models/lab-tinystories/model.safetensors";
const std::string projection = "model.layers.1.self_attn.q_proj.weight";

Recipe recipeOf(const std::string& scheme)
{
    Recipe recipe;
    recipe.quantization.scheme = scheme;
    return recipe;
}

std::size_t planIndexOf(const Pipeline& pipeline, const std::string& name)
{
    const auto& plan = pipeline.plan();
    for (std::size_t i = 0; i < plan.size(); ++i)
        if (plan[i].sourceName == name)
            return i;
    throw std::runtime_error("no " + name + " in the plan");
}

std::vector<float> tensorValues(const Checkpoint& checkpoint, const std::string& name)
{
    for (std::size_t i = 0; i < checkpoint.tensors().size(); ++i)
        if (checkpoint.tensors()[i].name == name)
            return checkpoint.tensor(i).toFloats();
    throw std::runtime_error("no " + name + " in " + checkpoint.path().string());
}

TensorPreview previewOf(const Recipe& recipe, const std::string& name, PreviewOptions options = {})
{
    const Pipeline pipeline(openCheckpoint(hfModel), recipe, PipelineOptions{});
    return pipeline.preview(planIndexOf(pipeline, name), options, {});
}

} // namespace

class TestTensorPreview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void histogramOfCountsAndClamps()
    {
        const std::vector<float> values{-2.0f, -1.0f, 0.0f, 0.49f, 0.5f, 1.0f, 3.0f,
            std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity()};
        const auto histogram = histogramOf(values, -1.0, 1.0, 4);
        QCOMPARE(histogram.counts.size(), std::size_t(4));
        // bins [-1,-0.5) [-0.5,0) [0,0.5) [0.5,1]; -2 clamps left, 1 and 3 clamp right, NaN/Inf skipped
        QCOMPARE(histogram.counts[0], std::uint64_t(2));
        QCOMPARE(histogram.counts[1], std::uint64_t(0));
        QCOMPARE(histogram.counts[2], std::uint64_t(2));
        QCOMPARE(histogram.counts[3], std::uint64_t(3));
        QCOMPARE(histogram.total(), std::uint64_t(7));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, histogramOf(values, -1.0, 1.0, 0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, histogramOf(values, 1.0, 1.0, 4));
    }

    void init()
    {
        if (QByteArray(QTest::currentTestFunction()) != "histogramOfCountsAndClamps"
            && !std::filesystem::exists(hfModel))
            QSKIP("shared data not present");
    }

    // The stored values of the preview are the bytes run() writes, decoded: same excerpt, same metrics.
    void previewIsTheExport_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::addRow("int4") << "int4";
        QTest::addRow("q4_k") << "q4_k";
        QTest::addRow("nf4") << "nf4";
    }
    void previewIsTheExport()
    {
        QFETCH(QString, scheme);
        QTemporaryDir dir;
        const auto output = std::filesystem::path(dir.path().toStdString()) / "out.safetensors";
        const auto recipe = recipeOf(scheme.toStdString());
        std::vector<std::string> reported;
        PipelineOptions options{output};
        options.onTensorDone = [&](const TensorPlan& plan) {
            QVERIFY(!plan.spec || plan.metrics.has_value()); // metrics are there when the callback runs
            reported.push_back(plan.sourceName);
        };
        Pipeline pipeline(openCheckpoint(hfModel), recipe, options);
        Progress progress;
        const auto plans = pipeline.run(progress, {});
        // onTensorDone: once per tensor, in file order
        QCOMPARE(reported.size(), plans.size());
        for (std::size_t i = 0; i < plans.size(); ++i)
            QCOMPARE(reported[i], plans[i].sourceName);

        const std::size_t index = planIndexOf(pipeline, projection);
        const auto preview = pipeline.preview(index, {}, {});
        // measure(): the same metrics for every tensor, nothing written
        for (std::size_t i = 0; i < plans.size(); ++i) {
            const auto measured = pipeline.measure(i, {});
            QCOMPARE(measured.metrics.has_value(), plans[i].metrics.has_value());
            if (measured.metrics)
                QCOMPARE(measured.metrics->rmsError, plans[i].metrics->rmsError);
        }
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pipeline.measure(plans.size(), {}));
        const auto written = tensorValues(*openCheckpoint(output), plans[index].outputName);
        // storedValues(): the written tensor, value for value (no rotary re-ordering in safetensors)
        QCOMPARE(pipeline.storedValues(index, {}), written);
        QCOMPARE(preview.rows * preview.columns, written.size());
        QVERIFY(!preview.sampleStored.empty());
        for (std::size_t i = 0; i < preview.sampleStored.size(); ++i)
            QCOMPARE(
                preview.sampleStored[i], written[preview.sampleRow * preview.columns + preview.sampleFirstColumn + i]);
        QVERIFY(preview.plan.metrics && plans[index].metrics);
        QCOMPARE(preview.plan.metrics->rmsError, plans[index].metrics->rmsError);
        QCOMPARE(preview.plan.metrics->bitsPerWeight, plans[index].metrics->bitsPerWeight);
        // every value is counted, once per histogram
        QCOMPARE(preview.original.total(), std::uint64_t(written.size()));
        QCOMPARE(preview.stored.total(), std::uint64_t(written.size()));
        QCOMPARE(preview.error.total(), std::uint64_t(written.size()));
        // the excerpt holds the largest-magnitude weight of the tensor
        const auto source = tensorValues(*openCheckpoint(hfModel), projection);
        float largest = 0.0f;
        for (const float v : source)
            largest = std::max(largest, std::abs(v));
        float excerptLargest = 0.0f;
        for (const float v : preview.sampleOriginal)
            excerptLargest = std::max(excerptLargest, std::abs(v));
        QCOMPARE(excerptLargest, largest);
        QVERIFY(preview.grid.has_value());
        QVERIFY(!preview.grid->levels.empty());
    }

    // Two bits lose far more than four: the seed's cliff, measured on one real tensor.
    void fewerBitsMoreError()
    {
        const auto int4 = previewOf(recipeOf("int4"), projection);
        const auto int2 = previewOf(recipeOf("int2"), projection);
        const auto int8 = previewOf(recipeOf("int8"), projection);
        QVERIFY(int8.plan.metrics->rmsError < int4.plan.metrics->rmsError);
        QVERIFY(int2.plan.metrics->rmsError > 3.0 * int4.plan.metrics->rmsError);
        QVERIFY(int2.sampleRmsError > int4.sampleRmsError);
        // the error histogram's range is the largest error: wider for fewer bits
        QVERIFY(int2.error.highest > int4.error.highest);
        QCOMPARE(int2.grid->levels.size(), std::size_t(4));
        QCOMPARE(int4.grid->levels.size(), std::size_t(16));
    }

    // A norm weight keeps its values: no error, no grid.
    void keptTensorIsUnchanged()
    {
        const auto preview = previewOf(recipeOf("int4"), "model.layers.1.input_layernorm.weight");
        QVERIFY(!preview.plan.spec);
        QVERIFY(!preview.grid.has_value());
        QCOMPARE(preview.sampleOriginal, preview.sampleStored);
        QCOMPARE(preview.sampleRmsError, 0.0);
        QCOMPARE(preview.error.total(), std::uint64_t(preview.rows * preview.columns));
        const auto centre = preview.error.counts.size() / 2;
        QCOMPARE(preview.error.counts[centre] + preview.error.counts[centre - 1], preview.error.total());
    }

    // Magnitude pruning at one half: half the stored weights are exact zeros.
    void pruningShowsAsZeros()
    {
        auto recipe = recipeOf("keep");
        recipe.pruning = PruningSettings{"magnitude", 0.5, "unstructured", {}};
        const auto preview = previewOf(recipe, projection);
        QVERIFY(std::abs(preview.storedZeroFraction - 0.5) < 0.01);
        QVERIFY(preview.plan.metrics.has_value());
        QVERIFY(preview.plan.metrics->rmsError > 0.0);
    }

    void narrowExcerptStaysInTheRow()
    {
        PreviewOptions options;
        options.sampleColumns = 100000; // wider than the row: clipped to it
        options.histogramBins = 7;
        const auto preview = previewOf(recipeOf("int4"), projection, options);
        QCOMPARE(preview.sampleOriginal.size(), preview.columns);
        QCOMPARE(preview.sampleFirstColumn, std::size_t(0));
        QCOMPARE(preview.original.counts.size(), std::size_t(7));
    }

    void refusals()
    {
        const Pipeline pipeline(openCheckpoint(hfModel), recipeOf("int4"), PipelineOptions{});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pipeline.preview(pipeline.plan().size(), {}, {}));
        Pipeline planOnly(openCheckpoint(hfModel), recipeOf("int4"), PipelineOptions{});
        Progress progress;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, planOnly.run(progress, {}));
        std::stop_source stopped;
        stopped.request_stop();
        QVERIFY_THROWS_EXCEPTION(
            Cancelled, pipeline.preview(planIndexOf(pipeline, projection), {}, stopped.get_token()));
    }
};

QTEST_GUILESS_MAIN(TestTensorPreview)
#include "tst_tensorpreview.moc"
