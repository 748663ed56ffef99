// Magnitude pruning: the exact number of weights goes (per tensor, per row, global), N:M keeps
// exactly N of every M along the input dimension, ties are broken the documented way, the
// metrics are what they claim, and tensors that are not matrices are refused by name.
#include "io/Checkpoint.h"
#include "prune/MagnitudePruner.h"
#include "prune/WeightMatrix.h"

#include "../GaussianValues.h"

#include <QTest>

#include <cmath>

using namespace complab;
using complab::test::gaussianValues;

namespace {

Eigen::MatrixXf gaussianMatrix(Eigen::Index rows, Eigen::Index columns, quint32 seed)
{
    const auto values = gaussianValues(static_cast<std::size_t>(rows * columns), 0.0, 1.0, seed);
    return Eigen::Map<const Eigen::MatrixXf>(values.data(), rows, columns);
}

} // namespace

class TestMagnitudePruner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exactSparsity_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("columns");
        QTest::addColumn<double>("sparsity");
        QTest::addColumn<bool>("perRow");
        QTest::addRow("50 %% tensor") << 64 << 96 << 0.5 << false;
        QTest::addRow("30 %% tensor odd") << 17 << 33 << 0.3 << false;
        QTest::addRow("90 %% row") << 40 << 100 << 0.9 << true;
        QTest::addRow("50 %% row odd length") << 9 << 31 << 0.5 << true;
        QTest::addRow("0 %%") << 8 << 8 << 0.0 << false;
    }

    void exactSparsity()
    {
        QFETCH(int, rows);
        QFETCH(int, columns);
        QFETCH(double, sparsity);
        QFETCH(bool, perRow);
        const auto weight = gaussianMatrix(rows, columns, 7);
        Progress progress;
        const auto spec = PruneSpec::unstructured(sparsity, perRow ? PruneScope::PerRow : PruneScope::PerTensor);
        const auto result = pruneMagnitude(weight, spec, progress, {});
        if (perRow) {
            const auto perRowCount
                = static_cast<Eigen::Index>(prunedCount(sparsity, static_cast<std::uint64_t>(columns)));
            for (Eigen::Index r = 0; r < rows; ++r)
                QCOMPARE(columns - result.keep.row(r).count(), perRowCount);
        } else {
            QCOMPARE(result.metrics.pruned, prunedCount(sparsity, static_cast<std::uint64_t>(rows * columns)));
        }
        // Every pruned weight is no larger than every kept one (of its row when per row).
        for (Eigen::Index r = 0; r < rows; ++r) {
            float largestPruned = 0.0f;
            float smallestKept = INFINITY;
            for (Eigen::Index c = 0; c < columns; ++c) {
                const float magnitude = std::abs(weight(r, c));
                if (result.keep(r, c))
                    smallestKept = std::min(smallestKept, magnitude);
                else
                    largestPruned = std::max(largestPruned, magnitude);
                QCOMPARE(result.weight(r, c), result.keep(r, c) ? weight(r, c) : 0.0f);
            }
            if (perRow)
                QVERIFY(largestPruned <= smallestKept);
        }
        const double expected = (weight - result.weight).norm() / weight.norm();
        QVERIFY(std::abs(result.metrics.relativeError - expected) < 1e-6);
        QCOMPARE(result.metrics.sparsity, static_cast<double>(result.metrics.pruned) / (rows * columns));
    }

    void tiesPruneLowerIndexFirst()
    {
        // Every magnitude equal: the exact count still goes, the lowest row-major indices first.
        Eigen::MatrixXf weight = Eigen::MatrixXf::Constant(3, 4, 0.5f);
        weight(0, 0) = -0.5f;
        Progress progress;
        const auto result = pruneMagnitude(weight, PruneSpec::unstructured(0.5), progress, {});
        QCOMPARE(result.metrics.pruned, std::uint64_t(6));
        for (int i = 0; i < 12; ++i)
            QCOMPARE(bool(result.keep(i / 4, i % 4)), i >= 6);
        const auto row = pruneMagnitude(weight, PruneSpec::unstructured(0.5, PruneScope::PerRow), progress, {});
        for (int r = 0; r < 3; ++r)
            for (int c = 0; c < 4; ++c)
                QCOMPARE(bool(row.keep(r, c)), c >= 2);
        const auto twoFour = pruneMagnitude(weight, PruneSpec::nOfM(2, 4), progress, {});
        QVERIFY((twoFour.keep == row.keep).all());
    }

    void nOfM_data()
    {
        QTest::addColumn<int>("keepN");
        QTest::addColumn<int>("groupM");
        QTest::addRow("2:4") << 2 << 4;
        QTest::addRow("4:8") << 4 << 8;
        QTest::addRow("1:4") << 1 << 4;
    }

    void nOfM()
    {
        QFETCH(int, keepN);
        QFETCH(int, groupM);
        const auto weight = gaussianMatrix(24, 64, 11);
        Progress progress;
        const auto result = pruneMagnitude(weight, PruneSpec::nOfM(keepN, groupM), progress, {});
        for (Eigen::Index r = 0; r < weight.rows(); ++r) {
            for (Eigen::Index first = 0; first < weight.cols(); first += groupM) {
                QCOMPARE(result.keep.row(r).segment(first, groupM).count(), Eigen::Index(keepN));
                // The kept ones are the N largest of their group.
                float smallestKept = INFINITY;
                float largestPruned = 0.0f;
                for (Eigen::Index c = first; c < first + groupM; ++c)
                    (result.keep(r, c) ? smallestKept : largestPruned) = result.keep(r, c)
                        ? std::min(smallestKept, std::abs(weight(r, c)))
                        : std::max(largestPruned, std::abs(weight(r, c)));
                QVERIFY(largestPruned <= smallestKept);
            }
        }
        QCOMPARE(result.metrics.sparsity, 1.0 - static_cast<double>(keepN) / groupM);
    }

    void nOfMRefusesRaggedRows()
    {
        Progress progress;
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument, pruneMagnitude(gaussianMatrix(4, 30, 1), PruneSpec::nOfM(2, 4), progress, {}));
        QVERIFY(PruneSpec::parsePattern("2:4") == std::make_optional(std::pair{2, 4}));
        QVERIFY(!PruneSpec::parsePattern("4:2"));
        QVERIFY(!PruneSpec::parsePattern("2:4x"));
        QVERIFY(!PruneSpec::parsePattern("0:4"));
    }

    void globalReachesExactCount()
    {
        // Two tensors of different scale: a global threshold takes far more from the small one.
        const Eigen::MatrixXf small = gaussianMatrix(16, 32, 3) * 0.1f;
        const Eigen::MatrixXf large = gaussianMatrix(32, 16, 4);
        Eigen::MatrixXf tied = Eigen::MatrixXf::Constant(4, 5, 0.25f); // ties straddle the threshold
        Progress progress;
        const auto results = pruneGlobalMagnitude({&small, &large, &tied}, 0.5, progress, {});
        const std::uint64_t total = small.size() + large.size() + tied.size();
        std::uint64_t pruned = 0;
        for (const auto& result : results)
            pruned += result.metrics.pruned;
        QCOMPARE(pruned, prunedCount(0.5, total));
        QVERIFY(results[0].metrics.sparsity > 0.9);
        QVERIFY(results[1].metrics.sparsity < 0.3);
        // One threshold: nothing pruned anywhere is larger than anything kept anywhere.
        float largestPruned = 0.0f;
        float smallestKept = INFINITY;
        const std::vector<const Eigen::MatrixXf*> weights{&small, &large, &tied};
        for (std::size_t t = 0; t < weights.size(); ++t)
            for (Eigen::Index i = 0; i < weights[t]->size(); ++i) {
                const float magnitude = std::abs(weights[t]->data()[i]);
                if (results[t].keep.data()[i])
                    smallestKept = std::min(smallestKept, magnitude);
                else
                    largestPruned = std::max(largestPruned, magnitude);
            }
        QVERIFY(largestPruned <= smallestKept);
        // Deterministic: the same call gives the same masks.
        const auto again = pruneGlobalMagnitude({&small, &large, &tied}, 0.5, progress, {});
        for (std::size_t t = 0; t < results.size(); ++t)
            QVERIFY((again[t].keep == results[t].keep).all());
    }

    void cancels()
    {
        std::stop_source source;
        source.request_stop();
        Progress progress;
        QVERIFY_THROWS_EXCEPTION(Cancelled,
            pruneMagnitude(gaussianMatrix(64, 64, 2), PruneSpec::unstructured(0.5, PruneScope::PerRow), progress,
                source.get_token()));
    }

    void refusesVectorsByName()
    {
        const auto checkpoint = openCheckpoint(COMPLAB_SHARED_DATA_DIR "/models/stories260K-hf-f32/model.safetensors");
        const auto index = checkpoint->indexOf("model.norm.weight");
        if (!index)
            QSKIP("sample model missing");
        try {
            loadWeightMatrix(checkpoint->tensor(*index));
            QFAIL("a 1-D tensor was accepted");
        } catch (const std::invalid_argument& e) {
            QVERIFY(std::string(e.what()).find("model.norm.weight") != std::string::npos);
            QVERIFY(std::string(e.what()).find("2-D") != std::string::npos);
        }
    }

    void refusesNonFinite()
    {
        Eigen::MatrixXf weight = gaussianMatrix(4, 4, 5);
        weight(1, 2) = NAN;
        Progress progress;
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument, pruneMagnitude(weight, PruneSpec::unstructured(0.5), progress, {}));
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument, pruneMagnitude(gaussianMatrix(4, 4, 5), PruneSpec::unstructured(1.0), progress, {}));
    }
};

QTEST_GUILESS_MAIN(TestMagnitudePruner)
#include "tst_magnitudepruner.moc"
