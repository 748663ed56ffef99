#include "report/PdfDocument.h"

#include "report/FontMetrics.h"

#include <cstdio>

namespace complab::report {

namespace {

constexpr int catalogObject = 1;
constexpr int pagesObject = 2;
constexpr int infoObject = 3;
constexpr int firstFontObject = 4; // F1..F4 in the order of enum Font
constexpr int fontCount = 4;
constexpr int firstPageObject = firstFontObject + fontCount; // then page, contents, page, contents, ...

// A Bézier quarter circle's control points lie this fraction of the radius from the end points.
constexpr double kappa = 0.5522847498;

std::string num(double value)
{
    return formatDecimal(value, 2);
}

std::string colourOperands(Colour colour)
{
    return formatDecimal(colour.r / 255.0, 3) + ' ' + formatDecimal(colour.g / 255.0, 3) + ' '
        + formatDecimal(colour.b / 255.0, 3);
}

// UTF-8 as a PDF text string: UTF-16BE with a byte order mark, in hex.
std::string pdfTextString(std::string_view utf8)
{
    std::string out = "<FEFF";
    char buffer[8];
    auto unit = [&](unsigned value) {
        std::snprintf(buffer, sizeof buffer, "%04X", value & 0xFFFF);
        out += buffer;
    };
    for (const char32_t c : decodeUtf8(utf8)) {
        if (c >= 0x10000) {
            unit(0xD800 + ((c - 0x10000) >> 10));
            unit(0xDC00 + ((c - 0x10000) & 0x3FF));
        } else {
            unit(unsigned(c));
        }
    }
    return out + '>';
}

} // namespace

std::string pdfStringLiteral(std::string_view winAnsi)
{
    std::string out = "(";
    for (const char byte : winAnsi) {
        const auto value = static_cast<unsigned char>(byte);
        if (byte == '(' || byte == ')' || byte == '\\') {
            out += '\\';
            out += byte;
        } else if (value < 0x20) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\%03o", value);
            out += buffer;
        } else {
            out += byte;
        }
    }
    return out + ')';
}

// One page: the Canvas calls become content-stream operators, with y flipped (PDF's origin is the
// bottom left) and the graphics state written only when it changes.
class PdfDocument::Page final : public Canvas
{
public:
    Page(double width, double height)
        : m_width(width)
        , m_height(height)
    {
        m_content = "1 j 0 J\n"; // round joins, butt caps: as the SVG draws them
    }

    double width() const override { return m_width; }
    double height() const override { return m_height; }
    const std::string& content() const { return m_content; }

    void line(double x1, double y1, double x2, double y2, const Stroke& stroke) override
    {
        setStroke(stroke);
        m_content += point(x1, y1) + " m " + point(x2, y2) + " l S\n";
    }

    void polyline(const Points& points, const Stroke& stroke) override
    {
        if (points.size() < 2)
            return;
        setStroke(stroke);
        m_content += point(points[0].first, points[0].second) + " m";
        for (std::size_t i = 1; i < points.size(); ++i) {
            m_content += i % 8 == 0 ? '\n' : ' ';
            m_content += point(points[i].first, points[i].second);
            m_content += " l";
        }
        m_content += " S\n";
    }

    void rect(double x, double y, double w, double h, std::optional<Colour> fill, std::optional<Stroke> stroke) override
    {
        if (!fill && !stroke)
            return;
        setPaint(fill, stroke);
        m_content += num(x) + ' ' + num(m_height - y - h) + ' ' + num(w) + ' ' + num(h) + " re "
            + paintOperator(fill, stroke) + '\n';
    }

    void circle(double cx, double cy, double r, std::optional<Colour> fill, std::optional<Stroke> stroke) override
    {
        if (!fill && !stroke)
            return;
        setPaint(fill, stroke);
        const double x = cx;
        const double y = m_height - cy;
        const double k = kappa * r;
        auto p = [](double px, double py) { return num(px) + ' ' + num(py); };
        m_content += p(x + r, y) + " m ";
        m_content += p(x + r, y + k) + ' ' + p(x + k, y + r) + ' ' + p(x, y + r) + " c ";
        m_content += p(x - k, y + r) + ' ' + p(x - r, y + k) + ' ' + p(x - r, y) + " c\n";
        m_content += p(x - r, y - k) + ' ' + p(x - k, y - r) + ' ' + p(x, y - r) + " c ";
        m_content += p(x + k, y - r) + ' ' + p(x + r, y - k) + ' ' + p(x + r, y) + " c h " + paintOperator(fill, stroke)
            + '\n';
    }

    void text(double x, double y, std::string_view utf8, const TextStyle& style) override
    {
        const std::string encoded = toWinAnsi(utf8);
        if (encoded.empty())
            return;
        const Font font = fontFor(style.bold, style.monospace);
        double offset = 0;
        if (style.anchor != Anchor::Start) {
            double units = 0;
            for (const char byte : encoded)
                units += advanceWidth(static_cast<unsigned char>(byte), font);
            const double width = units * style.size / 1000.0;
            offset = style.anchor == Anchor::Middle ? width / 2 : width;
        }
        setFill(style.colour);
        m_content += "BT /F" + std::to_string(int(font) + 1) + ' ' + num(style.size) + " Tf ";
        if (style.vertical)
            m_content += "0 1 -1 0 " + point(x, y + offset) + " Tm ";
        else
            m_content += "1 0 0 1 " + point(x - offset, y) + " Tm ";
        m_content += pdfStringLiteral(encoded) + " Tj ET\n";
    }

private:
    std::string point(double x, double y) const { return num(x) + ' ' + num(m_height - y); }

