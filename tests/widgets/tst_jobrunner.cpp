// JobRunner: results arrive on the GUI thread, progress is forwarded, cancel works, errors
// become failed(), and a superseded job's result is dropped.
#include "JobRunner.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <chrono>
#include <thread>

using namespace complab;

class TestJobRunner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void deliversResultOnGuiThread()
    {
        JobRunner runner;
        QSignalSpy succeeded(&runner, &JobRunner::succeeded);
        QSignalSpy progressed(&runner, &JobRunner::progressChanged);
        int result = 0;
        QThread* deliveredOn = nullptr;
        QThread* computedOn = nullptr;
        runner.start<int>(
            QStringLiteral("sum"),
            [&computedOn](Progress& progress, std::stop_token) {
                computedOn = QThread::currentThread();
                int sum = 0;
                for (int i = 1; i <= 100; ++i) {
                    sum += i;
                    progress.report(i / 100.0);
                }
                return sum;
            },
            [&](const int& value) {
                result = value;
                deliveredOn = QThread::currentThread();
            });
        QVERIFY(runner.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(succeeded.count(), 1, 10000);
        QCOMPARE(result, 5050);
        QCOMPARE(deliveredOn, QThread::currentThread());
        QVERIFY(computedOn != QThread::currentThread());
        QVERIFY(progressed.count() > 0);
        QCOMPARE(progressed.last().at(0).toDouble(), 1.0);
        QVERIFY(!runner.isRunning());
    }

    void cancelStopsTheJob()
    {
        JobRunner runner;
        QSignalSpy cancelled(&runner, &JobRunner::cancelled);
        QSignalSpy succeeded(&runner, &JobRunner::succeeded);
        std::atomic<bool> entered{false};
        runner.start<int>(
            QStringLiteral("endless"),
            [&entered](Progress&, std::stop_token stop) {
                entered = true;
                while (true) {
                    throwIfStopped(stop);
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                }
                return 0;
            },
            [](const int&) {});
        QTRY_VERIFY_WITH_TIMEOUT(entered.load(), 10000);
        runner.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 10000);
        QCOMPARE(succeeded.count(), 0);
        QVERIFY(!runner.isRunning());
    }

    void errorsBecomeFailed()
    {
        JobRunner runner;
        QSignalSpy failed(&runner, &JobRunner::failed);
        runner.start<int>(
            QStringLiteral("broken"),
            [](Progress&, std::stop_token) -> int { throw std::runtime_error("model.bin: tensor 'x': bad"); },
            [](const int&) { QFAIL("no result expected"); });
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QCOMPARE(failed.first().at(0).toString(), QStringLiteral("model.bin: tensor 'x': bad"));
    }

    void newerLaunchSupersedesOlder()
    {
        JobRunner runner;
        QSignalSpy finished(&runner, &JobRunner::finished);
        std::vector<int> results;
        std::atomic<bool> release{false};
        // The first job ignores its stop token and would finish last; its result must be dropped.
        runner.start<int>(
            QStringLiteral("slow"),
            [&release](Progress&, std::stop_token) {
                while (!release)
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                return 1;
            },
            [&results](const int& value) { results.push_back(value); });
        runner.start<int>(
            QStringLiteral("fast"), [](Progress&, std::stop_token) { return 2; },
            [&results](const int& value) { results.push_back(value); });
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        release = true;
        runner.waitForIdle();
        QTest::qWait(50);
        QCOMPARE(results, std::vector<int>{2});
        QCOMPARE(finished.count(), 1);
    }

    void destructionWaitsForWorkers()
    {
        std::atomic<bool> finished{false};
        {
            JobRunner runner;
            runner.start<int>(
                QStringLiteral("cooperative"),
                [&finished](Progress&, std::stop_token stop) {
                    while (!stop.stop_requested())
                        std::this_thread::sleep_for(std::chrono::milliseconds(1));
                    finished = true;
                    return 0;
                },
                [](const int&) {});
            QTest::qWait(20);
        }
        QVERIFY(finished.load());
    }
};

QTEST_MAIN(TestJobRunner)
#include "tst_jobrunner.moc"
