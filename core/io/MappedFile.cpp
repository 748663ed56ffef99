#include "io/MappedFile.h"

#include "io/CheckpointError.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace complab {

MappedFile::MappedFile(const std::filesystem::path& path)
    : m_path(path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw CheckpointError(path, std::string("cannot open: ") + std::strerror(errno));
    struct stat info
    {
    };
    if (::fstat(fd, &info) != 0) {
        const int error = errno;
        ::close(fd);
        throw CheckpointError(path, std::string("cannot read file size: ") + std::strerror(error));
    }
    if (!S_ISREG(info.st_mode)) {
        ::close(fd);
        throw CheckpointError(path, "not a regular file");
    }
    m_size = static_cast<std::uint64_t>(info.st_size);
    if (m_size > 0) {
        // MAP_PRIVATE + PROT_READ: the input checkpoint can never be modified through this map.
        void* address = ::mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (address == MAP_FAILED) {
            const int error = errno;
            ::close(fd);
            throw CheckpointError(path, std::string("cannot memory-map: ") + std::strerror(error));
        }
        m_data = static_cast<const std::byte*>(address);
    }
    ::close(fd);
}

MappedFile::~MappedFile()
{
    if (m_data)
        ::munmap(const_cast<std::byte*>(m_data), m_size);
}

} // namespace complab
