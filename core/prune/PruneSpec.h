// What a pruner is asked to do: which scores decide (magnitude, Wanda, SparseGPT), the pattern
// (unstructured or N:M along the input dimension) and over what the sparsity is counted (a whole
// tensor, each output row, or the whole model with one threshold).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace complab {

enum class PruneMethod : std::uint8_t {
    Magnitude, // score |W_ij|
    Wanda, // score |W_ij| · ‖X_j‖₂ (Sun et al. 2023), needs calibration inputs
    SparseGPT, // OBS reconstruction with the inverse Hessian (Frantar & Alistarh 2023), needs calibration inputs
};

enum class SparsityPattern : std::uint8_t {
    Unstructured,
    NOfM, // exactly keepN of every groupM consecutive weights of a row are kept (2:4, 4:8)
};

enum class PruneScope : std::uint8_t {
    PerTensor, // the lowest-scoring sparsity · rows · columns weights of the tensor
    PerRow, // the same fraction of every output row
    Global, // one threshold over every tensor pruned together
};

struct PruneSpec
{
    PruneMethod method = PruneMethod::Magnitude;
    SparsityPattern pattern = SparsityPattern::Unstructured;
    PruneScope scope = PruneScope::PerTensor;
    double sparsity = 0.5; // fraction of weights removed (unstructured)
    int keepN = 2; // N:M
    int groupM = 4;

    static PruneSpec unstructured(double sparsity, PruneScope scope = PruneScope::PerTensor);
    static PruneSpec nOfM(int keepN, int groupM);
    // "2:4" -> {2, 4}; nullopt unless 0 < N < M ≤ 64.
    static std::optional<std::pair<int, int>> parsePattern(std::string_view text);

    // "50 % per row", "2:4"
    std::string name() const;
    // The fraction of weights the spec removes.
    double targetSparsity() const;
    // Why this spec cannot take a [rows, columns] matrix, or empty when it can.
    std::string whyNotApplicable(std::uint64_t rows, std::uint64_t columns) const;

    bool operator==(const PruneSpec&) const = default;
};

} // namespace complab
