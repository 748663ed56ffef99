// The same intent as a recipe, spelled for other tools: a llama-quantize command line (and the
// llama-imatrix run when the recipe is calibrated, and the runtime flags for its KV cache) and an
// llm-compressor recipe YAML. What has no equivalent is listed in plain words, never dropped silently.
#pragma once

#include <string>
#include <vector>

namespace complab {

struct Recipe;

struct EquivalentCommands
{
    std::vector<std::string> llamaCpp; // shell lines, in the order to run them
    std::vector<std::string> llamaCppNotes; // what differs or does not translate
    std::string llmCompressorYaml;
    std::vector<std::string> llmCompressorNotes;
};

EquivalentCommands equivalentCommands(const Recipe& recipe);

} // namespace complab
