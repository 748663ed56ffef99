// The calibration a recipe's Wanda or SparseGPT pruning scores weights with: the recipe's
// "calibration" text, split into documents at blank lines, tokenised with BOS and run through the
// uncompressed model until samples × sequence_length tokens have been run (documents longer than the
// model's context are cut into context-length windows). Per linear weight it keeps the sums of
// squares of each input channel (Wanda's ‖X_j‖₂) and, for SparseGPT, XᵀX in double (the layer
// Hessian up to 2/n) rather than the inputs themselves, so memory is in_features² per weight, not
// tokens × in_features.
//
// A capture takes seconds, and the GUI builds a pipeline per preview: the last capture is kept for
// the process and shared by every pipeline that asks for the same checkpoint object and settings.
#pragma once

#include "io/Checkpoint.h"
#include "model/CalibrationActivations.h"
#include "recipe/Recipe.h"

#include <memory>
#include <stop_token>

namespace complab {

// Checks that the text exists and, when the recipe recorded one, has the recorded sha256. Throws
// CheckpointError naming the file.
void requireCalibrationText(const CalibrationSettings& settings);

// The capture for these settings (gram: also XᵀX per weight). Thread-safe; a second caller with the
// same arguments waits for the first capture and shares it. Throws CheckpointError when the model
// cannot be run or the text read, std::invalid_argument for a text without tokens, Cancelled.
std::shared_ptr<const CalibrationActivations> recipeCalibration(const std::shared_ptr<const Checkpoint>& checkpoint,
    const CalibrationSettings& settings, bool gram, std::stop_token stop);

} // namespace complab
