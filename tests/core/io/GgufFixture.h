// Test helper: builds GGUF files field by field, valid or deliberately broken.
#pragma once

#include <QByteArray>
#include <QStringBuilder>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace complab::test {

class GgufBuilder
{
public:
    template <typename T> static QByteArray le(T value)
    {
        QByteArray bytes(sizeof(T), '\0');
        std::memcpy(bytes.data(), &value, sizeof(T));
        return bytes;
    }
    static QByteArray str(const QByteArray& text)
    {
        return le<std::uint64_t>(static_cast<std::uint64_t>(text.size())) + text;
    }

    std::uint32_t magic = 0x46554747u;
    std::uint32_t version = 3;
    std::uint64_t alignment = 32;
    // Overrides for the declared counts (default: the real ones).
    std::int64_t declaredTensorCount = -1;
    std::int64_t declaredKeyValueCount = -1;

    // type: GGUF value type id; payload: the value's bytes as they follow the type.
    void keyValue(const QByteArray& key, std::uint32_t type, const QByteArray& payload)
    {
        m_keyValues += str(key) + le<std::uint32_t>(type) + payload;
        ++m_keyValueCount;
    }
    // dims in ggml order (row length first); offset relative to the data section.
    void tensor(
        const QByteArray& name, const std::vector<std::uint64_t>& dims, std::uint32_t ggmlType, std::uint64_t offset)
    {
        QByteArray info = str(name) + le<std::uint32_t>(static_cast<std::uint32_t>(dims.size()));
        for (const auto dim : dims)
            info += le<std::uint64_t>(dim);
        m_tensorInfos += info + le<std::uint32_t>(ggmlType) + le<std::uint64_t>(offset);
        ++m_tensorCount;
    }
    void data(const QByteArray& bytes) { m_data += bytes; }

    QByteArray build() const
    {
        QByteArray file = le<std::uint32_t>(magic) + le<std::uint32_t>(version)
            + le<std::uint64_t>(
                declaredTensorCount >= 0 ? static_cast<std::uint64_t>(declaredTensorCount) : m_tensorCount)
            + le<std::uint64_t>(
                declaredKeyValueCount >= 0 ? static_cast<std::uint64_t>(declaredKeyValueCount) : m_keyValueCount)
            + m_keyValues + m_tensorInfos;
        while (static_cast<std::uint64_t>(file.size()) % alignment != 0)
            file += '\0';
        return file + m_data;
    }

private:
    QByteArray m_keyValues;
    QByteArray m_tensorInfos;
    QByteArray m_data;
    std::uint64_t m_keyValueCount = 0;
    std::uint64_t m_tensorCount = 0;
};

} // namespace complab::test
