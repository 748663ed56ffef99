// The default data tables, compiled into complab_core from resources/data/*.json at build time
// (EmbedTables.cmake), so the CLI, the tests and the GUI need no path to start estimating.
#pragma once

#include <string_view>

namespace complab {

// The JSON text of a bundled table by file name ("architectures.json", "hardware_tiers.json",
// "landscape.json", "decision_guide.json"); empty when there is no such table.
std::string_view bundledTableJson(std::string_view fileName);

} // namespace complab
