#include "report/SvgCanvas.h"

#include "report/FontMetrics.h"

#include <cstdio>

namespace complab::report {

namespace {

std::string hex(Colour colour)
{
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", colour.r, colour.g, colour.b);
    return buffer;
}

std::string num(double value)
{
    return formatDecimal(value, 2);
}

std::string strokeAttributes(const Stroke& stroke)
{
    std::string out = " stroke=\"" + hex(stroke.colour) + "\" stroke-width=\"" + num(stroke.width) + '"';
    if (stroke.dashed)
        out += " stroke-dasharray=\"3 2\"";
    return out;
}

std::string paint(std::optional<Colour> fill, const std::optional<Stroke>& stroke)
{
    std::string out = " fill=\"" + (fill ? hex(*fill) : std::string("none")) + '"';
    // Said explicitly: some renderers (ImageMagick's own) outline shapes without a stroke attribute.
    out += stroke ? strokeAttributes(*stroke) : std::string(" stroke=\"none\"");
    return out;
}

} // namespace

std::string escapeXml(std::string_view utf8)
{
    std::string out;
    out.reserve(utf8.size());
    for (const char32_t c : decodeUtf8(utf8)) {
        switch (c) {
        case U'&':
            out += "&amp;";
            break;
        case U'<':
            out += "&lt;";
            break;
        case U'>':
            out += "&gt;";
            break;
        case U'"':
            out += "&quot;";
            break;
        default:
            if (c >= 0x20 || c == U'\t')
                appendUtf8(out, c == U'\t' ? U' ' : c);
        }
    }
    return out;
}

SvgCanvas::SvgCanvas(double width, double height)
    : m_width(width)
    , m_height(height)
{ }

void SvgCanvas::line(double x1, double y1, double x2, double y2, const Stroke& stroke)
{
    m_body += "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) + '"'
        + strokeAttributes(stroke) + "/>\n";
}

void SvgCanvas::polyline(const Points& points, const Stroke& stroke)
{
    if (points.size() < 2)
        return;
    m_body += "<polyline points=\"";
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (i > 0)
            m_body += ' ';
        m_body += num(points[i].first) + ',' + num(points[i].second);
    }
    m_body += "\" fill=\"none\"" + strokeAttributes(stroke) + "/>\n";
}

void SvgCanvas::rect(double x, double y, double w, double h, std::optional<Colour> fill, std::optional<Stroke> stroke)
{
    if (!fill && !stroke)
        return;
    m_body += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h) + '"'
        + paint(fill, stroke) + "/>\n";
}

void SvgCanvas::circle(double cx, double cy, double r, std::optional<Colour> fill, std::optional<Stroke> stroke)
{
    if (!fill && !stroke)
        return;
    m_body
        += "<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r) + '"' + paint(fill, stroke) + "/>\n";
}

void SvgCanvas::text(double x, double y, std::string_view utf8, const TextStyle& style)
{
    if (utf8.empty())
        return;
    // Vertical text is placed by its transform alone: renderers agree on translate + rotate, not all
    // of them on rotate about a point.
    if (style.vertical)
        m_body += "<text transform=\"translate(" + num(x) + ' ' + num(y) + ") rotate(-90)\" font-size=\""
            + num(style.size) + '"';
    else
        m_body += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" font-size=\"" + num(style.size) + '"';
    if (style.colour != colours::black)
        m_body += " fill=\"" + hex(style.colour) + '"';
    if (style.bold)
        m_body += " font-weight=\"bold\"";
    if (style.monospace)
        m_body += " font-family=\"Courier New, monospace\"";
    if (style.anchor == Anchor::Middle)
        m_body += " text-anchor=\"middle\"";
    else if (style.anchor == Anchor::End)
        m_body += " text-anchor=\"end\"";
    m_body += " xml:space=\"preserve\">" + escapeXml(utf8) + "</text>\n";
}

std::string SvgCanvas::svg() const
{
    const std::string w = num(m_width);
    const std::string h = num(m_height);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + h + "\" viewBox=\"0 0 " + w + ' '
        + h + "\" font-family=\"Helvetica, Arial, sans-serif\" stroke-linejoin=\"round\" stroke-linecap=\"butt\">\n"
        + m_body + "</svg>\n";
}

} // namespace complab::report
