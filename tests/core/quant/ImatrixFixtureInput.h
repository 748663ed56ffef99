// The fixed input of the importance-weighted quantiser fixtures (tst_importancequantize): rows of
// weights and one importance vector, generated from std::mt19937's raw outputs with + - * / only, so
// that every platform and standard library produces the same floats. The program that wrote the
// fixture used this very header against ggml's ggml_quantize_chunk.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace complab::fixture {

inline constexpr std::size_t imatrixRows = 32;
inline constexpr std::size_t imatrixColumns = 1024;

struct ImatrixInput
{
    std::vector<float> weights; // imatrixRows × imatrixColumns, row-major
    std::vector<float> importance; // imatrixColumns
};

inline ImatrixInput makeImatrixInput()
{
    std::mt19937 engine(20251202u);
    const auto uniform = [&engine] { return (static_cast<double>(engine()) + 0.5) / 4294967296.0; };
    // Roughly normal: the sum of four uniforms, centred (Irwin-Hall), with unit-ish spread.
    const auto normal = [&] { return (uniform() + uniform() + uniform() + uniform() - 2.0) * 1.7320508; };
    ImatrixInput input;
    input.weights.resize(imatrixRows * imatrixColumns);
    for (std::size_t r = 0; r < imatrixRows; ++r) {
        float* row = input.weights.data() + r * imatrixColumns;
        const double scale = r % 4 == 0 ? 0.02 : r % 4 == 1 ? 1.0 : r % 4 == 2 ? 1e-3 : 30.0;
        for (std::size_t c = 0; c < imatrixColumns; ++c) {
            double v = scale * normal();
            switch (r % 8) {
            case 1: // heavy tails
                v /= uniform() + 0.05;
                break;
            case 3: // one sign per 64 values
                v = (c / 64) % 2 ? (v < 0 ? -v : v) : (v > 0 ? -v : v);
                break;
            case 5: // zero groups of 16
                v = (c / 16) % 3 == 0 ? 0.0 : v;
                break;
            case 6: // an outlier every 200 values
                v = c % 200 == 7 ? 40.0 * scale : v;
                break;
            default:
                break;
            }
            row[c] = static_cast<float>(v);
        }
    }
    // Importance: sums of squared activations spread over six orders of magnitude, a few zero.
    input.importance.resize(imatrixColumns);
    for (std::size_t c = 0; c < imatrixColumns; ++c) {
        const double u = uniform();
        input.importance[c] = c % 97 == 3 ? 0.0f : static_cast<float>(u * u * u * u * 1e3 + 1e-3 * uniform());
    }
    return input;
}

} // namespace complab::fixture
