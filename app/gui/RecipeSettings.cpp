#include "RecipeSettings.h"

#include "estimate/PrecisionLadder.h"

#include <QSettings>

#include <algorithm>

namespace complab {

namespace {

const QString prefix = QStringLiteral("recipe/");

QString key(const char* name)
{
    return prefix + QLatin1String(name);
}

} // namespace

void saveRecipe(QSettings& settings, const LabRecipe& recipe)
{
    settings.setValue(key("parameters"), recipe.parameters);
    const auto label = precisionLadder()[static_cast<std::size_t>(recipe.precisionStep)].label;
    settings.setValue(key("precision"), QString::fromLatin1(label.data(), static_cast<int>(label.size())));
    settings.setValue(key("groupSize"), recipe.groupSize);
    settings.setValue(key("pruneFraction"), recipe.pruneFraction);
    settings.setValue(key("pruneMethod"), recipe.pruneMethod);
    settings.setValue(key("distillFactor"), recipe.distillFactor);
    settings.setValue(key("lowRankEnergy"), recipe.lowRankEnergy);
    settings.setValue(key("context"), static_cast<qlonglong>(recipe.context));
    settings.setValue(key("batch"), static_cast<qlonglong>(recipe.batch));
    settings.setValue(key("kvType"), QString::fromLatin1(kvCacheTypeInfo(recipe.kvType).id.data()));
    settings.setValue(key("runtime"), QString::fromLatin1(runtimeProfileName(recipe.runtime).data()));
    settings.setValue(key("flashAttention"), recipe.flashAttention);
}

LabRecipe loadRecipe(const QSettings& settings)
{
    LabRecipe recipe;
    const auto number = [&](const char* name, double fallback, double lowest, double highest) {
        bool ok = false;
        const double value = settings.value(key(name)).toDouble(&ok);
        return ok && value >= lowest && value <= highest ? value : fallback;
    };
    recipe.parameters = number("parameters", recipe.parameters, 1e8, 1e12);
    const int step = findPrecisionStep(settings.value(key("precision")).toString().toStdString());
    if (step >= 0)
        recipe.precisionStep = step;
    const int groupSize = settings.value(key("groupSize"), 0).toInt();
    const auto sizes = integerGroupSizes();
    if (std::find(sizes.begin(), sizes.end(), groupSize) != sizes.end())
        recipe.groupSize = groupSize;
    recipe.pruneFraction = number("pruneFraction", 0, 0, 0.9);
    const QString method = settings.value(key("pruneMethod")).toString();
    for (const auto& known : pruneMethods())
        if (method == QLatin1String(known.id))
            recipe.pruneMethod = method;
    recipe.distillFactor = number("distillFactor", 1, 1, 16);
    recipe.lowRankEnergy = number("lowRankEnergy", 1, 0.5, 1);
    recipe.context = static_cast<std::int64_t>(number("context", 8192, 512, 131072));
    recipe.batch = static_cast<std::int64_t>(number("batch", 1, 1, 256));
    if (const auto* kv = findKvCacheType(settings.value(key("kvType")).toString().toStdString()))
        recipe.kvType = kv->type;
    if (const auto runtime = parseRuntimeProfile(settings.value(key("runtime")).toString().toStdString()))
        recipe.runtime = *runtime;
    recipe.flashAttention = settings.value(key("flashAttention"), false).toBool();
    return recipe;
}

} // namespace complab
