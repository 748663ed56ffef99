// Runs compression-lab-cli (path from the COMPLAB_CLI define of the test target) and collects its
// exit code and output; a hang or a crash stops the test run, since the CLI must never do either.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>

namespace complab::test {

struct CliRun
{
    int exitCode;
    QByteArray out;
    QByteArray err;
};

inline CliRun runCli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(COMPLAB_CLI), arguments);
    if (!process.waitForFinished(300000))
        qFatal("compression-lab-cli did not finish");
    if (process.exitStatus() != QProcess::NormalExit)
        qFatal("compression-lab-cli crashed");
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace complab::test
