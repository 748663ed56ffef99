// `compression-lab-cli inspect PATH [--json] [--stats]`: the tensor table of a checkpoint, as text
// or as JSON (the contract other tools and checks rely on).
#pragma once

#include <iosfwd>
#include <string>

namespace complab::cli {

struct InspectOptions
{
    std::string path;
    bool json = false;
    bool stats = false;
};

// Returns the process exit code: 0, or 2 with one "error: ..." line on err for invalid input.
int runInspect(const InspectOptions& options, std::ostream& out, std::ostream& err);

} // namespace complab::cli
