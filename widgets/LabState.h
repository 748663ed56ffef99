// The lab's one source of truth: the recipe being composed, the estimator's constants, the open
// model's shape and the device the fit panel asks about. Every pane reads it and edits it; it
// recomputes the estimate (microseconds) on each change and tells the panes once.
#pragma once

#include "LabRecipe.h"
#include "estimate/Estimator.h"

#include <QObject>

#include <optional>

namespace complab {

class LabState : public QObject
{
    Q_OBJECT
public:
    explicit LabState(QObject* parent = nullptr);

    const LabRecipe& recipe() const { return m_recipe; }
    const EstimatorConstants& constants() const { return m_constants; }
    // The estimator's input for the current recipe, and its estimate under the chosen profile.
    const EstimateInput& input() const { return m_input; }
    const Estimate& estimate() const { return m_estimate; }
    // The same recipe under the other runtime profile (both VRAM figures are always shown).
    const Estimate& otherProfileEstimate() const { return m_otherEstimate; }
    // The most recent estimator error ("pruning fraction 1.5 is outside [0, 1)"); empty when fine.
    const QString& error() const { return m_error; }

    // The open checkpoint: its shape when config.json describes it, its parameter count, its name.
    bool hasLoadedModel() const { return m_loadedParameters > 0; }
    const Architecture* loadedArchitecture() const { return m_loadedArchitecture ? &*m_loadedArchitecture : nullptr; }
    double loadedParameters() const { return m_loadedParameters; }
    const QString& loadedName() const { return m_loadedName; }

    // The device the fit panel answers for; nullptr: none chosen.
    const HardwareTier* fitDevice() const { return m_fitDevice; }

    void setRecipe(const LabRecipe& recipe);
    void setConstants(const EstimatorConstants& constants);
    // Sets the open model and switches the recipe to "as loaded"; parameters 0 clears it.
    void setLoadedModel(std::optional<Architecture> architecture, double parameters, const QString& name);
    void setFitDevice(const HardwareTier* tier);

Q_SIGNALS:
    // After any change of recipe, constants, model or device, with the estimate already updated.
    void changed();

private:
    void recompute();

    LabRecipe m_recipe;
    EstimatorConstants m_constants;
    EstimateInput m_input;
    Estimate m_estimate;
    Estimate m_otherEstimate;
    QString m_error;
    std::optional<Architecture> m_loadedArchitecture;
    double m_loadedParameters = 0;
    QString m_loadedName;
    const HardwareTier* m_fitDevice = nullptr;
};

} // namespace complab
