// Replaces the global operator new of the lab's executables (linked as an object, never into a
// library): a request of 8 MB or more is still malloc's, but its 2 MB-aligned interior is marked
// MADV_HUGEPAGE before anything touches it, so the kernel backs it with transparent huge pages
// where the system allows them ("madvise" mode, Debian's default).
//
// Why: a tensor's float copies are hundreds of megabytes, and glibc serves every request over
// 32 MB with a fresh mmap that it unmaps on free. Each 4 KB page then faults on first touch; on a
// virtual machine that was most of the time of a whole-model run (two 235 MB vectors allocated and
// copied twenty times: 25 s with 4 KB pages, 0.9 s with this). Huge pages fault once per 2 MB.
// Eigen's matrices use malloc directly and are not covered.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace {

constexpr std::size_t largeRequest = std::size_t(8) << 20;

void adviseHugePages([[maybe_unused]] void* memory, [[maybe_unused]] std::size_t size) noexcept
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (size < largeRequest)
        return;
    constexpr std::uintptr_t huge = std::uintptr_t(2) << 20;
    const std::uintptr_t begin = (reinterpret_cast<std::uintptr_t>(memory) + huge - 1) & ~(huge - 1);
    const std::uintptr_t end = (reinterpret_cast<std::uintptr_t>(memory) + size) & ~(huge - 1);
    if (end > begin)
        madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE); // a hint: failure is harmless
#endif
}

// The standard loop of operator new around `attempt` (which returns nullptr on failure).
template <typename Attempt> void* allocateWith(std::size_t size, Attempt attempt)
{
    for (;;) {
        if (void* memory = attempt(size ? size : 1)) {
            adviseHugePages(memory, size);
            return memory;
        }
        std::new_handler handler = std::get_new_handler();
        if (!handler)
            throw std::bad_alloc();
        handler();
    }
}

void* allocate(std::size_t size)
{
    return allocateWith(size, [](std::size_t bytes) { return std::malloc(bytes); });
}

void* allocateAligned(std::size_t size, std::align_val_t alignment)
{
    const auto align = std::max(static_cast<std::size_t>(alignment), sizeof(void*));
    return allocateWith(size, [align](std::size_t bytes) {
        void* memory = nullptr;
        return posix_memalign(&memory, align, bytes) == 0 ? memory : nullptr;
    });
}

} // namespace

void* operator new(std::size_t size)
{
    return allocate(size);
}

void* operator new[](std::size_t size)
{
    return allocate(size);
}

void* operator new(std::size_t size, const std::nothrow_t&) noexcept
{
    try {
        return allocate(size);
    } catch (...) {
        return nullptr;
    }
}

void* operator new[](std::size_t size, const std::nothrow_t&) noexcept
{
    try {
        return allocate(size);
    } catch (...) {
        return nullptr;
    }
}

void* operator new(std::size_t size, std::align_val_t alignment)
{
    return allocateAligned(size, alignment);
}

void* operator new[](std::size_t size, std::align_val_t alignment)
{
    return allocateAligned(size, alignment);
}

void operator delete(void* memory) noexcept
{
    std::free(memory);
}

void operator delete[](void* memory) noexcept
{
    std::free(memory);
}

void operator delete(void* memory, std::size_t) noexcept
{
    std::free(memory);
}

void operator delete[](void* memory, std::size_t) noexcept
{
    std::free(memory);
}

void operator delete(void* memory, std::align_val_t) noexcept
{
    std::free(memory);
}

void operator delete[](void* memory, std::align_val_t) noexcept
{
    std::free(memory);
}

void operator delete(void* memory, std::size_t, std::align_val_t) noexcept
{
    std::free(memory);
}

void operator delete[](void* memory, std::size_t, std::align_val_t) noexcept
{
    std::free(memory);
}
