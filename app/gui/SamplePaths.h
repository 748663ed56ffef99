// Where the bundled sample model is: next to the executable's share/ folder, both in the build
// tree (build/app/../share) and after installation (/usr/bin/../share).
#pragma once

#include <QString>

namespace complab {

// The sample's model.safetensors, or an empty string when it cannot be found.
QString bundledSamplePath();

} // namespace complab
