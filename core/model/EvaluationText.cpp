#include "model/EvaluationText.h"

#include "io/CheckpointError.h"
#include "model/Tokenizer.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace complab {

namespace {

std::string_view strip(std::string_view text)
{
    const auto isSpace
        = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

} // namespace

std::vector<std::string> splitDocuments(std::string_view text, const DocumentOptions& options)
{
    if (options.skipDocuments < 0)
        throw std::invalid_argument("the number of documents to skip cannot be negative");
    std::vector<std::string> pieces;
    if (options.separator.empty()) {
        pieces.emplace_back(strip(text));
    } else {
        std::size_t start = 0;
        while (true) {
            const auto end = text.find(options.separator, start);
            pieces.emplace_back(strip(text.substr(start, end == std::string_view::npos ? text.npos : end - start)));
            if (end == std::string_view::npos)
                break;
            start = end + options.separator.size();
        }
    }
    std::erase_if(pieces, [](const std::string& piece) { return piece.empty(); });
    const auto skip = std::min<std::size_t>(pieces.size(), static_cast<std::size_t>(options.skipDocuments));
    pieces.erase(pieces.begin(), pieces.begin() + static_cast<std::ptrdiff_t>(skip));
    if (options.maxDocuments >= 0 && pieces.size() > static_cast<std::size_t>(options.maxDocuments))
        pieces.resize(static_cast<std::size_t>(options.maxDocuments));
    return pieces;
}

std::vector<std::vector<std::int32_t>> tokenizeDocuments(
    const std::vector<std::string>& documents, const Tokenizer& tokenizer)
{
    std::vector<std::vector<std::int32_t>> tokens;
    tokens.reserve(documents.size());
    for (const auto& document : documents)
        tokens.push_back(tokenizer.encode(document, true));
    return tokens;
}

std::vector<EvaluationWindow> makeWindows(
    const std::vector<std::vector<std::int32_t>>& documents, std::int64_t context, std::int64_t maxPredictions)
{
    if (context < 1)
        throw std::invalid_argument("the evaluation context must be at least 1 token");
    std::vector<EvaluationWindow> windows;
    std::int64_t predictions = 0;
    for (const auto& tokens : documents) {
        const auto n = static_cast<std::int64_t>(tokens.size());
        for (std::int64_t first = 0; first + 1 < n; first += context) {
            auto length = std::min(context, n - 1 - first);
            if (maxPredictions > 0)
                length = std::min(length, maxPredictions - predictions);
            if (length <= 0)
                return windows;
            EvaluationWindow window;
            window.inputs.assign(tokens.begin() + first, tokens.begin() + first + length);
            window.targets.assign(tokens.begin() + first + 1, tokens.begin() + first + 1 + length);
            windows.push_back(std::move(window));
            predictions += length;
        }
    }
    return windows;
}

std::int64_t predictionCount(const std::vector<EvaluationWindow>& windows)
{
    std::int64_t count = 0;
    for (const auto& window : windows)
        count += static_cast<std::int64_t>(window.targets.size());
    return count;
}

std::vector<EvaluationWindow> labEvaluationWindows(
    const std::string& textPath, const Tokenizer& tokenizer, std::int64_t modelContext, std::int64_t predictions)
{
    std::ifstream file(textPath, std::ios::binary);
    if (!file)
        throw CheckpointError(textPath, "cannot be read");
    const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    const auto documents = splitDocuments(text, DocumentOptions{"<|endoftext|>", 0, -1});
    const auto context = std::min<std::int64_t>(modelContext, 512);
    auto windows = makeWindows(tokenizeDocuments(documents, tokenizer), context, predictions);
    if (windows.empty())
        throw CheckpointError(textPath, "gives no tokens to predict");
    return windows;
}

} // namespace complab
