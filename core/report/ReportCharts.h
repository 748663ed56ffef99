// The report's charts as data, shared by the HTML page (SVG) and the PDF so both draw the same
// series: relative error by tensor, the worst tensor's histogram before and after, quality against
// bits (the rule of thumb with the measured sweep over it), VRAM by term against context, and the
// per-layer sensitivity when the model was run.
#pragma once

#include "recipe/LlamaTensorNames.h" // shortTensorName
#include "report/ChartPainter.h"
#include "report/ReportData.h"

#include <string>
#include <vector>

namespace complab::report {

struct ReportChart
{
    std::string id; // "error", "histogram", "precision", "vram", "layers"
    ChartSpec spec;
    std::string caption; // one or two sentences saying what is drawn and where it comes from
};

std::vector<ReportChart> reportCharts(const ReportData& data);

// The summary cards (title, value, detail, origin "measured" or "estimate"), as the lab shows them.
struct SummaryCard
{
    std::string title;
    std::string value;
    std::string detail;
    std::string origin;
};
std::vector<SummaryCard> summaryCards(const ReportData& data);

} // namespace complab::report
