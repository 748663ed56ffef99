// Charts in the window's colours: background, text, axes and grid from the widget palette, so a
// chart reads in dark and light themes alike. Series colours are left alone (unlike a chart theme,
// which would reset the emphasis each chart sets for itself).
#pragma once

class QChart;
class QPalette;

namespace complab {

void applyPaletteToChart(QChart* chart, const QPalette& palette);

} // namespace complab
