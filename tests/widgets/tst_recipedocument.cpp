// The lab's sliders through a recipe file and back: every precision step and group size, pruning
// methods, low rank, runtime and constants survive; what the file cannot hold is said, not lost.
#include "RecipeDocument.h"
#include "estimate/PrecisionLadder.h"

#include <QTest>

using namespace complab;

namespace {

LabRecipe roundTrip(const LabRecipe& lab, const EstimatorConstants& constants = {}, QStringList* notes = nullptr)
{
    const Recipe document = toRecipeDocument(lab, constants, Recipe{}, std::nullopt, notes);
    const Recipe parsed = Recipe::fromJson(document.toJson(), "lab.json");
    return fromRecipeDocument(parsed, LabRecipe{}).lab;
}

} // namespace

class TestRecipeDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyPrecisionStepRoundTrips_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<int>("groupSize");
        const auto ladder = precisionLadder();
        for (int i = 0; i < static_cast<int>(ladder.size()); ++i) {
            const QString label = QString::fromLatin1(ladder[static_cast<std::size_t>(i)].label.data(),
                static_cast<int>(ladder[static_cast<std::size_t>(i)].label.size()));
            if (ladder[static_cast<std::size_t>(i)].integerBits > 0) {
                for (const int group : integerGroupSizes())
                    QTest::addRow("%s g%d", qPrintable(label), group) << i << group;
            } else {
                QTest::addRow("%s", qPrintable(label)) << i << 0;
            }
        }
    }
    void everyPrecisionStepRoundTrips()
    {
        QFETCH(int, step);
        QFETCH(int, groupSize);
        LabRecipe lab;
        lab.precisionStep = step;
        lab.groupSize = groupSize;
        const LabRecipe back = roundTrip(lab);
        QCOMPARE(back.precisionStep, step);
        QCOMPARE(back.groupSize, groupSize);
        // The estimate reads the same bits per weight from the reopened sliders.
        QCOMPARE(precisionStepScheme(back.precisionStep, back.groupSize).bitsPerWeight,
            precisionStepScheme(step, groupSize).bitsPerWeight);
    }

    void slidersRoundTrip_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addRow("magnitude") << QStringLiteral("magnitude");
        QTest::addRow("wanda") << QStringLiteral("wanda");
        QTest::addRow("sparsegpt") << QStringLiteral("sparsegpt");
        QTest::addRow("2:4") << QStringLiteral("2:4");
    }
    void slidersRoundTrip()
    {
        QFETCH(QString, method);
        LabRecipe lab;
        lab.parameters = 70e9;
        lab.pruneFraction = 0.5;
        lab.pruneMethod = method;
        lab.distillFactor = 4;
        lab.lowRankEnergy = 0.9;
        lab.context = 32768;
        lab.batch = 4;
        lab.kvType = KvCacheType::Q8_0;
        lab.runtime = RuntimeProfile::LlamaCpp;
        lab.flashAttention = true;
        EstimatorConstants constants;
        constants.qualityInt4 = 0.93;
        const Recipe document = toRecipeDocument(lab, constants, Recipe{}, std::nullopt);
        const auto opened = fromRecipeDocument(Recipe::fromJson(document.toJson(), "lab.json"), LabRecipe{});
        QCOMPARE(opened.lab, lab);
        QCOMPARE(opened.constants.qualityInt4, 0.93);
        QVERIFY2(opened.notes.isEmpty(), qPrintable(opened.notes.join(QLatin1Char(' '))));
        if (method == QStringLiteral("2:4")) {
            QCOMPARE(document.pruning->pattern, std::string("2:4"));
            QCOMPARE(document.pruning->method, std::string("magnitude"));
        }
    }

    void loadedModelKeepsItsSource()
    {
        LabRecipe lab;
        lab.useLoadedModel = true;
        const RecipeSource source{"/models/m.safetensors", 1234, std::string(64, 'c')};
        const Recipe document = toRecipeDocument(lab, {}, Recipe{}, source);
        QVERIFY(document.source == source);
        QVERIFY(document.estimate && !document.estimate->parameters);
        QVERIFY(fromRecipeDocument(document, LabRecipe{}).lab.useLoadedModel);
        // Without the loaded model the size slider is stored and no source is claimed.
        lab.useLoadedModel = false;
        const Recipe sized = toRecipeDocument(lab, {}, Recipe{}, source);
        QVERIFY(!sized.source);
        QCOMPARE(*sized.estimate->parameters, lab.parameters);
    }

    void whatTheSlidersCannotShowIsKeptAndSaid()
    {
        Recipe base;
        base.rules.push_back({TensorRule::Syntax::Glob, "*.attn_v.weight", {"q6_k", 128, false}});
        base.calibration = CalibrationSettings{"calib.txt", {}, 64, 256};
        base.quantization = {"int6", 64, false};
        const auto opened = fromRecipeDocument(base, LabRecipe{});
        QCOMPARE(opened.lab.precisionStep, findPrecisionStep("INT8"));
        QCOMPARE(opened.notes.size(), 3); // int6 shown as INT8, one rule, calibration text
        // Saving over the opened document keeps its rules and calibration.
        const Recipe saved = toRecipeDocument(opened.lab, opened.constants, base, std::nullopt);
        QCOMPARE(saved.rules, base.rules);
        QVERIFY(saved.calibration == base.calibration);
        QCOMPARE(saved.quantization.scheme, std::string("int8"));

        QStringList notes;
        LabRecipe structured;
        structured.pruneFraction = 0.3;
        structured.pruneMethod = QStringLiteral("structured");
        const Recipe withoutPruning = toRecipeDocument(structured, {}, Recipe{}, std::nullopt, &notes);
        QVERIFY(!withoutPruning.pruning);
        QCOMPARE(notes.size(), 1);
    }

    void schemesOffTheSliderLandNearby_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<QString>("label");
        QTest::addColumn<int>("groupSize");
        QTest::addRow("q8_0 is INT8 g32") << QStringLiteral("q8_0") << QStringLiteral("INT8") << 32;
        QTest::addRow("fp8_e5m2 is FP8") << QStringLiteral("fp8_e5m2") << QStringLiteral("FP8") << 0;
        QTest::addRow("f16") << QStringLiteral("f16") << QStringLiteral("FP16") << 0;
    }
    void schemesOffTheSliderLandNearby()
    {
        QFETCH(QString, scheme);
        QFETCH(QString, label);
        QFETCH(int, groupSize);
        Recipe recipe;
        recipe.quantization.scheme = scheme.toStdString();
        const auto opened = fromRecipeDocument(recipe, LabRecipe{});
        QCOMPARE(opened.lab.precisionStep, findPrecisionStep(label.toStdString()));
        QCOMPARE(opened.lab.groupSize, groupSize);
    }
};

QTEST_GUILESS_MAIN(TestRecipeDocument)
#include "tst_recipedocument.moc"
