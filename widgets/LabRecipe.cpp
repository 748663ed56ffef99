#include "LabRecipe.h"

#include "Format.h"
#include "estimate/PrecisionLadder.h"

#include <QCoreApplication>
#include <QLocale>

#include <array>
#include <cmath>

namespace complab {

namespace {

constexpr std::array<double, 32> sizes{0.5e9, 0.6e9, 0.8e9, 1e9, 1.5e9, 2e9, 3e9, 4e9, 5e9, 6e9, 7e9, 8e9, 9e9, 10e9,
    12e9, 14e9, 16e9, 20e9, 24e9, 27e9, 32e9, 40e9, 47e9, 56e9, 70e9, 90e9, 120e9, 141e9, 180e9, 235e9, 314e9, 405e9};
constexpr std::array<std::int64_t, 17> contexts{
    512, 768, 1024, 1536, 2048, 3072, 4096, 6144, 8192, 12288, 16384, 24576, 32768, 49152, 65536, 98304, 131072};
constexpr std::array<double, 9> distills{1, 1.5, 2, 3, 4, 6, 8, 12, 16};

// Labels are marked for translation here and translated where shown.
constexpr std::array<PruneMethodInfo, 5> methods{{
    {"magnitude", QT_TRANSLATE_NOOP("LabRecipe", "Magnitude (smallest weights)")},
    {"wanda", QT_TRANSLATE_NOOP("LabRecipe", "Wanda (weight × activation)")},
    {"sparsegpt", QT_TRANSLATE_NOOP("LabRecipe", "SparseGPT (second-order)")},
    {"2:4", QT_TRANSLATE_NOOP("LabRecipe", "2:4 semi-structured")},
    {"structured", QT_TRANSLATE_NOOP("LabRecipe", "Structured (whole heads/channels)")},
}};

template <typename T> int nearestInLog(std::span<const T> steps, double value)
{
    int best = 0;
    double bestDistance = INFINITY;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const double distance = std::abs(std::log(static_cast<double>(steps[i])) - std::log(value));
        if (distance < bestDistance) {
            bestDistance = distance;
            best = static_cast<int>(i);
        }
    }
    return best;
}

} // namespace

std::span<const double> modelSizeSteps()
{
    return sizes;
}

std::span<const std::int64_t> contextSteps()
{
    return contexts;
}

std::span<const double> distillSteps()
{
    return distills;
}

int nearestStep(std::span<const double> steps, double value)
{
    return nearestInLog(steps, std::max(value, 1e-9));
}

int nearestStep(std::span<const std::int64_t> steps, std::int64_t value)
{
    return nearestInLog(steps, static_cast<double>(std::max<std::int64_t>(value, 1)));
}

std::span<const PruneMethodInfo> pruneMethods()
{
    return methods;
}

EstimateInput toEstimateInput(const LabRecipe& recipe, const Architecture* loaded, double loadedParameters)
{
    EstimateInput input;
    if (recipe.useLoadedModel && loadedParameters > 0) {
        input.parameters = loadedParameters;
        input.architecture = loaded;
    } else {
        input.parameters = recipe.parameters;
    }
    input.setScheme(precisionStepScheme(recipe.precisionStep, recipe.groupSize));
    input.pruneFraction = recipe.pruneFraction;
    input.distillFactor = recipe.distillFactor;
    input.context = recipe.context;
    input.batch = recipe.batch;
    input.kvType = recipe.kvType;
    input.runtime = recipe.runtime;
    input.flashAttention = recipe.flashAttention;
    return input;
}

QString parameterCountText(double parameters)
{
    if (parameters >= 1e9)
        return QCoreApplication::translate("LabRecipe", "%1 B").arg(QLocale().toString(parameters / 1e9, 'g', 3));
    return format::count(static_cast<std::uint64_t>(std::llround(parameters)));
}

QString contextText(std::int64_t tokens)
{
    if (tokens >= 1024 && tokens % 1024 == 0)
        return QStringLiteral("%1K").arg(tokens / 1024);
    if (tokens >= 1024)
        return QStringLiteral("%1K").arg(QLocale().toString(static_cast<double>(tokens) / 1024.0, 'g', 3));
    return QLocale().toString(static_cast<qlonglong>(tokens));
}

} // namespace complab
