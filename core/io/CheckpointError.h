// The one error type readers throw: it names the file, the tensor (when there is one) and the
// problem, so the message can be shown to a person as it is.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

namespace complab {

class CheckpointError : public std::runtime_error
{
public:
    CheckpointError(const std::filesystem::path& file, const std::string& problem);
    CheckpointError(const std::filesystem::path& file, const std::string& tensor, const std::string& problem);

    const std::filesystem::path& file() const { return m_file; }
    const std::string& tensor() const { return m_tensor; }
    const std::string& problem() const { return m_problem; }

private:
    std::filesystem::path m_file;
    std::string m_tensor;
    std::string m_problem;
};

} // namespace complab
