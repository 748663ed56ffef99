#include "model/HuggingFaceTokenizer.h"

#include "io/CheckpointError.h"
#include "io/MappedFile.h"
#include "model/ByteLevelText.h"
#include "model/ScoreMergeTokenizer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <queue>

namespace complab {

namespace {

using Json = nlohmann::json;
constexpr std::string_view metaSpaceSymbol = "\xE2\x96\x81";

std::string jsonString(const Json& value)
{
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_object() && value.contains("content") && value["content"].is_string())
        return value["content"].get<std::string>();
    return {};
}

} // namespace

HuggingFaceTokenizer::HuggingFaceTokenizer(const std::filesystem::path& path)
{
    m_byteIds.fill(-1);
    try {
        parse(path);
    } catch (const Json::exception& error) {
        throw CheckpointError(path, std::string("tokenizer.json: ") + error.what());
    }
}

std::string HuggingFaceTokenizer::description() const
{
    return m_style == Style::ByteLevel ? "Hugging Face tokenizer.json (byte-level BPE)"
                                       : "Hugging Face tokenizer.json (SentencePiece BPE)";
}

std::int32_t HuggingFaceTokenizer::lookup(std::string_view text) const
{
    const auto found = m_ids.find(std::string(text));
    return found == m_ids.end() ? -1 : found->second;
}

std::int32_t HuggingFaceTokenizer::tokenId(std::string_view text) const
{
    return lookup(text);
}

std::string HuggingFaceTokenizer::piece(std::int32_t token) const
{
    return token >= 0 && token < vocabularySize() ? m_pieces[std::size_t(token)] : std::string();
}

float HuggingFaceTokenizer::score(std::int32_t token) const
{
    return token >= 0 && token < vocabularySize() ? m_scores[std::size_t(token)] : 0.0f;
}

TokenType HuggingFaceTokenizer::tokenType(std::int32_t token) const
{
    return token >= 0 && token < vocabularySize() ? m_types[std::size_t(token)] : TokenType::Unknown;
}

