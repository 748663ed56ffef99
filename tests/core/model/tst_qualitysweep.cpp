// Quality sweeps on lab-tinystories: KLD falls as bits rise; sensitivity ranks every tensor and
// layer; the mixed-precision proposal stays within its budget and measures better than uniform
// quantisation at the same budget; the pruning seam (ModelWeights::transformed) runs through
// compareVariants.
#include "io/Checkpoint.h"
#include "model/QualitySweep.h"
#include "model/Tokenizer.h"

#include <QFile>
#include <QTest>

using namespace complab;

namespace {

const std::string labPath = COMPLAB_SHARED_DATA_DIR "/models/lab-tinystories";

struct Fixture
{
    std::shared_ptr<const ModelWeights> weights;
    std::shared_ptr<const EvaluationBaseline> baseline;
};

Fixture labFixture(std::int64_t tokens)
{
    const auto checkpoint = openCheckpoint(labPath);
    Fixture fixture;
    fixture.weights = ModelWeights::load(*checkpoint);
    QFile text(QStringLiteral(COMPLAB_SHARED_DATA_DIR "/text/lab-tinystories-heldout.txt"));
    if (!text.open(QIODevice::ReadOnly))
        return {};
    const auto documents = splitDocuments(text.readAll().toStdString(), {"<|endoftext|>", 0, 50});
    const auto windows = makeWindows(tokenizeDocuments(documents, *findTokenizerFor(*checkpoint)), 256, tokens);
    Progress progress;
    fixture.baseline = EvaluationBaseline::compute(Transformer(fixture.weights), windows, progress, {});
    return fixture;
}

} // namespace

class TestQualitySweep : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(QString::fromStdString(labPath)))
            QSKIP("shared data not available");
        m_fixture = labFixture(256);
        QVERIFY(m_fixture.baseline);
    }

    void bitsSweepImprovesWithBits()
    {
        Progress progress;
        const auto sweep
            = sweepBits(*m_fixture.baseline, *m_fixture.weights, QuantSpec::integer(4, 128), progress, {}, 2, 8);
        QCOMPARE(int(sweep.size()), 7);
        for (std::size_t i = 1; i < sweep.size(); ++i) {
            QVERIFY2(sweep[i].quality.meanKld < sweep[i - 1].quality.meanKld, sweep[i].label.c_str());
            QVERIFY(sweep[i].bitsPerWeight > sweep[i - 1].bitsPerWeight);
        }
        QCOMPARE(sweep[2].label, std::string("int4 g128"));
        QCOMPARE(sweep[2].bitsPerWeight, 4.125);
        QCOMPARE(sweep[2].parameters, std::int64_t(3672320 - 4 * 2 * 256 - 256)); // all but the norms
        QVERIFY(sweep.back().quality.sameTopFraction > 0.98);
        QCOMPARE(progress.fraction(), 1.0);
    }

    void sensitivityRanksEveryTensor()
    {
        Progress progress;
        const auto spec = QuantSpec::integer(3, 128);
        const auto tensors = tensorSensitivity(*m_fixture.baseline, *m_fixture.weights, spec, progress, {});
        QCOMPARE(tensors.size(), m_fixture.weights->linearTensorNames().size());
        for (std::size_t i = 1; i < tensors.size(); ++i)
            QVERIFY(tensors[i - 1].quality.meanKld >= tensors[i].quality.meanKld);
        QVERIFY(tensors.back().quality.meanKld > 0);
        // Sensitivity is far from uniform: the top tensor costs several times the median one.
        QVERIFY(tensors.front().quality.meanKld > 3 * tensors[tensors.size() / 2].quality.meanKld);
        const auto layers = layerSensitivity(*m_fixture.baseline, *m_fixture.weights, spec, progress, {});
        QCOMPARE(int(layers.size()), 4);
        for (const auto& layer : layers)
            QCOMPARE(layer.parameters, std::int64_t(4 * 256 * 256 + 3 * 256 * 768 - 2 * 128 * 256));
    }

    void mixedPrecisionBeatsUniform()
    {
        Progress progress;
        const double budget = 4.125; // int4 g128
        const auto plan = proposeMixedPrecision(
            *m_fixture.baseline, *m_fixture.weights, QuantSpec::integer(4, 128), budget, progress, {});
        QVERIFY(plan.bitsPerWeight <= budget);
        QCOMPARE(plan.uniform.label, std::string("uniform int4 g128"));
        QCOMPARE(plan.uniform.bitsPerWeight, 4.125);
        QVERIFY2(plan.mixed.quality.meanKld < plan.uniform.quality.meanKld,
            qPrintable(QStringLiteral("mixed KLD %1, uniform %2")
                           .arg(plan.mixed.quality.meanKld)
                           .arg(plan.uniform.quality.meanKld)));
        bool hasLow = false, hasHigh = false;
        for (const auto& [name, spec] : plan.assignment) {
            hasLow = hasLow || spec.bits == 3;
            hasHigh = hasHigh || spec.bits == 5;
        }
        QVERIFY(hasLow && hasHigh);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
            proposeMixedPrecision(
                *m_fixture.baseline, *m_fixture.weights, QuantSpec::integer(4, 128), 2.5, progress, {}));
    }

    void pruningSeam()
    {
        // Zeroing the smallest half of each matrix (by magnitude) through the generic transform.
        const auto pruned = m_fixture.weights->transformed([](const WeightTensor& tensor) {
            auto values = std::make_shared<std::vector<float>>(*tensor.values);
            std::vector<float> magnitudes(values->size());
            for (std::size_t i = 0; i < values->size(); ++i)
                magnitudes[i] = std::abs((*values)[i]);
            std::nth_element(magnitudes.begin(), magnitudes.begin() + magnitudes.size() / 2, magnitudes.end());
            const float threshold = magnitudes[magnitudes.size() / 2];
            for (auto& v : *values)
                if (std::abs(v) < threshold)
                    v = 0;
            return std::shared_ptr<const std::vector<float>>(values);
        });
        Progress progress;
        const auto results = compareVariants(*m_fixture.baseline, {{"50 % magnitude", pruned, 0, 0}}, progress, {});
        QCOMPARE(int(results.size()), 1);
        QVERIFY(results[0].quality.meanKld > 0.01);
        QVERIFY(results[0].quality.deltaPerplexity > 0);
    }

private:
    Fixture m_fixture;
};

QTEST_GUILESS_MAIN(TestQualitySweep)
#include "tst_qualitysweep.moc"
