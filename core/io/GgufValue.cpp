#include "io/GgufValue.h"

#include <cstdio>
#include <cstring>

namespace complab {

std::string_view ggufTypeName(GgufType type)
{
    switch (type) {
    case GgufType::UInt8:
        return "uint8";
    case GgufType::Int8:
        return "int8";
    case GgufType::UInt16:
        return "uint16";
    case GgufType::Int16:
        return "int16";
    case GgufType::UInt32:
        return "uint32";
    case GgufType::Int32:
        return "int32";
    case GgufType::Float32:
        return "float32";
    case GgufType::Bool:
        return "bool";
    case GgufType::String:
        return "string";
    case GgufType::Array:
        return "array";
    case GgufType::UInt64:
        return "uint64";
    case GgufType::Int64:
        return "int64";
    case GgufType::Float64:
        return "float64";
    }
    return "unknown";
}

std::size_t ggufScalarSize(GgufType type)
{
    switch (type) {
    case GgufType::UInt8:
    case GgufType::Int8:
    case GgufType::Bool:
        return 1;
    case GgufType::UInt16:
    case GgufType::Int16:
        return 2;
    case GgufType::UInt32:
    case GgufType::Int32:
    case GgufType::Float32:
        return 4;
    case GgufType::UInt64:
    case GgufType::Int64:
    case GgufType::Float64:
        return 8;
    case GgufType::String:
    case GgufType::Array:
        return 0;
    }
    return 0;
}

std::optional<std::int64_t> GgufValue::asInteger() const
{
    if (const auto* value = std::get_if<std::uint64_t>(&scalar))
        return *value <= static_cast<std::uint64_t>(INT64_MAX)
            ? std::optional<std::int64_t>(static_cast<std::int64_t>(*value))
            : std::nullopt;
    if (const auto* value = std::get_if<std::int64_t>(&scalar))
        return *value;
    return std::nullopt;
}

std::optional<double> GgufValue::asNumber() const
{
    if (const auto* value = std::get_if<double>(&scalar))
        return *value;
    if (const auto* value = std::get_if<std::uint64_t>(&scalar))
        return static_cast<double>(*value);
    if (const auto* value = std::get_if<std::int64_t>(&scalar))
        return static_cast<double>(*value);
    return std::nullopt;
}

std::optional<std::string_view> GgufValue::asString() const
{
    if (const auto* value = std::get_if<std::string_view>(&scalar))
        return *value;
    return std::nullopt;
}

std::optional<double> GgufValue::numberAt(std::uint64_t index) const
{
    const std::size_t size = ggufScalarSize(elementType);
    if (!isArray() || size == 0 || index >= count)
        return std::nullopt;
    const std::byte* at = numbers.data() + index * size;
    const auto load = [at](auto value) {
        std::memcpy(&value, at, sizeof value);
        return value;
    };
    switch (elementType) {
    case GgufType::UInt8:
    case GgufType::Bool:
        return load(std::uint8_t{});
    case GgufType::Int8:
        return load(std::int8_t{});
    case GgufType::UInt16:
        return load(std::uint16_t{});
    case GgufType::Int16:
        return load(std::int16_t{});
    case GgufType::UInt32:
        return load(std::uint32_t{});
    case GgufType::Int32:
        return load(std::int32_t{});
    case GgufType::Float32:
        return load(float{});
    case GgufType::UInt64:
        return static_cast<double>(load(std::uint64_t{}));
    case GgufType::Int64:
        return static_cast<double>(load(std::int64_t{}));
    case GgufType::Float64:
        return load(double{});
    default:
        return std::nullopt;
    }
}

namespace {

std::string printable(std::string_view text, std::size_t maxChars)
{
    std::string out;
    for (const char c : text.substr(0, maxChars)) {
        if (c == '\n')
            out += "\\n";
        else if (static_cast<unsigned char>(c) < 0x20)
            out += ' ';
        else
            out += c;
    }
    if (text.size() > maxChars)
        out += "…";
    return out;
}

std::string formatNumber(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

} // namespace

std::string GgufValue::toText(std::size_t maxItems, std::size_t maxChars) const
{
    if (!isArray()) {
        if (type == GgufType::Bool)
            return std::get<std::uint64_t>(scalar) ? "true" : "false";
        if (const auto text = asString())
            return printable(*text, maxChars);
        if (const auto* value = std::get_if<std::uint64_t>(&scalar))
            return std::to_string(*value);
        if (const auto* value = std::get_if<std::int64_t>(&scalar))
            return std::to_string(*value);
        if (const auto* value = std::get_if<double>(&scalar))
            return formatNumber(*value);
        return {};
    }
    std::string text = "[";
    const std::uint64_t shown = std::min<std::uint64_t>(count, maxItems);
    for (std::uint64_t i = 0; i < shown; ++i) {
        if (i > 0)
            text += ", ";
        if (elementType == GgufType::String) {
            // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on "\"" + std::string&&.
            text += '"';
            text += printable(strings[i], 40);
            text += '"';
        } else if (elementType == GgufType::Array)
            text += arrays[i].toText(maxItems, maxChars);
        else
            text += formatNumber(*numberAt(i));
    }
    if (count > shown)
        text += ", … (" + std::to_string(count) + " " + std::string(ggufTypeName(elementType)) + " values)";
    return text + "]";
}

} // namespace complab
