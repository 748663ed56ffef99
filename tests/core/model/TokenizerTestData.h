// Shared by the tokenizer tests: the stories of the shared texts (split as the perplexity protocol in
// ../shared/data/README.md says) and an independent, deliberately naive llama2.c-style encoder, a
// rescan of every adjacent pair per merge, to check the fast priority-queue encoder against.
#pragma once

#include "model/Tokenizer.h"

#include <QFile>
#include <QString>

#include <string>
#include <vector>

namespace complab::test {

inline QString sharedData(const char* relative)
{
    return QStringLiteral(COMPLAB_SHARED_DATA_DIR "/") + QString::fromUtf8(relative);
}

// Split on <|endoftext|>, strip whitespace around each story, drop empty ones.
inline std::vector<std::string> readStories(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const std::string text = file.readAll().toStdString();
    const std::string separator = "<|endoftext|>";
    std::vector<std::string> stories;
    std::size_t at = 0;
    while (at <= text.size()) {
        auto end = text.find(separator, at);
        if (end == std::string::npos)
            end = text.size();
        std::string story = text.substr(at, end - at);
        const auto first = story.find_first_not_of(" \t\r\n\f\v");
        const auto last = story.find_last_not_of(" \t\r\n\f\v");
        if (first != std::string::npos)
            stories.push_back(story.substr(first, last - first + 1));
        at = end + separator.size();
    }
    return stories;
}

// llama2.c's encode() written out as plainly as possible: byte tokens at id byte + 3, then the full
// rescan for the best-scored pair on every merge.
inline std::vector<std::int32_t> naiveLlama2cEncode(const Tokenizer& tokenizer, const std::string& text, bool bos)
{
    std::vector<std::int32_t> tokens;
    if (bos)
        tokens.push_back(1);
    if (!text.empty())
        tokens.push_back(tokenizer.tokenId(" "));
    for (std::size_t i = 0; i < text.size();) {
        std::size_t length = 1;
        while (length < 4 && i + length < text.size() && (static_cast<unsigned char>(text[i + length]) & 0xC0) == 0x80)
            ++length;
        const std::string codePoint = text.substr(i, length);
        const auto id = tokenizer.tokenId(codePoint);
        if (id >= 0) {
            tokens.push_back(id);
        } else {
            for (const char c : codePoint)
                tokens.push_back(static_cast<unsigned char>(c) + 3);
        }
        i += length;
    }
    for (;;) {
        float bestScore = -1e10f;
        std::int32_t bestId = -1;
        std::size_t bestIndex = 0;
        for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
            const auto id = tokenizer.tokenId(tokenizer.piece(tokens[i]) + tokenizer.piece(tokens[i + 1]));
            if (id >= 0 && tokenizer.score(id) > bestScore) {
                bestScore = tokenizer.score(id);
                bestId = id;
                bestIndex = i;
            }
        }
        if (bestId < 0)
            break;
        tokens[bestIndex] = bestId;
        tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(bestIndex) + 1);
    }
    return tokens;
}

} // namespace complab::test
