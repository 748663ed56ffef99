// A Canvas that builds a standalone SVG image, for the HTML report's inline charts. Text keeps its
// Unicode (the browser has the glyphs); layout uses the Helvetica widths of FontMetrics.
#pragma once

#include "report/Canvas.h"

#include <string>

namespace complab::report {

class SvgCanvas final : public Canvas
{
public:
    SvgCanvas(double width, double height);

    double width() const override { return m_width; }
    double height() const override { return m_height; }
    void line(double x1, double y1, double x2, double y2, const Stroke& stroke) override;
    void polyline(const Points& points, const Stroke& stroke) override;
    void rect(
        double x, double y, double w, double h, std::optional<Colour> fill, std::optional<Stroke> stroke) override;
    void circle(double cx, double cy, double r, std::optional<Colour> fill, std::optional<Stroke> stroke) override;
    void text(double x, double y, std::string_view utf8, const TextStyle& style) override;

    // `<svg xmlns=... width height viewBox>…</svg>`, with no XML declaration so it can be inlined.
    std::string svg() const;

private:
    double m_width;
    double m_height;
    std::string m_body;
};

// Escapes & < > " and drops what XML 1.0 cannot hold (control characters, malformed UTF-8 → U+FFFD).
std::string escapeXml(std::string_view utf8);

} // namespace complab::report
