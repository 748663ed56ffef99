// The measured charts: a preview of the bundled sample's tensor reaches every chart with the
// pipeline's own numbers, the scheme sweep draws the integer line with the recipe's point on it,
// rapid changes are coalesced, a superseded preview is dropped, and refusals show as text.
#include "JobRunner.h"
#include "MeasuredCharts.h"
#include "io/Checkpoint.h"
#include "recipe/Pipeline.h"

#include "EstimateChartView.h"
#include <QChart>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace complab;

namespace {

const QString sampleModel = QStringLiteral(COMPLAB_SAMPLE_DIR "/model.safetensors");
const std::string projection = "model.layers.1.self_attn.q_proj.weight";

Recipe recipeOf(const std::string& scheme)
{
    Recipe recipe;
    recipe.quantization.scheme = scheme;
    return recipe;
}

int indexOf(const Checkpoint& checkpoint, const std::string& name)
{
    return static_cast<int>(*checkpoint.indexOf(name));
}

// Waits for both jobs of the widget to finish and their results to be delivered.
void settle(MeasuredCharts& charts)
{
    QTRY_VERIFY_WITH_TIMEOUT(!charts.previewRunner()->isRunning() && !charts.sweepRunner()->isRunning(), 30000);
    QCoreApplication::processEvents();
}

} // namespace

