// Workshop mode: the lab as a lesson in seven chapters that follow the seed article — the map, what
// quantisation does, the arithmetic, the lab, the techniques in depth, the landscape and the decision
// guide — each a live page on the open model (its own views of the shared LabState, its own jobs).
// Presentation mode shows it full screen in large type without the chapter list; the arrow keys,
// Page Up/Down and Space move between chapters, Escape leaves.
#pragma once

#include "recipe/Recipe.h"

#include <QWidget>

#include <functional>
#include <map>
#include <memory>
#include <utility>

class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace complab {

class ArithmeticPanel;
class Checkpoint;
class DecisionGuidePanel;
class EstimateCharts;
class LabState;
class MeasuredCharts;
class PruneMaskView;
class QuantRowDemo;
class RecipePane;
class SummaryCards;
class TechniqueMap;
class TemperatureDemo;

class WorkshopView : public QWidget
{
    Q_OBJECT
public:
    enum Chapter {
        MapChapter,
        QuantisationChapter,
        ArithmeticChapter,
        LabChapter,
        TechniquesChapter,
        LandscapeChapter,
        GuideChapter,
        ChapterCount
    };
    // The tabs of the techniques chapter, in TechniqueMap's order.
    enum Technique { QuantisationDemo, PruningDemo, DistillationDemo, LowRankDemo };

    explicit WorkshopView(LabState* state, QWidget* parent = nullptr);
    ~WorkshopView() override;

    // The recipe the measured demos use (the lab window's).
    void setRecipeProvider(std::function<Recipe()> provider);
    void setCheckpoint(std::shared_ptr<const Checkpoint> checkpoint);
    // The tensor chosen in the lab window (matrices only change the demos).
    void setTensor(int tensorIndex);
    // Called when the lab's recipe changes.
    void recipeChanged();

    int chapter() const;
    void setChapter(int chapter);
    void nextChapter();
    void previousChapter();
    QString chapterTitle(int chapter) const;
    // Opens the techniques chapter at one technique's demo.
    void showTechnique(int technique);

    bool isPresenting() const { return m_presenting; }
    // Full screen, large type, no chapter list; false returns to the window as it was.
    void setPresenting(bool presenting);

    QuantRowDemo* quantRow() const { return m_quantRow; }
    TemperatureDemo* temperatureDemo() const { return m_temperature; }
    PruneMaskView* masks() const { return m_masks; }
    MeasuredCharts* errorCharts() const { return m_errorCharts; }
    MeasuredCharts* spectrumCharts() const { return m_spectrumCharts; }
    TechniqueMap* map() const { return m_map; }
    ArithmeticPanel* arithmetic() const { return m_arithmetic; }
    RecipePane* recipePane() const { return m_recipe; }
    SummaryCards* cards() const { return m_cards; }
    EstimateCharts* labCharts() const { return m_labCharts; }
    SummaryCards* guideCards() const { return m_guideCards; }
    DecisionGuidePanel* guide() const { return m_guide; }
    EstimateCharts* footprint() const { return m_footprint; }
    EstimateCharts* landscape() const { return m_landscape; }
    EstimateCharts* qualityCurves() const { return m_qualityCurves; }
    QTabWidget* techniqueTabs() const { return m_techniques; }
    QListWidget* chapterList() const { return m_chapterList; }

Q_SIGNALS:
    void chapterChanged(int chapter);
    void presentingChanged(bool presenting);
    // The lab chapter's "Open the lab window" button.
    void labWindowRequested();

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void addChapter(const QString& title, const QString& lead, QWidget* content);
    QWidget* buildTechniques();
    QWidget* techniquePage(const QString& lead, QWidget* demo);
    void updateNavigation();
    void scaleFonts(double factor);

    LabState* m_state;
    QListWidget* m_chapterList;
    QStackedWidget* m_pages;
    QLabel* m_position;
    QPushButton* m_previous;
    QPushButton* m_next;
    QPushButton* m_present;
    QStringList m_titles;
    TechniqueMap* m_map;
    EstimateCharts* m_footprint;
    QuantRowDemo* m_quantRow;
    ArithmeticPanel* m_arithmetic;
    EstimateCharts* m_qualityCurves;
    RecipePane* m_recipe;
    SummaryCards* m_cards;
    EstimateCharts* m_labCharts;
    QTabWidget* m_techniques = nullptr;
    MeasuredCharts* m_errorCharts = nullptr;
    PruneMaskView* m_masks = nullptr;
    TemperatureDemo* m_temperature = nullptr;
    MeasuredCharts* m_spectrumCharts = nullptr;
    EstimateCharts* m_landscape;
    DecisionGuidePanel* m_guide;
    SummaryCards* m_guideCards;
    bool m_presenting = false;
    bool m_scaling = false;
    double m_fontScale = 1.0;
    QFont m_normalFont;
    QRect m_windowGeometry; // before presentation
    // The fonts presentation mode scales, as built: widgets that set their own size, and the charts'
    // titles, legends and axes (Qt Charts keeps those apart from the widgets' fonts).
    enum class FontRole { Widget, ChartTitle, Legend, AxisLabels, AxisTitle };
    std::map<std::pair<const void*, FontRole>, QFont> m_originalFonts;
};

} // namespace complab
