// Fixed-seed normally distributed test values (Box-Muller over QRandomGenerator), shared by the
// statistics and quantisation tests.
#pragma once

#include <QRandomGenerator>

#include <cmath>
#include <vector>

namespace complab::test {

inline std::vector<float> gaussianValues(std::size_t count, double mean, double spread, quint32 seed)
{
    QRandomGenerator random(seed);
    std::vector<float> values(count);
    for (auto& value : values) {
        const double u1 = 1.0 - random.generateDouble(); // in (0, 1]: log stays finite
        const double u2 = random.generateDouble();
        value = static_cast<float>(mean + spread * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2));
    }
    return values;
}

} // namespace complab::test
