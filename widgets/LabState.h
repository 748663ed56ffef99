// The lab's one source of truth: the recipe being composed, the estimator's constants, the open
// model's shape and the device the fit panel asks about. Every pane reads it and edits it; it
// recomputes the estimate (microseconds) on each change and tells the panes once.
#pragma once

#include "LabRecipe.h"
#include "estimate/Estimator.h"

#include <QObject>

#include <functional>
#include <optional>

namespace complab {

// The types the recipe gives the open model's own tensors (per-tensor rules included), summed over
// their shapes: the storage a file in the scheme's native format would need, not a rule of thumb.
struct PlannedStorage
{
    double bitsPerWeight = 0; // over every weight of the model, scales and kept tensors included
    double weights = 0;
    std::size_t tensors = 0;
    std::size_t quantised = 0; // tensors the recipe's schemes apply to
    std::size_t rules = 0; // per-tensor rules of the recipe
    bool operator==(const PlannedStorage&) const = default;
};

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
    // Plans the open model's storage for a recipe (microseconds: the header only). While it answers,
    // the estimate's bits per weight are the planned ones, so the cards and charts count the tensors
    // kept in their own type and the per-tensor rules. nullptr or nullopt: the scheme's nominal bits.
    using StoragePlanner = std::function<std::optional<PlannedStorage>(const LabRecipe&)>;
    void setStoragePlanner(StoragePlanner planner);
    const std::optional<PlannedStorage>& plannedStorage() const { return m_planned; }
    // Recomputes after a change the lab recipe does not hold (a per-tensor rule).
    void refresh() { recompute(); }

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
    StoragePlanner m_planner;
    std::optional<PlannedStorage> m_planned;
};

} // namespace complab
