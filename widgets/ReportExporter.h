// File ▸ Export Report: measures the recipe on the open checkpoint and writes the report (HTML,
// PDF, CSV or HDF5, by the file name) as a background job, with a progress window that can cancel
// it. The report is core's, so it is byte for byte what `compression-lab-cli report` writes for the
// same recipe and text (apart from its time stamp and generator line).
#pragma once

#include "JobRunner.h"
#include "recipe/Recipe.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <cstdint>
#include <memory>

class QProgressDialog;
class QWidget;

namespace complab {

class Checkpoint;

class ReportExporter : public QObject
{
    Q_OBJECT
public:
    // parent: the window the progress dialog belongs to.
    explicit ReportExporter(QWidget* parent);

    // Held-out text for the quality section (the lab's protocol); empty: quality is not measured.
    void setEvaluationText(const QString& path, std::int64_t predictions);
    // Starts the export; a running one is cancelled first.
    void start(std::shared_ptr<const Checkpoint> checkpoint, const Recipe& recipe, const QString& path);
    void cancel();
    JobRunner* runner() const { return m_runner; }

Q_SIGNALS:
    // On the GUI thread once the file is in place; summary is one line for the status bar.
    void written(const QString& path, const QString& summary);
    void failed(const QString& message);

private:
    QWidget* m_window;
    JobRunner* m_runner;
    QPointer<QProgressDialog> m_progress;
    QString m_evaluationTextPath;
    std::int64_t m_predictions = 1024;
};

} // namespace complab
