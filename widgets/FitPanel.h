// The fit panel: pick a device, and the lab answers the estimator's inverse questions for the
// current recipe on it (does it fit, the longest context that fits, the best scheme that fits, the
// largest real model that fits), colouring the verdict green, amber or red.
#pragma once

#include <QWidget>

#include <map>

class QComboBox;
class QFormLayout;
class QLabel;

namespace complab {

class LabState;

class FitPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FitPanel(LabState* state, QWidget* parent = nullptr);

    QComboBox* deviceBox() const { return m_device; }
    // "verdict", "budget", "context", "scheme", "model"
    QString field(const QString& name) const;

private:
    QLabel* addField(const QString& name, const QString& label, const QString& toolTip);
    void showAnswers();

    LabState* m_state;
    QComboBox* m_device;
    QFormLayout* m_form;
    std::map<QString, QLabel*> m_fields;
};

} // namespace complab
