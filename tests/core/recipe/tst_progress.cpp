// Progress reporting: clamped, never backwards, throttled, safe from several threads.
#include "recipe/Progress.h"

#include <QTest>

#include <thread>
#include <vector>

using namespace complab;

class TestProgress : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void throttlesAndClamps()
    {
        std::vector<double> seen;
        Progress progress([&](double fraction, const std::string&) { seen.push_back(fraction); }, 0.1);
        for (int i = 0; i <= 100; ++i)
            progress.report(i / 100.0);
        progress.report(2.0);
        QVERIFY(seen.size() <= 12);
        QVERIFY(seen.size() >= 10);
        QCOMPARE(seen.back(), 1.0);
        QCOMPARE(progress.fraction(), 1.0);
    }

    void neverGoesBackwards()
    {
        std::vector<double> seen;
        Progress progress([&](double fraction, const std::string&) { seen.push_back(fraction); }, 0.0);
        progress.report(0.5);
        progress.report(0.3);
        QCOMPARE(progress.fraction(), 0.5);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
    }

    void stepIsReportedAtOnce()
    {
        std::string last;
        Progress progress([&](double, const std::string& step) { last = step; });
        progress.setStep("reading", 0.0);
        QCOMPARE(last, std::string("reading"));
    }

    void concurrentReports()
    {
        std::atomic<int> calls{0};
        double last = 0.0;
        bool ordered = true;
        Progress progress([&](double fraction, const std::string&) {
            ++calls;
            ordered = ordered && fraction >= last;
            last = fraction;
        });
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&progress, t] {
                for (int i = 0; i < 10000; ++i)
                    progress.report((i * 4 + t) / 40000.0);
            });
        for (auto& thread : threads)
            thread.join();
        QVERIFY(calls.load() > 0);
        QVERIFY(calls.load() <= 1100);
        QVERIFY(ordered);
    }

    void throwIfStoppedThrows()
    {
        std::stop_source source;
        throwIfStopped(source.get_token());
        source.request_stop();
        QVERIFY_THROWS_EXCEPTION(Cancelled, throwIfStopped(source.get_token()));
    }
};

QTEST_GUILESS_MAIN(TestProgress)
#include "tst_progress.moc"
