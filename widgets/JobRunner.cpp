#include "JobRunner.h"

#include "TableText.h"

#include <QMetaObject>

namespace complab {

JobRunner::JobRunner(QObject* parent)
    : QObject(parent)
{
    // A superseded job may still be finishing while its successor starts.
    m_pool.setMaxThreadCount(2);
}

JobRunner::~JobRunner()
{
    m_stop.request_stop();
    m_pool.waitForDone();
}

void JobRunner::cancel()
{
    if (m_running)
        m_stop.request_stop();
}

void JobRunner::waitForIdle()
{
    m_pool.waitForDone();
}

void JobRunner::launch(const QString& title, ErasedJob job)
{
    m_stop.request_stop();
    m_stop = std::stop_source();
    const quint64 generation = ++m_generation;
    m_running = true;
    m_title = title;
    Q_EMIT started(title);

    const std::stop_token stop = m_stop.get_token();
    // The worker may use `this`: the destructor waits for the pool before members go away, and
    // events queued to a deleted receiver are discarded by Qt.
    m_pool.start([this, generation, stop, job = std::move(job)] {
        Progress progress([this, generation](double fraction, const std::string& step) {
            QMetaObject::invokeMethod(
                this,
                [this, generation, fraction, step = tabletext::step(step)] {
                    if (generation == m_generation)
                        Q_EMIT progressChanged(fraction, step);
                },
                Qt::QueuedConnection);
        });
        std::function<void()> deliver;
        QString error;
        bool wasCancelled = false;
        try {
            deliver = job(progress, stop);
            wasCancelled = stop.stop_requested();
        } catch (const Cancelled&) {
            wasCancelled = true;
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
            if (error.isEmpty())
                error = tr("unknown error");
        }
        QMetaObject::invokeMethod(
            this,
            [this, generation, deliver = std::move(deliver), error, wasCancelled] {
                finish(generation, deliver, error, wasCancelled);
            },
            Qt::QueuedConnection);
    });
}

void JobRunner::finish(
    quint64 generation, const std::function<void()>& deliver, const QString& error, bool wasCancelled)
{
    if (generation != m_generation)
        return; // superseded by a newer launch
    m_running = false;
    if (wasCancelled) {
        Q_EMIT cancelled();
    } else if (!error.isEmpty()) {
        Q_EMIT failed(error);
    } else {
        if (deliver)
            deliver();
        Q_EMIT succeeded();
    }
    Q_EMIT finished();
}

} // namespace complab
