#include "io/SafetensorsCheckpoint.h"

#include "io/CheckpointError.h"
#include "io/MappedFile.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <set>
#include <stdexcept>
#include <vector>

namespace complab {

namespace {

using Json = nlohmann::json;

std::string describeJsonType(const Json& value)
{
    return std::string(value.type_name());
}

// Parses the header, refusing duplicate keys in any object (nlohmann would silently keep the last).
Json parseHeader(std::string_view text, const std::filesystem::path& path)
{
    std::vector<std::set<std::string>> keysPerObject;
    std::string duplicate;
    int duplicateDepth = 0;
    auto callback = [&](int depth, Json::parse_event_t event, Json& parsed) {
        switch (event) {
        case Json::parse_event_t::object_start:
            keysPerObject.emplace_back();
            break;
        case Json::parse_event_t::object_end:
            if (!keysPerObject.empty())
                keysPerObject.pop_back();
            break;
        case Json::parse_event_t::key:
            if (!keysPerObject.empty() && !keysPerObject.back().insert(parsed.get<std::string>()).second
                && duplicate.empty()) {
                duplicate = parsed.get<std::string>();
                duplicateDepth = depth;
            }
            break;
        default:
            break;
        }
        return true;
    };
    Json header;
    try {
        header = Json::parse(text.begin(), text.end(), callback);
    } catch (const Json::exception& e) {
        // parse_error for bad syntax, out_of_range for numbers like 6e4000 (found by fuzzing).
        throw CheckpointError(path, std::string("header is not valid UTF-8 JSON: ") + e.what());
    }
    if (!duplicate.empty()) {
        if (duplicateDepth <= 1)
            throw CheckpointError(path, duplicate, "tensor name appears twice in the header");
        throw CheckpointError(path, "header repeats the key '" + duplicate + "' inside one entry");
    }
    return header;
}

std::uint64_t nonNegativeInteger(
    const Json& value, const std::filesystem::path& path, const std::string& tensor, const std::string& what)
{
    if (value.is_number_unsigned())
        return value.get<std::uint64_t>();
    if (value.is_number_integer()) // signed and therefore negative here
        throw CheckpointError(path, tensor, what + " is negative (" + value.dump() + ")");
    throw CheckpointError(path, tensor, what + " must be an integer, not " + value.dump());
}

TensorInfo parseEntry(const std::string& name, const Json& entry, const std::filesystem::path& path,
    std::uint64_t& begin, std::uint64_t& end)
{
    if (!entry.is_object())
        throw CheckpointError(path, name, "entry must be an object, not " + describeJsonType(entry));
    for (const auto& item : entry.items()) {
        if (item.key() != "dtype" && item.key() != "shape" && item.key() != "data_offsets")
            throw CheckpointError(path, name, "unexpected key '" + item.key() + "'");
    }
    const auto dtypeIt = entry.find("dtype");
    const auto shapeIt = entry.find("shape");
    const auto offsetsIt = entry.find("data_offsets");
    if (dtypeIt == entry.end() || shapeIt == entry.end() || offsetsIt == entry.end())
        throw CheckpointError(path, name, "entry needs 'dtype', 'shape' and 'data_offsets'");
    if (!dtypeIt->is_string())
        throw CheckpointError(path, name, "dtype must be a string, not " + dtypeIt->dump());

    TensorInfo info;
    info.name = name;
    const auto dtypeText = dtypeIt->get<std::string>();
    const auto dtype = dtypeFromName(dtypeText);
    if (!dtype)
        throw CheckpointError(path, name, "unknown dtype '" + dtypeText + "'");
    info.dtype = *dtype;

    if (!shapeIt->is_array())
        throw CheckpointError(path, name, "shape must be a list of integers, not " + shapeIt->dump());
    if (shapeIt->size() > 16)
        throw CheckpointError(path, name, "shape has " + std::to_string(shapeIt->size()) + " dimensions (at most 16)");
    std::uint64_t elements = 1;
    bool overflow = false;
    for (const auto& dimensionValue : *shapeIt) {
        const auto dimension = nonNegativeInteger(dimensionValue, path, name, "shape dimension");
        if (dimension > static_cast<std::uint64_t>(INT64_MAX))
            throw CheckpointError(path, name, "shape dimension " + dimensionValue.dump() + " is too large");
        info.shape.push_back(static_cast<std::int64_t>(dimension));
        overflow = overflow || __builtin_mul_overflow(elements, dimension, &elements);
    }
    std::uint64_t bytes = 0;
    if (overflow || __builtin_mul_overflow(elements, dtypeSize(info.dtype), &bytes))
        throw CheckpointError(
            path, name, "shape " + info.shapeString() + " overflows: its size in bytes cannot be represented");

    if (!offsetsIt->is_array() || offsetsIt->size() != 2)
        throw CheckpointError(path, name, "data_offsets must be a list of two integers, not " + offsetsIt->dump());
    begin = nonNegativeInteger((*offsetsIt)[0], path, name, "data_offsets begin");
    end = nonNegativeInteger((*offsetsIt)[1], path, name, "data_offsets end");
    if (begin > end)
        throw CheckpointError(path, name,
            "data_offsets [" + std::to_string(begin) + ", " + std::to_string(end)
                + "] are out of order (begin after end)");
    if (end - begin != bytes)
        throw CheckpointError(path, name,
            "data_offsets span " + std::to_string(end - begin) + " bytes but shape " + info.shapeString() + " of "
                + std::string(dtypeName(info.dtype)) + " needs " + std::to_string(bytes) + " bytes");
    info.byteSize = bytes;
    return info;
}

} // namespace

SafetensorsCheckpoint::SafetensorsCheckpoint(const std::filesystem::path& path)
    : Checkpoint(path)
    , m_file(std::make_shared<MappedFile>(path))
{
    const auto fileSize = m_file->size();
    m_fileBytes = fileSize;
    if (fileSize < 8)
        throw CheckpointError(
            path, "file is " + std::to_string(fileSize) + " bytes, too small to hold the 8-byte header length");
    std::uint64_t headerLength = 0;
    std::memcpy(&headerLength, m_file->bytes().data(), sizeof headerLength);
    if (headerLength > maxHeaderBytes)
        throw CheckpointError(
            path, "header length " + std::to_string(headerLength) + " bytes is over the 100 MB limit");
    if (headerLength > fileSize - 8)
        throw CheckpointError(path,
            "header length " + std::to_string(headerLength) + " bytes runs past the end of the "
                + std::to_string(fileSize) + "-byte file");
    const auto headerBytes = m_file->bytes().subspan(8, headerLength);
    if (headerLength == 0 || headerBytes[0] != std::byte{'{'})
        throw CheckpointError(path, "header does not begin with '{'");

    const auto header
        = parseHeader(std::string_view(reinterpret_cast<const char*>(headerBytes.data()), headerBytes.size()), path);
    if (!header.is_object())
        throw CheckpointError(path, "header is not a JSON object");

    const std::uint64_t dataStart = 8 + headerLength;
    const std::uint64_t dataSize = fileSize - dataStart;
    struct Span
    {
        std::uint64_t begin;
        std::uint64_t end;
        std::size_t index;
    };
    std::vector<Span> spans;
    for (const auto& item : header.items()) {
        if (item.key() == "__metadata__") {
            if (!item.value().is_object())
                throw CheckpointError(
                    path, "__metadata__ must be an object of strings, not " + describeJsonType(item.value()));
            for (const auto& entry : item.value().items()) {
                if (!entry.value().is_string())
                    throw CheckpointError(path,
                        "__metadata__ must map strings to strings; key '" + entry.key() + "' holds "
                            + describeJsonType(entry.value()));
                m_metadata[entry.key()] = entry.value().get<std::string>();
            }
            continue;
        }
        std::uint64_t begin = 0;
        std::uint64_t end = 0;
        auto info = parseEntry(item.key(), item.value(), path, begin, end);
        if (end > dataSize)
            throw CheckpointError(path, info.name,
                "data ends at byte " + std::to_string(end)
                    + " of the data section, past the end of "
                      "the file (the data section holds "
                    + std::to_string(dataSize) + " bytes)");
        info.fileOffset = dataStart + begin;
        spans.push_back({begin, end, m_tensors.size()});
        m_tensors.push_back(std::move(info));
    }

    // The tensors must tile the data section exactly: no overlap, no hole, nothing left over.
    std::stable_sort(spans.begin(), spans.end(),
        [](const Span& a, const Span& b) { return a.begin != b.begin ? a.begin < b.begin : a.end < b.end; });
    std::uint64_t expected = 0;
    const TensorInfo* previous = nullptr;
    for (const auto& span : spans) {
        const auto& info = m_tensors[span.index];
        if (span.begin < expected)
            throw CheckpointError(path, info.name,
                "data [" + std::to_string(span.begin) + ", " + std::to_string(span.end) + ") overlaps tensor '"
                    + previous->name + "', which ends at " + std::to_string(expected));
        if (span.begin > expected)
            throw CheckpointError(path, info.name,
                "a hole of " + std::to_string(span.begin - expected) + " unused bytes precedes its data"
                    + (previous ? " (after tensor '" + previous->name + "')" : std::string()));
        expected = span.end;
        if (span.end > span.begin || !previous)
            previous = &info;
    }
    if (expected < dataSize)
        throw CheckpointError(
            path, std::to_string(dataSize - expected) + " trailing bytes follow the last tensor's data");

    // Present tensors in file order (the header's JSON order is alphabetical, not meaningful).
    std::vector<TensorInfo> ordered;
    ordered.reserve(m_tensors.size());
    for (const auto& span : spans)
        ordered.push_back(std::move(m_tensors[span.index]));
    m_tensors = std::move(ordered);

    loadSidecarConfig();
}

SafetensorsCheckpoint::~SafetensorsCheckpoint() = default;

TensorView SafetensorsCheckpoint::tensor(std::size_t index) const
{
    if (index >= m_tensors.size())
        throw std::out_of_range("tensor index " + std::to_string(index) + " out of range");
    const auto& info = m_tensors[index];
    return TensorView(info, m_file->bytes().subspan(info.fileOffset, info.byteSize), m_file, true);
}

} // namespace complab
