// The report drawing layer: font metrics and cp1252 text, the SVG and PDF back ends, the chart painter
// (ticks, empty data, labels inside their rectangle) and the table helper.
#include "report/ChartPainter.h"
#include "report/FontMetrics.h"
#include "report/PdfDocument.h"
#include "report/SvgCanvas.h"

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>

using namespace complab::report;

namespace {

struct SvgText
{
    QString content;
    double x, y, size;
    QString anchor;
    bool vertical, bold;
};

// Parses the whole SVG (failing on any XML error) and returns its text elements and element counts.
struct ParsedSvg
{
    std::vector<SvgText> texts;
    std::vector<QString> polylinePoints;
    std::vector<QString> polylineStrokes;
    int rects = 0;
    QString error;
};

ParsedSvg parseSvg(const std::string& svg)
{
    ParsedSvg parsed;
    QXmlStreamReader reader(QByteArray::fromStdString(svg));
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto attributes = reader.attributes();
        auto attribute = [&](const char* name) { return attributes.value(QLatin1String(name)); };
        if (reader.name() == u"polyline") {
            parsed.polylinePoints.push_back(attribute("points").toString());
            parsed.polylineStrokes.push_back(attribute("stroke").toString());
        } else if (reader.name() == u"rect") {
            ++parsed.rects;
        } else if (reader.name() == u"text") {
            SvgText text{{}, attribute("x").toDouble(), attribute("y").toDouble(), attribute("font-size").toDouble(),
                attribute("text-anchor").toString(), !attribute("transform").isEmpty(),
                attribute("font-weight") == u"bold"};
            if (text.vertical) { // transform="translate(x y) rotate(-90)"
                const QStringList parts
                    = attribute("transform").toString().split(QRegularExpression(u"[() ]+"_qs), Qt::SkipEmptyParts);
                text.x = parts.value(1).toDouble();
                text.y = parts.value(2).toDouble();
                if (parts.value(0) != u"translate" || parts.value(4) != u"-90")
                    parsed.error = u"unexpected transform"_qs;
            }
            text.content = reader.readElementText();
            parsed.texts.push_back(text);
        }
    }
    if (reader.hasError())
        parsed.error = reader.errorString();
    return parsed;
}

// The box a text element covers, from the same metrics the painter lays out with.
void checkTextInside(const ParsedSvg& parsed, double width, double height)
{
    for (const auto& text : parsed.texts) {
        const double length = textWidth(text.content.toStdString(), text.size, text.bold);
        const double offset = text.anchor == u"middle" ? length / 2 : text.anchor == u"end" ? length : 0;
        const double ascent = 0.72 * text.size, descent = 0.21 * text.size;
        double left, right, top, bottom;
        if (text.vertical) {
            left = text.x - ascent, right = text.x + descent;
            bottom = text.y + offset, top = bottom - length;
        } else {
            left = text.x - offset, right = left + length;
            top = text.y - ascent, bottom = text.y + descent;
        }
        const QString where = text.content + u" at "_qs + QString::number(left) + u',' + QString::number(top) + u'-'
            + QString::number(right) + u',' + QString::number(bottom);
        QVERIFY2(left >= -0.5 && right <= width + 0.5 && top >= -0.5 && bottom <= height + 0.5, qPrintable(where));
    }
}

// Draws `spec` filling a width × height SVG and parses the result.
ParsedSvg renderChart(const ChartSpec& spec, double width, double height)
{
    SvgCanvas canvas(width, height);
    drawChart(canvas, 0, 0, width, height, spec);
    return parseSvg(canvas.svg());
}

std::vector<std::string> texts(const ParsedSvg& parsed)
{
    std::vector<std::string> result;
    for (const auto& text : parsed.texts)
        result.push_back(text.content.toStdString());
    return result;
}

