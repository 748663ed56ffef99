// Run: the whole model compressed with the current recipe by the real pipeline (the one
// `compression-lab-cli apply` runs), on a background job, into a temporary file; the tensor table
// fills as each tensor is done, with progress and an estimate of the time left; Cancel leaves no
// file and no half-filled table. "Save compressed model…" then copies the result atomically.
#pragma once

#include "model/Evaluator.h"
#include "recipe/Pipeline.h"
#include "recipe/Recipe.h"

#include <QElapsedTimer>
#include <QWidget>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;
class QTemporaryDir;

namespace complab {

class Checkpoint;
class JobRunner;

class RunPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column {
        TensorColumn,
        StoredColumn,
        BitsColumn,
        RmsColumn,
        ErrorColumn,
        SqnrColumn,
        ZeroedColumn,
        ColumnCount
    };
    enum class Format { Gguf, Safetensors };

    explicit RunPanel(QWidget* parent = nullptr);
    ~RunPanel() override;

    // The recipe to run: the document File ▸ Save Recipe would write.
    void setRecipeProvider(std::function<Recipe()> provider);
    void setCheckpoint(std::shared_ptr<const Checkpoint> checkpoint);
    void setFormat(Format format);
    // The text perplexity and KL divergence are measured on after a run (UTF-8, documents separated
    // by <|endoftext|>); empty: no evaluation. `predictions` caps the tokens predicted.
    void setEvaluationText(const QString& path, std::int64_t predictions = 4096);

    void run();
    void cancel();
    // Copies the last result to `path` (written as path.partial, then renamed). Errors name the file.
    void saveTo(const QString& path);

    JobRunner* runner() const { return m_runner; }
    QTableWidget* table() const { return m_table; }
    // The finished run's plans with metrics (empty while running, after a cancel or an error).
    const std::vector<TensorPlan>& result() const { return m_result; }
    // The last evaluation's comparison with the original (nullopt before one, or when the model
    // could not be run).
    const std::optional<ComparisonResult>& measuredQuality() const { return m_measuredQuality; }
    // The finished run's file (empty when there is none).
    std::filesystem::path outputPath() const { return m_output; }
    QString summaryText() const;
    QString evaluationText() const;
    JobRunner* evaluationRunner() const { return m_evaluationRunner; }

Q_SIGNALS:
    void runFinished();
    void evaluated();
    void saved(const QString& path);
    void errorOccurred(const QString& message);

private:
    void chooseTarget();
    void addRow(const TensorPlan& plan);
    // Rows arrive as tensors finish, often many within a frame: they are queued and added together at
    // most every 100 ms, so the table is laid out and painted once per batch rather than once per tensor.
    void queueRow(const TensorPlan& plan);
    void flushRows();
    void setIdle(bool idle);
    void evaluate(const Recipe& recipe);

    std::function<Recipe()> m_recipeProvider;
    std::shared_ptr<const Checkpoint> m_checkpoint;
    JobRunner* m_runner;
    JobRunner* m_saveRunner;
    JobRunner* m_evaluationRunner;
    QString m_evaluationTextPath;
    std::int64_t m_predictions = 4096;
    QLabel* m_evaluation;
    QComboBox* m_format;
    QPushButton* m_run;
    QPushButton* m_cancel;
    QPushButton* m_save;
    QProgressBar* m_progress;
    QLabel* m_summary;
    QTableWidget* m_table;
    std::unique_ptr<QTemporaryDir> m_temporary;
    std::filesystem::path m_output;
    std::vector<TensorPlan> m_result;
    std::optional<ComparisonResult> m_measuredQuality;
    std::vector<TensorPlan> m_pendingRows;
    QTimer* m_rowTimer;
    quint64 m_generation = 0;
    QElapsedTimer m_clock;
};

} // namespace complab
