#include "io/TensorInfo.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>

namespace complab {

std::uint64_t TensorInfo::elementCount() const
{
    std::uint64_t count = 1;
    for (const auto dimension : shape)
        count *= static_cast<std::uint64_t>(dimension);
    return count;
}

std::string TensorInfo::shapeString() const
{
    std::string text = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (i > 0)
            text += ", ";
        text += std::to_string(shape[i]);
    }
    return text + "]";
}

TensorView::TensorView(
    const TensorInfo& info, std::span<const std::byte> bytes, std::shared_ptr<const void> keepAlive, bool memoryMapped)
    : m_info(&info)
    , m_bytes(bytes)
    , m_keepAlive(std::move(keepAlive))
    , m_memoryMapped(memoryMapped)
{ }

void TensorView::releasePages(std::uint64_t first, std::uint64_t count) const
{
    if (!m_memoryMapped || m_bytes.empty() || count == 0)
        return;
    const std::uint64_t elements = elementCount();
    if (first >= elements)
        return;
    count = std::min(count, elements - first);
    // Byte range of the elements (block formats: whole blocks), widened to whole pages: the map
    // covers whole pages, and a neighbour's page dropped too is simply read again when touched.
    const std::uint64_t blockElements = dtypeBlockElements(m_info->dtype);
    const std::uint64_t blockBytes = dtypeSize(m_info->dtype);
    const std::uint64_t begin = first / blockElements * blockBytes;
    const std::uint64_t end
        = std::min<std::uint64_t>(m_bytes.size(), (first + count + blockElements - 1) / blockElements * blockBytes);
    const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    const auto start = reinterpret_cast<std::uintptr_t>(m_bytes.data() + begin) / page * page;
    const auto stop = (reinterpret_cast<std::uintptr_t>(m_bytes.data() + end) + page - 1) / page * page;
    // Advice only: on failure the pages simply stay resident.
    ::madvise(reinterpret_cast<void*>(start), stop - start, MADV_DONTNEED);
}

std::vector<float> TensorView::toFloats() const
{
    std::vector<float> values(elementCount());
    toFloat(0, values);
    return values;
}

void TensorView::toFloat(std::uint64_t first, std::span<float> dst) const
{
    if (first > elementCount() || dst.size() > elementCount() - first)
        throw std::out_of_range("TensorView::toFloat: range past the end of tensor '" + m_info->name + "'");
    // Block formats decode whole blocks only.
    const auto block = dtypeBlockElements(m_info->dtype);
    if (first % block != 0 || dst.size() % block != 0)
        throw std::invalid_argument(
            "TensorView::toFloat: range of tensor '" + m_info->name + "' does not start and end on a block boundary");
    convertToFloat(m_info->dtype, m_bytes.data() + first / block * dtypeSize(m_info->dtype), dst.size(), dst.data());
}

} // namespace complab
