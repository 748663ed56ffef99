// The Compression Lab main window: the summary cards and estimate charts in the middle, the recipe
// pane, fit panel, decision guide and constants as docks on one side, the model pane and the
// selected tensor's statistics on the other. Opening a model runs as a background job; docks,
// geometry, recent files, appearance, zoom and the last recipe are kept in the settings.
#pragma once

#include "recipe/Recipe.h"

#include <QMainWindow>
#include <QString>

#include <memory>
#include <optional>

class QDockWidget;
class QMenu;
class QTreeView;

namespace complab {

class Checkpoint;
struct LabRecipe;
class ComparePanel;
class ConstantsPanel;
class DecisionGuidePanel;
class EstimateChartView;
class EstimateCharts;
class FitPanel;
class JobRunner;
class LabState;
class HotSpotsPanel;
class MeasuredCharts;
class PruneMaskView;
class MessageBar;
class MetadataModel;
class ModelCardWidget;
class ModelPane;
class RecipePane;
class QualitySweepPanel;
class RunPanel;
class ReportExporter;
class SummaryCards;
class TensorStatsWidget;
class TensorTreeModel;
class WorkshopView;
enum class Appearance;
enum class ChartExportFormat;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a checkpoint file or folder in the background; errors appear in the message bar.
    void openPath(const QString& path);
    // The tensor to select once the next model has opened (a command-line choice).
    void selectTensorOnOpen(const QString& name) { m_tensorOnOpen = name; }
    // A checkpoint to compare the next model with once it has opened (a command-line choice).
    void compareOnOpen(const QString& path) { m_compareOnOpen = path; }
    // Sets the sliders and constants from a recipe file (and opens its checkpoint when the recipe was
    // made for one that is not open); saves them to one, atomically. Errors name the file and the key.
    bool openRecipe(const QString& path);
    bool saveRecipe(const QString& path);
    // Writes the report of the current recipe on the open model (format by extension), as a job.
    void exportReport(const QString& path);
    ReportExporter* reportExporter() const { return m_report; }
    // Adds a per-tensor rule in front of the recipe's others (the hot spots' "Keep at" button): the
    // cards, the charts and the measured views follow.
    void keepTensorAt(const QString& tensorName, const RecipeScheme& scheme);

    std::shared_ptr<const Checkpoint> checkpoint() const { return m_checkpoint; }
    QTreeView* tensorTree() const;
    TensorTreeModel* tensorModel() const;
    TensorStatsWidget* statsWidget() const { return m_stats; }
    ModelCardWidget* modelCard() const;
    MessageBar* messageBar() const { return m_messages; }
    MetadataModel* metadataModel() const;
    JobRunner* openRunner() const { return m_openRunner; }

    LabState* labState() const { return m_lab; }
    RecipePane* recipePane() const { return m_recipe; }
    SummaryCards* summaryCards() const { return m_cards; }
    EstimateCharts* charts() const { return m_charts; }
    FitPanel* fitPanel() const { return m_fit; }
    DecisionGuidePanel* guidePanel() const { return m_guide; }
    ConstantsPanel* constantsPanel() const { return m_constants; }
    MeasuredCharts* measuredCharts() const { return m_measured; }
    HotSpotsPanel* hotSpots() const { return m_hotSpots; }
    PruneMaskView* pruneMasks() const { return m_masks; }
    ComparePanel* comparePanel() const { return m_compare; }
    RunPanel* runPanel() const { return m_run; }
    QualitySweepPanel* qualityPanel() const { return m_quality; }
    // Workshop mode (View ▸ Workshop), made on first use and sharing the lab's state and model.
    WorkshopView* workshop();
    // Opens the workshop at a chapter (0-based), in presentation mode when asked.
    void showWorkshop(int chapter, bool presenting);
    // The recipe document the sliders extend (rules, calibration); null until one is opened, saved or edited.
    const Recipe* recipeDocument() const { return m_recipeDocument.get(); }

Q_SIGNALS:
    void checkpointOpened();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    QDockWidget* addDock(const QString& name, const QString& title, QWidget* content, Qt::DockWidgetArea area);
    void createMenus();
    void rebuildRecentMenu();
    void rememberRecent(const QString& path);
    void chooseFile();
    void chooseFolder();
    void chooseRecipeToOpen();
    void chooseRecipeToSave();
    void chooseReportToExport();
    Recipe recipeForExport() const;
    // toRecipeDocument() of the sliders over the recipe last opened or saved; Wanda or SparseGPT
    // pruning without a calibration text gets the one found beside the open checkpoint.
    Recipe documentOf(
        const LabRecipe& lab, const std::optional<RecipeSource>& source, QStringList* notes = nullptr) const;
    void setAppearance(Appearance appearance);
    // View ▸ Language: the choice is kept in the settings and applies from the next start (main.cpp).
    void addLanguageMenu(QMenu* menu);
    void zoomBy(int steps);
    void showAbout();
    void exportChart(EstimateChartView* view, ChartExportFormat format);
    void setCheckpoint(std::shared_ptr<const Checkpoint> checkpoint, qint64 milliseconds);

    std::shared_ptr<const Checkpoint> m_checkpoint;
    // The recipe last opened or saved: what the sliders cannot show is kept from it.
    std::unique_ptr<Recipe> m_recipeDocument;
    // A text beside the open checkpoint whose name contains "calibration" (the sample ships one).
    std::optional<CalibrationSettings> m_calibration;
    // The recipe (as JSON, without the source fingerprint) of the Run whose quality the card shows.
    std::string m_ranRecipe;
    JobRunner* m_openRunner;
    MessageBar* m_messages;
    LabState* m_lab;
    ModelPane* m_modelPane;
    TensorStatsWidget* m_stats;
    RecipePane* m_recipe;
    SummaryCards* m_cards;
    EstimateCharts* m_charts;
    FitPanel* m_fit;
    DecisionGuidePanel* m_guide;
    ConstantsPanel* m_constants;
    MeasuredCharts* m_measured;
    HotSpotsPanel* m_hotSpots;
    PruneMaskView* m_masks;
    ComparePanel* m_compare;
    RunPanel* m_run;
    ReportExporter* m_report;
    QualitySweepPanel* m_quality;
    WorkshopView* m_workshop = nullptr;
    int m_selectedTensor = -1;
    QString m_tensorOnOpen;
    QString m_compareOnOpen;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_recentMenu = nullptr;
    qreal m_baseFontSize = 0;
    int m_zoomSteps = 0;
};

} // namespace complab
