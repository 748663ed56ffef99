// Activation capture for calibrated compression (GPTQ, AWQ, Wanda, SparseGPT): run calibration
// token sequences through the model and keep, for every linear weight (by checkpoint tensor name),
// its inputs and the per-input-column sum of squares (the importance vector).
#pragma once

#include "model/Transformer.h"
#include "recipe/Progress.h"

#include <Eigen/Core>

#include <cstdint>
#include <map>
#include <stop_token>
#include <string>
#include <vector>

namespace complab {

struct CalibrationActivations
{
    // Inputs X of each linear weight: [capturedTokens, in_features], Eigen's default column-major
    // MatrixXf, rows in the order the tokens were run (sequence by sequence). X^T X is then the
    // GPTQ Hessian (up to a factor 2/n). Empty when CaptureOptions::keepInputs is false.
    std::map<std::string, Eigen::MatrixXf> inputs;
    // Σ_t x[t, j]² over every token run (not only the kept rows), one entry per input column j.
    std::map<std::string, std::vector<float>> sumSquares;
    // Σ_t x[t]ᵀ x[t] over every token run, in double ([in_features, in_features]): the layer Hessian
    // up to 2/n without keeping the inputs. Empty unless CaptureOptions::accumulateGram.
    std::map<std::string, Eigen::MatrixXd> gram;
    // Tokens run through the model (rows summed into sumSquares).
    std::int64_t tokens = 0;
    // Rows kept in each `inputs` matrix (min(tokens, CaptureOptions::maxTokens)).
    std::int64_t capturedTokens = 0;
};

struct CaptureOptions
{
    std::int64_t maxTokens = 512; // tokens run (and rows kept) at most
    bool keepInputs = true; // false: only the importance vectors
    bool accumulateGram = false; // true: also XᵀX per weight (in_features² doubles each)
};

// Runs each sequence from an empty KV cache (longer ones are cut into context-length windows) until
// maxTokens tokens have been run. Progress per window; throws Cancelled when stopped.
// Note for the classifier: with tied embeddings its input is reported under the embedding's name.
CalibrationActivations captureActivations(const Transformer& model,
    const std::vector<std::vector<std::int32_t>>& sequences, const CaptureOptions& options, Progress& progress,
    std::stop_token stop);

} // namespace complab
