#include "prune/WeightMatrix.h"

#include <cstring>
#include <stdexcept>

namespace complab {

Eigen::MatrixXf loadWeightMatrix(const TensorView& tensor)
{
    const auto& info = tensor.info();
    if (info.shape.size() != 2)
        throw std::invalid_argument("tensor '" + info.name + "' has shape " + info.shapeString()
            + ": only 2-D weight matrices [out_features, in_features] can be pruned or factorised");
    if (info.elementCount() == 0)
        throw std::invalid_argument("tensor '" + info.name + "' is empty");
    const std::vector<float> values = tensor.toFloats();
    const Eigen::Map<const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>> rowMajor(
        values.data(), info.shape[0], info.shape[1]);
    if (!rowMajor.allFinite())
        throw std::invalid_argument("tensor '" + info.name + "' holds NaN or infinite values");
    return rowMajor;
}

std::vector<std::byte> encodeWeightMatrix(const Eigen::MatrixXf& weight, DType type)
{
    const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rowMajor = weight;
    const auto count = static_cast<std::size_t>(rowMajor.size());
    std::vector<std::byte> bytes(count * dtypeSize(type));
    for (std::size_t i = 0; i < count; ++i) {
        const float value = rowMajor.data()[i];
        std::uint16_t half = 0;
        switch (type) {
        case DType::F32:
            std::memcpy(bytes.data() + 4 * i, &value, 4);
            continue;
        case DType::F16:
            half = Eigen::numext::bit_cast<std::uint16_t>(Eigen::half(value));
            break;
        case DType::BF16:
            half = Eigen::numext::bit_cast<std::uint16_t>(Eigen::bfloat16(value));
            break;
        default:
            throw std::invalid_argument(
                "weights can be written as F32, F16 or BF16, not " + std::string(dtypeName(type)));
        }
        std::memcpy(bytes.data() + 2 * i, &half, 2);
    }
    return bytes;
}

} // namespace complab
