#include "model/ScoreMergeTokenizer.h"

#include <algorithm>
#include <queue>
#include <stdexcept>

namespace complab {

namespace {

constexpr std::string_view metaSpaceSymbol = "\xE2\x96\x81"; // U+2581, SentencePiece's visible space

// llama2.c starts its best score at -1e10 and merges only on a strictly higher one, so pairs scored at
// or below it (and NaN scores) never merge; SentencePiece vocabularies never come near it.
constexpr float lowestMergeScore = -1e10f;

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

struct Symbol
{
    std::int32_t id = -1; // -1: a code point the vocabulary lacks (SentencePiece byte fallback later)
    std::string text; // the piece's text, as stored in the vocabulary
    int previous = -1;
    int next = -1;
    std::uint32_t version = 0; // bumped on every merge, so queued pairs that involve it go stale
    bool alive = true;
    bool frozen = false; // user-defined pieces never merge
};

struct Candidate
{
    float score;
    int left;
    int right;
    std::int32_t id;
    std::uint32_t leftVersion;
    std::uint32_t rightVersion;
};

// Highest score first; on ties the leftmost pair, as llama2.c's linear scan with a strict '>' picks.
struct CandidateOrder
{
    bool operator()(const Candidate& a, const Candidate& b) const
    {
        if (a.score != b.score)
            return a.score < b.score;
        return a.left > b.left;
    }
};

} // namespace

int bytePieceValue(std::string_view piece)
{
    if (piece.size() != 6 || piece.substr(0, 3) != "<0x" || piece[5] != '>')
        return -1;
    int value = 0;
    for (const char c : piece.substr(3, 2)) {
        value *= 16;
        if (c >= '0' && c <= '9')
            value += c - '0';
        else if (c >= 'A' && c <= 'F')
            value += c - 'A' + 10;
        else if (c >= 'a' && c <= 'f')
            value += c - 'a' + 10;
        else
            return -1;
    }
    return value;
}

ScoreMergeTokenizer::ScoreMergeTokenizer(Vocabulary vocabulary, Options options)
    : m_vocabulary(std::move(vocabulary))
    , m_options(std::move(options))
{
    const auto count = m_vocabulary.pieces.size();
    if (m_vocabulary.scores.size() != count || m_vocabulary.types.size() != count)
        throw std::invalid_argument("tokenizer: pieces, scores and types differ in length");
    if (count > static_cast<std::size_t>(INT32_MAX))
        throw std::invalid_argument("tokenizer: vocabulary too large");
    const auto validId = [&](std::int32_t id) { return id >= -1 && id < static_cast<std::int64_t>(count); };
    if (!validId(m_options.bosId) || !validId(m_options.eosId) || !validId(m_options.unknownId))
        throw std::invalid_argument("tokenizer: BOS, EOS or unknown id out of range");
    if (m_options.byteFallback == ByteFallback::Llama2cOffset && count < 259)
        throw std::invalid_argument("tokenizer: llama2.c's byte fallback needs ids 3..258 for the 256 bytes");
    m_byteIds.fill(-1);
    m_allPieces.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const std::string_view text = m_vocabulary.pieces[i];
        const auto id = static_cast<std::int32_t>(i);
        m_allPieces.try_emplace(text, id);
        const auto type = m_vocabulary.types[i];
        if (type == TokenType::Byte || (m_options.mergeIntoAnyPiece && type != TokenType::Control)) {
            const int byte = bytePieceValue(text);
            if (byte >= 0 && m_byteIds[byte] < 0)
                m_byteIds[byte] = id;
        }
        const bool mergeable
            = m_options.mergeIntoAnyPiece || type == TokenType::Normal || type == TokenType::UserDefined;
        if (mergeable && !text.empty())
            m_mergeable.try_emplace(text, id);
        if (type == TokenType::UserDefined && !text.empty())
            m_userDefined.push_back(text);
    }
    std::stable_sort(m_userDefined.begin(), m_userDefined.end(),
        [](std::string_view a, std::string_view b) { return a.size() > b.size(); });
}

