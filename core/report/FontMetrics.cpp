#include "report/FontMetrics.h"

#include <algorithm>
#include <array>

namespace complab::report {

namespace {

// Advance widths of WinAnsi bytes 32..255 from Adobe's Core14 AFM files (Helvetica, Helvetica-Bold).
// The bytes cp1252 leaves undefined (0x7F, 0x81, 0x8D, 0x8F, 0x90, 0x9D) are never written; they hold 278.
constexpr std::array<short, 224> helveticaWidths{
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // 32
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 48
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // 64
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // 80
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // 96
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 278, // 112
    556, 278, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 278, 611, 278, // 128
    278, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 278, 500, 667, // 144
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 160
    400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 176
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 192
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 208
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, // 224
    556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500, // 240
};

constexpr std::array<short, 224> helveticaBoldWidths{
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // 32
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // 48
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // 64
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // 80
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // 96
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 278, // 112
    556, 278, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 278, 611, 278, // 128
    278, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 278, 500, 667, // 144
    278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 160
    400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 176
    722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 192
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 208
    556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, // 224
    611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556, // 240
};

// cp1252 bytes 0x80..0x9F; 0 where the code page defines nothing.
constexpr std::array<char32_t, 32> cp1252High{
    0x20AC,
    0,
    0x201A,
    0x0192,
    0x201E,
    0x2026,
    0x2020,
    0x2021,
    0x02C6,
    0x2030,
    0x0160,
    0x2039,
    0x0152,
    0,
    0x017D,
    0,
    0,
    0x2018,
    0x2019,
    0x201C,
    0x201D,
    0x2022,
    0x2013,
    0x2014,
    0x02DC,
    0x2122,
    0x0161,
    0x203A,
    0x0153,
    0,
    0x017E,
    0x0178,
};

struct Fallback
{
    char32_t codePoint;
    const char* text;
};

constexpr Fallback fallbacks[] = {
    {0x2248, "~"},
    {0x2264, "<="},
    {0x2265, ">="},
    {0x2260, "!="},
    {0x2192, "->"},
    {0x2190, "<-"},
    {0x2194, "<->"},
    {0x21D2, "=>"},
    {0x2191, "^"},
    {0x2193, "v"},
    {0x221E, "inf"},
    {0x221A, "sqrt"},
    {0x2212, "-"},
    {0x2010, "-"},
    {0x2011, "-"},
    {0x2012, "-"},
    {0x2015, "\x97"},
    {0x2016, "||"},
    {0x2225, "||"},
    {0x2032, "'"},
    {0x2033, "\""},
    {0x2219, "\xB7"},
    {0x22C5, "\xB7"},
    {0x2217, "*"},
    {0x2044, "/"},
    {0x2215, "/"},
    {0x2211, "Sum"},
    {0x2206, "Delta"},
    {0x2126, "Omega"},
    {0x03BC, "\xB5"},
    {0x2007, "\xA0"},
    {0x202F, "\xA0"},
    {0x200B, ""},
    {0x200C, ""},
    {0x200D, ""},
    {0x2060, ""},
    {0xFEFF, ""},
    {0x2070, "0"},
    {0x2071, "i"},
    {0x207A, "+"},
    {0x207B, "-"},
    {0x207C, "="},
    {0x207D, "("},
    {0x207E, ")"},
    {0x207F, "n"},
    {0x208A, "+"},
    {0x208B, "-"},
    {0x208C, "="},
    {0x208D, "("},
    {0x208E, ")"},
};

// U+0100..U+017F without their marks (the ones cp1252 holds never get here).
constexpr std::string_view latinExtendedA
    = "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOo"
      "RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

constexpr const char* greekNames[]
    = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu",
        "xi", "omicron", "pi", "rho", "sigma", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"};

void appendWinAnsi(std::string& out, char32_t c)
{
    if (c == '\t' || (c >= 0x2000 && c <= 0x200A && c != 0x2007)) {
        out += ' ';
        return;
    }
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
        return;
    if (c < 0x80 || (c >= 0xA0 && c <= 0xFF)) {
        out += char(c);
        return;
    }
    for (std::size_t i = 0; i < cp1252High.size(); ++i) {
        if (cp1252High[i] == c) {
            out += char(0x80 + i);
            return;
        }
    }
    for (const auto& fallback : fallbacks) {
        if (fallback.codePoint == c) {
            out += fallback.text;
            return;
        }
    }
    if (c >= 0x2074 && c <= 0x2079) {
        out += char('4' + (c - 0x2074));
    } else if (c >= 0x2080 && c <= 0x2089) {
        out += char('0' + (c - 0x2080));
    } else if (c >= 0x0300 && c <= 0x036F) {
        // combining marks: the base letter before them stands alone
    } else if (c >= 0x0100 && c <= 0x017F) {
        out += latinExtendedA[c - 0x0100];
    } else if (c >= 0x03B1 && c <= 0x03C9) {
        out += greekNames[c - 0x03B1];
    } else if (c >= 0x0391 && c <= 0x03A9 && c != 0x03A2) {
        std::string name = greekNames[c - 0x0391];
        name[0] = char(name[0] - 'a' + 'A');
        out += name;
    } else {
        out += '?';
    }
}

} // namespace

Font fontFor(bool bold, bool monospace)
{
    if (monospace)
        return bold ? Font::CourierBold : Font::Courier;
    return bold ? Font::HelveticaBold : Font::Helvetica;
}

const char* postScriptName(Font font)
{
    switch (font) {
    case Font::Helvetica:
        return "Helvetica";
    case Font::HelveticaBold:
        return "Helvetica-Bold";
    case Font::Courier:
        return "Courier";
    case Font::CourierBold:
        return "Courier-Bold";
    }
    return "Helvetica";
}

std::u32string decodeUtf8(std::string_view utf8)
{
    std::u32string out;
    out.reserve(utf8.size());
    std::size_t i = 0;
    while (i < utf8.size()) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        int length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
        char32_t c = length == 1 ? lead : length == 2 ? (lead & 0x1F) : length == 3 ? (lead & 0x0F) : (lead & 0x07);
        bool valid = length > 0 && i + length <= utf8.size();
        for (int k = 1; valid && k < length; ++k) {
            const auto next = static_cast<unsigned char>(utf8[i + k]);
            valid = (next & 0xC0) == 0x80;
            c = (c << 6) | (next & 0x3F);
        }
        constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (valid && (c < smallest[length] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)))
            valid = false;
        if (!valid) {
            out += char32_t(0xFFFD);
            ++i;
            continue;
        }
        out += c;
        i += length;
    }
    return out;
}

