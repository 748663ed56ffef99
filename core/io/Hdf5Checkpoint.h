// Reader for HDF5 files: Keras `.h5` / `.weights.h5` weights and plain HDF5 files. Every dataset
// reachable from the root group is a tensor named by its path without the leading '/'
// ("model_weights/dense/dense/kernel:0"); numeric datasets are readable, others are listed as
// unsupported (TensorInfo::supported is false) with the reason. Only hard links are followed (soft
// and external links could point anywhere, other files included); an object reachable by several
// hard links is listed once, under its first path in depth-first name order.
//
// HDF5 cannot be memory-mapped in general (chunks, compression, byte order), so opening reads
// only names, shapes and types, and tensor() reads one dataset into a buffer that the returned
// TensorView keeps alive. libhdf5 itself runs only in short-lived child processes
// (io/IsolatedCall.h): Debian's 1.10.8 overflows heap buffers on some corrupted object headers,
// and a crash or hang there must become a CheckpointError, not the end of the lab. Debian's HDF5
// is built without thread safety, so every call into the library anywhere in the process (and
// every fork of a reader) must hold libraryMutex().
#pragma once

#include "io/Checkpoint.h"

#include <mutex>

namespace complab {

class Hdf5Checkpoint final : public Checkpoint
{
public:
    // Groups nested deeper than this are refused (a hostile file could nest without end).
    static constexpr int maxGroupDepth = 64;
    // Files of more groups and datasets than this are refused.
    static constexpr std::uint64_t maxObjects = 1000000;
    // How far a compressed dataset may expand beyond the file's size: deflate's largest ratio is
    // about 1032:1. Uncompressed datasets may declare up to twice the file size (data written
    // later, or never, reads as the fill value).
    static constexpr std::uint64_t maxCompressionRatio = 1100;

    // Throws CheckpointError naming the file, the dataset and the problem.
    explicit Hdf5Checkpoint(const std::filesystem::path& path);
    ~Hdf5Checkpoint() override;

    std::string formatName() const override { return "HDF5"; }
    // Reads the dataset into memory. Throws CheckpointError for an unsupported dataset, or when
    // the file changed since it was opened or cannot be read.
    TensorView tensor(std::size_t index) const override;

    // The one lock for all use of the HDF5 library in the process.
    static std::mutex& libraryMutex();

private:
    void readStructure();
};

} // namespace complab
