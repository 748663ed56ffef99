// The last recipe in the settings, so the lab opens where a person left it.
#pragma once

#include "LabRecipe.h"

class QSettings;

namespace complab {

void saveRecipe(QSettings& settings, const LabRecipe& recipe);
// Values missing or out of range keep the recipe's defaults.
LabRecipe loadRecipe(const QSettings& settings);

} // namespace complab
