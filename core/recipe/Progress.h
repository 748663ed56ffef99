// Progress and cancellation for core jobs, in plain C++ (no Qt): a job reports the fraction done
// and the current step; the callback is throttled so that a GUI is not flooded; cancellation is a
// std::stop_token that jobs poll between tensors and between blocks of rows, never per element.
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <stop_token>
#include <string>

namespace complab {

// Thrown by a job that noticed its stop token; the job runner treats it as "cancelled", not as an error.
class Cancelled : public std::runtime_error
{
public:
    Cancelled()
        : std::runtime_error("cancelled")
    { }
};

inline void throwIfStopped(const std::stop_token& token)
{
    if (token.stop_requested())
        throw Cancelled();
}

class Progress
{
public:
    using Callback = std::function<void(double fraction, const std::string& step)>;

    // minimumStep: the callback fires only when the fraction moved at least this much (default 0.1 %).
    explicit Progress(Callback callback = {}, double minimumStep = 0.001);

    // Thread-safe; may be called from inside parallel loops. Fractions are clamped to [0, 1] and
    // never go backwards.
    void report(double fraction);
    // Names the current step and reports it at once.
    void setStep(std::string step, double fraction);

    double fraction() const { return m_fraction.load(std::memory_order_relaxed); }

private:
    void emitLocked(double fraction);

    Callback m_callback;
    double m_minimumStep;
    std::atomic<double> m_fraction{0.0};
    std::atomic<double> m_lastReported{-1.0};
    std::mutex m_mutex;
    std::string m_step;
};

} // namespace complab
