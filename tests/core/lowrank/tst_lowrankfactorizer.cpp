// Low-rank factorisation: matrices of known rank come back exactly, the randomized SVD agrees
// with BDCSVD on decaying spectra (and is deterministic), the rank rules pick what they promise,
// and the savings arithmetic flags a rank that saves nothing.
#include "lowrank/LowRankFactorizer.h"

#include "../GaussianValues.h"

#include <Eigen/QR>
#include <QTest>

using namespace complab;
using complab::test::gaussianValues;

namespace {

Eigen::MatrixXf gaussianMatrix(Eigen::Index rows, Eigen::Index columns, quint32 seed)
{
    const auto values = gaussianValues(static_cast<std::size_t>(rows * columns), 0.0, 1.0, seed);
    return Eigen::Map<const Eigen::MatrixXf>(values.data(), rows, columns);
}

Eigen::MatrixXf orthonormal(Eigen::Index rows, Eigen::Index columns, quint32 seed)
{
    const Eigen::HouseholderQR<Eigen::MatrixXf> qr(gaussianMatrix(rows, columns, seed));
    return qr.householderQ() * Eigen::MatrixXf::Identity(rows, columns);
}

// U diag(σ) Vᵀ with σ_i = decay^i.
Eigen::MatrixXf decayingMatrix(Eigen::Index rows, Eigen::Index columns, double decay, Eigen::VectorXd* sigma = nullptr)
{
    const Eigen::Index n = std::min(rows, columns);
    Eigen::VectorXd values(n);
    for (Eigen::Index i = 0; i < n; ++i)
        values[i] = std::pow(decay, static_cast<double>(i));
    if (sigma)
        *sigma = values;
    return orthonormal(rows, n, 1) * values.cast<float>().asDiagonal() * orthonormal(columns, n, 2).transpose();
}

} // namespace

