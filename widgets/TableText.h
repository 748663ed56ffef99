// Texts that core keeps in English, as the translated GUI shows them: the bundled data tables
// (decision guide, hardware tiers, landscape sources), the estimator's constants (label, kind,
// sources), and a few fixed phrases core reports (progress steps, why a tensor was kept).
//
// Core stays free of Qt, and the CLI and the reports print these texts as they are; the GUI looks
// each one up here. lupdate finds the table texts in TableStrings.cpp, which
// scripts/table-strings.py generates from resources/data/*.json, and the rest in TableText.cpp.
// A text without a translation (a table a person edited, say) is shown as it is.
#pragma once

#include <QString>
#include <QStringList>

#include <string_view>
#include <utility>
#include <vector>

namespace complab::tabletext {

inline constexpr char decisionGuide[] = "DecisionGuideTable";
inline constexpr char hardwareTiers[] = "HardwareTierTable";
inline constexpr char landscape[] = "LandscapeTable";
inline constexpr char constants[] = "EstimatorConstants";
inline constexpr char phrases[] = "CoreText";

// The translation of `english` in `context`, or `english` itself.
QString translated(const char* context, std::string_view english);

// A progress step reported by a core job ("writing model.norm.weight", "perplexity"), translated
// where it is one of the fixed phrases or "<phrase> <name>" patterns core uses.
QString step(std::string_view english);

// The fixed phrases (context `phrases`) that translated() and step() know, for the test that
// every language translates them.
const std::vector<const char*>& knownPhrases();

} // namespace complab::tabletext
