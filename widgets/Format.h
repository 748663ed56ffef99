// The widgets' one formatting helper: sizes, counts, percentages and plain numbers for a person,
// in the user's locale, with the unit choice made by core's util/Units.
#pragma once

#include <QString>

#include <cstdint>
#include <string>
#include <vector>

namespace complab::format {

QString bytes(std::uint64_t bytes); // "7.3 MB"
QString count(std::uint64_t count); // "3.67 M"
QString integer(std::uint64_t value); // "3,672,320"
QString percent(double fraction, int decimals = 1);
QString number(double value, int significantDigits = 4); // "—" for NaN
// An error message for a status label: HTML-escaped, in the panes' red.
QString errorHtml(const QString& message);
QString shape(const std::vector<std::int64_t>& shape); // "2048 × 256"
// A tensor name for a narrow column: without the "model." prefix and ".weight" suffix every
// Hugging Face name carries ("layers.0.self_attn.k_proj"); the full name belongs in its tooltip.
QString tensorLabel(const std::string& name);

} // namespace complab::format
