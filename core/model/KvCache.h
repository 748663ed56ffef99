// The keys and values a decoder has computed so far, one [capacity, kvHeads × headDim] matrix per
// layer: prompt processing fills many rows at once, generation appends one row per token.
#pragma once

#include "model/ModelWeights.h"

#include <vector>

namespace complab {

class KvCache
{
public:
    // Throws std::invalid_argument for a capacity below 1.
    KvCache(const TransformerShape& shape, std::int64_t capacity);

    std::int64_t length() const { return m_length; }
    std::int64_t capacity() const { return m_capacity; }
    // Forgets every position (a new sequence starts at position 0); keeps the memory.
    void clear() { m_length = 0; }

    RowMajorMatrix& keys(std::size_t layer) { return m_keys[layer]; }
    RowMajorMatrix& values(std::size_t layer) { return m_values[layer]; }
    void advance(std::int64_t positions) { m_length += positions; }

private:
    std::int64_t m_capacity;
    std::int64_t m_length = 0;
    std::vector<RowMajorMatrix> m_keys;
    std::vector<RowMajorMatrix> m_values;
};

} // namespace complab
