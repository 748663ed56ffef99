// The workshop's third chapter: the estimator's three equations — footprint, effective parameters,
// quality retained — written out with the current recipe's numbers substituted, above the editable
// constants (a change there rewrites every line and every card at once).
#pragma once

#include <QWidget>

#include <array>

class QLabel;

namespace complab {

class ConstantsPanel;
class LabState;

class ArithmeticPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ArithmeticPanel(LabState* state, QWidget* parent = nullptr);
    // 0: footprint, 1: effective parameters, 2: quality retained (the text shown).
    QString equationText(int equation) const;
    ConstantsPanel* constants() const { return m_constants; }

private:
    void showState();

    LabState* m_state;
    std::array<QLabel*, 3> m_equations{};
    ConstantsPanel* m_constants;
};

} // namespace complab
