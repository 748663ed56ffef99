// Shared plumbing for the estimator's JSON data tables (architectures, hardware tiers, landscape,
// decision guide): reading a file, finding its rows, and typed field access whose errors name the
// file, the row and the key, so a person editing a table knows exactly what to fix.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace complab {

// A table that cannot be read or has a malformed row: "architectures.json: row 3 (Qwen2.5-7B): ...".
class TableError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Reads a whole table file; throws TableError naming the path when it cannot be read.
std::string readTableFile(const std::filesystem::path& path);

// Parses a table document, an object with a "rows" array of objects, and returns that array.
nlohmann::json parseTableRows(std::string_view text, std::string_view fileName);

// Typed access to the fields of one row.
class TableRow
{
public:
    TableRow(const nlohmann::json& row, std::string_view fileName, std::size_t index);

    std::string text(const char* key) const;
    std::string optionalText(const char* key, std::string fallback = {}) const;
    double positiveNumber(const char* key) const;
    double number(const char* key, double lowest, double highest) const;
    std::optional<double> optionalNumber(const char* key, double lowest, double highest) const;
    std::int64_t positiveInteger(const char* key) const;
    std::optional<std::int64_t> optionalPositiveInteger(const char* key) const;
    bool boolean(const char* key) const;
    const nlohmann::json& object(const char* key) const;

    // Throws TableError for this row: "<file>: row <n> (<name>): <message>".
    [[noreturn]] void fail(const std::string& message) const;

private:
    const nlohmann::json& field(const char* key) const;

    const nlohmann::json& m_row;
    std::string_view m_fileName;
    std::size_t m_index;
    std::string m_label;
};

// Case-insensitive ASCII comparison, for names typed on a command line.
bool equalsIgnoringCase(std::string_view a, std::string_view b);

} // namespace complab