void appendUtf8(std::string& out, char32_t c)
{
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

std::string toWinAnsi(std::string_view utf8)
{
    std::string out;
    out.reserve(utf8.size());
    for (const char32_t c : decodeUtf8(utf8))
        appendWinAnsi(out, c);
    return out;
}

int advanceWidth(unsigned char winAnsi, Font font)
{
    if (font == Font::Courier || font == Font::CourierBold)
        return 600;
    if (winAnsi < 32)
        return 0;
    const auto& widths = font == Font::HelveticaBold ? helveticaBoldWidths : helveticaWidths;
    return widths[winAnsi - 32];
}

double textWidth(std::string_view utf8, double size, bool bold, bool monospace)
{
    const Font font = fontFor(bold, monospace);
    long units = 0;
    for (const char byte : toWinAnsi(utf8))
        units += advanceWidth(static_cast<unsigned char>(byte), font);
    return double(units) * size / 1000.0;
}

std::vector<std::string> wrapText(std::string_view utf8, double maxWidth, double size, bool bold, bool monospace)
{
    std::vector<std::string> lines;
    if (utf8.empty())
        return lines;
    std::size_t start = 0;
    while (start <= utf8.size()) {
        const std::size_t end = std::min(utf8.find('\n', start), utf8.size());
        const std::string_view paragraph = utf8.substr(start, end - start);
        std::string current;
        std::size_t wordStart = 0;
        while (wordStart < paragraph.size()) {
            const std::size_t wordEnd = std::min(paragraph.find(' ', wordStart), paragraph.size());
            const std::string_view word = paragraph.substr(wordStart, wordEnd - wordStart);
            wordStart = wordEnd + 1;
            if (word.empty())
                continue;
            std::string candidate = current.empty() ? std::string(word) : current + ' ' + std::string(word);
            if (current.empty() || textWidth(candidate, size, bold, monospace) <= maxWidth) {
                current = std::move(candidate);
            } else {
                lines.push_back(std::move(current));
                current = std::string(word);
            }
        }
        lines.push_back(std::move(current));
        start = end + 1;
    }
    return lines;
}

std::string elideText(std::string_view utf8, double maxWidth, double size, bool bold, bool monospace)
{
    if (textWidth(utf8, size, bold, monospace) <= maxWidth)
        return std::string(utf8);
    const Font font = fontFor(bold, monospace);
    const double scale = size / 1000.0;
    const double ellipsis = advanceWidth(0x85, font) * scale;
    const std::u32string codePoints = decodeUtf8(utf8);
    std::size_t keep = 0;
    double width = 0;
    for (std::size_t i = 0; i < codePoints.size(); ++i) {
        std::string bytes;
        appendWinAnsi(bytes, codePoints[i]);
        for (const char byte : bytes)
            width += advanceWidth(static_cast<unsigned char>(byte), font) * scale;
        if (width + ellipsis > maxWidth)
            break;
        keep = i + 1;
    }
    if (ellipsis > maxWidth)
        return {};
    while (keep > 0 && codePoints[keep - 1] == U' ')
        --keep;
    std::string out;
    for (std::size_t i = 0; i < keep; ++i)
        appendUtf8(out, codePoints[i]);
    return out + "\u2026";
}

} // namespace complab::report
