#include "util/CpuFeatures.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

namespace complab {

bool hasAvx2WithF16c()
{
#if defined(__x86_64__) || defined(__i386__)
    // F16C is CPUID leaf 1, ECX bit 29: clang 14's __builtin_cpu_supports does not know "f16c".
    static const bool supported = [] {
        unsigned eax = 0;
        unsigned ebx = 0;
        unsigned ecx = 0;
        unsigned edx = 0;
        return __builtin_cpu_supports("avx2") && __get_cpuid(1, &eax, &ebx, &ecx, &edx) && (ecx & (1u << 29)) != 0;
    }();
    return supported;
#else
    return false;
#endif
}

} // namespace complab
