#include "ReportExporter.h"

#include "EvaluationSetup.h"
#include "Format.h"
#include "io/Checkpoint.h"
#include "report/ReportWriter.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QProgressDialog>
#include <QWidget>

#include <filesystem>

namespace complab {

ReportExporter::ReportExporter(QWidget* parent)
    : QObject(parent)
    , m_window(parent)
    , m_runner(new JobRunner(this))
{
    connect(m_runner, &JobRunner::progressChanged, this, [this](double fraction, const QString& step) {
        if (!m_progress)
            return;
        m_progress->setValue(static_cast<int>(fraction * 1000.0));
        if (!step.isEmpty())
            m_progress->setLabelText(tr("Measuring %1…").arg(format::tensorLabel(step.toStdString())));
    });
    connect(m_runner, &JobRunner::failed, this,
        [this](const QString& message) { Q_EMIT failed(tr("The report was not written: %1").arg(message)); });
    connect(m_runner, &JobRunner::finished, this, [this] {
        if (m_progress)
            m_progress->deleteLater();
    });
}

void ReportExporter::setEvaluationText(const QString& path, std::int64_t predictions)
{
    m_evaluationTextPath = path;
    m_predictions = predictions;
}

void ReportExporter::cancel()
{
    m_runner->cancel();
}

namespace {

struct Written
{
    QString path;
    QString summary;
};

} // namespace

void ReportExporter::start(std::shared_ptr<const Checkpoint> checkpoint, const Recipe& recipe, const QString& path)
{
    if (!checkpoint)
        return;
    if (!report::reportFormatFor(QFile::encodeName(path).toStdString())) {
        Q_EMIT failed(tr("%1: a report is .html, .pdf, .csv or .h5.").arg(QFileInfo(path).fileName()));
        return;
    }
    if (m_progress)
        m_progress->deleteLater();
    m_progress = new QProgressDialog(tr("Measuring the recipe…"), tr("Cancel"), 0, 1000, m_window);
    m_progress->setWindowTitle(tr("Export Report"));
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, m_runner, &JobRunner::cancel);

    const std::string output = QFile::encodeName(path).toStdString();
    const std::string textPath = QFile::encodeName(m_evaluationTextPath).toStdString();
    const auto predictions = m_predictions;
    const std::string generator
        = QStringLiteral("Compression Lab %1").arg(QCoreApplication::applicationVersion()).toStdString();
    m_runner->start<Written>(
        tr("Writing the report %1").arg(QFileInfo(path).fileName()),
        [checkpoint, recipe, output, textPath, predictions, generator](Progress& progress, std::stop_token stop) {
            report::ReportOptions options;
            options.generator = generator;
            QString whyNot;
            if (textPath.empty()) {
                whyNot = tr("no held-out text is bundled with this build");
            } else if (checkpoint->totalParameters() > evaluationParameterLimit) {
                whyNot = tr("the model is larger than the lab evaluates in memory");
            } else if (const auto tokenizer = evaluationTokenizer(*checkpoint, &whyNot)) {
                // Reading the weights and the text touches files: here, on the worker thread.
                auto setup = prepareEvaluation(*checkpoint, *tokenizer, textPath, predictions);
                report::QualityInput input;
                input.weights = setup.weights;
                input.windows = std::move(setup.windows);
                input.tokenizer = tokenizer->description();
                input.text = std::filesystem::path(textPath).filename().string();
                options.quality = std::move(input);
            }
            options.qualityUnavailable = whyNot.toStdString();
            const auto data = report::buildReport(checkpoint, recipe, options, progress, stop);
            throwIfStopped(stop);
            report::writeReport(data, output);
            Written written;
            written.path = QFile::decodeName(output.c_str());
            written.summary
                = tr("Report written: %1 (%2 tensors, %3 bits/weight%4)")
                      .arg(QFileInfo(written.path).fileName())
                      .arg(data.tensors.size())
                      .arg(format::number(data.totals.bitsPerWeight, 4),
                          data.quality ? tr(", perplexity %1 → %2")
                                             .arg(format::number(data.quality->original.perplexity, 5),
                                                 format::number(data.quality->compressed.compared.perplexity, 5))
                                       : QString());
            return written;
        },
        [this](const Written& written) { Q_EMIT this->written(written.path, written.summary); });
}

} // namespace complab
