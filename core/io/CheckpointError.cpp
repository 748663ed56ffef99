#include "io/CheckpointError.h"

namespace complab {

namespace {
std::string compose(const std::filesystem::path& file, const std::string& tensor, const std::string& problem)
{
    std::string message = file.string() + ": ";
    if (!tensor.empty())
        message += "tensor '" + tensor + "': ";
    return message + problem;
}
} // namespace

CheckpointError::CheckpointError(const std::filesystem::path& file, const std::string& problem)
    : CheckpointError(file, std::string(), problem)
{ }

CheckpointError::CheckpointError(
    const std::filesystem::path& file, const std::string& tensor, const std::string& problem)
    : std::runtime_error(compose(file, tensor, problem))
    , m_file(file)
    , m_tensor(tensor)
    , m_problem(problem)
{ }

} // namespace complab
