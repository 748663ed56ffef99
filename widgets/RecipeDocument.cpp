#include "RecipeDocument.h"

#include "io/Checkpoint.h"
#include "quant/QuantizeJob.h"
#include "recipe/Pipeline.h"

#include "estimate/PrecisionLadder.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <string>

namespace complab {

namespace {

// lupdate files tr() in these free functions under the namespace's name, so that is the context.
QString tr(const char* text, const char* disambiguation = nullptr, int count = -1)
{
    return QCoreApplication::translate("complab", text, disambiguation, count);
}

// The precision slider's fixed layouts by the recipe's scheme names (QuantSpec::parse spelling).
struct NamedStep
{
    const char* recipeScheme;
    const char* ladderLabel;
};
constexpr NamedStep namedSteps[] = {
    {"f32", "FP32"},
    {"f16", "FP16"},
    {"bf16", "BF16"},
    {"fp8_e4m3", "FP8"},
    {"q6_k", "Q6_K"},
    {"q5_k", "Q5_K"},
    {"q4_k", "Q4_K"},
    {"nf4", "NF4"},
    {"mxfp4", "MXFP4"},
    {"q3_k", "Q3_K"},
    {"q2_k", "Q2_K"},
};

RecipeScheme schemeOfStep(int stepIndex, int groupSize)
{
    const auto& step = precisionLadder()[static_cast<std::size_t>(stepIndex)];
    RecipeScheme scheme;
    if (step.integerBits > 0) {
        scheme.scheme = "int" + std::to_string(step.integerBits);
        // Group 0 means "scales ignored" in the estimate; a real quantiser needs a group, and 128 is
        // the GPTQ/AWQ default. The estimate section records that the scales were ignored.
        scheme.groupSize = groupSize > 0 ? groupSize : 128;
        return scheme;
    }
    for (const auto& named : namedSteps)
        if (step.label == named.ladderLabel)
            scheme.scheme = named.recipeScheme;
    return scheme;
}

struct StepChoice
{
    int step = -1;
    int groupSize = 0;
    QString note; // set when the scheme had to be approximated
};

StepChoice stepOfScheme(const RecipeScheme& scheme, bool ignoreScales)
{
    const QString name = QString::fromStdString(scheme.scheme);
    for (const auto& named : namedSteps)
        if (scheme.scheme == named.recipeScheme)
            return {findPrecisionStep(named.ladderLabel), 0, {}};
    if (scheme.scheme == "fp8_e5m2")
        return {findPrecisionStep("FP8"), 0, tr("FP8 E5M2 is shown as FP8 (the slider's FP8 is E4M3).")};
    if (scheme.scheme.size() == 4 && scheme.scheme.rfind("int", 0) == 0) {
        const int bits = scheme.scheme[3] - '0';
        const int group = ignoreScales ? 0 : scheme.groupSize;
        for (const int offered : {8, 4, 3, 2})
            if (bits == offered)
                return {findPrecisionStep("INT" + std::to_string(bits)), group, {}};
        // int5..int7 are not on the slider: the next wider grid it offers, so quality is not overstated.
        const int shown = bits > 4 ? 8 : 4;
        return {findPrecisionStep("INT" + std::to_string(shown)), group,
            tr("%1 is not on the precision slider; shown as INT%2.").arg(name).arg(shown)};
    }
    // ggml's simple formats sit on the ladder by bits per weight (q8_0 = INT8 with group 32).
    if (const auto* known = findQuantScheme(scheme.scheme)) {
        if (const auto position = ladderPosition(*known))
            return {position->step, position->groupSize, {}};
        const auto ladder = precisionLadder();
        int nearest = 0;
        double distance = 1e9;
        for (int i = 0; i < static_cast<int>(ladder.size()); ++i) {
            const double bits = precisionStepScheme(i, 128).bitsPerWeight;
            if (std::abs(bits - known->bitsPerWeight) < distance) {
                distance = std::abs(bits - known->bitsPerWeight);
                nearest = i;
            }
        }
        const auto label = ladder[static_cast<std::size_t>(nearest)].label;
        return {nearest, ladder[static_cast<std::size_t>(nearest)].integerBits > 0 ? 128 : 0,
            tr("%1 is not on the precision slider; shown as %2, the nearest in bits per weight.")
                .arg(name, QString::fromLatin1(label.data(), static_cast<int>(label.size())))};
    }
    return {-1, 0, tr("%1 has no place on the precision slider; the slider was left as it was.").arg(name)};
}

} // namespace

Recipe toRecipeDocument(const LabRecipe& lab, const EstimatorConstants& constants, const Recipe& base,
    const std::optional<RecipeSource>& source, QStringList* notes)
{
    Recipe recipe = base;
    recipe.source = lab.useLoadedModel ? source : std::nullopt;
    recipe.quantization = schemeOfStep(lab.precisionStep, lab.groupSize);

    const std::string method = lab.pruneMethod.toStdString();
    if (lab.pruneFraction <= 0.0) {
        recipe.pruning.reset();
    } else if (method == "structured") {
        recipe.pruning.reset();
        if (notes)
            notes->append(tr("Structured pruning is not part of recipe format 1: the file leaves pruning out."));
    } else {
        PruningSettings pruning = base.pruning.value_or(PruningSettings{});
        pruning.fraction = lab.pruneFraction;
        pruning.method = method == "2:4" ? "magnitude" : method;
        if (method == "2:4")
            pruning.pattern = "2:4";
        else if (pruning.pattern.find(':') != std::string::npos)
            pruning.pattern = "unstructured";
        recipe.pruning = pruning;
    }

    if (lab.lowRankEnergy >= 1.0) {
        recipe.lowRank.reset();
    } else {
        LowRankSettings lowRank = base.lowRank.value_or(LowRankSettings{});
        lowRank.rank.reset();
        lowRank.energy = lab.lowRankEnergy;
        recipe.lowRank = lowRank;
    }

    recipe.runtime.kvCacheType = std::string(kvCacheTypeInfo(lab.kvType).id);
    recipe.runtime.context = lab.context;
    recipe.runtime.batch = lab.batch;

    EstimateSettings estimate;
    if (!lab.useLoadedModel)
        estimate.parameters = lab.parameters;
    estimate.distillFactor = lab.distillFactor;
    estimate.runtimeProfile = std::string(runtimeProfileName(lab.runtime));
    estimate.flashAttention = lab.flashAttention;
    estimate.ignoreScales
        = precisionLadder()[static_cast<std::size_t>(lab.precisionStep)].integerBits > 0 && lab.groupSize == 0;
    recipe.estimate = estimate;
    recipe.estimatorConstants = constants;
    return recipe;
}

OpenedRecipe fromRecipeDocument(const Recipe& recipe, const LabRecipe& current)
{
    OpenedRecipe opened;
    opened.lab = current;
    opened.constants = recipe.estimatorConstants;
    LabRecipe& lab = opened.lab;
    const bool ignoreScales = recipe.estimate && recipe.estimate->ignoreScales;

    if (recipe.quantization.keeps()) {
        opened.notes.append(
            tr("The recipe keeps every tensor's stored type; the precision slider was left as it was."));
    } else {
        const auto choice = stepOfScheme(recipe.quantization, ignoreScales);
        if (choice.step >= 0) {
            lab.precisionStep = choice.step;
            lab.groupSize
                = precisionLadder()[static_cast<std::size_t>(choice.step)].integerBits > 0 ? choice.groupSize : 0;
        }
        if (!choice.note.isEmpty())
            opened.notes.append(choice.note);
    }
    if (!recipe.rules.empty())
        opened.notes.append(tr("%n per-tensor rule(s) are kept in the recipe but not shown on the sliders.", nullptr,
            static_cast<int>(recipe.rules.size())));

    lab.pruneFraction = 0.0;
    if (recipe.pruning && recipe.pruning->fraction > 0.0) {
        // The slider stops at 0.9; a larger fraction is clamped and said.
        lab.pruneFraction = std::min(recipe.pruning->fraction, 0.9);
        if (recipe.pruning->fraction > 0.9)
            opened.notes.append(tr("Pruning %1 % is beyond the slider; shown as 90 %.")
                                    .arg(recipe.pruning->fraction * 100.0, 0, 'f', 0));
        if (recipe.pruning->pattern == "2:4" && recipe.pruning->method == "magnitude")
            lab.pruneMethod = QStringLiteral("2:4");
        else
            lab.pruneMethod = QString::fromStdString(recipe.pruning->method);
        if (recipe.pruning->pattern != "unstructured" && recipe.pruning->pattern != "2:4")
            opened.notes.append(tr("The %1 pattern is shown as %2 pruning.")
                                    .arg(QString::fromStdString(recipe.pruning->pattern), lab.pruneMethod));
    }

    lab.lowRankEnergy = 1.0;
    if (recipe.lowRank) {
        if (recipe.lowRank->energy)
            lab.lowRankEnergy = std::clamp(*recipe.lowRank->energy, 0.5, 1.0);
        else
            opened.notes.append(tr("Low rank %1 is a fixed rank; the energy slider cannot show it.")
                                    .arg(recipe.lowRank->rank.value_or(0)));
    }

    if (const auto* kv = findKvCacheType(recipe.runtime.kvCacheType))
        lab.kvType = kv->type;
    lab.context = std::clamp<std::int64_t>(recipe.runtime.context, 512, 131072);
    lab.batch = std::clamp<std::int64_t>(recipe.runtime.batch, 1, 256);

    if (recipe.estimate) {
        const auto& estimate = *recipe.estimate;
        lab.useLoadedModel = !estimate.parameters.has_value();
        if (estimate.parameters)
            lab.parameters = *estimate.parameters;
        lab.distillFactor = std::clamp(estimate.distillFactor, 1.0, 16.0);
        if (const auto profile = parseRuntimeProfile(estimate.runtimeProfile))
            lab.runtime = *profile;
        lab.flashAttention = estimate.flashAttention;
    } else {
        // A recipe written by the command line: it was made for its source checkpoint.
        lab.useLoadedModel = recipe.source.has_value();
        lab.distillFactor = 1.0;
    }
    if (recipe.calibration)
        opened.notes.append(
            tr("Calibration text %1 is kept in the recipe.").arg(QString::fromStdString(recipe.calibration->path)));
    return opened;
}

std::optional<PlannedStorage> planStorage(const std::shared_ptr<const Checkpoint>& checkpoint, const Recipe& recipe)
{
    if (!checkpoint)
        return std::nullopt;
    try {
        const Pipeline pipeline(checkpoint, recipe, PipelineOptions{});
        PlannedStorage planned;
        double bits = 0;
        for (const TensorPlan& plan : pipeline.plan()) {
            // The shape as the pipeline sees it when it counts a tensor's bits.
            const TensorInfo& info = checkpoint->tensors()[plan.sourceIndex];
            const std::uint64_t elements = info.elementCount();
            const auto [rows, columns] = matrixShape(info);
            const double perWeight
                = plan.spec ? plan.spec->bitsPerWeight(rows, columns) : dtypeBitsPerWeight(plan.sourceType);
            bits += perWeight * double(elements);
            planned.weights += double(elements);
            ++planned.tensors;
            if (plan.spec)
                ++planned.quantised;
        }
        if (planned.weights <= 0)
            return std::nullopt;
        planned.bitsPerWeight = bits / planned.weights;
        planned.rules = recipe.rules.size();
        return planned;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace complab
