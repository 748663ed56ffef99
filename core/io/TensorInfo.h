// What a checkpoint says about one tensor (name, type, shape, where its bytes are), and a
// zero-copy view of those bytes that keeps the underlying memory map alive.
#pragma once

#include "tensor/DType.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace complab {

struct TensorInfo
{
    std::string name;
    DType dtype = DType::F32;
    std::vector<std::int64_t> shape;
    std::uint64_t fileOffset = 0; // absolute byte offset of the first element in its file
    std::uint64_t byteSize = 0;
    // False for entries a reader can list but not read as numbers (an HDF5 string or compound
    // dataset); the reason says why, and the reader's tensor() throws for them.
    bool supported = true;
    std::string unsupportedReason;

    // Product of the shape (1 for a 0-dimensional scalar, 0 when any dimension is 0).
    std::uint64_t elementCount() const;
    // "[2048, 256]"
    std::string shapeString() const;
};

class TensorView
{
public:
    // memoryMapped: bytes lie in a read-only file mapping (see releasePages).
    TensorView(const TensorInfo& info, std::span<const std::byte> bytes, std::shared_ptr<const void> keepAlive,
        bool memoryMapped = false);

    const TensorInfo& info() const { return *m_info; }
    // The same bytes described by another TensorInfo (a reader that re-exports another's tensors).
    TensorView withInfo(const TensorInfo& info) const { return TensorView(info, m_bytes, m_keepAlive, m_memoryMapped); }
    std::span<const std::byte> bytes() const { return m_bytes; }
    std::uint64_t elementCount() const { return m_info->elementCount(); }

    // Converts elements [first, first + dst.size()) to float. The range must lie inside the tensor.
    void toFloat(std::uint64_t first, std::span<float> dst) const;
    // The whole tensor as floats.
    std::vector<float> toFloats() const;
    // For a memory-mapped tensor: drops the pages holding elements [first, first + count) from this
    // process's resident set (they count towards its RSS once touched, and a streaming job reading a
    // 140 GB checkpoint would otherwise keep all of them); a later read faults them in again from the
    // page cache or the disk. Nothing happens for tensors held in memory.
    void releasePages(std::uint64_t first, std::uint64_t count) const;

private:
    const TensorInfo* m_info;
    std::span<const std::byte> m_bytes;
    std::shared_ptr<const void> m_keepAlive;
    bool m_memoryMapped = false;
};

} // namespace complab
