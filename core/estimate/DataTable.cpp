#include "estimate/DataTable.h"

#include <cmath>
#include <fstream>
#include <sstream>

namespace complab {

std::string readTableFile(const std::filesystem::path& path)
{
    std::ifstream stream(path, std::ios::binary);
    if (!stream)
        throw TableError(path.string() + ": cannot open the table file");
    std::ostringstream text;
    text << stream.rdbuf();
    if (stream.bad())
        throw TableError(path.string() + ": cannot read the table file");
    return text.str();
}

nlohmann::json parseTableRows(std::string_view text, std::string_view fileName)
{
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& e) {
        throw TableError(std::string(fileName) + ": not valid JSON (" + e.what() + ")");
    }
    if (!document.is_object())
        throw TableError(std::string(fileName) + ": the table must be a JSON object with a \"rows\" array");
    const auto rows = document.find("rows");
    if (rows == document.end() || !rows->is_array())
        throw TableError(std::string(fileName) + ": the table has no \"rows\" array");
    if (rows->empty())
        throw TableError(std::string(fileName) + ": the table has no rows");
    return *rows;
}

TableRow::TableRow(const nlohmann::json& row, std::string_view fileName, std::size_t index)
    : m_row(row)
    , m_fileName(fileName)
    , m_index(index)
{
    if (row.is_object()) {
        for (const char* key : {"name", "id", "situation"}) {
            const auto it = row.find(key);
            if (it != row.end() && it->is_string()) {
                m_label = it->get<std::string>();
                break;
            }
        }
    }
    if (!row.is_object())
        fail("the row must be a JSON object");
}

void TableRow::fail(const std::string& message) const
{
    std::string where = std::string(m_fileName) + ": row " + std::to_string(m_index + 1);
    if (!m_label.empty())
        where += " (" + m_label + ")";
    throw TableError(where + ": " + message);
}

const nlohmann::json& TableRow::field(const char* key) const
{
    const auto it = m_row.find(key);
    if (it == m_row.end() || it->is_null())
        fail(std::string("missing key \"") + key + "\"");
    return *it;
}

std::string TableRow::text(const char* key) const
{
    const auto& value = field(key);
    if (!value.is_string() || value.get_ref<const std::string&>().empty())
        fail(std::string("key \"") + key + "\" must be a non-empty string");
    return value.get<std::string>();
}

std::string TableRow::optionalText(const char* key, std::string fallback) const
{
    const auto it = m_row.find(key);
    if (it == m_row.end() || it->is_null())
        return fallback;
    return text(key);
}

double TableRow::number(const char* key, double lowest, double highest) const
{
    const auto& value = field(key);
    if (!value.is_number())
        fail(std::string("key \"") + key + "\" must be a number");
    const double result = value.get<double>();
    if (!std::isfinite(result) || result < lowest || result > highest) {
        std::ostringstream message;
        message << "key \"" << key << "\" is " << result << ", outside [" << lowest << ", " << highest << "]";
        fail(message.str());
    }
    return result;
}

double TableRow::positiveNumber(const char* key) const
{
    const double result = number(key, 0.0, 1e300);
    if (result <= 0.0)
        fail(std::string("key \"") + key + "\" must be greater than zero");
    return result;
}

std::optional<double> TableRow::optionalNumber(const char* key, double lowest, double highest) const
{
    const auto it = m_row.find(key);
    if (it == m_row.end() || it->is_null())
        return std::nullopt;
    return number(key, lowest, highest);
}

std::int64_t TableRow::positiveInteger(const char* key) const
{
    const auto& value = field(key);
    if (!value.is_number_integer() || value.get<std::int64_t>() <= 0)
        fail(std::string("key \"") + key + "\" must be a positive integer");
    return value.get<std::int64_t>();
}

std::optional<std::int64_t> TableRow::optionalPositiveInteger(const char* key) const
{
    const auto it = m_row.find(key);
    if (it == m_row.end() || it->is_null())
        return std::nullopt;
    return positiveInteger(key);
}

bool TableRow::boolean(const char* key) const
{
    const auto& value = field(key);
    if (!value.is_boolean())
        fail(std::string("key \"") + key + "\" must be true or false");
    return value.get<bool>();
}

const nlohmann::json& TableRow::object(const char* key) const
{
    const auto& value = field(key);
    if (!value.is_object())
        fail(std::string("key \"") + key + "\" must be an object");
    return value;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i]))
            return false;
    }
    return true;
}

} // namespace complab
