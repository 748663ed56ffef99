#include "RunPanel.h"

#include "EvaluationSetup.h"
#include "Format.h"
#include "JobRunner.h"
#include "io/Checkpoint.h"
#include "io/CheckpointError.h"
#include "model/EvaluationText.h"
#include "model/Evaluator.h"
#include "model/ModelWeights.h"
#include "model/Tokenizer.h"
#include "model/Transformer.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>

namespace complab {

namespace {

QTableWidgetItem* cell(const QString& text, bool number = false)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QString secondsText(double seconds)
{
    if (seconds < 60)
        return RunPanel::tr("%1 s").arg(QLocale().toString(seconds, 'f', seconds < 10 ? 1 : 0));
    return RunPanel::tr("%1 min %2 s").arg(int(seconds) / 60).arg(int(seconds) % 60);
}

} // namespace

RunPanel::RunPanel(QWidget* parent)
    : QWidget(parent)
    , m_runner(new JobRunner(this))
    , m_saveRunner(new JobRunner(this))
    , m_evaluationRunner(new JobRunner(this))
    , m_format(new QComboBox(this))
    , m_run(new QPushButton(tr("Run on the whole model"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_save(new QPushButton(tr("Save compressed model…"), this))
    , m_progress(new QProgressBar(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_rowTimer(new QTimer(this))
{
    m_rowTimer->setSingleShot(true);
    m_rowTimer->setInterval(100);
    connect(m_rowTimer, &QTimer::timeout, this, &RunPanel::flushRows);
    m_evaluation = new QLabel(this);
    m_evaluation->setWordWrap(true);
    m_evaluation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_format->addItem(tr("GGUF (llama.cpp)"), int(Format::Gguf));
    m_format->addItem(tr("safetensors (transformers)"), int(Format::Safetensors));
    m_format->setToolTip(tr("GGUF stores llama.cpp's block formats natively; other schemes (int4, NF4, FP8) are "
                            "written to safetensors as the values they round to"));
    m_run->setToolTip(tr("Compress every tensor with the recipe, exactly as compression-lab-cli apply would"));
    m_save->setEnabled(false);
    m_cancel->setEnabled(false);
    m_run->setEnabled(false);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setText(tr("Run compresses the whole model with the recipe into a temporary file; Save keeps it."));

    m_table->setHorizontalHeaderLabels({tr("Tensor"), tr("Stored as"), tr("Bits/weight"), tr("RMS error"),
        tr("Rel. error"), tr("SQNR"), tr("Zeroed")});
    m_table->horizontalHeaderItem(ErrorColumn)->setToolTip(tr("‖W − Ŵ‖ / ‖W‖"));
    m_table->horizontalHeaderItem(ZeroedColumn)
        ->setToolTip(tr("Weights that were not zero and are stored as exactly zero (pruning and rounding)"));
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideLeft); // the end of a tensor name tells which it is
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(TensorColumn, QHeaderView::Stretch);
    // Widths from the widest text each column can hold, set once: sizing to contents would measure
    // every cell again each time a row arrives.
    const QFontMetrics metrics(m_table->font());
    const QStringList widest = {QString(), QStringLiteral("int4 g128 (kept)"), QStringLiteral("16.000"),
        QStringLiteral("0.0000"), QStringLiteral("100.00 %"), QStringLiteral("100.0 dB"), QStringLiteral("100.0 %")};
    for (int column = StoredColumn; column < ColumnCount; ++column) {
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::Interactive);
        const int header = QFontMetrics(m_table->horizontalHeader()->font())
                               .horizontalAdvance(m_table->horizontalHeaderItem(column)->text());
        m_table->setColumnWidth(column, std::max(header, metrics.horizontalAdvance(widest[column])) + 24);
    }

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Format"), this));
    controls->addWidget(m_format);
    controls->addWidget(m_run);
    controls->addWidget(m_cancel);
    controls->addWidget(m_progress, 1);
    controls->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addWidget(m_summary);
    layout->addWidget(m_evaluation);
    layout->addWidget(m_table, 1);

    connect(m_run, &QPushButton::clicked, this, &RunPanel::run);
    connect(m_cancel, &QPushButton::clicked, this, &RunPanel::cancel);
    connect(m_save, &QPushButton::clicked, this, &RunPanel::chooseTarget);
    connect(m_runner, &JobRunner::progressChanged, this, [this](double fraction, const QString&) {
        m_progress->setValue(int(fraction * 1000));
        const double elapsed = double(m_clock.elapsed()) / 1000.0;
        if (fraction > 0.02 && elapsed > 1.0)
            m_summary->setText(
                tr("Compressing… %1 done, about %2 left")
                    .arg(format::percent(fraction, 0), secondsText(elapsed * (1 - fraction) / fraction)));
    });
    connect(m_runner, &JobRunner::failed, this, [this](const QString& message) {
        m_pendingRows.clear();
        m_table->setRowCount(0);
        m_summary->setText(format::errorHtml(message));
        Q_EMIT errorOccurred(message);
    });
    connect(m_runner, &JobRunner::cancelled, this, [this] {
        m_table->setRowCount(0);
        m_summary->setText(tr("Cancelled: nothing was written."));
    });
    connect(m_runner, &JobRunner::finished, this, [this] { setIdle(true); });
    connect(m_evaluationRunner, &JobRunner::started, this,
        [this] { m_evaluation->setText(tr("Measuring perplexity and KL divergence against the original…")); });
    connect(m_evaluationRunner, &JobRunner::progressChanged, this, [this](double fraction, const QString&) {
        m_evaluation->setText(
            tr("Measuring perplexity and KL divergence against the original… %1").arg(format::percent(fraction, 0)));
    });
    connect(m_evaluationRunner, &JobRunner::failed, this, [this](const QString& message) {
        m_evaluation->setText(tr("No quality measurement: %1").arg(message.toHtmlEscaped()));
    });
    connect(m_evaluationRunner, &JobRunner::cancelled, this, [this] { m_evaluation->clear(); });
    connect(m_saveRunner, &JobRunner::failed, this, [this](const QString& message) {
        m_summary->setText(format::errorHtml(message));
        Q_EMIT errorOccurred(message);
    });
}

RunPanel::~RunPanel()
{
    m_runner->cancel();
    m_evaluationRunner->cancel();
    m_runner->waitForIdle();
    m_evaluationRunner->waitForIdle();
    m_saveRunner->waitForIdle();
}

void RunPanel::setRecipeProvider(std::function<Recipe()> provider)
{
    m_recipeProvider = std::move(provider);
}

void RunPanel::setCheckpoint(std::shared_ptr<const Checkpoint> checkpoint)
{
    cancel();
    m_checkpoint = std::move(checkpoint);
    m_result.clear();
    m_measuredQuality.reset();
    m_output.clear();
    m_temporary.reset();
    m_table->setRowCount(0);
    m_progress->setValue(0);
    m_save->setEnabled(false);
    m_run->setEnabled(m_checkpoint != nullptr);
    // A GGUF source can only be re-exported to GGUF in the block formats; a safetensors one takes both.
    m_summary->setText(tr("Run compresses the whole model with the recipe into a temporary file; Save keeps it."));
}

void RunPanel::setFormat(Format format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

QString RunPanel::summaryText() const
{
    return m_summary->text();
}

void RunPanel::setIdle(bool idle)
{
    m_run->setEnabled(idle && m_checkpoint);
    m_format->setEnabled(idle);
    m_cancel->setEnabled(!idle);
    m_save->setEnabled(idle && !m_output.empty());
}

void RunPanel::cancel()
{
    ++m_generation; // late rows of the cancelled run are dropped
    m_pendingRows.clear();
    m_runner->cancel();
    m_evaluationRunner->cancel();
}

void RunPanel::setEvaluationText(const QString& path, std::int64_t predictions)
{
    m_evaluationTextPath = path;
    m_predictions = predictions;
}

QString RunPanel::evaluationText() const
{
    return m_evaluation->text();
}

void RunPanel::run()
{
    if (!m_checkpoint || !m_recipeProvider)
        return;
    Recipe recipe;
    try {
        recipe = m_recipeProvider();
    } catch (const std::exception& e) {
        Q_EMIT errorOccurred(QString::fromStdString(e.what()));
        return;
    }
    ++m_generation;
    const quint64 generation = m_generation;
    m_result.clear();
    m_output.clear();
    m_measuredQuality.reset();
    m_pendingRows.clear();
    m_table->setRowCount(0);
    m_evaluationRunner->cancel();
    m_evaluation->clear();
    m_temporary = std::make_unique<QTemporaryDir>();
    if (!m_temporary->isValid()) {
        Q_EMIT errorOccurred(tr("No temporary folder for the run: %1").arg(m_temporary->errorString()));
        return;
    }
    bool gguf = Format(m_format->currentData().toInt()) == Format::Gguf;
    QString note;
    if (const auto spec = recipe.quantization.spec(); gguf && spec && !spec->ggufStorageType()) {
        // llama.cpp has no type for this scheme: its values go to safetensors instead.
        gguf = false;
        setFormat(Format::Safetensors);
        note = tr("%1 has no GGUF type, so the run writes safetensors, holding its values at the model's own "
                  "precision (the file does not shrink). ")
                   .arg(QString::fromStdString(spec->name()));
    }
    const std::string stem = m_checkpoint->path().stem().string();
    const std::filesystem::path output = std::filesystem::path(QFile::encodeName(m_temporary->path()).toStdString())
        / (stem + "-" + recipe.quantization.scheme + (gguf ? ".gguf" : ".safetensors"));
    const auto checkpoint = m_checkpoint;
    QPointer<RunPanel> self(this);
    const auto onTensor = [self, generation](const TensorPlan& plan) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, plan] {
                if (self && self->m_generation == generation)
                    self->queueRow(plan);
            },
            Qt::QueuedConnection);
    };
    setIdle(false);
    m_progress->setValue(0);
    m_clock.start();
    m_summary->setText(note + tr("Compressing…"));
    m_runner->start<std::vector<TensorPlan>>(
        tr("Compressing the whole model"),
        [checkpoint, recipe, output, onTensor](Progress& progress, std::stop_token stop) {
            PipelineOptions options;
            options.output = output;
            options.onTensorDone = onTensor;
            Pipeline pipeline(checkpoint, recipe, options);
            return pipeline.run(progress, stop);
        },
        [this, output, generation, note, recipe](const std::vector<TensorPlan>& plans) {
            if (generation != m_generation)
                return;
            flushRows();
            // One pass over the finished table: the stored-as texts of pruned or factorised tensors are long.
            m_table->resizeColumnToContents(StoredColumn);
            m_table->setColumnWidth(StoredColumn, std::min(m_table->columnWidth(StoredColumn), m_table->width() / 3));
            m_result = plans;
            m_output = output;
            std::uint64_t sourceBytes = 0;
            for (const auto& info : m_checkpoint->tensors())
                sourceBytes += info.byteSize;
            std::error_code error;
            const auto written = std::filesystem::file_size(output, error);
            std::uint64_t weights = 0;
            for (const auto& plan : plans) {
                std::uint64_t elements = 1;
                for (const auto dimension : plan.shape)
                    elements *= std::uint64_t(dimension);
                weights += elements;
            }
            m_progress->setValue(1000);
            m_summary->setText(note
                + tr("Done in %1: %2 tensors, %3 written (%4 bits per weight over the file; the open "
                     "file holds %5). Save keeps it.")
                      .arg(secondsText(double(m_clock.elapsed()) / 1000.0))
                      .arg(plans.size())
                      .arg(format::bytes(written),
                          format::number(weights ? 8.0 * double(written) / double(weights) : 0.0, 3),
                          format::bytes(sourceBytes)));
            Q_EMIT runFinished();
            evaluate(recipe);
        });
}

namespace {

struct Evaluation
{
    PerplexityResult original;
    ComparisonResult compared;
    std::size_t replaced = 0;
    QString tokenizer;
    QString whyNot; // set when the model cannot be evaluated
};

} // namespace

void RunPanel::evaluate(const Recipe& recipe)
{
    if (m_evaluationTextPath.isEmpty() || !m_checkpoint)
        return;
    const auto checkpoint = m_checkpoint;
    const std::string textPath = QFile::encodeName(m_evaluationTextPath).toStdString();
    const auto predictions = m_predictions;
    m_evaluationRunner->start<Evaluation>(
        tr("Measuring quality against the original"),
        [checkpoint, recipe, textPath, predictions](Progress& progress, std::stop_token stop) {
            Evaluation result;
            // Finding and reading the tokenizer touches files: here, not on the GUI thread.
            const std::shared_ptr<const Tokenizer> tokenizer = evaluationTokenizer(*checkpoint, &result.whyNot);
            if (!tokenizer)
                return result;
            result.tokenizer = QString::fromStdString(tokenizer->description());
            auto setup = prepareEvaluation(*checkpoint, *tokenizer, textPath, predictions);
            const auto& weights = setup.weights;
            // The exported values, tensor by tensor, in place of the originals (nothing re-read from disk).
            const Pipeline pipeline(checkpoint, recipe, PipelineOptions{});
            const ModelWeights::Overrides overrides = pipeline.changedValues(
                [&weights](const std::string& name) { return weights->find(name) != nullptr; }, stop,
                [&progress](
                    std::size_t done, std::size_t total) { progress.report(0.3 * double(done) / double(total)); });
            result.replaced = overrides.size();
            const auto compressed = weights->withOverrides(overrides);
            Progress quiet;
            const auto baseline
                = EvaluationBaseline::compute(Transformer(weights), std::move(setup.windows), quiet, stop);
            progress.report(0.65);
            result.original = baseline->perplexity();
            result.compared = compareToBaseline(*baseline, Transformer(compressed), quiet, stop);
            progress.report(1.0);
            return result;
        },
        [this](const Evaluation& result) {
            if (!result.whyNot.isEmpty()) {
                m_evaluation->setText(tr("Quality not measured: %1.").arg(result.whyNot.toHtmlEscaped()));
                return;
            }
            const auto& compared = result.compared;
            m_measuredQuality = compared;
            m_evaluation->setText(tr(
                "<b>Measured quality</b> on %1 tokens of %2: perplexity %3 → %4 (%5), KL divergence %6 nats per token, "
                "the same top token %7 of the time (%8 tensors replaced by their exported values; tokenizer: %9).")
                                      .arg(QLocale().toString(qlonglong(compared.base.tokens)))
                                      .arg(QFileInfo(m_evaluationTextPath).fileName().toHtmlEscaped())
                                      .arg(QLocale().toString(compared.base.perplexity, 'f', 3))
                                      .arg(QLocale().toString(compared.compared.perplexity, 'f', 3))
                                      .arg((compared.perplexityRatio >= 1 ? QStringLiteral("+") : QString())
                                          + format::percent(compared.perplexityRatio - 1.0, 1))
                                      .arg(format::number(compared.meanKld, 3))
                                      .arg(format::percent(compared.sameTopFraction, 1))
                                      .arg(result.replaced)
                                      .arg(result.tokenizer.toHtmlEscaped()));
            Q_EMIT evaluated();
        });
}

void RunPanel::queueRow(const TensorPlan& plan)
{
    m_pendingRows.push_back(plan);
    if (!m_rowTimer->isActive())
        m_rowTimer->start();
}

void RunPanel::flushRows()
{
    m_rowTimer->stop();
    if (m_pendingRows.empty())
        return;
    m_table->setUpdatesEnabled(false);
    for (const auto& plan : m_pendingRows)
        addRow(plan);
    m_pendingRows.clear();
    m_table->scrollToItem(m_table->item(m_table->rowCount() - 1, TensorColumn));
    m_table->setUpdatesEnabled(true);
}

void RunPanel::addRow(const TensorPlan& plan)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, TensorColumn, cell(format::tensorLabel(plan.outputName)));
    m_table->item(row, TensorColumn)
        ->setToolTip(plan.outputName == plan.sourceName
                ? QString::fromStdString(plan.outputName)
                : tr("%1\n(%2 in the open file)")
                      .arg(QString::fromStdString(plan.outputName), QString::fromStdString(plan.sourceName)));
    QString stored
        = plan.spec ? QString::fromStdString(plan.spec->name()) : QString::fromUtf8(dtypeName(plan.storedAs));
    for (const auto& step : plan.steps)
        stored = QString::fromStdString(step) + QStringLiteral(" + ") + stored;
    if (!plan.spec && plan.steps.empty())
        stored += tr(" (kept)");
    m_table->setItem(row, StoredColumn, cell(stored));
    if (plan.metrics) {
        const auto& metrics = *plan.metrics;
        m_table->setItem(row, BitsColumn, cell(format::number(metrics.bitsPerWeight, 3), true));
        m_table->setItem(row, RmsColumn, cell(format::number(metrics.rmsError, 3), true));
        m_table->setItem(row, ErrorColumn, cell(format::percent(metrics.relativeError, 2), true));
        m_table->setItem(row, SqnrColumn,
            cell(std::isfinite(metrics.sqnrDb) ? QLocale().toString(metrics.sqnrDb, 'f', 1) + QStringLiteral(" dB")
                                               : tr("exact"),
                true));
        m_table->setItem(row, ZeroedColumn, cell(format::percent(metrics.becameZeroFraction, 1), true));
    } else {
        m_table->setItem(row, BitsColumn, cell(format::number(dtypeBitsPerWeight(plan.storedAs), 3), true));
        for (const int column : {RmsColumn, ErrorColumn, SqnrColumn, ZeroedColumn})
            m_table->setItem(row, column, cell(QStringLiteral("—"), true));
    }
}

