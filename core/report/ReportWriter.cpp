#include "report/ReportWriter.h"

#include "io/AtomicFile.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace complab::report {

std::optional<ReportFormat> reportFormatFor(const std::filesystem::path& path)
{
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
        [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".html" || extension == ".htm")
        return ReportFormat::Html;
    if (extension == ".pdf")
        return ReportFormat::Pdf;
    if (extension == ".csv")
        return ReportFormat::Csv;
    if (extension == ".h5" || extension == ".hdf5")
        return ReportFormat::Hdf5;
    return std::nullopt;
}

namespace {

void writeText(const std::filesystem::path& path, const std::string& text)
{
    AtomicFile file(path);
    file.write(std::as_bytes(std::span(text.data(), text.size())));
    file.commit();
}

// RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled.
std::string csvField(const std::string& text)
{
    if (text.find_first_of(",\"\n\r") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

// Full precision for machines: the shortest text that reads back as the same double.
std::string exact(double value)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

} // namespace

void writeReport(const ReportData& data, const std::filesystem::path& path)
{
    const auto format = reportFormatFor(path);
    if (!format)
        throw std::invalid_argument("report '" + path.string()
            + "': the file name must end in .html, .pdf, .csv, .h5 or .hdf5 (it decides the format)");
    switch (*format) {
    case ReportFormat::Html:
        writeText(path, reportHtml(data));
        break;
    case ReportFormat::Pdf:
        writeText(path, reportPdf(data));
        break;
    case ReportFormat::Csv:
        writeText(path, reportCsv(data));
        break;
    case ReportFormat::Hdf5:
        writeReportHdf5(data, path);
        break;
    }
}

std::string reportCsv(const ReportData& data)
{
    std::string text = "tensor,shape,source_dtype,treatment,stored_as,elements,source_bytes,stored_bytes,"
                       "bits_per_weight,relative_error,sqnr_db,rms_error,max_abs_error,cosine_similarity,"
                       "became_zero_fraction,sign_flip_fraction\n";
    for (const auto& row : data.tensors) {
        text += csvField(row.plan.sourceName) + ',' + shapeText(row.plan.shape, "x") + ','
            + std::string(dtypeName(row.plan.sourceType)) + ',' + csvField(row.treatment) + ','
            + std::string(dtypeName(row.plan.storedAs)) + ',' + std::to_string(row.elements) + ','
            + std::to_string(row.sourceBytes) + ',' + std::to_string(row.storedBytes) + ',';
        if (const auto& m = row.plan.metrics)
            text += exact(m->bitsPerWeight) + ',' + exact(m->relativeError) + ',' + exact(m->sqnrDb) + ','
                + exact(m->rmsError) + ',' + exact(m->maxAbsError) + ',' + exact(m->cosineSimilarity) + ','
                + exact(m->becameZeroFraction) + ',' + exact(m->signFlipFraction);
        else
            text += exact(row.elements ? 8.0 * double(row.storedBytes) / double(row.elements) : 0.0)
                + ",0,inf,0,0,1,0,0";
        text += '\n';
    }
    return text;
}

std::string joined(const std::vector<std::string>& parts, const std::string& separator)
{
    std::string text;
    for (const auto& part : parts) {
        if (!text.empty())
            text += separator;
        text += part;
    }
    return text;
}

std::string shapeText(const std::vector<std::int64_t>& shape, const std::string& separator)
{
    std::vector<std::string> parts;
    for (const auto dimension : shape)
        parts.push_back(std::to_string(dimension));
    return joined(parts, separator);
}

std::string number(double value, int digits)
{
    if (std::isnan(value))
        return "\u2014";
    if (std::isinf(value))
        return value > 0 ? "\u221e" : "\u2212\u221e";
    // to_chars, not printf: the GUI runs under the user's LC_NUMERIC, and a report reads the same anywhere.
    char buffer[64];
    const auto result
        = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, std::max(digits, 1));
    return std::string(buffer, result.ptr);
}

std::string percentText(double fraction, int decimals)
{
    if (!std::isfinite(fraction))
        return number(fraction);
    char buffer[64];
    const auto result = std::to_chars(
        buffer, buffer + sizeof buffer, fraction * 100.0, std::chars_format::fixed, std::max(decimals, 0));
    return std::string(buffer, result.ptr) + " %";
}

} // namespace complab::report
