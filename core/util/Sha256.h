// SHA-256 (FIPS 180-4), for fingerprinting the checkpoint a recipe was made for: a recipe
// records the hash of its source's header so that applying it to another model is noticed.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

namespace complab {

class Sha256
{
public:
    Sha256();
    void update(std::span<const std::byte> bytes);
    // Lower-case hex of the digest; the object is spent afterwards.
    std::string finishHex();

    static std::string ofBytes(std::span<const std::byte> bytes);
    // Hash of the first `length` bytes of a file (all of it when the file is shorter); throws
    // CheckpointError when it cannot be read.
    static std::string ofFilePrefix(const std::filesystem::path& path, std::uint64_t length);

private:
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> m_state;
    std::array<std::uint8_t, 64> m_buffer{};
    std::size_t m_buffered = 0;
    std::uint64_t m_totalBytes = 0;
};

} // namespace complab