std::int32_t ScoreMergeTokenizer::mergeableId(std::string_view text) const
{
    const auto found = m_mergeable.find(text);
    return found == m_mergeable.end() ? -1 : found->second;
}

std::string ScoreMergeTokenizer::normalize(std::string_view text) const
{
    std::string normalized;
    if (m_options.removeExtraWhitespace) {
        // SentencePiece's remove_extra_whitespaces: no leading or trailing spaces, one space between words.
        bool pendingSpace = false;
        for (const char c : text) {
            if (c == ' ') {
                pendingSpace = !normalized.empty();
                continue;
            }
            if (pendingSpace)
                normalized += ' ';
            pendingSpace = false;
            normalized += c;
        }
    } else {
        normalized.assign(text);
    }
    if (m_options.addDummyPrefix && !normalized.empty())
        normalized.insert(normalized.begin(), ' ');
    if (!m_options.metaSpace)
        return normalized;
    std::string escaped;
    escaped.reserve(normalized.size() + normalized.size() / 2);
    for (const char c : normalized) {
        if (c == ' ')
            escaped += metaSpaceSymbol;
        else
            escaped += c;
    }
    return escaped;
}

std::vector<std::int32_t> ScoreMergeTokenizer::encode(std::string_view text, bool addBos) const
{
    const std::string normalized = normalize(text);
    std::vector<Symbol> symbols;
    symbols.reserve(normalized.size());
    const auto append = [&](std::int32_t id, std::string_view piece, bool frozen) {
        Symbol symbol;
        symbol.id = id;
        symbol.text.assign(piece);
        symbol.frozen = frozen;
        symbols.push_back(std::move(symbol));
    };
    for (std::size_t at = 0; at < normalized.size();) {
        const std::string_view rest = std::string_view(normalized).substr(at);
        const auto userDefined = std::find_if(m_userDefined.begin(), m_userDefined.end(),
            [&](std::string_view piece) { return rest.substr(0, piece.size()) == piece; });
        if (userDefined != m_userDefined.end()) {
            append(m_allPieces.at(*userDefined), *userDefined, true);
            at += userDefined->size();
            continue;
        }
        // One code point: a byte and the continuation bytes after it, at most four bytes (llama2.c's rule,
        // which also makes a stray continuation byte a code point of its own).
        std::size_t length = 1;
        while (length < 4 && at + length < normalized.size() && isContinuationByte(normalized[at + length]))
            ++length;
        const std::string_view codePoint = rest.substr(0, length);
        at += length;
        if (const auto id = mergeableId(codePoint); id >= 0) {
            append(id, codePoint, false);
        } else if (m_options.byteFallback == ByteFallback::Llama2cOffset) {
            for (const char c : codePoint) {
                const std::int32_t byteId = static_cast<unsigned char>(c) + 3;
                append(byteId, m_vocabulary.pieces[static_cast<std::size_t>(byteId)], false);
            }
        } else {
            append(-1, codePoint, false);
        }
    }
    for (std::size_t i = 0; i < symbols.size(); ++i) {
        symbols[i].previous = static_cast<int>(i) - 1;
        symbols[i].next = i + 1 < symbols.size() ? static_cast<int>(i) + 1 : -1;
    }

    // A priority queue of candidate merges (stale entries skipped on pop) instead of llama2.c's rescan
    // of every pair per merge: the same choices, in O(n log n) rather than O(n²) for long documents.
    std::priority_queue<Candidate, std::vector<Candidate>, CandidateOrder> queue;
    std::string joined;
    const auto consider = [&](int left, int right) {
        if (left < 0 || right < 0 || symbols[left].frozen || symbols[right].frozen)
            return;
        joined.assign(symbols[left].text);
        joined += symbols[right].text;
        const auto id = mergeableId(joined);
        if (id < 0)
            return;
        const float score = m_vocabulary.scores[static_cast<std::size_t>(id)];
        if (!(score > lowestMergeScore))
            return;
        queue.push({score, left, right, id, symbols[left].version, symbols[right].version});
    };
    for (std::size_t i = 0; i + 1 < symbols.size(); ++i)
        consider(static_cast<int>(i), static_cast<int>(i) + 1);
    while (!queue.empty()) {
        const Candidate best = queue.top();
        queue.pop();
        Symbol& left = symbols[best.left];
        Symbol& right = symbols[best.right];
        if (!left.alive || !right.alive || left.version != best.leftVersion || right.version != best.rightVersion
            || left.next != best.right)
            continue;
        left.text += right.text;
        left.id = best.id;
        ++left.version;
        right.alive = false;
        left.next = right.next;
        if (right.next >= 0)
            symbols[right.next].previous = best.left;
        consider(left.previous, best.left);
        consider(best.left, left.next);
    }

    std::vector<std::int32_t> ids;
    ids.reserve(symbols.size() + 1);
    if (addBos && m_options.bosId >= 0)
        ids.push_back(m_options.bosId);
    for (int i = symbols.empty() ? -1 : 0; i >= 0; i = symbols[i].next) {
        const Symbol& symbol = symbols[i];
        if (symbol.id >= 0) {
            ids.push_back(symbol.id);
            continue;
        }
        bool allBytes = m_options.byteFallback == ByteFallback::BytePieces;
        for (const char c : symbol.text)
            allBytes = allBytes && m_byteIds[static_cast<unsigned char>(c)] >= 0;
        if (allBytes) {
            for (const char c : symbol.text)
                ids.push_back(m_byteIds[static_cast<unsigned char>(c)]);
        } else if (m_options.unknownId >= 0) {
            ids.push_back(m_options.unknownId);
        }
    }
    return ids;
}

