// The lab window's sliders as a recipe file (core/recipe/Recipe.h) and back: what File ▸ Save
// Recipe writes, so the trade-off chosen on screen can be reopened, shared and applied headless
// with `compression-lab-cli apply`, and what File ▸ Open Recipe (or dropping a recipe) reads.
#pragma once

#include "LabRecipe.h"
#include "LabState.h"
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

class Checkpoint;

// The storage `recipe` gives each tensor of `checkpoint` (its scheme's bits per weight with scales,
// or its own type where nothing applies), planned from the header alone. nullopt when the recipe
// cannot be planned for this model (the reason is the export's to give).
std::optional<PlannedStorage> planStorage(const std::shared_ptr<const Checkpoint>& checkpoint, const Recipe& recipe);

} // namespace complab