ChartSpec lineChart()
{
    ChartSpec spec;
    spec.title = "Quality against bits per weight";
    spec.xTitle = "Bits per weight";
    spec.yTitle = "Quality (%)";
    spec.yMin = 0.0;
    spec.yMax = 100.0;
    ChartSeries top{"Measured: same top token", {31, 119, 180}, SeriesStyle::LineWithMarkers, {}};
    ChartSeries ppl{"Measured: perplexity kept (PPL₀ / PPL)", {214, 39, 40}, SeriesStyle::Line, {}};
    ChartSeries rule{"Rule of thumb (estimate)", {130, 130, 130}, SeriesStyle::DashedLine, {}};
    for (int bits = 2; bits <= 8; ++bits) {
        rule.points.emplace_back(bits, 100.0 * (1 - std::exp(-0.9 * bits)));
        if (bits >= 3)
            top.points.emplace_back(bits, 100.0 * (1 - std::exp(-0.8 * bits)) - 2);
        ppl.points.emplace_back(bits, 100.0 * (1 - std::exp(-0.7 * bits)));
    }
    spec.series = {top, ppl, rule};
    return spec;
}

ChartSpec barChart(int categories, const std::string& prefix = {})
{
    ChartSpec spec;
    spec.title = "Memory by context length";
    spec.xTitle = "Context (tokens)";
    spec.yTitle = "Memory (GB)";
    ChartSeries weights{"Weights", {224, 108, 31}, SeriesStyle::Bars, {}};
    ChartSeries kv{"KV cache", {44, 160, 44}, SeriesStyle::Bars, {}};
    ChartSeries activations{"Activations", {31, 119, 180}, SeriesStyle::Bars, {}};
    for (int i = 0; i < categories; ++i) {
        spec.categories.push_back(prefix + std::to_string(512 << (i % 8)));
        weights.points.emplace_back(i, 3.8);
        kv.points.emplace_back(i, 0.25 * (1 << (i % 8)));
        activations.points.emplace_back(i, 0.1 * (i % 8 + 1));
    }
    spec.series = {weights, kv, activations};
    return spec;
}

std::size_t readNumberAt(const std::string& bytes, std::size_t position)
{
    return std::stoul(bytes.substr(position, 20));
}

} // namespace

