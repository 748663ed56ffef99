// Pruning and low-rank sweeps measured on the bundled sample model: the KL divergence from the
// original grows as more weights are pruned and as less of the spectrum is kept; the counts say
// what was changed; impossible sweeps are refused.
#include "io/Checkpoint.h"
#include "model/CompressionSweeps.h"
#include "model/Tokenizer.h"

#include <QFile>
#include <QTest>

using namespace complab;

class TestCompressionSweeps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const auto checkpoint = openCheckpoint(COMPLAB_SAMPLE_DIR);
        m_weights = ModelWeights::load(*checkpoint);
        QFile text(QStringLiteral(COMPLAB_SAMPLE_DIR "/lab-tinystories-heldout.txt"));
        QVERIFY(text.open(QIODevice::ReadOnly));
        const auto documents = splitDocuments(text.readAll().toStdString(), {"<|endoftext|>", 0, 20});
        const auto windows = makeWindows(tokenizeDocuments(documents, *findTokenizerFor(*checkpoint)), 256, 128);
        Progress progress;
        m_baseline = EvaluationBaseline::compute(Transformer(m_weights), windows, progress, {});
        for (const auto& layer : m_weights->layers())
            for (const auto* tensor :
                {&layer.query, &layer.key, &layer.value, &layer.attentionOutput, &layer.gate, &layer.up, &layer.down})
                m_layerWeights += tensor->elementCount();
    }

    void pruningHurtsMoreAsItRemovesMore()
    {
        Progress progress;
        double reported = -1.0;
        Progress watched([&](double fraction, const std::string&) { reported = fraction; });
        const std::vector<double> sparsities{0.1, 0.5, 0.7};
        const auto sweep = sweepPruning(*m_baseline, *m_weights, sparsities, true, watched, {});
        QCOMPARE(int(sweep.size()), 4);
        QCOMPARE(sweep[0].label, std::string("10 % magnitude"));
        QCOMPARE(sweep[3].label, std::string("2:4 magnitude"));
        QCOMPARE(reported, 1.0);
        for (std::size_t i = 1; i < 3; ++i)
            QVERIFY2(sweep[i].quality.meanKld > sweep[i - 1].quality.meanKld,
                qPrintable(QString::fromStdString(sweep[i].label)));
        // 70 % of every layer weight gone is far from the original; 10 % is close.
        QVERIFY(sweep[2].quality.meanKld > 20 * sweep[0].quality.meanKld);
        QVERIFY(sweep[2].quality.deltaPerplexity > 0.0);
        // The zeroed count is the sparsity of the layer weights (per tensor, rounded per tensor).
        for (std::size_t i = 0; i < 3; ++i) {
            const double sparsity = sparsities[i];
            QVERIFY(std::abs(static_cast<double>(sweep[i].parameters) - sparsity * static_cast<double>(m_layerWeights))
                < 0.001 * static_cast<double>(m_layerWeights));
        }
        // 2:4 removes half, like 50 % unstructured, with the structure's extra cost.
        QVERIFY(std::abs(static_cast<double>(sweep[3].parameters) - 0.5 * static_cast<double>(m_layerWeights))
            < 0.001 * static_cast<double>(m_layerWeights));
        QVERIFY(sweep[3].quality.meanKld > sweep[1].quality.meanKld);
    }

    void lowRankHurtsLessAsItKeepsMore()
    {
        Progress progress;
        const auto sweep = sweepLowRank(*m_baseline, *m_weights, {0.7, 0.99}, progress, {});
        QCOMPARE(int(sweep.size()), 2);
        QCOMPARE(sweep[1].label, std::string("99 % energy"));
        QVERIFY(sweep[0].quality.meanKld > 5 * sweep[1].quality.meanKld);
        // More energy needs more factor parameters.
        QVERIFY(sweep[0].parameters < sweep[1].parameters);
    }

    void impossibleSweepsAreRefused()
    {
        Progress progress;
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument, sweepPruning(*m_baseline, *m_weights, {1.0}, false, progress, {}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sweepLowRank(*m_baseline, *m_weights, {0.0}, progress, {}));
        std::stop_source stop;
        stop.request_stop();
        QVERIFY_THROWS_EXCEPTION(
            Cancelled, sweepPruning(*m_baseline, *m_weights, {0.5}, false, progress, stop.get_token()));
    }

private:
    std::shared_ptr<const ModelWeights> m_weights;
    std::shared_ptr<const EvaluationBaseline> m_baseline;
    std::int64_t m_layerWeights = 0;
};

QTEST_GUILESS_MAIN(TestCompressionSweeps)
#include "tst_compressionsweeps.moc"
