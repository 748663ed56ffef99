// Runs a piece of work in a forked child process, so that a crash, an abort, a sanitizer report or
// an endless loop inside a third-party parser (libhdf5 1.10 on corrupted object headers) becomes an
// error the lab can show instead of the end of the lab. The child returns a string (or fills a
// shared buffer); the parent gets it back, or an IsolatedCallError saying what went wrong.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>

namespace complab {

// The work itself failed (threw, crashed, was killed, or took too long). what() is a sentence a
// person can read: "it threw: ...", "it crashed (signal 11, Segmentation fault)", ...
class IsolatedCallError : public std::runtime_error
{
public:
    enum class Kind { Threw, Crashed, TimedOut, Unavailable };
    IsolatedCallError(Kind kind, const std::string& message)
        : std::runtime_error(message)
        , m_kind(kind)
    { }
    Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};

// Memory shared between the parent and the children it forks later (an anonymous MAP_SHARED
// mapping): a child writes into it, the parent reads what it wrote. Zero-filled on creation.
class SharedBuffer
{
public:
    // Throws std::bad_alloc when the mapping cannot be made.
    explicit SharedBuffer(std::size_t bytes);
    ~SharedBuffer();
    SharedBuffer(const SharedBuffer&) = delete;
    SharedBuffer& operator=(const SharedBuffer&) = delete;

    std::span<std::byte> bytes() const { return {m_data, m_size}; }

private:
    std::byte* m_data = nullptr;
    std::size_t m_size = 0;
};

// Calls work() in a child process and returns what it returned. An exception thrown by work() is
// rethrown as IsolatedCallError(Threw) carrying its what(); a child that dies, or that is still
// running after `timeout` (it is then killed), gives Crashed or TimedOut. The caller must make
// sure no other thread is inside the library the child uses while this forks (hold its mutex).
std::string runIsolated(const std::function<std::string()>& work, std::chrono::milliseconds timeout);

} // namespace complab