class TestReportCanvas : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void textWidthUsesHelveticaMetrics()
    {
        QCOMPARE(textWidth("Hello", 10, false), 22.78); // H 722, e 556, l 222, l 222, o 556
        QCOMPARE(textWidth("Hello", 10, true), 24.45); // 722 556 278 278 611
        QCOMPARE(textWidth("abc", 10, false, true), 18.0); // Courier: 600 each
        QCOMPARE(textWidth("×", 10, false), 5.84);
        QCOMPARE(textWidth("≈", 10, false), 5.84); // measured as the "~" the PDF prints
        QCOMPARE(textWidth("—", 10, false), 10.0);
        QCOMPARE(textWidth("", 10, false), 0.0);
    }

    void winAnsiConversion_data()
    {
        QTest::addColumn<QString>("utf8");
        QTest::addColumn<QByteArray>("expected");
        QTest::addRow("ascii") << u"Bits (per) weight"_qs << QByteArray("Bits (per) weight");
        QTest::addRow("cp1252 specials") << u"×—–…€‘’“”•"_qs << QByteArray("\xD7\x97\x96\x85\x80\x91\x92\x93\x94\x95");
        QTest::addRow("latin-1") << u"é±²µ"_qs << QByteArray("\xE9\xB1\xB2\xB5");
        QTest::addRow("approx") << u"≈ 1.03"_qs << QByteArray("~ 1.03");
        QTest::addRow("comparisons") << u"≤ ≥ ≠"_qs << QByteArray("<= >= !=");
        QTest::addRow("arrows") << u"a → b ← c"_qs << QByteArray("a -> b <- c");
        QTest::addRow("subscript") << u"PPL₀ x₁₂"_qs << QByteArray("PPL0 x12");
        QTest::addRow("superscript") << u"10⁻⁶ m³"_qs << QByteArray("10-6 m\xB3");
        QTest::addRow("greek") << u"σ Δ μ"_qs << QByteArray("sigma Delta \xB5");
        QTest::addRow("latin extended") << u"Łódź"_qs << QByteArray("L\363dz");
        QTest::addRow("minus and infinity") << u"−∞"_qs << QByteArray("-inf");
        QTest::addRow("unknown") << u"漢"_qs << QByteArray("?");
        QTest::addRow("controls") << u"a\tb\nc"_qs << QByteArray("a bc");
    }
    void winAnsiConversion()
    {
        QFETCH(QString, utf8);
        QFETCH(QByteArray, expected);
        QCOMPARE(QByteArray::fromStdString(toWinAnsi(utf8.toStdString())), expected);
    }

    void malformedUtf8BecomesQuestionMark()
    {
        QCOMPARE(toWinAnsi("a\377b\342\202"), std::string("a?b??"));
        QCOMPARE(toWinAnsi("\xC0\xAF"), std::string("??")); // overlong '/'
    }

    void wrapsAtWordBoundaries()
    {
        const std::string text = "The quick brown fox jumps over the lazy dog while the report explains what "
                                 "every bit per weight costs in quality";
        const auto lines = wrapText(text, 100, 10, false);
        QVERIFY(lines.size() > 2);
        std::string joined;
        for (const auto& line : lines) {
            QVERIFY2(textWidth(line, 10, false) <= 100, line.c_str());
            QVERIFY(!line.empty() && line.front() != ' ' && line.back() != ' ');
            joined += (joined.empty() ? "" : " ") + line;
        }
        QCOMPARE(joined, text);

        const auto longWord = wrapText("a Supercalifragilisticexpialidocious b", 50, 10, false);
        QCOMPARE(longWord, (std::vector<std::string>{"a", "Supercalifragilisticexpialidocious", "b"}));
        QCOMPARE(wrapText("one\ntwo", 500, 10, false), (std::vector<std::string>{"one", "two"}));
        QVERIFY(wrapText("", 100, 10, false).empty());
    }

    void elidesWithEllipsis()
    {
        QCOMPARE(elideText("short", 100, 10, false), std::string("short"));
        const std::string cut = elideText("model.layers.12.self_attn.q_proj.weight", 80, 10, false);
        QVERIFY(cut.size() > 3 && cut.ends_with("…"));
        QVERIFY(textWidth(cut, 10, false) <= 80);
        QVERIFY(elideText("anything", 2, 10, false).empty());
    }

    void formatsNumbersWithoutLocale()
    {
        QCOMPARE(formatDecimal(3.14159), std::string("3.14"));
        QCOMPARE(formatDecimal(2.5), std::string("2.5"));
        QCOMPARE(formatDecimal(100), std::string("100"));
        QCOMPARE(formatDecimal(-0.001), std::string("0"));
        QCOMPARE(formatDecimal(std::numeric_limits<double>::quiet_NaN()), std::string("0"));
    }

    void niceTicks_data()
    {
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::addColumn<std::vector<double>>("expected");
        QTest::addRow("0..0.93") << 0.0 << 0.93 << std::vector<double>{0, 0.2, 0.4, 0.6, 0.8, 1.0};
        QTest::addRow("2..8") << 2.0 << 8.0 << std::vector<double>{2, 3, 4, 5, 6, 7, 8};
        QTest::addRow("0..8192") << 0.0 << 8192.0 << std::vector<double>{0, 2000, 4000, 6000, 8000, 10000};
        QTest::addRow("0..100") << 0.0 << 100.0 << std::vector<double>{0, 20, 40, 60, 80, 100};
        QTest::addRow("-3..7") << -3.0 << 7.0 << std::vector<double>{-4, -2, 0, 2, 4, 6, 8};
        QTest::addRow("flat") << 5.0 << 5.0 << std::vector<double>{5, 5.1, 5.2, 5.3, 5.4, 5.5};
    }
    void niceTicks()
    {
        QFETCH(double, low);
        QFETCH(double, high);
        QFETCH(std::vector<double>, expected);
        const AxisTicks ticks = complab::report::niceTicks(low, high, 5);
        QCOMPARE(ticks.values.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i)
            QVERIFY(std::abs(ticks.values[i] - expected[i]) < 1e-9);
        QVERIFY(ticks.min <= low && ticks.max >= high);
    }

    void logTicksAreDecades()
    {
        const AxisTicks ticks = logTicks(0.5, 300);
        QCOMPARE(ticks.values, (std::vector<double>{0.1, 1, 10, 100, 1000}));
        QCOMPARE(logTicks(2, 30).values, (std::vector<double>{1, 2, 5, 10, 20, 50, 100}));
    }

    void tickLabels()
    {
        QCOMPARE(tickLabel(0.2, 0.2), std::string("0.2"));
        QCOMPARE(tickLabel(1.0, 0.2), std::string("1"));
        QCOMPARE(tickLabel(15, 5), std::string("15"));
        QCOMPARE(tickLabel(2500, 500), std::string("2500"));
        QCOMPARE(tickLabel(12500, 2500), std::string("12.5k"));
        QCOMPARE(tickLabel(3e6, 1e6), std::string("3M"));
        QCOMPARE(tickLabel(-0.5, 0.5), std::string("-0.5"));
        QCOMPARE(tickLabel(1e-5, 1e-5), std::string("1e-05"));
        QCOMPARE(tickLabel(0, 1), std::string("0"));
    }

    void svgIsWellFormedAndEscaped()
    {
        SvgCanvas canvas(200, 100);
        canvas.text(10, 20, "a < b & \"c\" > d", {});
        canvas.text(10, 40, "bad \x01 byte \xFF", {});
        const std::string svg = canvas.svg();
        QVERIFY(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\""));
        QVERIFY(svg.find("a &lt; b &amp; &quot;c&quot; &gt; d") != std::string::npos);
        const ParsedSvg parsed = parseSvg(svg);
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QCOMPARE(parsed.texts.size(), std::size_t(2));
        QCOMPARE(parsed.texts[0].content, u"a < b & \"c\" > d"_qs);
    }

    void lineChartHasOnePolylinePerSeries()
    {
        ChartSpec spec;
        spec.title = "Two series";
        spec.series.push_back({"first", {255, 0, 0}, SeriesStyle::Line, {{0, 1}, {1, 3}, {2, 2}, {3, 5}, {4, 4}}});
        spec.series.push_back({"second", {0, 0, 255}, SeriesStyle::DashedLine, {}});
        for (int i = 0; i < 7; ++i)
            spec.series.back().points.emplace_back(i * 0.5, i * i);
        const ParsedSvg parsed = renderChart(spec, 400, 250);
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QCOMPARE(parsed.polylinePoints.size(), std::size_t(2));
        QCOMPARE(parsed.polylineStrokes[0], u"#ff0000"_qs);
        QCOMPARE(parsed.polylinePoints[0].split(u' ').size(), 5);
        QCOMPARE(parsed.polylinePoints[1].split(u' ').size(), 7);
        const auto labels = texts(parsed);
        QVERIFY(std::find(labels.begin(), labels.end(), "first") != labels.end());
        checkTextInside(parsed, 400, 250);
    }

    void chartWithoutFiniteDataShowsEmptyText()
    {
        constexpr double nan = std::numeric_limits<double>::quiet_NaN();
        ChartSpec spec;
        spec.title = "Nothing yet";
        spec.emptyText = "No tensor is quantised";
        spec.series.push_back({"nan", {1, 2, 3}, SeriesStyle::LineWithMarkers, {{nan, 1}, {1, nan}}});
        spec.series.push_back({"inf", {1, 2, 3}, SeriesStyle::Bars, {{0, std::numeric_limits<double>::infinity()}}});
        for (const bool logY : {false, true}) {
            spec.logY = logY;
            if (logY)
                spec.series.push_back({"negative", {1, 2, 3}, SeriesStyle::Line, {{1, -1}, {2, 0}}});
            const ParsedSvg parsed = renderChart(spec, 300, 200);
            QVERIFY(parsed.error.isEmpty());
            QVERIFY(parsed.polylinePoints.empty());
            QCOMPARE(texts(parsed), (std::vector<std::string>{"Nothing yet", "No tensor is quantised"}));
            QCOMPARE(parsed.rects, 1);
        }
        QVERIFY(renderChart(ChartSpec{}, 300, 200).error.isEmpty());
    }

    void barsSitSideBySide()
    {
        const ParsedSvg parsed = renderChart(barChart(8), 500, 300);
        QVERIFY(parsed.error.isEmpty());
        QCOMPARE(parsed.rects, 3 * 8 + 3); // the bars and the legend swatches
        const auto labels = texts(parsed);
        QVERIFY(std::find(labels.begin(), labels.end(), "65536") != labels.end());
        checkTextInside(parsed, 500, 300);
    }

    void labelsStayInsideTheRectangle_data()
    {
        QTest::addColumn<int>("chart");
        QTest::addColumn<double>("width");
        QTest::addColumn<double>("height");
        for (const double width : {240.0, 515.0, 760.0}) {
            QTest::addRow("line %g", width) << 0 << width << 260.0;
            QTest::addRow("crowded bars %g", width) << 1 << width << 300.0;
            QTest::addRow("long names %g", width) << 2 << width << 360.0;
            QTest::addRow("log %g", width) << 3 << width << 220.0;
        }
    }
    void labelsStayInsideTheRectangle()
    {
        QFETCH(int, chart);
        QFETCH(double, width);
        QFETCH(double, height);
        ChartSpec spec = chart == 0 ? lineChart() : chart == 1 ? barChart(40) : barChart(25, "model.layers.mlp.");
        if (chart == 3) {
            spec = ChartSpec{};
            spec.title = "A long title that has to wrap onto a second line when the chart is narrow enough";
            spec.yTitle = "Mean KL divergence (nats/token), a long axis title";
            spec.xTitle = "Step";
            spec.logY = true;
            spec.series.push_back({"KL", {214, 39, 40}, SeriesStyle::Markers, {}});
            for (int i = 0; i < 30; ++i)
                spec.series.back().points.emplace_back(i * 1000.0, std::pow(10.0, i / 6.0 - 3));
        }
        const ParsedSvg parsed = renderChart(spec, width, height);
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        checkTextInside(parsed, width, height);
    }

    void tableTruncatesAndReturnsItsHeight()
    {
        SvgCanvas canvas(300, 200);
        const double used = drawTable(canvas, 10, 10, 280, {"Name", "Value"},
            {{"a very long name that cannot fit in its column at all", "1.5"}, {"b", "22"}}, 9, {0.5, 0.5},
            {false, true});
        QCOMPARE(used, 3 * tableRowHeight(9));
        const ParsedSvg parsed = parseSvg(canvas.svg());
        QVERIFY(parsed.error.isEmpty());
        QVERIFY(parsed.texts[2].content.endsWith(u"…"_qs));
        QVERIFY(parsed.texts[0].bold);
        QCOMPARE(parsed.texts[3].anchor, u"end"_qs);
        QCOMPARE(drawTable(canvas, 0, 0, 100, {}, {}, 9), 0.0);
    }

    void pdfStructureIsValid()
    {
        PdfDocument document;
        document.setInfo("Report — test", "Compression Lab");
        Canvas& first = document.newPage();
        first.text(40, 40, "Parens (a) and \\ backslash", {});
        first.text(40, 60, "Perplexity ×1.03 — ≈ 4 bits", {});
        drawChart(first, 40, 80, 500, 300, lineChart());
        Canvas& second = document.newPage();
        drawChart(second, 40, 80, 500, 300, barChart(8));
        QCOMPARE(document.pageCount(), std::size_t(2));
        checkPdf(document.bytes(), 2);
        const std::string bytes = document.bytes();
        QVERIFY(bytes.find("(Parens \\(a\\) and \\\\ backslash)") != std::string::npos);
        QVERIFY(bytes.find("(Perplexity \3271.03 \227 ~ 4 bits)") != std::string::npos); // cp1252 × and —
        QVERIFY(bytes.find("[3 2] 0 d") != std::string::npos);
        QVERIFY(bytes.find(" 0 1 -1 0 ") != std::string::npos); // the vertical y-axis title
        QVERIFY(bytes.find("/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding") != std::string::npos);

        checkPdf(PdfDocument().bytes(), 1); // no page drawn: one blank page
    }

    void popplerReadsThePdf()
    {
        const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_qs);
        const QString pdftoppm = QStandardPaths::findExecutable(u"pdftoppm"_qs);
        if (pdftotext.isEmpty() || pdftoppm.isEmpty())
            QSKIP("poppler-utils (pdftotext, pdftoppm) is not installed");
        PdfDocument document;
        TextStyle big;
        big.size = 14;
        document.newPage().text(40, 60, "Bits per weight", big);
        Canvas& second = document.newPage();
        second.text(40, 60, "Perplexity ×1.03", big);
        drawChart(second, 40, 100, 500, 300, lineChart());
        QTemporaryDir dir;
        const QString path = dir.filePath(u"two-pages.pdf"_qs);
        std::ofstream(path.toStdString(), std::ios::binary) << document.bytes();

        QProcess text;
        text.start(pdftotext, {u"-enc"_qs, u"UTF-8"_qs, path, u"-"_qs});
        QVERIFY(text.waitForFinished(30000));
        QCOMPARE(text.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(text.readAllStandardError()), QString());
        const QStringList pages = QString::fromUtf8(text.readAllStandardOutput()).split(u'\f');
        QVERIFY(pages.size() >= 2);
        QVERIFY2(pages[0].contains(u"Bits per weight"_qs), qPrintable(pages[0]));
        QVERIFY2(pages[1].contains(u"Perplexity ×1.03"_qs), qPrintable(pages[1]));
        QVERIFY(pages[1].contains(u"Rule of thumb (estimate)"_qs));

        QProcess render;
        render.start(pdftoppm, {u"-r"_qs, u"50"_qs, u"-png"_qs, path, dir.filePath(u"page"_qs)});
        QVERIFY(render.waitForFinished(60000));
        QCOMPARE(render.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(render.readAllStandardError()), QString());
        QVERIFY(QFileInfo::exists(dir.filePath(u"page-1.png"_qs)) && QFileInfo::exists(dir.filePath(u"page-2.png"_qs)));
    }

