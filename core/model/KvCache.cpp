#include "model/KvCache.h"

#include <stdexcept>

namespace complab {

KvCache::KvCache(const TransformerShape& shape, std::int64_t capacity)
    : m_capacity(capacity)
{
    if (capacity < 1)
        throw std::invalid_argument("KV cache capacity must be at least 1 position, not " + std::to_string(capacity));
    const auto width = shape.kvHeads * shape.headDim;
    m_keys.assign(static_cast<std::size_t>(shape.layers), RowMajorMatrix(capacity, width));
    m_values.assign(static_cast<std::size_t>(shape.layers), RowMajorMatrix(capacity, width));
}

} // namespace complab
