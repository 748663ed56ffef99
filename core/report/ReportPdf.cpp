// The report on A4 pages, drawn by core's own PDF writer (the headless CLI has no Qt, and the GUI
// writes the same file): the model, the summary cards, the recipe; the charts two to a page; the
// measured quality; every tensor, worst first; the recipe file.
#include "report/ChartPainter.h"
#include "report/FontMetrics.h"
#include "report/PdfDocument.h"
#include "report/ReportCharts.h"
#include "report/ReportWriter.h"
#include "util/Units.h"

namespace complab::report {

namespace {

constexpr double margin = 48;
constexpr Colour titleColour{0x20, 0x20, 0x20};
constexpr Colour mutedColour{0x60, 0x60, 0x60};
constexpr Colour measuredTint{0xe3, 0xef, 0xfa};
constexpr Colour estimateTint{0xee, 0xee, 0xee};

// A cursor down the pages: starts a new page when the next block does not fit.
class Layout
{
public:
    explicit Layout(PdfDocument& document)
        : m_document(document)
    {
        newPage();
    }

    Canvas& page() { return *m_page; }
    double y() const { return m_y; }
    double width() const { return m_document.pageWidth() - 2 * margin; }
    void advance(double height) { m_y += height; }
    void newPage()
    {
        m_page = &m_document.newPage();
        m_y = margin;
    }
    void ensure(double height)
    {
        if (m_y + height > m_document.pageHeight() - margin)
            newPage();
    }
    double remaining() const { return m_document.pageHeight() - margin - m_y; }

    void heading(const std::string& text, double size = 14)
    {
        ensure(size * 3);
        m_y += size * 1.2;
        m_page->text(margin, m_y, text, TextStyle{.size = size, .bold = true, .colour = titleColour});
        m_y += size * 0.6;
    }

    void paragraph(const std::string& text, double size = 9, Colour colour = colours::black)
    {
        for (const auto& line : wrapText(text, width(), size, false)) {
            ensure(size * 1.4);
            m_y += size * 1.3;
            m_page->text(margin, m_y, line, TextStyle{.size = size, .colour = colour});
        }
        m_y += size * 0.5;
    }

