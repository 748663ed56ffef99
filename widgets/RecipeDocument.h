// The lab window's sliders as a recipe file (core/recipe/Recipe.h) and back: what File ▸ Save
// Recipe writes, so the trade-off chosen on screen can be reopened, shared and applied headless
// with `compression-lab-cli apply`, and what File ▸ Open Recipe (or dropping a recipe) reads.
#pragma once

#include "LabRecipe.h"
#include "recipe/Recipe.h"

#include <QStringList>

namespace complab {

// The document for the sliders. `base` is the recipe last opened (or a default one): what the sliders
// cannot show (per-tensor rules, calibration text, tensor lists) is kept from it unchanged.
// `source` is the open checkpoint's fingerprint when the recipe uses the loaded model.
// Anything the file format cannot hold is named in `notes` (e.g. structured pruning).
Recipe toRecipeDocument(const LabRecipe& lab, const EstimatorConstants& constants, const Recipe& base,
    const std::optional<RecipeSource>& source, QStringList* notes = nullptr);

struct OpenedRecipe
{
    LabRecipe lab;
    EstimatorConstants constants;
    // What the sliders cannot show, said in words ("2 per-tensor rules are kept but not shown").
    QStringList notes;
};

// The sliders for a document. The current sliders fill in what the file does not say; a scheme
// the precision slider does not offer (int5, q5_0) is mapped to the nearest step it offers and noted.
OpenedRecipe fromRecipeDocument(const Recipe& recipe, const LabRecipe& current);

} // namespace complab