private:
    // Header, every xref offset at its "N 0 obj", startxref at "xref", stream lengths, page count, %%EOF.
    void checkPdf(const std::string& bytes, int pages)
    {
        QVERIFY(bytes.starts_with("%PDF-1.4\n"));
        QVERIFY(bytes.ends_with("%%EOF\n"));
        const std::size_t startxref = bytes.rfind("startxref\n");
        QVERIFY(startxref != std::string::npos);
        const std::size_t xref = readNumberAt(bytes, startxref + 10);
        QCOMPARE(bytes.substr(xref, 5), std::string("xref\n"));
        const std::size_t header = xref + 5;
        QCOMPARE(bytes.substr(header, 2), std::string("0 "));
        const std::size_t count = readNumberAt(bytes, header + 2);
        const std::size_t entries = bytes.find('\n', header) + 1;
        QCOMPARE(bytes.substr(entries, 20), std::string("0000000000 65535 f \n"));
        for (std::size_t object = 1; object < count; ++object) {
            const std::string entry = bytes.substr(entries + 20 * object, 20);
            QVERIFY2(QRegularExpression(u"^\\d{10} 00000 n \n$"_qs).match(QString::fromStdString(entry)).hasMatch(),
                entry.c_str());
            const std::size_t offset = std::stoul(entry.substr(0, 10));
            const std::string expected = std::to_string(object) + " 0 obj\n";
            QVERIFY2(bytes.compare(offset, expected.size(), expected) == 0, expected.c_str());
        }
        QCOMPARE(bytes.substr(entries + 20 * count, 8), std::string("trailer\n"));
        QVERIFY(bytes.find("/Size " + std::to_string(count) + " ") != std::string::npos);
        QVERIFY(bytes.find("/Count " + std::to_string(pages) + " ") != std::string::npos);
        int streams = 0;
        for (std::size_t at = bytes.find("/Length "); at != std::string::npos; at = bytes.find("/Length ", at + 1)) {
            const std::size_t length = readNumberAt(bytes, at + 8);
            const std::size_t data = bytes.find(">>\nstream\n", at) + 10;
            QCOMPARE(bytes.substr(data + length, 10), std::string("\nendstream"));
            ++streams;
        }
        QCOMPARE(streams, pages);
    }
};

QTEST_GUILESS_MAIN(TestReportCanvas)
#include "tst_reportcanvas.moc"
