// Distillation's softened distribution: the values on hand-computed cases, the limits (T = 1 is the
// model's own softmax, a large T tends to uniform, entropy never falls as T rises), no overflow on
// huge logits, and clear refusals of bad input.
#include "model/TemperatureSoftmax.h"

#include <QTest>

#include <cmath>
#include <stdexcept>

using namespace complab;

class TestTemperatureSoftmax : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handComputed()
    {
        // logits ln 1, ln 2, ln 5 at T = 1: probabilities 1/8, 2/8, 5/8.
        const std::vector<float> logits{0.0f, std::log(2.0f), std::log(5.0f)};
        const auto p = softmaxAtTemperature(logits, 1.0);
        QCOMPARE(p.size(), std::size_t(3));
        QVERIFY(std::abs(p[0] - 0.125) < 1e-7);
        QVERIFY(std::abs(p[1] - 0.25) < 1e-7);
        QVERIFY(std::abs(p[2] - 0.625) < 1e-7);
        // T = 2 takes the square root of each odds ratio: 1 : √2 : √5.
        const auto soft = softmaxAtTemperature(logits, 2.0);
        const double sum = 1 + std::sqrt(2.0) + std::sqrt(5.0);
        QVERIFY(std::abs(soft[0] - 1 / sum) < 1e-7);
        QVERIFY(std::abs(soft[2] - std::sqrt(5.0) / sum) < 1e-7);
        // Entropy of (1/2, 1/4, 1/4) is 1.5 bits; of four equal outcomes, 2 bits.
        const std::vector<double> three{0.5, 0.25, 0.25};
        QVERIFY(std::abs(entropyBits(three) - 1.5) < 1e-12);
        const std::vector<double> four(4, 0.25);
        QVERIFY(std::abs(effectiveChoices(four) - 4.0) < 1e-12);
        const std::vector<double> certain{0.0, 1.0, 0.0};
        QCOMPARE(entropyBits(certain), 0.0);
    }

    void temperatureFlattens()
    {
        std::vector<float> logits(100);
        for (std::size_t i = 0; i < logits.size(); ++i)
            logits[i] = float(std::sin(double(i) * 1.7) * 6.0);
        double previous = -1;
        for (const double t : {0.5, 1.0, 2.0, 4.0, 10.0, 1000.0}) {
            const auto p = softmaxAtTemperature(logits, t);
            double sum = 0;
            for (const double x : p)
                sum += x;
            QVERIFY(std::abs(sum - 1.0) < 1e-12);
            const double entropy = entropyBits(p);
            QVERIFY(entropy > previous);
            previous = entropy;
        }
        QVERIFY(std::abs(previous - std::log2(100.0)) < 1e-3);
        // The order of the tokens never changes with the temperature.
        const auto cold = softmaxAtTemperature(logits, 1.0);
        const auto hot = softmaxAtTemperature(logits, 7.0);
        const auto top = std::max_element(cold.begin(), cold.end()) - cold.begin();
        QCOMPARE(std::max_element(hot.begin(), hot.end()) - hot.begin(), top);
    }

    void hugeLogitsDoNotOverflow()
    {
        const std::vector<float> logits{1e30f, 1e30f, -1e30f};
        const auto p = softmaxAtTemperature(logits, 1.0);
        QVERIFY(std::abs(p[0] - 0.5) < 1e-12);
        QVERIFY(std::abs(p[1] - 0.5) < 1e-12);
        QCOMPARE(p[2], 0.0);
    }

    void badInputIsRefused()
    {
        const std::vector<float> logits{1.0f, 2.0f};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, softmaxAtTemperature(logits, 0.0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, softmaxAtTemperature(logits, -1.0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, softmaxAtTemperature(logits, std::nan("")));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, softmaxAtTemperature({}, 1.0));
        const std::vector<float> withNan{1.0f, std::nanf("")};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, softmaxAtTemperature(withNan, 1.0));
    }
};

QTEST_APPLESS_MAIN(TestTemperatureSoftmax)
#include "tst_temperaturesoftmax.moc"
