#include "quant/ImatrixFile.h"

#include "io/Checkpoint.h"
#include "io/CheckpointError.h"

#include <cmath>
#include <fstream>

namespace complab {

namespace {

constexpr std::string_view sumsSuffix = ".in_sum2";
constexpr std::string_view countsSuffix = ".counts";

bool endsWith(const std::string& text, std::string_view suffix)
{
    return text.size() > suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool startsWithGgufMagic(const std::filesystem::path& path)
{
    std::ifstream file(path, std::ios::binary);
    char magic[4] = {};
    return file.read(magic, 4) && std::string_view(magic, 4) == "GGUF";
}

} // namespace

ImatrixFile readImatrix(const std::filesystem::path& path)
{
    if (!std::filesystem::is_regular_file(path))
        throw CheckpointError(path, "no such imatrix file");
    if (!startsWithGgufMagic(path))
        throw CheckpointError(path,
            "not a GGUF imatrix (the legacy .dat format is not read; llama-imatrix --in-file FILE.dat -o FILE.gguf "
            "converts it)");
    const auto checkpoint = openCheckpoint(path);
    ImatrixFile result;
    std::size_t entries = 0;
    for (std::size_t i = 0; i < checkpoint->tensors().size(); ++i) {
        const TensorInfo& sumsInfo = checkpoint->tensors()[i];
        if (!endsWith(sumsInfo.name, sumsSuffix))
            continue;
        ++entries;
        const std::string name = sumsInfo.name.substr(0, sumsInfo.name.size() - sumsSuffix.size());
        const auto countsIndex = checkpoint->indexOf(name + std::string(countsSuffix));
        if (!countsIndex)
            throw CheckpointError(path, sumsInfo.name, "has no " + name + std::string(countsSuffix) + " beside it");
        const std::vector<float> sums = checkpoint->tensor(i).toFloats();
        const std::vector<float> counts = checkpoint->tensor(*countsIndex).toFloats();
        if (counts.empty() || sums.empty() || sums.size() % counts.size() != 0)
            throw CheckpointError(path, sumsInfo.name,
                std::to_string(sums.size()) + " sums do not split into " + std::to_string(counts.size())
                    + " experts' columns");
        if (counts.size() > 1) {
            result.skippedExpertEntries.push_back(name);
            continue;
        }
        std::vector<float> importance(sums.size());
        for (std::size_t c = 0; c < sums.size(); ++c) {
            if (!std::isfinite(sums[c]) || sums[c] < 0)
                throw CheckpointError(
                    path, sumsInfo.name, "column " + std::to_string(c) + " holds " + std::to_string(sums[c]));
            importance[c] = counts[0] > 0 ? sums[c] / counts[0] : 1.0f;
        }
        result.importance.emplace(name, std::move(importance));
    }
    if (entries == 0)
        throw CheckpointError(path, "holds no *.in_sum2 tensors: not an imatrix");
    return result;
}

} // namespace complab
