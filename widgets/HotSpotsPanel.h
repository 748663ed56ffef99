// Hot spots: every tensor of the open checkpoint compressed with the current recipe (a background
// job, nothing written), ranked by the relative error the recipe leaves in it, each with a button
// that keeps that tensor at higher precision by adding a per-tensor rule to the recipe. Above the
// table, the measured totals for the whole model, so a promotion's cost in bytes shows at once.
#pragma once

#include "recipe/Pipeline.h"
#include "recipe/Recipe.h"

#include <QMetaType>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

namespace complab {

class Checkpoint;
class JobRunner;

// The scheme one step more precise than `scheme` (int2…int7 → int8, K-quants → q6_k, q6_k and the
// legacy ggml blocks → q8_0, 4-bit floats → int8, everything else → keep), as a recipe rule holds it.
RecipeScheme promotedScheme(const RecipeScheme& scheme);

class HotSpotsPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column {
        RankColumn,
        TensorColumn,
        SchemeColumn,
        BitsColumn,
        ErrorColumn,
        SqnrColumn,
        ActionColumn,
        ColumnCount
    };

    explicit HotSpotsPanel(QWidget* parent = nullptr);
    ~HotSpotsPanel() override;

    void setRecipeProvider(std::function<Recipe()> provider);
    void setCheckpoint(std::shared_ptr<const Checkpoint> checkpoint);
    // The recipe changed: measure again (after a pause, and only while the panel is shown).
    void recipeChanged();
    void setDebounceMilliseconds(int milliseconds);
    // Starts measuring now when there is something to measure.
    void measureNow();

    JobRunner* runner() const { return m_runner; }
    QTableWidget* table() const { return m_table; }
    // Measured tensors, worst first (tests).
    const std::vector<TensorPlan>& ranking() const { return m_ranking; }
    QString summaryText() const;

Q_SIGNALS:
    // The user asked to keep this tensor (source name) at `scheme`.
    void promoteRequested(const QString& tensorName, const complab::RecipeScheme& scheme);
    void measured();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void start();
    void showRanking(std::vector<TensorPlan> plans);

    std::function<Recipe()> m_recipeProvider;
    std::shared_ptr<const Checkpoint> m_checkpoint;
    JobRunner* m_runner;
    QTimer* m_debounce;
    bool m_dirty = false;
    QLabel* m_summary;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QTableWidget* m_table;
    std::vector<TensorPlan> m_ranking;
};

} // namespace complab

Q_DECLARE_METATYPE(complab::RecipeScheme)
