// Calibration inputs for a checkpoint the lab can run: load the model and its tokenizer, split a
// calibration text into documents (blank lines), tokenise each with BOS, and capture every linear
// weight's inputs with core/model's activation capture, up to a token budget. The inputs are those
// of the uncompressed model; each layer is then compressed against its own inputs independently.
#pragma once

#include "io/Checkpoint.h"
#include "model/CalibrationActivations.h"
#include "recipe/Progress.h"

#include <cstdint>
#include <filesystem>
#include <stop_token>

namespace complab {

// Throws CheckpointError when the model cannot be run (missing config, tokenizer or tensors) or
// the text cannot be read, std::invalid_argument when the text holds no tokens; Cancelled.
CalibrationActivations captureCalibration(const Checkpoint& checkpoint, const std::filesystem::path& text,
    std::int64_t maxTokens, Progress& progress, std::stop_token stop);
// The same with every capture option (options.maxTokens is the token budget).
CalibrationActivations captureCalibration(const Checkpoint& checkpoint, const std::filesystem::path& text,
    const CaptureOptions& options, Progress& progress, std::stop_token stop);

} // namespace complab
