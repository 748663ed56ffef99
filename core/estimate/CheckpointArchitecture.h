// The shape of an opened checkpoint as the estimator needs it, read from its config.json (or its
// own header): what lets the lab estimate VRAM for the model a person loaded instead of a look-alike.
#pragma once

#include "estimate/ArchitectureTable.h"
#include "io/ModelConfig.h"

#include <optional>
#include <string>

namespace complab {

// An architecture from a model's config, when the config has every field the estimate needs
// (layers, hidden size, heads, vocabulary); std::nullopt otherwise. Absent optional fields take
// the usual defaults: KV heads = heads, head dim = hidden / heads, FFN = 4 x hidden.
std::optional<Architecture> architectureFromConfig(const ModelConfig& config, double parameters, std::string name);

} // namespace complab
