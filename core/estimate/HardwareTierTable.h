// Hardware tiers, from phones to eight-GPU servers, by the memory one process can use for a model.
// A recipe's tier is the smallest whose usable memory, less the headroom constant, holds its VRAM.
#pragma once

#include "estimate/RuntimeProfile.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace complab {

struct HardwareTier
{
    std::string id; // "apple-silicon-8gb"
    std::string name; // "Apple Silicon 8 GB"
    std::string kind; // "phone", "apple-silicon", "consumer-gpu", "multi-gpu", ...
    double memoryBytesPerDevice = 0; // as sold (GiB x 2^30)
    double usableFraction = 1; // what one process may allocate (Metal's working-set limit, OS share...)
    std::int64_t devices = 1;
    Backend backend = Backend::Cuda;
    std::string examples; // "M-series unified memory, RTX 3060 8GB"
    std::string source;

    double usableBytes() const { return memoryBytesPerDevice * usableFraction * static_cast<double>(devices); }
    // usable bytes x (1 - headroom): the most an estimate may need to fit.
    double budgetBytes(double headroom) const { return usableBytes() * (1.0 - headroom); }
};

class HardwareTierTable
{
public:
    // Rows are kept sorted by usable memory, smallest first. Throws TableError naming the row.
    static HardwareTierTable parse(std::string_view json, std::string_view fileName);

    const std::vector<HardwareTier>& rows() const { return m_rows; }
    // By id or name, case-insensitive; nullptr when unknown.
    const HardwareTier* find(std::string_view idOrName) const;

private:
    std::vector<HardwareTier> m_rows;
};

HardwareTierTable loadHardwareTierTable(const std::filesystem::path& path);
const HardwareTierTable& defaultHardwareTierTable();

} // namespace complab
