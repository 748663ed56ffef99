// Tensor statistics: exact on known values, independent of block size (and so of thread
// scheduling), accurate for offset data, cancellable mid-run, with monotonic progress.
#include "tensor/TensorStats.h"

#include "../GaussianValues.h"
#include <QRandomGenerator>

#include <QTest>

#include <cmath>
#include <limits>
#include <mutex>

using namespace complab;
using complab::test::gaussianValues;

namespace {

struct FloatTensor
{
    TensorInfo info;
    std::vector<float> values;

    explicit FloatTensor(std::vector<float> data)
        : values(std::move(data))
    {
        info.name = "test.weight";
        info.dtype = DType::F32;
        info.shape = {static_cast<std::int64_t>(values.size())};
        info.byteSize = values.size() * sizeof(float);
    }
    TensorView view() const { return TensorView(info, std::as_bytes(std::span(values)), nullptr); }
};

} // namespace

class TestTensorStats : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void knownValues()
    {
        const float inf = std::numeric_limits<float>::infinity();
        const FloatTensor tensor({1, 2, 3, 4, std::numeric_limits<float>::quiet_NaN(), inf, -inf, 0});
        Progress progress;
        const auto stats = computeStats(tensor.view(), progress, {}, {.histogramBins = 4, .blockElements = 3});
        QCOMPARE(stats.count, std::uint64_t(8));
        QCOMPARE(stats.finiteCount, std::uint64_t(5));
        QCOMPARE(stats.zeroCount, std::uint64_t(1));
        QCOMPARE(stats.nanCount, std::uint64_t(1));
        QCOMPARE(stats.positiveInfCount, std::uint64_t(1));
        QCOMPARE(stats.negativeInfCount, std::uint64_t(1));
        QCOMPARE(stats.min, 0.0);
        QCOMPARE(stats.max, 4.0);
        QCOMPARE(stats.absMax, 4.0);
        QCOMPARE(stats.mean, 2.0);
        QVERIFY(std::abs(stats.std - std::sqrt(2.0)) < 1e-15);
        // Bins of width 1 over [0, 4]: {0}, {1}, {2}, {3, 4} (the right edge belongs to the last bin).
        QCOMPARE(stats.histogram.counts, (std::vector<std::uint64_t>{1, 1, 1, 2}));
        QCOMPARE(stats.histogram.binWidth(), 1.0);
        QCOMPARE(stats.histogram.binCenter(0), 0.5);
    }

    void independentOfBlockSize()
    {
        const FloatTensor tensor(gaussianValues(100003, 0.01, 0.05, 7));
        Progress progress;
        const auto reference
            = computeStats(tensor.view(), progress, {}, {.histogramBins = 64, .blockElements = 1 << 16});
        double sum = 0.0;
        for (const float value : tensor.values)
            sum += value;
        const double mean = sum / static_cast<double>(tensor.values.size());
        double squares = 0.0;
        for (const float value : tensor.values)
            squares += (value - mean) * (value - mean);
        QVERIFY(std::abs(reference.mean - mean) < 1e-12);
        QVERIFY(std::abs(reference.std - std::sqrt(squares / static_cast<double>(tensor.values.size()))) < 1e-12);
        QCOMPARE(reference.histogram.total(), std::uint64_t(100003));
        for (const std::size_t block : {std::size_t(1), std::size_t(7), std::size_t(1000), std::size_t(99999)}) {
            const auto stats = computeStats(tensor.view(), progress, {}, {.histogramBins = 64, .blockElements = block});
            QCOMPARE(stats.histogram.counts, reference.histogram.counts);
            QCOMPARE(stats.min, reference.min);
            QCOMPARE(stats.max, reference.max);
            QVERIFY(std::abs(stats.mean - reference.mean) < 1e-14);
            QVERIFY(std::abs(stats.std - reference.std) < 1e-14);
        }
    }

    void largeOffsetKeepsPrecision()
    {
        // A naive sum-of-squares formula loses every digit here; the pairwise update must not.
        const FloatTensor tensor(gaussianValues(50000, 1000.0, 0.001, 3));
        double sum = 0.0;
        for (const float value : tensor.values)
            sum += value;
        const double mean = sum / 50000.0;
        double squares = 0.0;
        for (const float value : tensor.values)
            squares += (value - mean) * (value - mean);
        Progress progress;
        const auto stats = computeStats(tensor.view(), progress, {}, {.blockElements = 999});
        QVERIFY(std::abs(stats.std - std::sqrt(squares / 50000.0)) < 1e-9);
    }

    void constantTensor()
    {
        const FloatTensor tensor(std::vector<float>(1000, 0.5f));
        Progress progress;
        const auto stats = computeStats(tensor.view(), progress, {});
        QCOMPARE(stats.min, 0.5);
        QCOMPARE(stats.max, 0.5);
        QCOMPARE(stats.std, 0.0);
        QCOMPARE(stats.histogram.total(), std::uint64_t(1000));
        QVERIFY(stats.histogram.lowest < 0.5 && stats.histogram.highest > 0.5);
    }

    void cancelBeforeStart()
    {
        const FloatTensor tensor(gaussianValues(1000, 0, 1, 1));
        std::stop_source source;
        source.request_stop();
        Progress progress;
        QVERIFY_THROWS_EXCEPTION(Cancelled, computeStats(tensor.view(), progress, source.get_token()));
    }

    void cancelMidway()
    {
        const FloatTensor tensor(gaussianValues(400000, 0, 1, 2));
        std::stop_source source;
        double cancelledAt = -1.0;
        Progress progress([&](double fraction, const std::string&) {
            if (fraction > 0.2 && cancelledAt < 0) {
                cancelledAt = fraction;
                source.request_stop();
            }
        });
        QVERIFY_THROWS_EXCEPTION(
            Cancelled, computeStats(tensor.view(), progress, source.get_token(), {.blockElements = 1000}));
        QVERIFY(cancelledAt > 0.2 && cancelledAt < 1.0);
    }

    void progressIsMonotonicAndEnds()
    {
        const FloatTensor tensor(gaussianValues(300000, 0, 1, 5));
        std::mutex mutex;
        std::vector<double> seen;
        std::string step;
        Progress progress([&](double fraction, const std::string& name) {
            std::lock_guard lock(mutex);
            seen.push_back(fraction);
            step = name;
        });
        computeStats(tensor.view(), progress, {}, {.blockElements = 1000});
        QVERIFY(seen.size() > 10);
        QVERIFY(seen.size() < 1100); // throttled to about one report per 0.1 %
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QCOMPARE(seen.back(), 1.0);
        QCOMPARE(step, std::string("statistics of test.weight"));
    }
};

QTEST_GUILESS_MAIN(TestTensorStats)
#include "tst_tensorstats.moc"