void HuggingFaceTokenizer::parse(const std::filesystem::path& path)
{
    const MappedFile file(path);
    const auto bytes = file.bytes();
    const Json json = Json::parse(
        reinterpret_cast<const char*>(bytes.data()), reinterpret_cast<const char*>(bytes.data()) + bytes.size());
    const auto unsupported
        = [&](const std::string& what) { throw UnsupportedTokenizerError(path, "tokenizer.json: " + what); };
    const auto malformed = [&](const std::string& what) { throw CheckpointError(path, "tokenizer.json: " + what); };
    if (!json.is_object() || !json.contains("model") || !json["model"].is_object())
        malformed("no \"model\" object");
    const Json& model = json["model"];
    const std::string type = model.value("type", std::string("BPE"));
    if (type != "BPE")
        unsupported("model type '" + type + "' is not supported (only BPE)");
    for (const char* key : {"continuing_subword_prefix", "end_of_word_suffix"})
        if (model.contains(key) && model[key].is_string() && !model[key].get<std::string>().empty())
            unsupported(std::string("BPE with a ") + key + " is not supported");
    if (!model.contains("vocab") || !model["vocab"].is_object())
        malformed("model.vocab is not an object");
    const Json& vocab = model["vocab"];
    const Json added
        = json.contains("added_tokens") && json["added_tokens"].is_array() ? json["added_tokens"] : Json::array();
    // Ids may leave holes but stay within the number of entries, so a hostile id cannot ask for memory.
    const std::size_t entries = vocab.size() + added.size();
    const auto validId = [&](const Json& id, const std::string& what) {
        if (!id.is_number_integer() || id.get<std::int64_t>() < 0 || std::uint64_t(id.get<std::int64_t>()) >= entries)
            malformed(what + ": id " + id.dump() + " is not below the " + std::to_string(entries) + " entries");
        return static_cast<std::int32_t>(id.get<std::int64_t>());
    };
    std::int32_t maxId = -1;
    std::vector<std::pair<std::string, std::int32_t>> pieces;
    for (auto it = vocab.begin(); it != vocab.end(); ++it) {
        const auto id = validId(it.value(), "model.vocab \"" + it.key() + "\"");
        pieces.emplace_back(it.key(), id);
        maxId = std::max(maxId, id);
    }
    for (const auto& token : added) {
        if (!token.is_object() || !token.contains("id") || !token.contains("content") || !token["content"].is_string())
            malformed("an added_tokens entry lacks id or content");
        maxId = std::max(maxId, validId(token["id"], "added token " + token["content"].dump()));
    }
    m_pieces.assign(std::size_t(maxId + 1), std::string());
    m_types.assign(m_pieces.size(), TokenType::Normal);
    m_scores.assign(m_pieces.size(), 0.0f);
    for (auto& [text, id] : pieces) {
        m_ids.try_emplace(text, id);
        if (const int byte = bytePieceValue(text); byte >= 0) {
            m_types[std::size_t(id)] = TokenType::Byte;
            if (m_byteIds[byte] < 0)
                m_byteIds[byte] = id;
        }
        m_pieces[std::size_t(id)] = std::move(text);
    }
    for (const auto& token : added) {
        const auto id = static_cast<std::int32_t>(token["id"].get<std::int64_t>());
        const std::string content = token["content"].get<std::string>();
        if (content.empty())
            malformed("added token " + std::to_string(id) + " is empty");
        m_pieces[std::size_t(id)] = content;
        m_types[std::size_t(id)] = token.value("special", false) ? TokenType::Control : TokenType::UserDefined;
        m_ids[content] = id;
        m_addedTokens.emplace_back(content, id);
    }
    std::stable_sort(m_addedTokens.begin(), m_addedTokens.end(),
        [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });

    if (model.contains("merges") && !model["merges"].is_array())
        malformed("model.merges is not an array");
    const Json merges = model.value("merges", Json::array());
    for (std::size_t rank = 0; rank < merges.size(); ++rank) {
        const Json& merge = merges[rank];
        std::string left, right;
        if (merge.is_string()) {
            const auto text = merge.get<std::string>();
            const auto space = text.find(' ');
            if (space == std::string::npos || text.find(' ', space + 1) != std::string::npos)
                malformed("merge " + std::to_string(rank) + " \"" + text + "\" is not two pieces");
            left = text.substr(0, space);
            right = text.substr(space + 1);
        } else if (merge.is_array() && merge.size() == 2 && merge[0].is_string() && merge[1].is_string()) {
            left = merge[0].get<std::string>();
            right = merge[1].get<std::string>();
        } else {
            malformed("merge " + std::to_string(rank) + " is neither \"a b\" nor [\"a\", \"b\"]");
        }
        const auto leftId = lookup(left), rightId = lookup(right), result = lookup(left + right);
        if (leftId < 0 || rightId < 0 || result < 0)
            malformed("merge " + std::to_string(rank) + " (\"" + left + "\", \"" + right
                + "\") names a piece missing from the vocabulary");
        const auto keyOf = (std::uint64_t(std::uint32_t(leftId)) << 32) | std::uint32_t(rightId);
        if (m_merges.try_emplace(keyOf, Merge{static_cast<std::int32_t>(rank), result}).second
            && m_scores[std::size_t(result)] == 0.0f)
            m_scores[std::size_t(result)] = -static_cast<float>(rank) - 1.0f;
    }
    m_byteFallback = model.value("byte_fallback", false);
    m_ignoreMerges = model.value("ignore_merges", false);
    if (model.contains("unk_token") && model["unk_token"].is_string()) {
        m_unknownId = lookup(model["unk_token"].get<std::string>());
        if (m_unknownId >= 0)
            m_types[std::size_t(m_unknownId)] = TokenType::Unknown;
    }

    // Normalizer: only the Llama conversion's Prepend("▁") and Replace(" " → "▁").
    const auto steps = [](const Json& node, const char* listKey) {
        std::vector<Json> list;
        if (node.is_object() && node.value("type", std::string()) == "Sequence" && node.contains(listKey)
            && node[listKey].is_array())
            list.assign(node[listKey].begin(), node[listKey].end());
        else if (node.is_object())
            list.push_back(node);
        return list;
    };
    for (const auto& step : steps(json.value("normalizer", Json()), "normalizers")) {
        const std::string kind = step.value("type", std::string());
        if (kind == "Prepend" && step.value("prepend", std::string()) == metaSpaceSymbol) {
            m_prependSpace = true;
        } else if (kind == "Replace" && step.contains("pattern") && step["pattern"].is_object()
            && step["pattern"].value("String", std::string()) == " "
            && step.value("content", std::string()) == metaSpaceSymbol) {
            m_metaSpace = true;
        } else {
            unsupported("normalizer '" + kind + "' is not supported (only the Llama Prepend/Replace pair)");
        }
    }
    const auto preTokenizers = steps(json.value("pre_tokenizer", Json()), "pretokenizers");
    if (preTokenizers.size() > 1)
        unsupported("a sequence of pre-tokenizers is not supported (e.g. Llama 3's Split + ByteLevel)");
    if (!preTokenizers.empty()) {
        const auto& step = preTokenizers.front();
        const std::string kind = step.value("type", std::string());
        if (kind == "ByteLevel") {
            m_style = Style::ByteLevel;
            m_prependSpace = step.value("add_prefix_space", false);
            m_byteLevelRegex = step.value("use_regex", true);
        } else if (kind == "Metaspace" && step.value("replacement", std::string(metaSpaceSymbol)) == metaSpaceSymbol) {
            m_metaSpace = true;
            const std::string scheme
                = step.value("prepend_scheme", std::string(step.value("add_prefix_space", true) ? "always" : "never"));
            m_prependSpace = scheme != "never";
            m_prependEverySegment = scheme == "always";
            m_splitOnSpace = step.value("split", true);
        } else {
            unsupported("pre-tokenizer '" + kind + "' is not supported (only ByteLevel and Metaspace)");
        }
    }
    if (m_style == Style::ByteLevel && (m_metaSpace || m_byteFallback))
        unsupported("a byte-level pre-tokenizer combined with a SentencePiece normalizer or byte fallback");

    // BOS / EOS: tokenizer_config.json beside the file, else the post-processor's template, else the usual names.
    std::string bos, eos;
    const auto config = path.parent_path() / "tokenizer_config.json";
    std::error_code error;
    if (std::filesystem::is_regular_file(config, error)) {
        const MappedFile configFile(config);
        const auto configBytes = configFile.bytes();
        const Json settings = Json::parse(reinterpret_cast<const char*>(configBytes.data()),
            reinterpret_cast<const char*>(configBytes.data()) + configBytes.size(), nullptr, false);
        if (settings.is_object()) {
            bos = jsonString(settings.value("bos_token", Json()));
            eos = jsonString(settings.value("eos_token", Json()));
        }
    }
    const Json processor = json.value("post_processor", Json());
    if (bos.empty() && processor.is_object() && processor.value("type", std::string()) == "TemplateProcessing"
        && processor.contains("single") && processor["single"].is_array() && !processor["single"].empty()) {
        const Json& first = processor["single"][0];
        if (first.is_object() && first.contains("SpecialToken") && first["SpecialToken"].is_object())
            bos = first["SpecialToken"].value("id", std::string());
    }
    const auto firstKnown = [&](std::initializer_list<const char*> names) {
        for (const char* name : names)
            if (const auto id = lookup(name); id >= 0)
                return id;
        return -1;
    };
    m_bosId = bos.empty() ? firstKnown({"<s>", "<|begin_of_text|>", "<|startoftext|>"}) : lookup(bos);
    m_eosId = eos.empty() ? firstKnown({"</s>", "<|endoftext|>", "<|end_of_text|>"}) : lookup(eos);
    for (const auto id : {m_bosId, m_eosId})
        if (id >= 0)
            m_types[std::size_t(id)] = TokenType::Control;
}

