// Knowledge distillation's soft targets (Hinton, Vinyals and Dean 2015): the teacher's next-token
// distribution softened by a temperature T, p_i = exp(z_i / T) / Σ_j exp(z_j / T). At T = 1 it is the
// model's own prediction; a higher T lifts the unlikely tokens, which is the "dark knowledge" a
// student learns from. Plain maths on a logit vector, for the workshop's distillation demo.
#pragma once

#include <span>
#include <vector>

namespace complab {

// Probabilities in the logits' order, summing to 1 (computed in double, shifted by the largest logit
// so nothing overflows). Throws std::invalid_argument for an empty vector, a temperature that is not
// a positive finite number, or a logit that is NaN or infinite.
std::vector<double> softmaxAtTemperature(std::span<const float> logits, double temperature);

// Shannon entropy in bits (0 for a certain outcome, log2(n) for n equally likely ones).
double entropyBits(std::span<const double> probabilities);

// The perplexity of the distribution itself, 2^entropy: "as unsure as a choice among this many".
double effectiveChoices(std::span<const double> probabilities);

} // namespace complab
