#include "io/SafetensorsWriter.h"

#include "io/AtomicFile.h"
#include "io/CheckpointError.h"
#include "recipe/Progress.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace complab {

void SafetensorsWriter::addTensor(const std::string& name, DType type, const std::vector<std::int64_t>& shape)
{
    if (isBlockFormat(type) || !dtypeFromName(dtypeName(type)))
        throw std::invalid_argument(
            "tensor '" + name + "': " + std::string(dtypeName(type)) + " is not a safetensors dtype");
    std::uint64_t elements = 1;
    for (const auto dimension : shape) {
        if (dimension < 0)
            throw std::invalid_argument("tensor '" + name + "': negative dimension");
        elements *= static_cast<std::uint64_t>(dimension);
    }
    m_tensors.push_back({name, type, shape, *dtypeStorageBytes(type, elements)});
}

void SafetensorsWriter::write(
    const std::filesystem::path& path, const Producer& produce, Progress& progress, std::stop_token stop) const
{
    nlohmann::ordered_json header = nlohmann::ordered_json::object();
    if (!m_metadata.empty())
        header["__metadata__"] = m_metadata;
    std::uint64_t offset = 0;
    for (const auto& tensor : m_tensors) {
        header[tensor.name] = {{"dtype", std::string(dtypeName(tensor.type))}, {"shape", tensor.shape},
            {"data_offsets", {offset, offset + tensor.bytes}}};
        offset += tensor.bytes;
    }
    std::string text = header.dump();
    text.append((8 - text.size() % 8) % 8, ' '); // keeps the data 8-byte aligned, as the format suggests
    const std::uint64_t length = text.size();

    AtomicFile file(path);
    file.write(std::as_bytes(std::span(&length, 1)));
    file.write(std::as_bytes(std::span(text.data(), text.size())));
    for (std::size_t i = 0; i < m_tensors.size(); ++i) {
        throwIfStopped(stop);
        progress.setStep(
            "writing " + m_tensors[i].name, static_cast<double>(i) / static_cast<double>(m_tensors.size()));
        const auto bytes = produce(i);
        if (bytes.size() != m_tensors[i].bytes)
            throw CheckpointError(path, m_tensors[i].name,
                "produced " + std::to_string(bytes.size()) + " bytes, expected " + std::to_string(m_tensors[i].bytes));
        file.write(bytes);
    }
    throwIfStopped(stop);
    file.commit();
    progress.report(1.0);
}

} // namespace complab