    // A table that continues on the next page, its header repeated.
    void table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows, double size,
        const std::vector<double>& fractions = {}, const std::vector<bool>& right = {})
    {
        const double rowHeight = tableRowHeight(size);
        std::size_t first = 0;
        while (first < rows.size() || (rows.empty() && first == 0)) {
            ensure(3 * rowHeight);
            const auto fit = static_cast<std::size_t>(std::max(1.0, remaining() / rowHeight - 1.0));
            const std::size_t last = std::min(rows.size(), first + fit);
            const std::vector<std::vector<std::string>> slice(rows.begin() + long(first), rows.begin() + long(last));
            m_y += drawTable(*m_page, margin, m_y, width(), header, slice, size, fractions, right) + size * 0.8;
            if (rows.empty())
                break;
            first = last;
        }
    }

private:
    PdfDocument& m_document;
    Canvas* m_page = nullptr;
    double m_y = margin;
};

void drawCards(Layout& layout, const ReportData& data)
{
    const auto cards = summaryCards(data);
    const double gap = 10;
    const double cardWidth = (layout.width() - gap) / 2;
    const double cardHeight = 74;
    for (std::size_t i = 0; i < cards.size(); i += 2) {
        layout.ensure(cardHeight + gap);
        for (std::size_t j = i; j < std::min(cards.size(), i + 2); ++j) {
            const SummaryCard& card = cards[j];
            const double x = margin + double(j - i) * (cardWidth + gap);
            const double y = layout.y();
            Canvas& page = layout.page();
            page.rect(x, y, cardWidth, cardHeight, std::nullopt, Stroke{colours::lightGrey, 0.8});
            page.text(x + 8, y + 14, card.title, TextStyle{.size = 9, .colour = mutedColour});
            const bool measured = card.origin.find("measured") != std::string::npos;
            const double badgeWidth = textWidth(card.origin, 7, false) + 8;
            page.rect(x + cardWidth - badgeWidth - 6, y + 6, badgeWidth, 11, measured ? measuredTint : estimateTint,
                std::nullopt);
            page.text(x + cardWidth - 10, y + 14.5, card.origin,
                TextStyle{.size = 7, .colour = mutedColour, .anchor = Anchor::End});
            page.text(x + 8, y + 34, card.value, TextStyle{.size = 16, .bold = true, .colour = titleColour});
            double lineY = y + 47;
            for (const auto& line : wrapText(card.detail, cardWidth - 16, 7.5, false)) {
                if (lineY > y + cardHeight - 4)
                    break;
                page.text(x + 8, lineY, line, TextStyle{.size = 7.5});
                lineY += 9;
            }
        }
        layout.advance(cardHeight + gap);
    }
}

void modelAndRecipe(Layout& layout, const ReportData& data)
{
    const ModelCard& m = data.model;
    layout.heading("Model", 12);
    layout.table({"Property", "Value"},
        {{"File", m.path}, {"Format", m.format}, {"Architecture", m.architecture},
            {"Tensors", std::to_string(m.tensorCount)},
            {"Parameters", formatCount(m.parameters) + " (" + std::to_string(m.parameters) + ")"},
            {"Tensor data", formatBytes(m.tensorBytes)}, {"Stored types", m.dtypes}},
        8.5, {0.22, 0.78});
    layout.heading("Summary", 12);
    drawCards(layout, data);
    layout.paragraph(data.estimate.rule, 7.5, mutedColour);
    layout.heading("Recipe", 12);
    std::vector<std::vector<std::string>> rows;
    for (const auto& [label, value] : data.recipeSummary)
        rows.push_back({label, value});
    layout.table({"Setting", "Value"}, rows, 8.5, {0.3, 0.7});
}

void charts(Layout& layout, const ReportData& data)
{
    const double height = 300;
    for (const auto& chart : reportCharts(data)) {
        const double captionHeight = 11.0 * double(wrapText(chart.caption, layout.width(), 8, false).size()) + 14;
        layout.ensure(height + captionHeight);
        drawChart(layout.page(), margin, layout.y(), layout.width(), height, chart.spec);
        layout.advance(height);
        layout.paragraph(chart.caption, 8, mutedColour);
    }
}

void quality(Layout& layout, const ReportData& data)
{
    layout.heading("Measured quality", 12);
    if (!data.quality) {
        layout.paragraph("Not measured: " + data.qualityUnavailable + ".");
        return;
    }
    const MeasuredQuality& q = *data.quality;
    const ComparisonResult& c = q.compressed;
    layout.paragraph("The compressed values (" + std::to_string(q.replacedTensors)
        + " tensors replaced by what the export stores) run against the original on "
        + std::to_string(q.original.tokens) + " tokens of " + q.text + " (tokenizer: " + q.tokenizer + ").");
    layout.table({"Measure", "Original", "Compressed"},
        {{"Perplexity", number(q.original.perplexity, 5),
             number(c.compared.perplexity, 5) + " (" + (c.deltaPerplexity >= 0 ? "+" : "")
                 + percentText(c.perplexityRatio - 1.0) + ")"},
            {"Mean KL divergence (nats/token)", "0", number(c.meanKld, 4) + " ± " + number(c.meanKldError, 2)},
            {"Same top token", "100 %", percentText(c.sameTopFraction)}},
        8.5, {0.5, 0.2, 0.3}, {false, true, true});
    if (q.bitSweep.empty())
        return;
    std::vector<std::vector<std::string>> rows;
    for (const auto& v : q.bitSweep)
        rows.push_back({v.label, number(v.bitsPerWeight, 4), number(v.quality.compared.perplexity, 5),
            number(v.quality.meanKld, 3), percentText(v.quality.sameTopFraction)});
    layout.paragraph("The same model with every tensor at " + q.sweepFamily + ":");
    layout.table({"Scheme", "Bits/weight", "Perplexity", "Mean KLD", "Same top token"}, rows, 8.5,
        {0.28, 0.18, 0.18, 0.18, 0.18}, {false, true, true, true, true});
}

void tensors(Layout& layout, const ReportData& data)
{
    layout.newPage();
    layout.heading("Every tensor, measured (worst first)", 12);
    const Totals& t = data.totals;
    layout.paragraph(std::to_string(data.tensors.size()) + " tensors, " + std::to_string(t.compressedTensors)
        + " changed; " + formatBytes(t.storedBytes) + " stored (" + number(t.bitsPerWeight, 4)
        + " bits/weight); relative error over all changed weights " + percentText(t.relativeError, 2) + ".");
    std::vector<std::vector<std::string>> rows;
    for (const TensorRow* row : rowsWorstFirst(data)) {
        const std::string shape = shapeText(row->plan.shape, "×");
        if (const auto& m = row->plan.metrics)
            rows.push_back({shortTensorName(row->plan.sourceName), shape, row->treatment, number(m->bitsPerWeight, 4),
                percentText(m->relativeError, 2), number(m->sqnrDb, 3), formatBytes(row->storedBytes)});
        else
            rows.push_back({shortTensorName(row->plan.sourceName), shape, row->treatment,
                number(row->elements ? 8.0 * double(row->storedBytes) / double(row->elements) : 0, 4), "0", "exact",
                formatBytes(row->storedBytes)});
    }
    layout.table({"Tensor", "Shape", "Treatment", "Bits/w", "Rel. error", "SQNR dB", "Stored"}, rows, 7.5,
        {0.27, 0.11, 0.24, 0.09, 0.1, 0.09, 0.1}, {false, false, false, true, true, true, true});
}

void recipeFile(Layout& layout, const ReportData& data)
{
    layout.newPage();
    layout.heading("The recipe file", 12);
    const double size = 7;
    std::size_t start = 0;
    while (start <= data.recipeJson.size()) {
        const auto end = data.recipeJson.find('\n', start);
        std::string line = data.recipeJson.substr(start, end == std::string::npos ? std::string::npos : end - start);
        // Courier is 0.6 em wide: cut what would run past the margin, marked with "…".
        const auto fit = static_cast<std::size_t>(layout.width() / (0.6 * size));
        if (line.size() > fit)
            line = line.substr(0, fit - 1) + "…";
        layout.ensure(size * 1.3);
        layout.advance(size * 1.25);
        layout.page().text(margin, layout.y(), line, TextStyle{.size = size, .monospace = true});
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
}

} // namespace

std::string reportPdf(const ReportData& data)
{
    PdfDocument document;
    document.setInfo("Compression report: " + data.model.file, data.generator);
    Layout layout(document);
    layout.page().text(margin, layout.y() + 16, "Compression report: " + data.model.file,
        TextStyle{.size = 18, .bold = true, .colour = titleColour});
    layout.advance(24);
    layout.paragraph("Made by " + data.generator + " on " + data.createdAt
            + ". Measured numbers come from this checkpoint's own tensors; estimates come from the rule-of-thumb "
              "model and say so.",
        8.5, mutedColour);
    modelAndRecipe(layout, data);
    layout.newPage();
    charts(layout, data);
    quality(layout, data);
    tensors(layout, data);
    recipeFile(layout, data);
    return document.bytes();
}

} // namespace complab::report
