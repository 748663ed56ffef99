#include "TemperatureSoftmax.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace complab {

std::vector<double> softmaxAtTemperature(std::span<const float> logits, double temperature)
{
    if (logits.empty())
        throw std::invalid_argument("softmax of an empty logit vector");
    if (!std::isfinite(temperature) || temperature <= 0)
        throw std::invalid_argument("temperature " + std::to_string(temperature) + " is not a positive number");
    for (std::size_t i = 0; i < logits.size(); ++i)
        if (!std::isfinite(logits[i]))
            throw std::invalid_argument("logit " + std::to_string(i) + " is not a finite number");
    const double largest = *std::max_element(logits.begin(), logits.end());
    std::vector<double> probabilities(logits.size());
    double sum = 0;
    for (std::size_t i = 0; i < logits.size(); ++i) {
        probabilities[i] = std::exp((double(logits[i]) - largest) / temperature);
        sum += probabilities[i];
    }
    for (double& p : probabilities)
        p /= sum;
    return probabilities;
}

double entropyBits(std::span<const double> probabilities)
{
    double entropy = 0;
    for (const double p : probabilities)
        if (p > 0)
            entropy -= p * std::log2(p);
    return std::max(0.0, entropy);
}

double effectiveChoices(std::span<const double> probabilities)
{
    return std::exp2(entropyBits(probabilities));
}

} // namespace complab
