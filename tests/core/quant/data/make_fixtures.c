// Writes fixed-seed test inputs (inputs.f32) and ggml's reference quantisation of them (<type>.bin).
// Build against ggml's ggml-base library (ggml-quants.h is in ggml's src/ folder):
//   cc -O2 -std=gnu11 -I<ggml>/src -I<ggml>/include make_fixtures.c -L<ggml-build>/src -lggml-base -lm
#include "ggml-quants.h"
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NSB 10
#define N (NSB * 256)

static uint64_t state = 20240601u;
static uint64_t splitmix64(void) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
static double uniform01(void) { return ((splitmix64() >> 11) + 0.5) * (1.0 / 9007199254740992.0); }
static float normal(void) {
    double u1 = uniform01(), u2 = uniform01();
    return (float)(sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2));
}

static void write_file(const char * name, const void * data, size_t size) {
    FILE * f = fopen(name, "wb");
    if (!f || fwrite(data, 1, size, f) != size) { perror(name); exit(1); }
    fclose(f);
}

int main(void) {
    static float x[N];
    float * sb;
    // 0: standard normal with four outliers
    sb = x + 0 * 256;
    for (int i = 0; i < 256; ++i) sb[i] = normal();
    sb[3] = 6.5f; sb[77] = -7.25f; sb[150] = 5.75f; sb[255] = -6.0f;
    // 1: weight-like scale 0.02 with one outlier
    sb = x + 1 * 256;
    for (int i = 0; i < 256; ++i) sb[i] = 0.02f * normal();
    sb[200] = 0.5f;
    // 2: a different awkward case in each group of 32
    sb = x + 2 * 256;
    for (int i = 0; i < 32; ++i) sb[i] = 0.0f;                                  // zeros
    for (int i = 32; i < 64; ++i) sb[i] = 0.75f;                                // constant positive
    for (int i = 64; i < 96; ++i) sb[i] = -1.25f;                               // constant negative
    for (int i = 96; i < 128; ++i) sb[i] = -fabsf(normal());                    // negative only
    for (int i = 128; i < 160; ++i) sb[i] = fabsf(normal());                    // positive only
    for (int i = 160; i < 192; ++i) sb[i] = 1e-6f * normal();                   // tiny normal floats
    for (int i = 192; i < 224; ++i) sb[i] = 1e-40f * normal();                  // float denormals
    for (int i = 224; i < 256; ++i) sb[i] = (float)((i % 16) - 8) * 0.5f;       // exact grid values, ties
    // 3: all zeros
    sb = x + 3 * 256;
    for (int i = 0; i < 256; ++i) sb[i] = 0.0f;
    // 4: tiny values (scales fall in the half-precision subnormal range)
    sb = x + 4 * 256;
    for (int i = 0; i < 256; ++i) sb[i] = 1e-5f * normal();
    // 5: constant
    sb = x + 5 * 256;
    for (int i = 0; i < 256; ++i) sb[i] = 0.3f;
    // 6: negative only
    sb = x + 6 * 256;
    for (int i = 0; i < 256; ++i) sb[i] = -2.0f * fabsf(normal());
    // 7: one huge outlier among small values
    sb = x + 7 * 256;
    for (int i = 0; i < 256; ++i) sb[i] = 0.01f * normal();
    sb[100] = 1e4f;
    // 8: multiples of 1/16 in [-1, 1]
    sb = x + 8 * 256;
    for (int i = 0; i < 256; ++i) sb[i] = (float)((int)(splitmix64() % 33) - 16) / 16.0f;
    // 9: large values, some past the half-precision range
    sb = x + 9 * 256;
    for (int i = 0; i < 256; ++i) sb[i] = 3e4f * normal();

    write_file("inputs.f32", x, sizeof(x));

    // The output buffer is zeroed before each call: ggml's Q8_K leaves bsums of an all-zero block unwritten.
    static unsigned char out[N * 2];
#define EMIT(file, type, elements, fn)                     \
    memset(out, 0, sizeof(out));                           \
    fn(x, (type *) out, N);                                \
    write_file(file, out, sizeof(type) * (N / (elements)));
    EMIT("q4_0.bin", block_q4_0, 32, quantize_row_q4_0_ref)
    EMIT("q4_1.bin", block_q4_1, 32, quantize_row_q4_1_ref)
    EMIT("q5_0.bin", block_q5_0, 32, quantize_row_q5_0_ref)
    EMIT("q5_1.bin", block_q5_1, 32, quantize_row_q5_1_ref)
    EMIT("q8_0.bin", block_q8_0, 32, quantize_row_q8_0_ref)
    EMIT("q8_1.bin", block_q8_1, 32, quantize_row_q8_1_ref)
    EMIT("q2_k.bin", block_q2_K, 256, quantize_row_q2_K_ref)
    EMIT("q3_k.bin", block_q3_K, 256, quantize_row_q3_K_ref)
    EMIT("q4_k.bin", block_q4_K, 256, quantize_row_q4_K_ref)
    EMIT("q5_k.bin", block_q5_K, 256, quantize_row_q5_K_ref)
    EMIT("q6_k.bin", block_q6_K, 256, quantize_row_q6_K_ref)
    EMIT("q8_k.bin", block_q8_K, 256, quantize_row_q8_K_ref)
    return 0;
}
