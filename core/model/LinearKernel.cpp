#include "model/LinearKernel.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>

#include <algorithm>

namespace complab {

namespace {

// Eight floats; GCC lowers it to one AVX register in the AVX2 clone and to two SSE ones otherwise.
// The unaligned, may_alias twin is only used to load from float arrays.
typedef float Vec8 __attribute__((vector_size(32)));
typedef float UnalignedVec8 __attribute__((vector_size(32), aligned(4), may_alias));

// By reference: a 32-byte vector passed by value would change the ABI between the AVX2 clone and the
// default one (clang's -Wpsabi).
[[gnu::always_inline]] inline float horizontalSum(const Vec8& v)
{
    return ((v[0] + v[4]) + (v[1] + v[5])) + ((v[2] + v[6]) + (v[3] + v[7]));
}

// Two tokens × four weight rows, each a dot product of length `in` (named accumulators so that all
// eight stay in registers), then the scalar tail for lengths that are not a multiple of 8.
[[gnu::always_inline]] inline void tile2x4(
    const float* x0, const float* x1, const float* w, std::int64_t in, float* y0, float* y1)
{
    const float* w0 = w;
    const float* w1 = w + in;
    const float* w2 = w + 2 * in;
    const float* w3 = w + 3 * in;
    Vec8 a00 = {}, a01 = {}, a02 = {}, a03 = {}, a10 = {}, a11 = {}, a12 = {}, a13 = {};
    std::int64_t i = 0;
    for (; i + 8 <= in; i += 8) {
        const Vec8 v0 = *reinterpret_cast<const UnalignedVec8*>(w0 + i);
        const Vec8 v1 = *reinterpret_cast<const UnalignedVec8*>(w1 + i);
        const Vec8 v2 = *reinterpret_cast<const UnalignedVec8*>(w2 + i);
        const Vec8 v3 = *reinterpret_cast<const UnalignedVec8*>(w3 + i);
        const Vec8 p = *reinterpret_cast<const UnalignedVec8*>(x0 + i);
        const Vec8 q = *reinterpret_cast<const UnalignedVec8*>(x1 + i);
        a00 += p * v0, a01 += p * v1, a02 += p * v2, a03 += p * v3;
        a10 += q * v0, a11 += q * v1, a12 += q * v2, a13 += q * v3;
    }
    float s00 = horizontalSum(a00), s01 = horizontalSum(a01), s02 = horizontalSum(a02), s03 = horizontalSum(a03);
    float s10 = horizontalSum(a10), s11 = horizontalSum(a11), s12 = horizontalSum(a12), s13 = horizontalSum(a13);
    for (; i < in; ++i) {
        s00 += x0[i] * w0[i], s01 += x0[i] * w1[i], s02 += x0[i] * w2[i], s03 += x0[i] * w3[i];
        s10 += x1[i] * w0[i], s11 += x1[i] * w1[i], s12 += x1[i] * w2[i], s13 += x1[i] * w3[i];
    }
    y0[0] = s00, y0[1] = s01, y0[2] = s02, y0[3] = s03;
    y1[0] = s10, y1[1] = s11, y1[2] = s12, y1[3] = s13;
}

// One token × four rows (generation), same arithmetic per dot product as tile2x4.
[[gnu::always_inline]] inline void tile1x4(const float* x0, const float* w, std::int64_t in, float* y0)
{
    const float* w0 = w;
    const float* w1 = w + in;
    const float* w2 = w + 2 * in;
    const float* w3 = w + 3 * in;
    Vec8 a0 = {}, a1 = {}, a2 = {}, a3 = {};
    std::int64_t i = 0;
    for (; i + 8 <= in; i += 8) {
        const Vec8 p = *reinterpret_cast<const UnalignedVec8*>(x0 + i);
        a0 += p * *reinterpret_cast<const UnalignedVec8*>(w0 + i);
        a1 += p * *reinterpret_cast<const UnalignedVec8*>(w1 + i);
        a2 += p * *reinterpret_cast<const UnalignedVec8*>(w2 + i);
        a3 += p * *reinterpret_cast<const UnalignedVec8*>(w3 + i);
    }
    float s0 = horizontalSum(a0), s1 = horizontalSum(a1), s2 = horizontalSum(a2), s3 = horizontalSum(a3);
    for (; i < in; ++i)
        s0 += x0[i] * w0[i], s1 += x0[i] * w1[i], s2 += x0[i] * w2[i], s3 += x0[i] * w3[i];
    y0[0] = s0, y0[1] = s1, y0[2] = s2, y0[3] = s3;
}

// A single dot product (rows left over when the row count is not a multiple of 4).
[[gnu::always_inline]] inline float dot(const float* x, const float* w, std::int64_t in)
{
    Vec8 a = {};
    std::int64_t i = 0;
    for (; i + 8 <= in; i += 8)
        a += *reinterpret_cast<const UnalignedVec8*>(x + i) * *reinterpret_cast<const UnalignedVec8*>(w + i);
    float s = horizontalSum(a);
    for (; i < in; ++i)
        s += x[i] * w[i];
    return s;
}

// Rows [firstRow, lastRow) of W for every token: four weight rows stay in L1 while all tokens pass.
// The AVX2 clone is chosen at run time (no -march=native); this file is built with FMA contraction.
[[gnu::target_clones("arch=x86-64-v3", "default")]] void linearRows(const float* x, std::int64_t tokens, const float* w,
    std::int64_t in, std::int64_t firstRow, std::int64_t lastRow, float* y, std::int64_t out)
{
    std::int64_t r = firstRow;
    for (; r + 4 <= lastRow; r += 4) {
        std::int64_t t = 0;
        for (; t + 2 <= tokens; t += 2)
            tile2x4(x + t * in, x + (t + 1) * in, w + r * in, in, y + t * out + r, y + (t + 1) * out + r);
        if (t < tokens)
            tile1x4(x + t * in, w + r * in, in, y + t * out + r);
    }
    for (; r < lastRow; ++r)
        for (std::int64_t t = 0; t < tokens; ++t)
            y[t * out + r] = dot(x + t * in, w + r * in, in);
}

} // namespace

[[gnu::target_clones("arch=x86-64-v3", "default")]] void dotRows(const float* query, const float* keys,
    std::int64_t keyStride, std::int64_t count, std::int64_t length, float scale, float* out)
{
    for (std::int64_t j = 0; j < count; ++j)
        out[j] = dot(query, keys + j * keyStride, length) * scale;
}

[[gnu::target_clones("arch=x86-64-v3", "default")]] void accumulateRows(const float* weights, const float* values,
    std::int64_t valueStride, std::int64_t count, std::int64_t length, float* out)
{
    std::int64_t i = 0;
    for (; i + 8 <= length; i += 8) {
        Vec8 sum = {};
        for (std::int64_t j = 0; j < count; ++j)
            sum += weights[j] * *reinterpret_cast<const UnalignedVec8*>(values + j * valueStride + i);
        *reinterpret_cast<UnalignedVec8*>(out + i) = sum;
    }
    for (; i < length; ++i) {
        float sum = 0.0f;
        for (std::int64_t j = 0; j < count; ++j)
            sum += weights[j] * values[j * valueStride + i];
        out[i] = sum;
    }
}

void applyLinear(const RowMajorMatrix& x, const WeightTensor& weight, RowMajorMatrix& y)
{
    const auto tokens = x.rows();
    const auto in = weight.columns;
    const auto out = weight.rows;
    y.resize(tokens, out);
    // Each task should carry ~256k multiply-adds (less and scheduling costs more than it saves), but
    // a matrix gives at least 8 tasks. Depends on the shapes only, so results never depend on threads.
    const auto work = std::max<std::int64_t>(1, tokens * in);
    const auto grain = std::clamp<std::int64_t>(262144 / work, 16, std::max<std::int64_t>(16, out / 8));
    tbb::parallel_for(
        tbb::blocked_range<std::int64_t>(0, out, grain),
        [&](const tbb::blocked_range<std::int64_t>& r) {
            linearRows(x.data(), tokens, weight.data(), in, r.begin(), r.end(), y.data(), out);
        },
        tbb::simple_partitioner()); // fixed blocks: the same logits on every run, whatever the scheduling
}

} // namespace complab
