// The recipe pane: one slider or choice per compression knob, each with its value and unit beside
// it and a tooltip that teaches the idea. Edits go straight into the LabState; changes made
// elsewhere (decision guide, restored settings) move the controls back into line.
#pragma once

#include <QWidget>

#include <map>
#include <vector>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QSlider;
class QSpinBox;

namespace complab {

class LabState;

class RecipePane : public QWidget
{
    Q_OBJECT
public:
    explicit RecipePane(LabState* state, QWidget* parent = nullptr);

    // By name, for tests and the responsiveness harness: "size", "precision", "groupSize", "prune",
    // "distill", "lowRank", "context".
    QSlider* slider(const QString& name) const;
    QStringList sliderNames() const;
    // The value label beside a slider (same names), or "architecture" for the assumed shape.
    QString valueText(const QString& name) const;
    QComboBox* kvTypeBox() const { return m_kvType; }
    QComboBox* runtimeBox() const { return m_runtime; }
    QComboBox* pruneMethodBox() const { return m_pruneMethod; }
    QSpinBox* batchBox() const { return m_batch; }
    QCheckBox* asLoadedBox() const { return m_asLoaded; }

private:
    QSlider* addSlider(const QString& name, const QString& label, int maximum, const QString& toolTip);
    void addRow(const QString& label, QWidget* field, const QString& toolTip);
    void readControls();
    void showState();

    LabState* m_state;
    QGridLayout* m_grid;
    int m_row = 0;
    std::map<QString, std::pair<QSlider*, QLabel*>> m_sliders;
    QCheckBox* m_asLoaded;
    QLabel* m_architecture;
    QComboBox* m_pruneMethod;
    QSpinBox* m_batch;
    QComboBox* m_kvType;
    QComboBox* m_runtime;
    QCheckBox* m_flashAttention;
    std::vector<QWidget*> m_focusOrder; // visual order, top to bottom
    bool m_syncing = false;
};

} // namespace complab
