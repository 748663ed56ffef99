#include "io/TensorInfo.h"

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

TensorView::TensorView(const TensorInfo& info, std::span<const std::byte> bytes, std::shared_ptr<const void> keepAlive)
    : m_info(&info)
    , m_bytes(bytes)
    , m_keepAlive(std::move(keepAlive))
{ }

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
