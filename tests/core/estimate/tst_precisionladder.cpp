// The lab's precision ladder: fifteen steps from FP32 to INT2, fixed layouts taken from the scheme
// table, integer grids costed as bits + one FP16 scale per group, and schemes placed back on it.
#include "estimate/PrecisionLadder.h"

#include <QTest>

#include <stdexcept>

using namespace complab;

class TestPrecisionLadder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stepsInOrder()
    {
        QCOMPARE(precisionLadder().size(), std::size_t(15));
        QCOMPARE(precisionLadder().front().label, std::string_view("FP32"));
        QCOMPARE(precisionLadder().back().label, std::string_view("INT2"));
        double previous = 64;
        for (int step = 0; step < 15; ++step) {
            const auto scheme = precisionStepScheme(step, 0);
            QVERIFY2(scheme.weightBits <= previous, precisionLadder()[std::size_t(step)].label.data());
            previous = scheme.weightBits;
        }
    }

    void bitsPerWeight_data()
    {
        QTest::addColumn<QString>("step");
        QTest::addColumn<int>("groupSize");
        QTest::addColumn<double>("weightBits");
        QTest::addColumn<double>("bitsPerWeight");
        QTest::addRow("INT4 seed") << "INT4" << 0 << 4.0 << 4.0;
        QTest::addRow("INT4 g128") << "INT4" << 128 << 4.0 << 4.125;
        QTest::addRow("INT4 g32") << "INT4" << 32 << 4.0 << 4.5;
        QTest::addRow("INT8 g256") << "INT8" << 256 << 8.0 << 8.0625;
        QTest::addRow("INT3 g64") << "INT3" << 64 << 3.0 << 3.25;
        QTest::addRow("Q4_K ignores the group") << "Q4_K" << 32 << 4.0 << 4.5;
        QTest::addRow("NF4") << "NF4" << 0 << 4.0 << 4.127;
        QTest::addRow("Q6_K") << "q6_k" << 0 << 6.0 << 6.5625;
    }
    void bitsPerWeight()
    {
        QFETCH(QString, step);
        QFETCH(int, groupSize);
        QFETCH(double, weightBits);
        QFETCH(double, bitsPerWeight);
        const int index = findPrecisionStep(step.toStdString());
        QVERIFY(index >= 0);
        const auto scheme = precisionStepScheme(index, groupSize);
        QCOMPARE(scheme.weightBits, weightBits);
        QCOMPARE(scheme.bitsPerWeight, bitsPerWeight);
    }

    void integerGridsAgreeWithTheSchemeTable_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<QString>("step");
        QTest::addColumn<int>("groupSize");
        QTest::addRow("int4_g128") << "int4_g128"
                                   << "INT4" << 128;
        QTest::addRow("int4_g64") << "int4_g64"
                                  << "INT4" << 64;
        QTest::addRow("int8_g128") << "int8_g128"
                                   << "INT8" << 128;
        QTest::addRow("int2 idealised") << "int2"
                                        << "INT2" << 0;
        QTest::addRow("fp8") << "fp8"
                             << "FP8" << 0;
        // Q8_0 is int8 with an FP16 scale per 32: exactly INT8 at group size 32.
        QTest::addRow("q8_0") << "q8_0"
                              << "INT8" << 32;
        QTest::addRow("nf4") << "nf4"
                             << "NF4" << 0;
    }
    void integerGridsAgreeWithTheSchemeTable()
    {
        QFETCH(QString, scheme);
        QFETCH(QString, step);
        QFETCH(int, groupSize);
        const QuantScheme* found = findQuantScheme(scheme.toStdString());
        QVERIFY(found);
        const auto position = ladderPosition(*found);
        QVERIFY(position);
        QCOMPARE(position->step, findPrecisionStep(step.toStdString()));
        QCOMPARE(position->groupSize, groupSize);
        QCOMPARE(precisionStepScheme(position->step, position->groupSize).bitsPerWeight, found->bitsPerWeight);
    }

    void schemesOffTheLadder()
    {
        QVERIFY(!ladderPosition(*findQuantScheme("q4_k_m")));
        QVERIFY(!ladderPosition(*findQuantScheme("q5_k_m")));
    }

    void badInputsAreRejected()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, precisionStepScheme(15, 0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, precisionStepScheme(-1, 0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, precisionStepScheme(8, 100));
        QCOMPARE(findPrecisionStep("INT5"), -1);
    }
};

QTEST_MAIN(TestPrecisionLadder)
#include "tst_precisionladder.moc"
