// The levels drawn over a weight histogram are the levels the quantiser really uses: every
// reconstructed weight of the group is one of them, exactly, for every scheme the lab offers.
#include "quant/GgufQuantize.h"
#include "quant/MiniFloat.h"
#include "quant/QuantGrid.h"
#include "quant/TensorQuantizer.h"
#include "tensor/GgufBlocks.h"

#include <QTest>

#include <algorithm>
#include <random>

using namespace complab;

namespace {

constexpr std::size_t rows = 24;
constexpr std::size_t columns = 512;

std::vector<float> weights()
{
    std::mt19937 random(7);
    std::normal_distribution<float> normal(0.0f, 0.02f);
    std::vector<float> values(rows * columns);
    for (auto& value : values)
        value = normal(random);
    values[17 * columns + 300] = 0.31f; // one outlier: the default group is the one holding it
    for (std::size_t i = 0; i < 64; ++i)
        values[3 * columns + 64 + i] = 0.0f; // an all-zero stretch
    return values;
}

// The scheme's reconstruction of one row, as the lab computes it.
std::vector<float> reconstructRow(const QuantSpec& spec, const std::vector<float>& values, std::size_t row)
{
    std::vector<float> out(columns);
    if (const auto type = spec.isGgufBlockFormat() ? spec.ggufStorageType() : std::nullopt) {
        std::vector<std::byte> blocks(columns / dtypeBlockElements(*type) * dtypeSize(*type));
        quantizeBlocksReference(*type, values.data() + row * columns, columns, blocks.data());
        dequantizeBlocks(*type, blocks.data(), columns / dtypeBlockElements(*type), out.data());
    } else {
        TensorQuantizer(spec, values.data(), rows, columns).quantizeRows(row, 1, out.data());
    }
    return out;
}

} // namespace

class TestQuantGrid : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void reconstructionLiesOnTheGrid_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<int>("expectedLevels"); // -1: not checked
        for (const auto& spec : standardSchemes()) {
            if (spec.format == QuantFormat::Float32 || spec.format == QuantFormat::Float16
                || spec.format == QuantFormat::BFloat16)
                continue;
            int expected = -1;
            if (spec.format == QuantFormat::Int)
                expected = 1 << spec.bits;
            else if (spec.format == QuantFormat::NF4 || spec.format == QuantFormat::Q4_K
                || spec.format == QuantFormat::Q4_0 || spec.format == QuantFormat::Q4_1)
                expected = 16;
            else if (spec.format == QuantFormat::Q2_K)
                expected = 4;
            else if (spec.format == QuantFormat::Q3_K)
                expected = 8;
            else if (spec.format == QuantFormat::Q6_K)
                expected = 64;
            else if (spec.format == QuantFormat::Q8_0)
                expected = 256;
            else if (spec.format == QuantFormat::MXFP4)
                expected = 2 * static_cast<int>(fp4E2M1Grid().magnitudes().size()) - 1;
            QTest::addRow("%s", spec.name().c_str()) << QString::fromStdString(spec.name()) << expected;
        }
    }
    void reconstructionLiesOnTheGrid()
    {
        QFETCH(QString, scheme);
        QFETCH(int, expectedLevels);
        QuantSpec spec;
        for (const auto& candidate : standardSchemes())
            if (candidate.name() == scheme.toStdString())
                spec = candidate;
        const auto values = weights();
        // The outlier's group (the default), an ordinary group, and a group holding zeros.
        for (const auto& [row, column] : {std::pair<std::size_t, std::size_t>{17, 300}, {5, 77}, {3, 100}}) {
            const auto grid = row == 17 ? quantGroupGrid(spec, values.data(), rows, columns)
                                        : quantGroupGrid(spec, values.data(), rows, columns, row, column);
            QVERIFY(!grid.levels.empty());
            QVERIFY(std::is_sorted(grid.levels.begin(), grid.levels.end()));
            QVERIFY2(grid.firstColumn <= column && column < grid.firstColumn + grid.columnCount,
                qPrintable(QString::fromStdString(grid.description)));
            QVERIFY(grid.firstRow <= row && row < grid.firstRow + grid.rowCount);
            if (expectedLevels > 0 && row != 3)
                QCOMPARE(static_cast<int>(grid.levels.size()), expectedLevels);
            const auto out = reconstructRow(spec, values, row);
            const std::size_t first = grid.rowCount > 1 ? 0 : grid.firstColumn;
            const std::size_t count = grid.rowCount > 1 ? columns : std::min(grid.columnCount, columns - first);
            for (std::size_t i = first; i < first + count; ++i)
                QVERIFY2(std::binary_search(grid.levels.begin(), grid.levels.end(), out[i]),
                    qPrintable(QStringLiteral("%1: %2 is not on the grid of %3")
                                   .arg(scheme)
                                   .arg(static_cast<double>(out[i]), 0, 'g', 9)
                                   .arg(QString::fromStdString(grid.description))));
        }
    }

    void outlierGroupIsTheDefault()
    {
        const auto values = weights();
        const auto grid = quantGroupGrid(QuantSpec::integer(4, 128), values.data(), rows, columns);
        QCOMPARE(grid.firstRow, std::size_t(17));
        QCOMPARE(grid.firstColumn, std::size_t(256));
        QCOMPARE(grid.columnCount, std::size_t(128));
        // Symmetric INT4: the outlier sets the step, 0.31 / 7 rounded to FP16.
        QCOMPARE(grid.levels.back(), 7 * roundToHalf(0.31f / 7));
        QVERIFY(QString::fromStdString(grid.description).startsWith(QStringLiteral("int4 g128: 16 levels")));
        // INT2's four levels: the cliff, drawn.
        QCOMPARE(
            quantGroupGrid(QuantSpec::integer(2, 128), values.data(), rows, columns).levels.size(), std::size_t(4));
    }

    void floatsAndBadArguments()
    {
        const auto values = weights();
        const auto f16 = quantGroupGrid(QuantSpec::of(QuantFormat::Float16), values.data(), rows, columns);
        QVERIFY(f16.levels.empty());
        QVERIFY(!f16.description.empty());
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument, quantGroupGrid(QuantSpec::integer(4, 128), values.data(), rows, columns, rows, 0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
            quantGroupGrid(QuantSpec::integer(4, 128), values.data(), rows, columns, 0, std::nullopt));
        // A row length the block format cannot take is refused with the format's own reason.
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument, quantGroupGrid(QuantSpec::of(QuantFormat::Q4_K), values.data(), 2, 100));
    }
};

QTEST_GUILESS_MAIN(TestQuantGrid)
#include "tst_quantgrid.moc"
