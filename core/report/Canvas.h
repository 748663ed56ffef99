// A small vector-drawing surface for reports: lines, rectangles, circles and text in points, origin at
// the top left, y growing downwards. SvgCanvas and PdfDocument's pages draw it; ChartPainter draws on
// it, so a chart looks the same in the HTML page and in the PDF.
#pragma once

#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace complab::report {

struct Colour
{
    std::uint8_t r = 0;
    std::uint8_t g = 0;
    std::uint8_t b = 0;
    friend bool operator==(const Colour&, const Colour&) = default;
};

namespace colours {
inline constexpr Colour black{0, 0, 0};
inline constexpr Colour white{255, 255, 255};
inline constexpr Colour darkGrey{64, 64, 64};
inline constexpr Colour grey{128, 128, 128};
inline constexpr Colour lightGrey{220, 220, 220};
} // namespace colours

struct Stroke
{
    Colour colour;
    double width = 1;
    bool dashed = false; // 3 on, 2 off, in points
};

enum class Anchor { Start, Middle, End };

struct TextStyle
{
    double size = 10;
    bool bold = false;
    Colour colour{0, 0, 0};
    Anchor anchor = Anchor::Start;
    bool vertical = false; // rotated 90° counter-clockwise (reads upwards), for y-axis titles
    bool monospace = false;
};

class Canvas
{
public:
    using Points = std::vector<std::pair<double, double>>;

    virtual ~Canvas() = default;
    virtual double width() const = 0;
    virtual double height() const = 0;
    virtual void line(double x1, double y1, double x2, double y2, const Stroke& stroke) = 0;
    virtual void polyline(const Points& points, const Stroke& stroke) = 0;
    virtual void rect(double x, double y, double w, double h, std::optional<Colour> fill, std::optional<Stroke> stroke)
        = 0;
    virtual void circle(double cx, double cy, double r, std::optional<Colour> fill, std::optional<Stroke> stroke) = 0;
    // (x, y) is the start of the baseline for Anchor::Start, its middle or end for the others; for vertical
    // text the baseline runs upwards from (x, y).
    virtual void text(double x, double y, std::string_view utf8, const TextStyle& style) = 0;
};

// A coordinate or length as both back ends print it: at most `decimals` decimals, trailing zeros dropped,
// '.' as the separator whatever the locale, "0" for non-finite values.
inline std::string formatDecimal(double value, int decimals = 2)
{
    if (!std::isfinite(value))
        return "0";
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    std::string text(buffer, result.ec == std::errc() ? result.ptr : buffer);
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0')
            text.pop_back();
        if (text.back() == '.')
            text.pop_back();
    }
    if (text.empty() || text == "-0")
        return "0";
    return text;
}

} // namespace complab::report
