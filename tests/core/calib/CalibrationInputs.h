// Test inputs for the calibrated methods: real layers of the lab's sample model and fixed-seed
// calibration inputs X with the structure real activations have — a heavy-tailed scale per input
// channel (log-normal, plus a few outlier channels ×20, as LLM.int8 and AWQ report) and correlated
// channels (a shared low-rank component). Deterministic (std::mt19937_64 + Box-Muller).
#pragma once

#include "io/Checkpoint.h"
#include "prune/WeightMatrix.h"

#include <Eigen/Core>

#include <cmath>
#include <optional>
#include <random>
#include <string>

namespace complab::test {

inline Eigen::MatrixXf normalMatrix(Eigen::Index rows, Eigen::Index columns, std::uint64_t seed)
{
    std::mt19937_64 generator(seed);
    const auto uniform = [&] { return (static_cast<double>(generator() >> 11) + 0.5) * 0x1.0p-53; };
    Eigen::MatrixXf values(rows, columns);
    for (Eigen::Index i = 0; i < values.size(); ++i)
        values.data()[i] = static_cast<float>(std::sqrt(-2.0 * std::log(uniform())) * std::cos(2.0 * M_PI * uniform()));
    return values;
}

// tokens × features. The channel scales depend on structureSeed only, so two draws with the same
// structureSeed and different tokenSeeds come from the same distribution (calibration vs held out).
inline Eigen::MatrixXf realisticInputs(
    Eigen::Index tokens, Eigen::Index features, std::uint64_t structureSeed, std::uint64_t tokenSeed)
{
    const Eigen::MatrixXf channel = normalMatrix(features, 1, structureSeed);
    Eigen::VectorXf scale = (0.8f * channel.col(0).array()).exp();
    for (Eigen::Index j = 0; j < features; j += features / 4 + 7) // a few outlier channels
        scale[j] *= 20.0f;
    const Eigen::MatrixXf mixing = normalMatrix(8, features, structureSeed + 1) * 0.6f; // shared low-rank part
    const Eigen::MatrixXf x
        = normalMatrix(tokens, features, tokenSeed) + normalMatrix(tokens, 8, tokenSeed + 1) * mixing;
    return x * scale.asDiagonal();
}

// A real weight of lab-tinystories, or nullopt when the shared data is absent.
inline std::optional<Eigen::MatrixXf> sampleModelWeight(const std::string& name)
{
    const std::string path = COMPLAB_SHARED_DATA_DIR "/models/lab-tinystories/model.safetensors";
    if (!std::filesystem::exists(path))
        return std::nullopt;
    const auto checkpoint = openCheckpoint(path);
    const auto index = checkpoint->indexOf(name);
    if (!index)
        return std::nullopt;
    return loadWeightMatrix(checkpoint->tensor(*index));
}

} // namespace complab::test
