// Test helpers shared by the reader tests: writing and hashing files, raw little-endian bytes,
// and the one check every malformed-file row makes.
#pragma once

#include "io/Checkpoint.h"
#include "io/CheckpointError.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QString>
#include <QTest>

#include <initializer_list>
#include <string>
#include <vector>

namespace complab::test {

inline void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(bytes);
}

inline QByteArray readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

// The SHA-256 of a file (to prove a reader left its input untouched); empty when unreadable.
inline QByteArray fileSha256(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result();
}

template <typename T> QByteArray rawBytes(std::initializer_list<T> values)
{
    QByteArray bytes;
    for (const T value : values)
        bytes.append(reinterpret_cast<const char*>(&value), sizeof(T));
    return bytes;
}

// Every value of a tensor, by index or by name (a missing name fails the test run).
inline std::vector<float> tensorValues(const Checkpoint& checkpoint, std::size_t index)
{
    return checkpoint.tensor(index).toFloats();
}

inline std::vector<float> tensorValues(const Checkpoint& checkpoint, const std::string& name)
{
    const auto index = checkpoint.indexOf(name);
    if (!index)
        qFatal("no tensor %s in %s", name.c_str(), checkpoint.path().c_str());
    return tensorValues(checkpoint, *index);
}

// Opening `file` must fail with a CheckpointError whose message starts with the file's path,
// contains `problem`, and names `tensor` when one is given. Returns false (after QFAIL-style
// reporting) otherwise; use as QVERIFY(rejectedWith(...)).
inline bool rejectedWith(const QString& file, const QString& tensor, const QString& problem)
{
    try {
        openCheckpoint(file.toStdString());
        qWarning("a malformed file was accepted: %s", qPrintable(file));
        return false;
    } catch (const CheckpointError& error) {
        const QString message = QString::fromStdString(error.what());
        const bool named = tensor.isEmpty() || message.contains(QStringLiteral("tensor '%1'").arg(tensor));
        if (message.startsWith(file + QStringLiteral(": ")) && message.contains(problem) && named)
            return true;
        qWarning("unexpected message: %s", qPrintable(message));
        return false;
    }
}

} // namespace complab::test
