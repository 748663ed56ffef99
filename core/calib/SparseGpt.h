// SparseGPT (Frantar & Alistarh 2023): prune while reconstructing. Columns are walked in blocks; at
// each block (unstructured) or every M columns (N:M) the weights with the smallest w²/U(j,j)² are
// chosen to go — the OBS saliency under the damped inverse Hessian — and each removed weight's
// error is compensated on the columns still to come, as in GPTQ. Masks are chosen per output row
// (the same fraction of every row in every block), which keeps rows independent and parallel.
#pragma once

#include "prune/PruneMask.h"

namespace complab {

struct SparseGptOptions
{
    Eigen::Index blockSize = 128;
    double dampening = 0.01;
};

// spec: unstructured (PerRow or PerTensor scope both mean per row here) or N:M; hessian: 2XᵀX/n.
// Throws std::invalid_argument for a Global spec, a shape the spec cannot take or a Hessian of the
// wrong size; Cancelled.
PruneResult sparseGptPrune(const Eigen::MatrixXf& weight, const Eigen::MatrixXd& hessian, const PruneSpec& spec,
    const SparseGptOptions& options, Progress& progress, std::stop_token stop);

PruneResult sparseGptPruneWithInputs(const Eigen::MatrixXf& weight, const Eigen::MatrixXf& inputs,
    const PruneSpec& spec, const SparseGptOptions& options, Progress& progress, std::stop_token stop);

} // namespace complab