std::string ScoreMergeTokenizer::decodeToken(std::int32_t previous, std::int32_t token) const
{
    if (token < 0 || token >= vocabularySize())
        return {};
    const auto index = static_cast<std::size_t>(token);
    const auto type = m_vocabulary.types[index];
    const std::string& stored = m_vocabulary.pieces[index];
    if (type == TokenType::Control)
        return {};
    if (const int byte = bytePieceValue(stored); byte >= 0 && (type == TokenType::Byte || m_options.mergeIntoAnyPiece))
        return std::string(1, static_cast<char>(byte));
    std::string text;
    if (m_options.metaSpace) {
        for (std::size_t at = 0; at < stored.size();) {
            if (stored.compare(at, metaSpaceSymbol.size(), metaSpaceSymbol) == 0) {
                text += ' ';
                at += metaSpaceSymbol.size();
            } else {
                text += stored[at++];
            }
        }
    } else {
        text = stored;
    }
    // The dummy prefix: the space encode() put before the first word is not part of the text.
    const bool atStart = previous < 0 || (previous == m_options.bosId && m_options.bosId >= 0);
    if (atStart && m_options.addDummyPrefix && !text.empty() && text.front() == ' ')
        text.erase(0, 1);
    return text;
}

std::string ScoreMergeTokenizer::piece(std::int32_t token) const
{
    if (token < 0 || token >= vocabularySize())
        return {};
    return m_vocabulary.pieces[static_cast<std::size_t>(token)];
}

float ScoreMergeTokenizer::score(std::int32_t token) const
{
    if (token < 0 || token >= vocabularySize())
        return 0.0f;
    return m_vocabulary.scores[static_cast<std::size_t>(token)];
}

TokenType ScoreMergeTokenizer::tokenType(std::int32_t token) const
{
    if (token < 0 || token >= vocabularySize())
        return TokenType::Unknown;
    return m_vocabulary.types[static_cast<std::size_t>(token)];
}

std::int32_t ScoreMergeTokenizer::tokenId(std::string_view text) const
{
    const auto found = m_allPieces.find(text);
    return found == m_allPieces.end() ? -1 : found->second;
}

} // namespace complab
