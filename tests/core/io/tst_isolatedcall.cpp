// runIsolated(): what a child returns or throws reaches the parent; a child that crashes, exits
// early or hangs becomes an IsolatedCallError of the right kind, and the parent carries on.
#include "io/IsolatedCall.h"

#include <QTest>

#include <csignal>
#include <cstring>
#include <thread>
#include <unistd.h>

using namespace complab;
using namespace std::chrono_literals;

class TestIsolatedCall : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void returnsTheChildsResult()
    {
        const auto parent = ::getpid();
        const auto answer = runIsolated([] { return std::to_string(::getpid()); }, 10s);
        QVERIFY(!answer.empty());
        QVERIFY(std::stoi(answer) != parent); // it really ran elsewhere
    }

    void largeResultsArriveWhole()
    {
        std::string expected(3 * 1024 * 1024 + 17, '\0');
        for (std::size_t i = 0; i < expected.size(); ++i)
            expected[i] = static_cast<char>(i * 131 % 251);
        QCOMPARE(runIsolated([&] { return expected; }, 30s), expected);
        QCOMPARE(runIsolated([] { return std::string(); }, 10s), std::string());
    }

    void failures_data()
    {
        QTest::addColumn<int>("how");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::addRow("throws") << 0 << int(IsolatedCallError::Kind::Threw) << QStringLiteral("bad header at 42");
        QTest::addRow("aborts") << 1 << int(IsolatedCallError::Kind::Crashed) << QStringLiteral("it ");
        QTest::addRow("killed") << 2 << int(IsolatedCallError::Kind::Crashed) << QStringLiteral("signal 9");
        QTest::addRow("exits early") << 3 << int(IsolatedCallError::Kind::Crashed)
                                     << QStringLiteral("it failed (exit status 3)");
        QTest::addRow("hangs") << 4 << int(IsolatedCallError::Kind::TimedOut)
                               << QStringLiteral("still running after 0.5 s");
    }

    void failures()
    {
        QFETCH(int, how);
        QFETCH(int, kind);
        QFETCH(QString, message);
        const auto work = [how]() -> std::string {
            switch (how) {
            case 0:
                throw std::runtime_error("bad header at 42");
            case 1:
                std::abort();
            case 2:
                ::raise(SIGKILL);
                break;
            case 3:
                ::_exit(3);
            default:
                std::this_thread::sleep_for(60s);
            }
            return "unreachable";
        };
        try {
            runIsolated(work, how == 4 ? 500ms : 10s);
            QFAIL("no error");
        } catch (const IsolatedCallError& error) {
            QCOMPARE(int(error.kind()), kind);
            QVERIFY2(QString::fromUtf8(error.what()).contains(message), error.what());
        }
        // The parent is unharmed and can go on forking.
        QCOMPARE(runIsolated([] { return std::string("still here"); }, 10s), std::string("still here"));
    }

    void sharedBufferCarriesTheChildsWrites()
    {
        SharedBuffer buffer(1 << 20);
        QCOMPARE(buffer.bytes().size(), std::size_t(1 << 20));
        QCOMPARE(buffer.bytes()[12345], std::byte{0}); // zero-filled
        runIsolated(
            [&] {
                std::memset(buffer.bytes().data(), 0x5A, buffer.bytes().size());
                return std::string();
            },
            10s);
        QCOMPARE(buffer.bytes().front(), std::byte{0x5A});
        QCOMPARE(buffer.bytes().back(), std::byte{0x5A});
        SharedBuffer empty(0);
        QVERIFY(empty.bytes().empty());
    }
};

QTEST_GUILESS_MAIN(TestIsolatedCall)
#include "tst_isolatedcall.moc"
