// A minimal PDF 1.4 writer for the report: pages drawn through the Canvas interface, text in the standard
// fonts Helvetica, Helvetica-Bold, Courier and Courier-Bold (WinAnsiEncoding, not embedded), uncompressed
// content streams. Written by core itself so the Qt-free CLI can export a PDF.
#pragma once

#include "report/Canvas.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace complab::report {

class PdfDocument
{
public:
    // A4 portrait by default, in points.
    explicit PdfDocument(double pageWidth = 595.28, double pageHeight = 841.89);
    ~PdfDocument();
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    // Appends a page; the reference stays valid for the document's life.
    Canvas& newPage();
    std::size_t pageCount() const { return m_pages.size(); }
    double pageWidth() const { return m_pageWidth; }
    double pageHeight() const { return m_pageHeight; }

    // The document information dictionary (UTF-8; written as UTF-16 so any title survives).
    void setInfo(std::string title, std::string producer);

    // The whole file. A document without pages gets one blank page: viewers reject an empty page tree.
    std::string bytes() const;

private:
    class Page;

    double m_pageWidth;
    double m_pageHeight;
    std::string m_title;
    std::string m_producer = "Compression Lab";
    std::vector<std::unique_ptr<Page>> m_pages;
};

// `winAnsi` as a PDF literal string: in parentheses, with ( ) \ escaped and control bytes in octal.
std::string pdfStringLiteral(std::string_view winAnsi);

} // namespace complab::report
