// Test helper: writes safetensors files byte by byte, valid or deliberately broken.
#pragma once

#include "FileFixture.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>
#include <QStringBuilder>

#include <cstdint>
#include <cstring>
#include <optional>

namespace complab::test {

// JSON written with single quotes for readability in tests: J("{'a':1}") is {"a":1}.
// (Raw string literals confuse moc, which scans every test file.)
inline QByteArray J(const char* text)
{
    return QByteArray(text).replace('\'', '"');
}

// header: the JSON text exactly as it should appear; lengthOverride replaces the 8-byte length.
inline QByteArray safetensorsBytes(
    const QByteArray& header, const QByteArray& data, std::optional<std::uint64_t> lengthOverride = std::nullopt)
{
    const std::uint64_t length = lengthOverride.value_or(static_cast<std::uint64_t>(header.size()));
    QByteArray bytes(8, '\0');
    std::memcpy(bytes.data(), &length, 8);
    return bytes + header + data;
}

struct TensorBytes
{
    QByteArray name;
    QByteArray dtype;
    QList<qint64> shape;
    QByteArray data;
};

// A valid safetensors file holding these tensors, in this order.
inline QByteArray safetensorsFile(const QList<TensorBytes>& tensors)
{
    QByteArray header = "{";
    QByteArray data;
    for (const auto& tensor : tensors) {
        if (header.size() > 1)
            header += ',';
        QByteArray shape;
        for (const auto dimension : tensor.shape)
            shape += (shape.isEmpty() ? "" : ",") + QByteArray::number(dimension);
        header += '"' + tensor.name + "\":{\"dtype\":\"" + tensor.dtype + "\",\"shape\":[" + shape
            + "],\"data_offsets\":[" + QByteArray::number(data.size()) + ','
            + QByteArray::number(data.size() + tensor.data.size()) + "]}";
        data += tensor.data;
    }
    return safetensorsBytes(header + '}', data);
}

} // namespace complab::test
