// llama.cpp's importance matrix as llama-imatrix writes it (GGUF): for each weight tensor
// `<name>.in_sum2`, each input column's squared activations summed over the calibration tokens, and
// `<name>.counts`, the number of tokens. A column's importance is in_sum2 / counts, as
// llama-quantize computes it for --imatrix.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace complab {

// Per weight tensor (the name without the suffixes): one importance per column.
using ImportanceMap = std::map<std::string, std::vector<float>>;

struct ImatrixFile
{
    ImportanceMap importance;
    // Entries of mixture-of-experts tensors (one row of sums per expert), which the lab's
    // quantisers cannot take per expert yet: left out, by name.
    std::vector<std::string> skippedExpertEntries;
};

// Throws CheckpointError naming the file (and the entry) when it is not a GGUF imatrix: not GGUF
// (the legacy .dat format included), an in_sum2 without its counts, mismatched sizes, or sums that
// are negative or not finite. Columns of a tensor that never saw a token get importance 1, as in
// llama-quantize.
ImatrixFile readImatrix(const std::filesystem::path& path);

} // namespace complab
