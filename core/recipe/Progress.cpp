#include "recipe/Progress.h"

#include <algorithm>

namespace complab {

Progress::Progress(Callback callback, double minimumStep)
    : m_callback(std::move(callback))
    , m_minimumStep(minimumStep)
{ }

void Progress::report(double fraction)
{
    fraction = std::clamp(fraction, 0.0, 1.0);
    double current = m_fraction.load(std::memory_order_relaxed);
    while (fraction > current && !m_fraction.compare_exchange_weak(current, fraction, std::memory_order_relaxed)) { }
    if (fraction <= current && fraction < 1.0)
        return; // another thread already reported further
    if (!m_callback)
        return;
    if (fraction < 1.0 && fraction - m_lastReported.load(std::memory_order_relaxed) < m_minimumStep)
        return;
    std::lock_guard lock(m_mutex);
    if (fraction < 1.0 && fraction - m_lastReported.load(std::memory_order_relaxed) < m_minimumStep)
        return;
    emitLocked(fraction);
}

void Progress::setStep(std::string step, double fraction)
{
    fraction = std::clamp(fraction, 0.0, 1.0);
    double current = m_fraction.load(std::memory_order_relaxed);
    while (fraction > current && !m_fraction.compare_exchange_weak(current, fraction, std::memory_order_relaxed)) { }
    std::lock_guard lock(m_mutex);
    m_step = std::move(step);
    if (m_callback)
        emitLocked(std::max(fraction, current));
}

void Progress::emitLocked(double fraction)
{
    m_lastReported.store(fraction, std::memory_order_relaxed);
    m_callback(fraction, m_step);
}

} // namespace complab