    static std::string paintOperator(const std::optional<Colour>& fill, const std::optional<Stroke>& stroke)
    {
        return fill && stroke ? "B" : fill ? "f" : "S";
    }

    void setPaint(const std::optional<Colour>& fill, const std::optional<Stroke>& stroke)
    {
        if (fill)
            setFill(*fill);
        if (stroke)
            setStroke(*stroke);
    }

    void setFill(Colour colour)
    {
        if (m_fill == colour)
            return;
        m_fill = colour;
        m_content += colourOperands(colour) + " rg\n";
    }

    void setStroke(const Stroke& stroke)
    {
        if (m_strokeColour != stroke.colour) {
            m_strokeColour = stroke.colour;
            m_content += colourOperands(stroke.colour) + " RG\n";
        }
        if (m_lineWidth != stroke.width) {
            m_lineWidth = stroke.width;
            m_content += num(stroke.width) + " w\n";
        }
        if (m_dashed != stroke.dashed) {
            m_dashed = stroke.dashed;
            m_content += stroke.dashed ? "[3 2] 0 d\n" : "[] 0 d\n";
        }
    }

    double m_width;
    double m_height;
    std::string m_content;
    // The PDF initial graphics state: black, 1 point wide, solid.
    Colour m_fill = colours::black;
    Colour m_strokeColour = colours::black;
    double m_lineWidth = 1;
    bool m_dashed = false;
};

PdfDocument::PdfDocument(double pageWidth, double pageHeight)
    : m_pageWidth(pageWidth)
    , m_pageHeight(pageHeight)
{ }

PdfDocument::~PdfDocument() = default;

Canvas& PdfDocument::newPage()
{
    m_pages.push_back(std::make_unique<Page>(m_pageWidth, m_pageHeight));
    return *m_pages.back();
}

void PdfDocument::setInfo(std::string title, std::string producer)
{
    m_title = std::move(title);
    m_producer = std::move(producer);
}

std::string PdfDocument::bytes() const
{
    const Page blank(m_pageWidth, m_pageHeight);
    std::vector<const Page*> pages;
    for (const auto& page : m_pages)
        pages.push_back(page.get());
    if (pages.empty())
        pages.push_back(&blank);

    const int objectCount = firstPageObject + 2 * int(pages.size()); // including the free object 0
    std::vector<std::size_t> offsets(std::size_t(objectCount), 0);
    // The comment of four high bytes tells transfer tools the file is binary.
    std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    auto object = [&](int number, const std::string& body) {
        offsets[std::size_t(number)] = out.size();
        out += std::to_string(number) + " 0 obj\n" + body + "\nendobj\n";
    };
    auto reference = [](int number) { return std::to_string(number) + " 0 R"; };

    object(catalogObject, "<< /Type /Catalog /Pages " + reference(pagesObject) + " >>");
    std::string kids;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        if (i > 0)
            kids += ' ';
        kids += reference(firstPageObject + 2 * int(i));
    }
    object(pagesObject, "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
    std::string info = "<<";
    if (!m_title.empty())
        info += " /Title " + pdfTextString(m_title);
    if (!m_producer.empty())
        info += " /Producer " + pdfTextString(m_producer);
    object(infoObject, info + " >>");
    std::string fontResources;
    for (int font = 0; font < fontCount; ++font) {
        object(firstFontObject + font,
            std::string("<< /Type /Font /Subtype /Type1 /BaseFont /") + postScriptName(Font(font))
                + " /Encoding /WinAnsiEncoding >>");
        fontResources += " /F" + std::to_string(font + 1) + ' ' + reference(firstFontObject + font);
    }
    const std::string mediaBox = "[0 0 " + num(m_pageWidth) + ' ' + num(m_pageHeight) + ']';
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const int pageObject = firstPageObject + 2 * int(i);
        object(pageObject,
            "<< /Type /Page /Parent " + reference(pagesObject) + " /MediaBox " + mediaBox + " /Resources << /Font <<"
                + fontResources + " >> /ProcSet [/PDF /Text] >> /Contents " + reference(pageObject + 1) + " >>");
        const std::string& content = pages[i]->content();
        object(
            pageObject + 1, "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
    }

    const std::size_t xrefOffset = out.size();
    out += "xref\n0 " + std::to_string(objectCount) + "\n0000000000 65535 f \n";
    char entry[32];
    for (int number = 1; number < objectCount; ++number) {
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offsets[std::size_t(number)]);
        out += entry;
    }
    out += "trailer\n<< /Size " + std::to_string(objectCount) + " /Root " + reference(catalogObject) + " /Info "
        + reference(infoObject) + " >>\nstartxref\n" + std::to_string(xrefOffset) + "\n%%EOF\n";
    return out;
}

} // namespace complab::report