void RunPanel::chooseTarget()
{
    if (m_output.empty())
        return;
    const QString suggested
        = QFileInfo(QString::fromStdString(m_checkpoint->path().parent_path().string())).absoluteFilePath()
        + QLatin1Char('/') + QString::fromStdString(m_output.filename().string());
    const QString path = QFileDialog::getSaveFileName(this, tr("Save compressed model"), suggested,
        m_output.extension() == ".gguf" ? tr("GGUF (*.gguf)") : tr("safetensors (*.safetensors)"));
    if (!path.isEmpty())
        saveTo(path);
}

void RunPanel::saveTo(const QString& path)
{
    if (m_output.empty())
        return;
    const std::filesystem::path source = m_output;
    const std::filesystem::path target = QFile::encodeName(path).toStdString();
    const auto input = m_checkpoint ? m_checkpoint->path() : std::filesystem::path();
    m_summary->setText(tr("Saving %1…").arg(QFileInfo(path).fileName()));
    m_saveRunner->start<bool>(
        tr("Saving %1").arg(QFileInfo(path).fileName()),
        [source, target, input](Progress&, std::stop_token) {
            std::error_code error;
            if (!input.empty() && std::filesystem::equivalent(target, input, error))
                throw CheckpointError(target, "is the open checkpoint: the lab never overwrites its input");
            const auto partial = std::filesystem::path(target.string() + ".partial");
            requireFreeSpace(partial, std::filesystem::file_size(source));
            if (!std::filesystem::copy_file(
                    source, partial, std::filesystem::copy_options::overwrite_existing, error)) {
                std::filesystem::remove(partial, error);
                throw CheckpointError(target, "could not be written: " + error.message());
            }
            std::filesystem::rename(partial, target, error);
            if (error) {
                std::filesystem::remove(partial);
                throw CheckpointError(target, "could not be written: " + error.message());
            }
            return true;
        },
        [this, path](const bool&) {
            m_summary->setText(tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
            Q_EMIT saved(path);
        });
}

} // namespace complab
