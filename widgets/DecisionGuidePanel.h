// The seed's decision guide as a panel: five common situations; choosing one loads its recipe into
// the lab and says what to reach for first, the caveat, and what the recipe was set to.
#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace complab {

class LabState;

class DecisionGuidePanel : public QWidget
{
    Q_OBJECT
public:
    explicit DecisionGuidePanel(LabState* state, QWidget* parent = nullptr);

    QListWidget* situations() const { return m_list; }
    QString explanation() const;
    // Loads the recipe of situation `row` into the lab (what the button does).
    void applySituation(int row);

private:
    void showSituation(int row);

    LabState* m_state;
    QListWidget* m_list;
    QLabel* m_text;
    QPushButton* m_apply;
};

} // namespace complab
