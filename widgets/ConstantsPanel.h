// The constants view: the estimator's rule-of-thumb constants, editable and resettable, each with
// its sources, above a runtime-profile switch that shows the recipe's VRAM under both profiles.
#pragma once

#include <QWidget>

class QLabel;
class QRadioButton;
class QTableView;

namespace complab {

class ConstantsModel;
class LabState;

class ConstantsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ConstantsPanel(LabState* state, QWidget* parent = nullptr);

    ConstantsModel* model() const { return m_model; }
    QRadioButton* firstOrderButton() const { return m_firstOrder; }
    QRadioButton* llamaCppButton() const { return m_llamaCpp; }
    QString message() const;

private:
    void showState();

    LabState* m_state;
    ConstantsModel* m_model;
    QTableView* m_view;
    QRadioButton* m_firstOrder;
    QRadioButton* m_llamaCpp;
    QLabel* m_message;
};

} // namespace complab
