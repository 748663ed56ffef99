// Text for perplexity, per the protocol in README.md ("Perplexity protocol"): split into documents
// on a separator, strip, drop empty ones, tokenise each on its own with BOS; then cut the
// predictions of each document into windows of the model's context length, each run from an
// empty KV cache with positions from 0.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace complab {

class Tokenizer;

struct DocumentOptions
{
    std::string separator; // empty: the whole text is one document
    std::int64_t skipDocuments = 0;
    std::int64_t maxDocuments = -1; // -1: all
};

// Documents after splitting, stripping (ASCII whitespace) and dropping empty ones, then skipping
// and limiting as asked.
std::vector<std::string> splitDocuments(std::string_view text, const DocumentOptions& options);

// Each document encoded on its own, BOS first, no EOS.
std::vector<std::vector<std::int32_t>> tokenizeDocuments(
    const std::vector<std::string>& documents, const Tokenizer& tokenizer);

// One forward run: `inputs` from an empty cache; target t is the token that follows input t.
struct EvaluationWindow
{
    std::vector<std::int32_t> inputs;
    std::vector<std::int32_t> targets;
};

// A document of N tokens gives N − 1 predictions, in consecutive windows of at most `context`.
// maxPredictions (> 0) stops after that many predictions in total. Documents of one token add none.
std::vector<EvaluationWindow> makeWindows(
    const std::vector<std::vector<std::int32_t>>& documents, std::int64_t context, std::int64_t maxPredictions = 0);

std::int64_t predictionCount(const std::vector<EvaluationWindow>& windows);

// The lab's held-out measurement on a text file, as the Run and Quality tabs and `report` use it:
// documents separated by <|endoftext|>, windows of at most 512 tokens (the model's context when
// shorter), at most `predictions` predictions (0: all). Throws CheckpointError naming the file
// when it cannot be read or gives nothing to predict.
std::vector<EvaluationWindow> labEvaluationWindows(
    const std::string& textPath, const Tokenizer& tokenizer, std::int64_t modelContext, std::int64_t predictions);

} // namespace complab
