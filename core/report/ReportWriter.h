// Writes a report in the format its file name asks for: .html (a self-contained page with inline
// SVG charts), .pdf (the same content on A4 pages), .csv (the per-tensor measurements) or .h5/.hdf5
// (measurements, histograms and curves as datasets, each with its unit as an attribute). Every
// format is written atomically: a temporary file beside the target, synced, then renamed.
#pragma once

#include "report/ReportData.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace complab::report {

enum class ReportFormat { Html, Pdf, Csv, Hdf5 };

// From the extension (case-insensitive); nullopt for any other.
std::optional<ReportFormat> reportFormatFor(const std::filesystem::path& path);

// Throws std::invalid_argument for an unknown extension, CheckpointError naming the file when it
// cannot be written.
void writeReport(const ReportData& data, const std::filesystem::path& path);

std::string reportHtml(const ReportData& data);
std::string reportPdf(const ReportData& data);
std::string reportCsv(const ReportData& data);
void writeReportHdf5(const ReportData& data, const std::filesystem::path& path);

// Numbers as the report prints them, independent of the locale: `digits` significant digits,
// "—" for NaN, "∞" for infinities.
std::string number(double value, int digits = 4);
std::string percentText(double fraction, int decimals = 1); // 0.1234 → "12.3 %"
// The parts joined with `separator`: {"2048", "256"} with " × " → "2048 × 256".
std::string joined(const std::vector<std::string>& parts, const std::string& separator);
std::string shapeText(const std::vector<std::int64_t>& shape, const std::string& separator);

} // namespace complab::report
