// What `prune` and `lowrank` share: choosing which tensors of a checkpoint to rewrite (2-D weight
// matrices; embeddings and the classifier are left alone unless --tensor names them), writing the
// result atomically as safetensors (rewritten weights in the input's float dtype, everything else
// byte for byte), and the per-tensor report with its JSON form.
#pragma once

#include "io/Checkpoint.h"

#include <Eigen/Core>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace complab::cli {

struct RewrittenTensor
{
    std::string name;
    bool rewritten = false;
    std::string keptBecause;
    DType storedAs = DType::F32;
    double relativeError = 0.0; // ‖W − Ŵ‖ / ‖W‖ of what the file holds
    double sparsity = 0.0; // fraction of exact zeros in what the file holds
    std::optional<double> outputRelativeError;
    nlohmann::json details = nlohmann::json::object(); // method-specific fields
};

// The plan: one entry per tensor of the checkpoint, `rewritten` set for the ones to change.
std::vector<RewrittenTensor> planRewrite(const Checkpoint& checkpoint, const std::string& tensorRegex);

// Writes output (.safetensors only; never the input). rewrite(i, W) returns the new weight of a
// planned tensor; its error and sparsity are measured here on the encoded values.
void writeRewritten(const Checkpoint& checkpoint, const std::filesystem::path& output,
    std::vector<RewrittenTensor>& plan,
    const std::function<Eigen::MatrixXf(std::size_t, const Eigen::MatrixXf&)>& rewrite, const std::string& note);

// {"tensors": [...], "mean_rel_error", "mean_output_rel_error"} plus `extra`.
nlohmann::json rewriteReport(const std::vector<RewrittenTensor>& plan, nlohmann::json extra);
// One line per tensor and a summary line.
void printRewriteTable(std::ostream& out, const std::vector<RewrittenTensor>& plan);

} // namespace complab::cli
