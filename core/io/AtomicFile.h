// Writes a file so that readers see either the old file or the complete new one, never a torn
// one: the bytes go to a temporary file beside the target, are flushed to disk, and the temporary
// file is renamed over the target on commit(). Destroyed without commit(), it leaves no trace.
#pragma once

#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <span>

namespace complab {

class AtomicFile
{
public:
    // Throws CheckpointError naming the target when the temporary file cannot be created.
    explicit AtomicFile(std::filesystem::path target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void write(std::span<const std::byte> bytes);
    void writeZeros(std::size_t count);
    std::uint64_t size() const { return m_written; }
    // Flushes, syncs and renames into place. Throws CheckpointError on any failure.
    void commit();

private:
    std::filesystem::path m_target;
    std::filesystem::path m_temporary;
    std::FILE* m_file = nullptr;
    std::uint64_t m_written = 0;
};

} // namespace complab
