// How every subcommand turns failures into exit codes and one "error:" line on stderr:
// 1 for wrong usage, 2 for invalid input (the message names the file, the tensor and the problem).
#pragma once

#include "io/CheckpointError.h"

#include <ostream>
#include <stdexcept>
#include <string>

namespace complab::cli {

// Thrown for requests that make no sense (exit 1), as opposed to bad input files (exit 2).
class UsageError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Runs body (which returns the exit code) and reports what it throws. `subject` prefixes messages
// of errors that do not name their file themselves.
template <typename Body> int runReportingErrors(const std::string& subject, std::ostream& err, Body&& body)
{
    try {
        return body();
    } catch (const UsageError& e) {
        err << "error: " << e.what() << '\n';
        return 1;
    } catch (const CheckpointError& e) {
        err << "error: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        err << "error: " << (subject.empty() ? std::string() : subject + ": ") << e.what() << '\n';
        return 2;
    }
}

} // namespace complab::cli