class TestLowRankFactorizer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void knownRankIsExact_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("columns");
        QTest::addColumn<int>("trueRank");
        QTest::addColumn<bool>("randomized");
        QTest::addRow("exact 64×48 rank 5") << 64 << 48 << 5 << false;
        QTest::addRow("randomized 64×48 rank 5") << 64 << 48 << 5 << true;
        QTest::addRow("randomized 300×120 rank 17") << 300 << 120 << 17 << true;
        QTest::addRow("exact wide 20×90 rank 3") << 20 << 90 << 3 << false;
    }

    void knownRankIsExact()
    {
        QFETCH(int, rows);
        QFETCH(int, columns);
        QFETCH(int, trueRank);
        QFETCH(bool, randomized);
        const Eigen::MatrixXf weight = gaussianMatrix(rows, trueRank, 3) * gaussianMatrix(trueRank, columns, 4);
        auto spec = LowRankSpec::withRank(trueRank);
        spec.algorithm = randomized ? SvdAlgorithm::Randomized : SvdAlgorithm::Exact;
        Progress progress;
        const auto result = factorize(weight, spec, 4, progress, {});
        QCOMPARE(result.rank, Eigen::Index(trueRank));
        QCOMPARE(result.randomized, randomized);
        QVERIFY2(result.relativeError < 1e-5, qPrintable(QString::number(result.relativeError)));
        QVERIFY(result.retainedEnergy > 1.0 - 1e-9);
        QCOMPARE(result.left.rows(), Eigen::Index(rows));
        QCOMPARE(result.right.cols(), Eigen::Index(columns));
        // One rank fewer loses real energy.
        spec.rank = trueRank - 1;
        QVERIFY(factorize(weight, spec, 4, progress, {}).relativeError > 1e-2);
    }

    void randomizedMatchesExactOnDecayingSpectrum_data()
    {
        QTest::addColumn<double>("decay");
        QTest::addColumn<int>("powerIterations");
        QTest::addRow("fast decay, q=0") << 0.7 << 0;
        QTest::addRow("slow decay, q=2") << 0.95 << 2;
    }

    void randomizedMatchesExactOnDecayingSpectrum()
    {
        QFETCH(double, decay);
        QFETCH(int, powerIterations);
        Eigen::VectorXd sigma;
        const Eigen::MatrixXf weight = decayingMatrix(400, 250, decay, &sigma);
        auto spec = LowRankSpec::withRank(20);
        spec.powerIterations = powerIterations;
        Progress progress;
        spec.algorithm = SvdAlgorithm::Exact;
        const auto exact = factorize(weight, spec, 4, progress, {});
        spec.algorithm = SvdAlgorithm::Randomized;
        const auto random = factorize(weight, spec, 4, progress, {});
        for (int i = 0; i < 20; ++i) {
            QVERIFY(std::abs(exact.spectrum.singularValues[i] - sigma[i]) < 1e-4);
            QVERIFY2(std::abs(random.spectrum.singularValues[i] - sigma[i]) < 2e-2 * sigma[i],
                qPrintable(
                    QStringLiteral("σ%1: %2 vs %3").arg(i).arg(random.spectrum.singularValues[i]).arg(sigma[i])));
        }
        // Near-optimal: within a few percent of the best rank-20 error (Eckart-Young).
        QVERIFY2(random.relativeError < exact.relativeError * 1.05,
            qPrintable(QStringLiteral("%1 vs %2").arg(random.relativeError).arg(exact.relativeError)));
        // A fixed seed: the same factors every time.
        const auto again = factorize(weight, spec, 4, progress, {});
        QVERIFY(again.left == random.left);
        QVERIFY(again.right == random.right);
    }

    void rankByEnergy()
    {
        Eigen::VectorXd sigma;
        const Eigen::MatrixXf weight = decayingMatrix(120, 80, 0.9, &sigma);
        const double total = sigma.squaredNorm();
        // Hand count: smallest r with Σ_{i<r} 0.81^i ≥ 0.9 · total.
        Eigen::Index expected = 0;
        for (double kept = 0.0; kept < 0.9 * total; ++expected)
            kept += sigma[expected] * sigma[expected];
        QCOMPARE(rankForEnergy(sigma, total, 0.9), expected);
        Progress progress;
        const auto result = factorize(weight, LowRankSpec::withEnergy(0.9), 4, progress, {});
        QCOMPARE(result.rank, expected);
        QVERIFY(result.retainedEnergy >= 0.9);
        QVERIFY(result.spectrum.complete);
        QCOMPARE(result.spectrum.singularValues.size(), std::size_t(80));
        QVERIFY(std::abs(result.spectrum.cumulativeEnergy.back() - 1.0) < 1e-6);
        QVERIFY(std::abs(result.spectrum.cumulativeEnergy[expected - 1] - result.retainedEnergy) < 1e-9);
        QVERIFY(result.spectrum.cumulativeEnergy[expected - 2] < 0.9);
        // Error and energy agree: ‖W − W_r‖² = (1 − energy) ‖W‖².
        QVERIFY(std::abs(result.relativeError - std::sqrt(1.0 - result.retainedEnergy)) < 1e-3);
    }

    void rankByBudgetAndSavings_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("columns");
        QTest::addColumn<double>("fraction");
        QTest::addColumn<int>("rank");
        QTest::addRow("100×50 half") << 100 << 50 << 0.5 << 16; // floor(2500 / 150)
        QTest::addRow("768×256 quarter") << 768 << 256 << 0.25 << 48; // floor(49152 / 1024)
        QTest::addRow("square full budget") << 256 << 256 << 1.0 << 128;
    }

    void rankByBudgetAndSavings()
    {
        QFETCH(int, rows);
        QFETCH(int, columns);
        QFETCH(double, fraction);
        QFETCH(int, rank);
        QCOMPARE(rankForBudget(rows, columns, fraction), Eigen::Index(rank));
        const auto savings = lowRankSavings(rows, columns, rank, 2);
        QCOMPARE(savings.factoredParameters, std::uint64_t(rank) * std::uint64_t(rows + columns));
        QVERIFY(savings.factoredParameters <= fraction * rows * columns);
        QCOMPARE(savings.factoredBytes, 2 * savings.factoredParameters);
        QCOMPARE(savings.savesBytes, rank <= savings.breakEvenRank);
    }

    void rankThatSavesNothingIsFlagged()
    {
        // 256 × 256 at rank 128: 128 · 512 = 65,536 = 256 · 256 — no saving.
        const auto even = lowRankSavings(256, 256, 128, 4);
        QVERIFY(!even.savesBytes);
        QCOMPARE(even.breakEvenRank, Eigen::Index(127));
        QVERIFY(lowRankSavings(256, 256, 127, 4).savesBytes);
        QVERIFY(!lowRankSavings(768, 256, 200, 4).savesBytes);
    }

    void refusesNonsense()
    {
        Progress progress;
        const auto weight = gaussianMatrix(8, 8, 1);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, factorize(weight, LowRankSpec::withRank(0), 4, progress, {}));
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument, factorize(weight, LowRankSpec::withEnergy(1.5), 4, progress, {}));
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument, factorize(weight, LowRankSpec::withBudget(0.01), 4, progress, {}));
        Eigen::MatrixXf bad = weight;
        bad(2, 3) = INFINITY;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, factorize(bad, LowRankSpec::withRank(2), 4, progress, {}));
    }
};

QTEST_GUILESS_MAIN(TestLowRankFactorizer)
#include "tst_lowrankfactorizer.moc"
