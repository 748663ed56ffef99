// The fit panel: pick a device, and the lab answers the estimator's inverse questions for the
// current recipe on it (does it fit, the longest context that fits, the best scheme that fits, the
// largest real model that fits), colouring the verdict green, amber or red.
#pragma once

#include <QWidget>

#include <cstdint>
#include <map>

class QComboBox;
class QFormLayout;
class QLabel;
class QPushButton;

namespace complab {

class LabState;
struct Architecture;
struct QuantScheme;

class FitPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FitPanel(LabState* state, QWidget* parent = nullptr);

    QComboBox* deviceBox() const { return m_device; }
    // "verdict", "budget", "context", "scheme", "model"
    QString field(const QString& name) const;
    // The "Use" button beside the context, scheme and model answers: it puts the answer into the
    // recipe (the context slider stop at or below the longest context, the scheme's slider step,
    // the model's size); disabled when the recipe already has it or there is no answer.
    QPushButton* useButton(const QString& name) const;

private:
    QLabel* addField(const QString& name, const QString& label, const QString& toolTip, bool withUseButton = false);
    void showAnswers();
    void useAnswer(const QString& name);

    LabState* m_state;
    QComboBox* m_device;
    QFormLayout* m_form;
    std::map<QString, QLabel*> m_fields;
    std::map<QString, QPushButton*> m_useButtons;
    // The answers the buttons apply: 0 / nullptr when there is none.
    std::int64_t m_answerContext = 0;
    const QuantScheme* m_answerScheme = nullptr;
    const Architecture* m_answerModel = nullptr;
};

} // namespace complab