void HuggingFaceTokenizer::encodeWord(std::string_view word, std::vector<std::int32_t>& ids) const
{
    if (word.empty())
        return;
    if (m_ignoreMerges) {
        if (const auto id = lookup(word); id >= 0) {
            ids.push_back(id);
            return;
        }
    }
    struct Symbol
    {
        std::int32_t id;
        int previous;
        int next;
        std::uint32_t version = 0;
        bool alive = true;
    };
    std::vector<Symbol> symbols;
    const auto append = [&](std::int32_t id) {
        const int index = static_cast<int>(symbols.size());
        symbols.push_back({id, index - 1, index + 1});
    };
    for (std::size_t at = 0; at < word.size();) {
        const auto length = std::max<std::size_t>(1, decodeUtf8(word, at).second);
        const auto codePoint = word.substr(at, length);
        at += length;
        if (const auto id = lookup(codePoint); id >= 0) {
            append(id);
            continue;
        }
        const bool bytes = m_byteFallback && std::all_of(codePoint.begin(), codePoint.end(), [&](char c) {
            return m_byteIds[static_cast<unsigned char>(c)] >= 0;
        });
        if (bytes) {
            for (const char c : codePoint)
                append(m_byteIds[static_cast<unsigned char>(c)]);
        } else if (m_unknownId >= 0) {
            append(m_unknownId);
        }
    }
    if (symbols.empty())
        return;
    symbols.back().next = -1;
    struct Candidate
    {
        std::int32_t rank;
        int left;
        std::int32_t result;
        std::uint32_t leftVersion;
        std::uint32_t rightVersion;
        bool operator<(const Candidate& other) const // lowest rank first, then leftmost
        {
            return rank != other.rank ? rank > other.rank : left > other.left;
        }
    };
    std::priority_queue<Candidate> queue;
    const auto consider = [&](int left) {
        if (left < 0 || symbols[left].next < 0)
            return;
        const int right = symbols[left].next;
        const auto keyOf = (std::uint64_t(std::uint32_t(symbols[left].id)) << 32) | std::uint32_t(symbols[right].id);
        if (const auto found = m_merges.find(keyOf); found != m_merges.end())
            queue.push({found->second.rank, left, found->second.result, symbols[left].version, symbols[right].version});
    };
    for (int i = 0; i < static_cast<int>(symbols.size()); ++i)
        consider(i);
    while (!queue.empty()) {
        const auto best = queue.top();
        queue.pop();
        Symbol& left = symbols[best.left];
        if (!left.alive || left.version != best.leftVersion || left.next < 0)
            continue;
        Symbol& right = symbols[left.next];
        if (right.version != best.rightVersion)
            continue;
        left.id = best.result;
        ++left.version;
        right.alive = false;
        left.next = right.next;
        if (left.next >= 0)
            symbols[left.next].previous = best.left;
        consider(left.previous);
        consider(best.left);
    }
    for (int i = 0; i >= 0; i = symbols[i].next)
        ids.push_back(symbols[i].id);
}

