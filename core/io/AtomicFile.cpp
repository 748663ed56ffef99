#include "io/AtomicFile.h"

#include "io/CheckpointError.h"

#include <cerrno>
#include <cstring>
#include <string>
#include <unistd.h>

namespace complab {

AtomicFile::AtomicFile(std::filesystem::path target)
    : m_target(std::move(target))
{
    // Built piecewise: GCC 12 warns falsely (-Wrestrict) on "." + std::string&&.
    std::string name(".");
    name += m_target.filename().string();
    name += ".partial-XXXXXX";
    std::string pattern
        = ((m_target.parent_path().empty() ? std::filesystem::path(".") : m_target.parent_path()) / name).string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0)
        throw CheckpointError(
            m_target, std::string("cannot create a temporary file beside it: ") + std::strerror(errno));
    m_temporary = pattern;
    m_file = ::fdopen(fd, "wb");
    if (!m_file) {
        ::close(fd);
        std::filesystem::remove(m_temporary);
        throw CheckpointError(m_target, "cannot open the temporary file for writing");
    }
}

AtomicFile::~AtomicFile()
{
    if (m_file) {
        std::fclose(m_file);
        std::error_code ignored;
        std::filesystem::remove(m_temporary, ignored);
    }
}

void AtomicFile::write(std::span<const std::byte> bytes)
{
    if (!m_file)
        throw CheckpointError(m_target, "write after commit");
    if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), m_file) != bytes.size())
        throw CheckpointError(m_target, std::string("write failed: ") + std::strerror(errno));
    m_written += bytes.size();
}

void AtomicFile::writeZeros(std::size_t count)
{
    static const std::byte zeros[256] = {};
    while (count > 0) {
        const std::size_t chunk = std::min(count, sizeof zeros);
        write(std::span(zeros, chunk));
        count -= chunk;
    }
}

void AtomicFile::commit()
{
    if (!m_file)
        throw CheckpointError(m_target, "committed twice");
    const bool flushed = std::fflush(m_file) == 0 && ::fsync(::fileno(m_file)) == 0;
    const int error = errno;
    std::fclose(m_file);
    m_file = nullptr;
    std::error_code renameError;
    if (flushed)
        std::filesystem::rename(m_temporary, m_target, renameError);
    if (!flushed || renameError) {
        std::error_code ignored;
        std::filesystem::remove(m_temporary, ignored);
        throw CheckpointError(
            m_target, "could not be written: " + (flushed ? renameError.message() : std::string(std::strerror(error))));
    }
}

} // namespace complab
