// Text measurement for the report canvas: the advance widths of the PDF standard fonts (Helvetica,
// Helvetica-Bold, Courier) and the UTF-8 to Windows-1252 conversion the PDF writer uses, so text is
// measured exactly as the PDF will print it. The SVG lays text out with the same widths (Arial and
// Liberation Sans share Helvetica's metrics).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace complab::report {

enum class Font { Helvetica, HelveticaBold, Courier, CourierBold };

Font fontFor(bool bold, bool monospace);
const char* postScriptName(Font font); // "Helvetica", "Helvetica-Bold", ...

// UTF-8 to WinAnsiEncoding (Windows-1252) bytes. Every code point cp1252 holds maps to its byte (€ ‘ ’ “ ”
// • – — … × ± ² ³ ¹ µ, Latin-1 letters). The others get an ASCII stand-in:
//   ≈ → "~", ≤ → "<=", ≥ → ">=", ≠ → "!=", → → "->", ← → "<-", ↔ → "<->", ⇒ → "=>", ∞ → "inf",
//   √ → "sqrt", − (minus) and the Unicode hyphens → "-", ‖ → "||", ′ → "'", ″ → "\"", ∙ ⋅ → "·",
//   sub- and superscript digits and signs → the plain characters (²³¹ stay superscripts),
//   Greek letters → their names ("sigma", "Delta"; μ → µ), Latin Extended-A letters → the base letter
//   (ł → l, č → c), Unicode spaces → a space (no-break ones → 0xA0), zero-width characters and
//   combining marks → nothing, control characters → nothing (tab → space), anything else and
//   malformed UTF-8 → "?".
std::string toWinAnsi(std::string_view utf8);

// Advance width of one WinAnsi byte, in thousandths of the font size.
int advanceWidth(unsigned char winAnsi, Font font);

// Width in points of `utf8` at `size` points, measured on its WinAnsi form.
double textWidth(std::string_view utf8, double size, bool bold, bool monospace = false);

// Greedy word wrap at spaces (and hard breaks at '\n'). A line is wider than maxWidth only when it is
// a single word that is wider on its own.
std::vector<std::string> wrapText(
    std::string_view utf8, double maxWidth, double size, bool bold, bool monospace = false);

// `utf8` itself when it fits in maxWidth, else its longest prefix (whole code points) followed by "…"
// that fits; empty when not even "…" fits.
std::string elideText(std::string_view utf8, double maxWidth, double size, bool bold, bool monospace = false);

// UTF-8 decoding for the back ends: malformed sequences become U+FFFD.
std::u32string decodeUtf8(std::string_view utf8);
void appendUtf8(std::string& out, char32_t codePoint);

} // namespace complab::report