void HuggingFaceTokenizer::encodeSegment(std::string_view text, bool firstSegment, std::vector<std::int32_t>& ids) const
{
    if (text.empty())
        return;
    if (m_style == Style::ByteLevel) {
        std::string prefixed;
        if (m_prependSpace && text.front() != ' ')
            prefixed = " ";
        prefixed += text;
        const auto words = m_byteLevelRegex ? splitGpt2(prefixed) : std::vector<std::string_view>{prefixed};
        std::string mapped;
        for (const auto word : words) {
            mapped.clear();
            for (const char c : word)
                mapped += byteLevelText(static_cast<unsigned char>(c));
            encodeWord(mapped, ids);
        }
        return;
    }
    std::string normalized;
    if (m_prependSpace && (firstSegment || m_prependEverySegment))
        normalized = metaSpaceSymbol;
    for (const char c : text) {
        if (c == ' ' && m_metaSpace)
            normalized += metaSpaceSymbol;
        else
            normalized += c;
    }
    if (!m_splitOnSpace) {
        encodeWord(normalized, ids);
        return;
    }
    std::size_t start = 0;
    for (std::size_t at = metaSpaceSymbol.size(); at <= normalized.size(); ++at) {
        if (at == normalized.size() || normalized.compare(at, metaSpaceSymbol.size(), metaSpaceSymbol) == 0) {
            encodeWord(std::string_view(normalized).substr(start, at - start), ids);
            start = at;
        }
    }
}

std::vector<std::int32_t> HuggingFaceTokenizer::encode(std::string_view text, bool addBos) const
{
    std::vector<std::int32_t> ids;
    if (addBos && m_bosId >= 0)
        ids.push_back(m_bosId);
    // Added tokens are cut out first, leftmost and longest; the text between them is encoded alone.
    std::size_t segmentStart = 0;
    for (std::size_t at = 0; at < text.size();) {
        const auto match = std::find_if(m_addedTokens.begin(), m_addedTokens.end(),
            [&](const auto& added) { return text.compare(at, added.first.size(), added.first) == 0; });
        if (match == m_addedTokens.end()) {
            ++at;
            continue;
        }
        encodeSegment(text.substr(segmentStart, at - segmentStart), segmentStart == 0, ids);
        ids.push_back(match->second);
        at += match->first.size();
        segmentStart = at;
    }
    encodeSegment(text.substr(segmentStart), segmentStart == 0, ids);
    return ids;
}

std::string HuggingFaceTokenizer::decodeToken(std::int32_t previous, std::int32_t token) const
{
    if (token < 0 || token >= vocabularySize())
        return {};
    const auto type = m_types[std::size_t(token)];
    const std::string& stored = m_pieces[std::size_t(token)];
    if (type == TokenType::Control)
        return {};
    std::string text;
    if (type == TokenType::UserDefined) {
        text = stored;
    } else if (m_style == Style::ByteLevel) {
        for (std::size_t at = 0; at < stored.size();) {
            const auto [codePoint, length] = decodeUtf8(stored, at);
            if (const int byte = byteLevelByte(codePoint); byte >= 0)
                text += static_cast<char>(byte);
            else
                text.append(stored, at, length);
            at += length;
        }
    } else if (const int byte = bytePieceValue(stored); byte >= 0 && m_byteFallback) {
        return std::string(1, static_cast<char>(byte));
    } else {
        for (std::size_t at = 0; at < stored.size();) {
            if (m_metaSpace && stored.compare(at, metaSpaceSymbol.size(), metaSpaceSymbol) == 0) {
                text += ' ';
                at += metaSpaceSymbol.size();
            } else {
                text += stored[at++];
            }
        }
    }
    const bool atStart = previous < 0 || (previous == m_bosId && m_bosId >= 0);
    if (atStart && m_prependSpace && !text.empty() && text.front() == ' ')
        text.erase(0, 1);
    return text;
}

} // namespace complab
