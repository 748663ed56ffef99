#include "model/ByteLevelText.h"

#include <array>
#include <clocale>
#include <cwctype>
#include <locale.h>
#include <unordered_map>

namespace complab {

void appendUtf8(std::string& out, std::uint32_t codePoint)
{
    if (codePoint < 0x80) {
        out += static_cast<char>(codePoint);
    } else if (codePoint < 0x800) {
        out += static_cast<char>(0xC0 | (codePoint >> 6));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else if (codePoint < 0x10000) {
        out += static_cast<char>(0xE0 | (codePoint >> 12));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (codePoint >> 18));
        out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    }
}

// The code point at `at` and its length in bytes; a malformed sequence reads as one byte (U+FFFD).
std::pair<std::uint32_t, std::size_t> decodeUtf8(std::string_view text, std::size_t at)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char first = byte(at);
    const std::size_t length = first < 0x80 ? 1
        : (first >> 5) == 6                 ? 2
        : (first >> 4) == 14                ? 3
        : (first >> 3) == 30                ? 4
                                            : 0;
    if (length == 0 || at + length > text.size())
        return {0xFFFD, 1};
    std::uint32_t codePoint = length == 1 ? first : first & (0x7F >> length);
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80)
            return {0xFFFD, 1};
        codePoint = (codePoint << 6) | (byte(at + i) & 0x3F);
    }
    return {codePoint, length};
}

namespace {

// GPT-2's reversible map of the 256 bytes to printable code points: printable Latin-1 bytes map to
// themselves, the others to 256, 257, ... in byte order (as in GPT-2's encoder.py).
struct ByteLevelTable
{
    std::array<std::string, 256> byteToText;
    std::unordered_map<std::uint32_t, unsigned char> codePointToByte;
    ByteLevelTable()
    {
        std::uint32_t next = 256;
        for (int b = 0; b < 256; ++b) {
            const bool printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            const std::uint32_t codePoint = printable ? std::uint32_t(b) : next++;
            appendUtf8(byteToText[b], codePoint);
            codePointToByte[codePoint] = static_cast<unsigned char>(b);
        }
    }
};
const ByteLevelTable& byteLevel()
{
    static const ByteLevelTable table;
    return table;
}

} // namespace

std::string_view byteLevelText(unsigned char byte)
{
    return byteLevel().byteToText[byte];
}

int byteLevelByte(std::uint32_t codePoint)
{
    const auto& table = byteLevel().codePointToByte;
    const auto found = table.find(codePoint);
    return found == table.end() ? -1 : found->second;
}

namespace {

// Unicode classes for the GPT-2 split, from glibc's C.UTF-8 tables (no ICU in the core): letters as
// iswalpha, numbers as ASCII digits plus what glibc calls alphanumeric but not alphabetic.
locale_t utf8Locale()
{
    static const locale_t locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
    return locale;
}
bool isSpace(std::uint32_t c)
{
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A)
        || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}
bool isLetter(std::uint32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const auto locale = utf8Locale();
    return locale && iswalpha_l(static_cast<wint_t>(c), locale);
}
bool isNumber(std::uint32_t c)
{
    if (c < 0x80)
        return c >= '0' && c <= '9';
    const auto locale = utf8Locale();
    return locale && iswalnum_l(static_cast<wint_t>(c), locale) && !iswalpha_l(static_cast<wint_t>(c), locale);
}

} // namespace

// GPT-2's pre-tokenizer pattern, 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+,
// written out as a scanner over code points.
std::vector<std::string_view> splitGpt2(std::string_view text)
{
    std::vector<std::uint32_t> points;
    std::vector<std::size_t> offsets;
    for (std::size_t at = 0; at < text.size();) {
        const auto [codePoint, length] = decodeUtf8(text, at);
        points.push_back(codePoint);
        offsets.push_back(at);
        at += length;
    }
    offsets.push_back(text.size());
    std::vector<std::string_view> words;
    const std::size_t n = points.size();
    const auto other = [](std::uint32_t c) { return !isSpace(c) && !isLetter(c) && !isNumber(c); };
    for (std::size_t i = 0; i < n;) {
        std::size_t end = i;
        if (points[i] == '\'' && i + 1 < n) {
            const auto next = points[i + 1];
            const auto after = i + 2 < n ? points[i + 2] : 0;
            if (next == 's' || next == 't' || next == 'm' || next == 'd')
                end = i + 2;
            else if ((next == 'r' && after == 'e') || (next == 'v' && after == 'e') || (next == 'l' && after == 'l'))
                end = i + 3;
        }
        if (end == i) {
            const std::size_t start = points[i] == ' ' && i + 1 < n ? i + 1 : i;
            for (const auto test : {&isLetter, &isNumber}) {
                if (end == i && (*test)(points[start])) {
                    end = start;
                    while (end < n && (*test)(points[end]))
                        ++end;
                }
            }
            if (end == i && other(points[start])) {
                end = start;
                while (end < n && other(points[end]))
                    ++end;
            }
        }
        if (end == i) { // a run of whitespace: all of it at the end of the text, else all but the last one
            end = i;
            while (end < n && isSpace(points[end]))
                ++end;
            if (end < n && end - i > 1)
                --end;
        }
        words.push_back(text.substr(offsets[i], offsets[end] - offsets[i]));
        i = end;
    }
    return words;
}

} // namespace complab
