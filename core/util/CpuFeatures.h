// What the processor the lab runs on can do, asked once at run time: the SIMD paths are chosen
// here, never at compile time (no -march=native), so one build runs on any x86-64.
#pragma once

namespace complab {

// AVX2 and F16C (the half-precision scale conversions every AVX2 path uses); false off x86.
bool hasAvx2WithF16c();

} // namespace complab
