#include "quant/BlockQuantFast.h"

namespace complab {

bool quantizeSimpleBlocksFast(DType, const float*, std::size_t, std::byte*)
{
    return false; // no fast path yet: quantizeBlocks falls back to the reference path
}

} // namespace complab
