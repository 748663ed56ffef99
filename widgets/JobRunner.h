// Runs core jobs on worker threads for the GUI: forwards throttled progress through queued
// signals, cancels on request, and delivers the result on the GUI thread. Starting a new job
// cancels the previous one, and a result that a newer launch superseded is silently dropped
// (each launch carries a generation number, as in hotspot's job tracker).
#pragma once

#include "recipe/Progress.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <stop_token>

namespace complab {

class JobRunner : public QObject
{
    Q_OBJECT
public:
    explicit JobRunner(QObject* parent = nullptr);
    // Cancels the running job and waits for its worker to return.
    ~JobRunner() override;

    template <typename Result> using Job = std::function<Result(Progress&, std::stop_token)>;

    // Starts job on a worker thread; onResult runs on this object's (GUI) thread unless the job
    // was cancelled or superseded meanwhile. Exceptions other than Cancelled become failed().
    template <typename Result>
    void start(const QString& title, Job<Result> job, std::function<void(const Result&)> onResult)
    {
        launch(title, [job = std::move(job), onResult = std::move(onResult)](Progress& progress, std::stop_token stop) {
            auto result = std::make_shared<const Result>(job(progress, stop));
            return std::function<void()>([onResult, result] { onResult(*result); });
        });
    }

    void cancel();
    bool isRunning() const { return m_running; }
    QString title() const { return m_title; }

    // Waits until no worker of this runner is busy (tests and shutdown).
    void waitForIdle();

Q_SIGNALS:
    void started(const QString& title);
    void progressChanged(double fraction, const QString& step);
    void succeeded();
    void failed(const QString& message);
    void cancelled();
    // After any of succeeded(), failed() or cancelled() of the current launch.
    void finished();

private:
    using ErasedJob = std::function<std::function<void()>(Progress&, std::stop_token)>;
    void launch(const QString& title, ErasedJob job);
    void finish(quint64 generation, const std::function<void()>& deliver, const QString& error, bool wasCancelled);

    QThreadPool m_pool;
    quint64 m_generation = 0;
    std::stop_source m_stop;
    bool m_running = false;
    QString m_title;
};

} // namespace complab