class TestMeasuredCharts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void previewReachesTheCharts()
    {
        const std::shared_ptr<const Checkpoint> checkpoint = openCheckpoint(sampleModel.toStdString());
        MeasuredCharts charts;
        charts.resize(900, 500);
        charts.show();
        charts.setRecipeProvider([] { return recipeOf("int4"); });
        charts.setCheckpoint(checkpoint);
        QSignalSpy drawn(&charts, &MeasuredCharts::previewDrawn);
        QSignalSpy swept(&charts, &MeasuredCharts::sweepDrawn);
        charts.setTensor(indexOf(*checkpoint, projection));
        QTRY_COMPARE_WITH_TIMEOUT(drawn.count(), 1, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(swept.count(), 1, 30000);

        // The numbers are the pipeline's for the same recipe.
        const Pipeline pipeline(checkpoint, recipeOf("int4"), PipelineOptions{});
        std::size_t planIndex = 0;
        while (pipeline.plan()[planIndex].sourceName != projection)
            ++planIndex;
        const auto expected = pipeline.preview(planIndex, {}, {});
        QVERIFY(charts.preview().has_value());
        QCOMPARE(charts.preview()->plan.metrics->rmsError, expected.plan.metrics->rmsError);
        QVERIFY(charts.statusText().contains(QStringLiteral("int4 g128")));
        QVERIFY(charts.statusText().contains(QStringLiteral("RMS error")));

        // Histograms: two outline points per bin; the grid of one int4 group: 16 lines.
        QCOMPARE(charts.originalHistogramSeries()->count(), 2 * 96);
        QCOMPARE(charts.storedHistogramSeries()->count(), 2 * 96);
        QCOMPARE(charts.errorHistogramSeries()->count(), 2 * 96);
        QCOMPARE(charts.gridLinesShown(), 16);
        // One row: 128 columns, stored values as the preview holds them.
        QCOMPARE(charts.rowStoredSeries()->count(), 128);
        QCOMPARE(charts.rowStoredSeries()->at(5).y(), static_cast<double>(expected.sampleStored[5]));

        // The sweep: int8 … int2 on the line, ordered by bits, error rising as bits fall; the recipe's
        // point sits at int4 g128's 4.125 bits per weight.
        const auto line = charts.integerSeries()->points();
        QCOMPARE(line.size(), 7);
        for (qsizetype i = 1; i < line.size(); ++i) {
            QVERIFY(line[i].x() > line[i - 1].x());
            QVERIFY(line[i].y() < line[i - 1].y());
        }
        QVERIFY(line[0].y() > 3.0 * line[2].y()); // int2 against int4: the cliff
        QCOMPARE(charts.recipeMarker()->count(), 1);
        QCOMPARE(charts.recipeMarker()->at(0).x(), 4.125);
        // The recipe's point is the export's values: int4 g128 stored back as the source's BF16, so a
        // hair above the sweep's int4 g128 (kept in float).
        const double markerError = charts.recipeMarker()->at(0).y();
        QVERIFY2(markerError >= line[2].y() && markerError < 1.02 * line[2].y(),
            qPrintable(QStringLiteral("%1 vs %2").arg(markerError).arg(line[2].y())));
        QCOMPARE(charts.sweep().size(), standardSchemes().size());
    }

    // Moving a slider again and again starts one preview after the pause, not one per move.
    void changesAreDebounced()
    {
        const std::shared_ptr<const Checkpoint> checkpoint = openCheckpoint(sampleModel.toStdString());
        MeasuredCharts charts;
        int calls = 0;
        charts.setRecipeProvider([&calls] {
            ++calls;
            return recipeOf(calls % 2 ? "int2" : "int4");
        });
        charts.setDebounceMilliseconds(80);
        charts.setCheckpoint(checkpoint);
        charts.setTensor(indexOf(*checkpoint, projection));
        for (int i = 0; i < 5; ++i)
            charts.recipeChanged();
        QTRY_COMPARE_WITH_TIMEOUT(charts.previewsDrawn(), 1, 30000);
        settle(charts);
        QCOMPARE(calls, 1);
        QCOMPARE(charts.previewsDrawn(), 1);
    }

    // A preview superseded before its result arrived is never drawn: only the newest tensor shows.
    void supersededPreviewIsDropped()
    {
        const std::shared_ptr<const Checkpoint> checkpoint = openCheckpoint(sampleModel.toStdString());
        MeasuredCharts charts;
        charts.setRecipeProvider([] { return recipeOf("q4_k"); });
        charts.setCheckpoint(checkpoint);
        charts.setTensor(indexOf(*checkpoint, "model.embed_tokens.weight"));
        charts.measureNow();
        charts.setTensor(indexOf(*checkpoint, projection));
        charts.measureNow();
        settle(charts);
        QCOMPARE(charts.previewsDrawn(), 1);
        QCOMPARE(charts.preview()->plan.sourceName, projection);
        QCOMPARE(charts.sweep().front().tensorName, projection);
    }

    // The preview has the cores to itself: the sweep over every scheme starts once it is drawn.
    void sweepWaitsForThePreview()
    {
        const std::shared_ptr<const Checkpoint> checkpoint = openCheckpoint(sampleModel.toStdString());
        MeasuredCharts charts;
        charts.setRecipeProvider([] { return recipeOf("int4"); });
        charts.setCheckpoint(checkpoint);
        QSignalSpy drawn(&charts, &MeasuredCharts::previewDrawn);
        QSignalSpy swept(&charts, &MeasuredCharts::sweepDrawn);
        QSignalSpy sweepStarted(charts.sweepRunner(), &JobRunner::started);
        charts.setTensor(indexOf(*checkpoint, "model.embed_tokens.weight"));
        charts.measureNow();
        QVERIFY(charts.previewRunner()->isRunning());
        QVERIFY(!charts.sweepRunner()->isRunning());
        QCOMPARE(sweepStarted.count(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(drawn.count(), 1, 30000);
        QCOMPARE(sweepStarted.count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(swept.count(), 1, 30000);
        QCOMPARE(charts.sweep().front().tensorName, std::string("model.embed_tokens.weight"));
    }

    void fewerBitsShowMoreError()
    {
        const std::shared_ptr<const Checkpoint> checkpoint = openCheckpoint(sampleModel.toStdString());
        std::string scheme = "int4";
        MeasuredCharts charts;
        charts.setRecipeProvider([&scheme] { return recipeOf(scheme); });
        charts.setCheckpoint(checkpoint);
        charts.setTensor(indexOf(*checkpoint, projection));
        charts.measureNow();
        settle(charts);
        const double int4 = charts.preview()->plan.metrics->rmsError;
        scheme = "int2";
        charts.recipeChanged();
        charts.measureNow();
        settle(charts);
        QCOMPARE(charts.previewsDrawn(), 2);
        QVERIFY(charts.preview()->plan.metrics->rmsError > 3.0 * int4);
        QCOMPARE(charts.gridLinesShown(), 4);
    }

    // The spectrum is computed only when its tab is shown, and marks the recipe's rank.
    void spectrumOnDemand()
    {
        const std::shared_ptr<const Checkpoint> checkpoint = openCheckpoint(sampleModel.toStdString());
        Recipe recipe = recipeOf("int4");
        recipe.lowRank = LowRankSettings{};
        recipe.lowRank->energy = 0.9;
        MeasuredCharts charts;
        charts.setRecipeProvider([&recipe] { return recipe; });
        charts.setCheckpoint(checkpoint);
        charts.setTensor(indexOf(*checkpoint, projection));
        charts.measureNow();
        settle(charts);
        QVERIFY(!charts.spectrum().has_value()); // not shown, not computed
        QSignalSpy drawn(&charts, &MeasuredCharts::spectrumDrawn);
        charts.tabs()->setCurrentIndex(MeasuredCharts::SpectrumTab);
        QTRY_COMPARE_WITH_TIMEOUT(drawn.count(), 1, 30000);
        const auto& spectrum = *charts.spectrum();
        QVERIFY(spectrum.complete);
        QCOMPARE(spectrum.singularValues.size(), std::size_t(256));
        for (std::size_t i = 1; i < spectrum.singularValues.size(); ++i)
            QVERIFY(spectrum.singularValues[i] <= spectrum.singularValues[i - 1]);
        QVERIFY(std::abs(spectrum.cumulativeEnergy.back() - 1.0) < 1e-4);
        QCOMPARE(charts.energySeries()->count(), 256);
        QCOMPARE(charts.singularValueSeries()->count(), 256);
        // The dashed line stands at the smallest rank keeping 90 % of the energy.
        std::size_t rank = 0;
        while (spectrum.cumulativeEnergy[rank] < 0.9)
            ++rank;
        QVERIFY(charts.views()[MeasuredCharts::SpectrumTab]->chart()->title().contains(
            QStringLiteral("rank %1 of 256").arg(rank + 1)));
    }

    void keptTensorAndRefusalsAreExplained()
    {
        const std::shared_ptr<const Checkpoint> checkpoint = openCheckpoint(sampleModel.toStdString());
        Recipe recipe = recipeOf("int4");
        MeasuredCharts charts;
        charts.setRecipeProvider([&recipe] { return recipe; });
        charts.setCheckpoint(checkpoint);
        charts.setTensor(indexOf(*checkpoint, "model.layers.1.input_layernorm.weight"));
        charts.measureNow();
        settle(charts);
        QVERIFY(charts.statusText().contains(QStringLiteral("stored unchanged")));
        QCOMPARE(charts.gridLinesShown(), 0);

        // A recipe the pipeline refuses: its message, no crash, nothing drawn for it.
        recipe.pruning = PruningSettings{"wanda", 0.5, "unstructured", {}};
        const int before = charts.previewsDrawn();
        charts.recipeChanged();
        charts.measureNow();
        settle(charts);
        QCOMPARE(charts.previewsDrawn(), before);
        QVERIFY2(charts.statusText().contains(QStringLiteral("wanda")), qPrintable(charts.statusText()));

        // Clearing the selection clears the charts.
        charts.setTensor(-1);
        QCOMPARE(charts.originalHistogramSeries()->count(), 0);
        QVERIFY(!charts.preview().has_value());
    }
};

QTEST_MAIN(TestMeasuredCharts)
#include "tst_measuredcharts.moc"
