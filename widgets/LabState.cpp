#include "LabState.h"

#include <stdexcept>

namespace complab {

LabState::LabState(QObject* parent)
    : QObject(parent)
    , m_fitDevice(defaultHardwareTierTable().find("gpu-24gb"))
{
    recompute();
}

void LabState::setRecipe(const LabRecipe& recipe)
{
    if (recipe == m_recipe)
        return;
    m_recipe = recipe;
    recompute();
}

void LabState::setConstants(const EstimatorConstants& constants)
{
    if (constants == m_constants)
        return;
    m_constants = constants;
    recompute();
}

void LabState::setLoadedModel(std::optional<Architecture> architecture, double parameters, const QString& name)
{
    m_loadedArchitecture = std::move(architecture);
    m_loadedParameters = parameters;
    m_loadedName = name;
    m_recipe.useLoadedModel = parameters > 0;
    recompute();
}

void LabState::setFitDevice(const HardwareTier* tier)
{
    if (tier == m_fitDevice)
        return;
    m_fitDevice = tier;
    Q_EMIT changed();
}

void LabState::setStoragePlanner(StoragePlanner planner)
{
    m_planner = std::move(planner);
    recompute();
}

void LabState::recompute()
{
    // A value out of range keeps the last good estimate on screen and says why.
    try {
        EstimateInput input = toEstimateInput(m_recipe, loadedArchitecture(), m_loadedParameters);
        m_planned.reset();
        if (m_planner && m_recipe.useLoadedModel && hasLoadedModel())
            m_planned = m_planner(m_recipe);
        if (m_planned)
            input.bitsPerWeight = m_planned->bitsPerWeight;
        validateEstimateInput(input);
        m_estimate = complab::estimate(input, m_constants);
        EstimateInput other = input;
        other.runtime
            = input.runtime == RuntimeProfile::FirstOrder ? RuntimeProfile::LlamaCpp : RuntimeProfile::FirstOrder;
        m_otherEstimate = complab::estimate(other, m_constants);
        m_input = input;
        m_error.clear();
    } catch (const std::exception& error) {
        m_error = QString::fromStdString(error.what());
    }
    Q_EMIT changed();
}

} // namespace complab
