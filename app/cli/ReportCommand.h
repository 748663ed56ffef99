// `compression-lab-cli report MODEL --recipe R.json --out report.html|report.pdf|report.csv|report.h5
// [--text FILE] [--tokens N] [--tokenizer FILE] [--no-sweep] [--ignore-source] [--json]`: measures
// every tensor under the recipe and, with --text, the compressed model's quality against the
// original, then writes the report in the format the file name asks for.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace complab::cli {

struct ReportOptions
{
    std::string model;
    std::string recipe;
    std::string output;
    std::string text;
    std::string tokenizer;
    std::int64_t tokens = 1024;
    bool noSweep = false;
    bool ignoreSource = false;
    bool json = false;
};

CLI::App* addReportCommand(CLI::App& app, ReportOptions& options);
// 0 on success; 1 for wrong usage (unknown extension, a recipe made for another model); 2 for an
// invalid recipe, model or text, or a write that failed.
int runReport(const ReportOptions& options, std::ostream& out, std::ostream& err);

} // namespace complab::cli
