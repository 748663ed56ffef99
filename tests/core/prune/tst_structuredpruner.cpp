// Structured pruning: whole rows, columns and heads go by L2 norm, coupled tensors lose the same
// units, and the dense shape that results is reported.
#include "prune/StructuredPruner.h"

#include "../GaussianValues.h"

#include <QTest>

using namespace complab;
using complab::test::gaussianValues;

namespace {

Eigen::MatrixXf gaussianMatrix(Eigen::Index rows, Eigen::Index columns, quint32 seed)
{
    const auto values = gaussianValues(static_cast<std::size_t>(rows * columns), 0.0, 1.0, seed);
    return Eigen::Map<const Eigen::MatrixXf>(values.data(), rows, columns);
}

} // namespace

class TestStructuredPruner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shapes_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("columns");
        QTest::addColumn<bool>("alongRows");
        QTest::addColumn<int>("unitSize");
        QTest::addColumn<double>("fraction");
        QTest::addColumn<int>("denseRows");
        QTest::addColumn<int>("denseColumns");
        QTest::addRow("MLP rows 25 %%") << 64 << 16 << true << 1 << 0.25 << 48 << 16;
        QTest::addRow("MLP columns 50 %%") << 16 << 64 << false << 1 << 0.5 << 16 << 32;
        QTest::addRow("heads of q (8 × 32)") << 256 << 256 << true << 32 << 0.25 << 192 << 256;
        QTest::addRow("heads of o (8 × 32)") << 256 << 256 << false << 32 << 0.5 << 256 << 128;
    }

    void shapes()
    {
        QFETCH(int, rows);
        QFETCH(int, columns);
        QFETCH(bool, alongRows);
        QFETCH(int, unitSize);
        QFETCH(double, fraction);
        QFETCH(int, denseRows);
        QFETCH(int, denseColumns);
        Eigen::MatrixXf weight = gaussianMatrix(rows, columns, 9);
        const auto axis = alongRows ? StructuredAxis::Rows : StructuredAxis::Columns;
        // Make unit 1 the weakest: it must be the first to go.
        if (alongRows)
            weight.middleRows(unitSize, unitSize) *= 0.01f;
        else
            weight.middleCols(unitSize, unitSize) *= 0.01f;
        Progress progress;
        const auto result = pruneStructured({{&weight, axis}}, unitSize, fraction, progress, {});
        QCOMPARE(result.denseShapes.front(), std::make_pair(Eigen::Index(denseRows), Eigen::Index(denseColumns)));
        QVERIFY(!result.keptUnits[1]);
        const auto& pruned = result.parts.front();
        // Removed units are whole, and they are the lowest-norm ones.
        double weakestKept = INFINITY;
        double strongestRemoved = 0.0;
        for (std::size_t u = 0; u < result.keptUnits.size(); ++u) {
            const auto first = static_cast<Eigen::Index>(u) * unitSize;
            const PruneMask block = alongRows ? PruneMask(pruned.keep.middleRows(first, unitSize))
                                              : PruneMask(pruned.keep.middleCols(first, unitSize));
            QCOMPARE(block.all(), bool(result.keptUnits[u]));
            QCOMPARE(block.any(), bool(result.keptUnits[u]));
            const double norm
                = alongRows ? weight.middleRows(first, unitSize).norm() : weight.middleCols(first, unitSize).norm();
            (result.keptUnits[u] ? weakestKept : strongestRemoved)
                = result.keptUnits[u] ? std::min(weakestKept, norm) : std::max(strongestRemoved, norm);
        }
        QVERIFY(strongestRemoved <= weakestKept);
        QCOMPARE(pruned.metrics.sparsity, 1.0 - static_cast<double>(denseRows * denseColumns) / (rows * columns));
    }

    void coupledNeurons()
    {
        // An MLP neuron j is row j of up and column j of down: both lose the same neurons.
        const Eigen::MatrixXf up = gaussianMatrix(32, 8, 1);
        Eigen::MatrixXf down = gaussianMatrix(8, 32, 2);
        down.col(5) *= 100.0f; // neuron 5 matters through down_proj alone
        Progress progress;
        const auto result
            = pruneStructured({{&up, StructuredAxis::Rows}, {&down, StructuredAxis::Columns}}, 1, 0.5, progress, {});
        QVERIFY(result.keptUnits[5]);
        QCOMPARE(result.unitsRemoved, std::size_t(16));
        for (Eigen::Index j = 0; j < 32; ++j)
            QCOMPARE(result.parts[0].keep.row(j).all(), result.parts[1].keep.col(j).all());
        QCOMPARE(result.denseShapes[0], std::make_pair(Eigen::Index(16), Eigen::Index(8)));
        QCOMPARE(result.denseShapes[1], std::make_pair(Eigen::Index(8), Eigen::Index(16)));
    }

    void refusesMismatch()
    {
        const Eigen::MatrixXf a = gaussianMatrix(32, 8, 1);
        const Eigen::MatrixXf b = gaussianMatrix(8, 30, 2);
        Progress progress;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
            pruneStructured({{&a, StructuredAxis::Rows}, {&b, StructuredAxis::Columns}}, 1, 0.5, progress, {}));
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument, pruneStructured({{&a, StructuredAxis::Rows}}, 5, 0.5, progress, {}));
    }
};

QTEST_GUILESS_MAIN(TestStructuredPruner)
#include "tst_structuredpruner.moc"
