#include "io/IsolatedCall.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <new>
#include <poll.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

namespace complab {

namespace {

// The child's answer on the pipe: one status byte, then the payload (the result or the message).
constexpr char statusResult = 'R';
constexpr char statusThrew = 'E';

void writeAll(int fd, const char* data, std::size_t size)
{
    while (size > 0) {
        const auto written = ::write(fd, data, size);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return; // the parent is gone or stopped listening; nothing useful left to do
        }
        data += written;
        size -= static_cast<std::size_t>(written);
    }
}

[[noreturn]] void runChild(int fd, const std::function<std::string()>& work)
{
    // A crash handler the parent installed (a test framework's, a GUI's) must not run here: the
    // child's death is the report.
    for (const int signal : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP})
        ::signal(signal, SIG_DFL);
    std::string message;
    char status = statusResult;
    try {
        message = work();
    } catch (const std::exception& exception) {
        status = statusThrew;
        message = exception.what();
    } catch (...) {
        status = statusThrew;
        message = "an exception of unknown type";
    }
    writeAll(fd, &status, 1);
    writeAll(fd, message.data(), message.size());
    ::close(fd);
    // _exit: no atexit handlers or static destructors of the parent's copy of the program run here.
    ::_exit(0);
}

std::string describeSignal(int signal)
{
    const char* name = ::strsignal(signal);
    return "signal " + std::to_string(signal) + (name ? std::string(", ") + name : std::string());
}

} // namespace

SharedBuffer::SharedBuffer(std::size_t bytes)
    : m_size(bytes)
{
    if (bytes == 0)
        return;
    void* data = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (data == MAP_FAILED)
        throw std::bad_alloc();
    m_data = static_cast<std::byte*>(data);
}

SharedBuffer::~SharedBuffer()
{
    if (m_data)
        ::munmap(m_data, m_size);
}

std::string runIsolated(const std::function<std::string()>& work, std::chrono::milliseconds timeout)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        throw IsolatedCallError(
            IsolatedCallError::Kind::Unavailable, std::string("cannot create a pipe: ") + std::strerror(errno));
    const pid_t child = ::fork();
    if (child < 0) {
        const int error = errno;
        ::close(fds[0]);
        ::close(fds[1]);
        throw IsolatedCallError(
            IsolatedCallError::Kind::Unavailable, std::string("cannot start a process: ") + std::strerror(error));
    }
    if (child == 0) {
        ::close(fds[0]);
        runChild(fds[1], work);
    }
    ::close(fds[1]);

    std::string answer;
    bool timedOut = false;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    char chunk[65536];
    for (;;) {
        const auto left
            = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            timedOut = true;
            break;
        }
        pollfd waiting{fds[0], POLLIN, 0};
        const int ready = ::poll(&waiting, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
        if (ready < 0 && errno != EINTR)
            break;
        if (ready <= 0)
            continue;
        const auto got = ::read(fds[0], chunk, sizeof chunk);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break; // end of file: the child closed the pipe (finished or died)
        answer.append(chunk, static_cast<std::size_t>(got));
    }
    ::close(fds[0]);
    if (timedOut)
        ::kill(child, SIGKILL);
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) { }

    const auto seconds = std::to_string(timeout.count() / 1000.0);
    if (timedOut)
        throw IsolatedCallError(IsolatedCallError::Kind::TimedOut,
            "it was still running after " + seconds.substr(0, seconds.find('.') + 2) + " s and was stopped");
    if (WIFSIGNALED(status))
        throw IsolatedCallError(
            IsolatedCallError::Kind::Crashed, "it crashed (" + describeSignal(WTERMSIG(status)) + ")");
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || answer.empty())
        throw IsolatedCallError(IsolatedCallError::Kind::Crashed,
            "it failed (exit status " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")");
    if (answer.front() == statusThrew)
        throw IsolatedCallError(IsolatedCallError::Kind::Threw, answer.substr(1));
    return answer.substr(1);
}

} // namespace complab
