#include "model/QualitySweep.h"

#include "quant/QuantizeJob.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace complab {

namespace {

bool applies(const QuantSpec& spec, const WeightTensor& tensor)
{
    return spec.whyNotApplicable(static_cast<std::uint64_t>(tensor.rows), static_cast<std::uint64_t>(tensor.columns))
        .empty();
}

std::shared_ptr<const std::vector<float>> quantizeTensorValues(
    const QuantSpec& spec, const WeightTensor& tensor, std::stop_token stop)
{
    auto out = std::make_shared<std::vector<float>>(static_cast<std::size_t>(tensor.elementCount()));
    Progress quiet;
    quantizeMatrix(spec, tensor.data(), static_cast<std::size_t>(tensor.rows), static_cast<std::size_t>(tensor.columns),
        out->data(), quiet, stop);
    return out;
}

// Reports fraction (index + f) / count of `outer` while one of `count` sub-jobs runs.
Progress subProgress(Progress& outer, std::size_t index, std::size_t count)
{
    return Progress([&outer, index, count](double fraction, const std::string&) {
        outer.report((static_cast<double>(index) + fraction) / static_cast<double>(count));
    });
}

std::vector<std::string> applicableNames(const ModelWeights& base, const QuantSpec& spec)
{
    std::vector<std::string> names;
    for (const auto& name : base.linearTensorNames())
        if (applies(spec, *base.find(name)))
            names.push_back(name);
    return names;
}

std::map<std::string, QuantSpec> uniformAssignment(const std::vector<std::string>& names, const QuantSpec& spec)
{
    std::map<std::string, QuantSpec> assignment;
    for (const auto& name : names)
        assignment[name] = spec;
    return assignment;
}

std::int64_t parameterCount(const ModelWeights& base, const std::vector<std::string>& names)
{
    std::int64_t count = 0;
    for (const auto& name : names)
        count += base.find(name)->elementCount();
    return count;
}

void sortBySensitivity(std::vector<VariantQuality>& results)
{
    std::stable_sort(results.begin(), results.end(),
        [](const VariantQuality& a, const VariantQuality& b) { return a.quality.meanKld > b.quality.meanKld; });
}

} // namespace

std::shared_ptr<const ModelWeights> quantizedWeights(const ModelWeights& base, const QuantSpec& spec,
    const std::vector<std::string>& names, std::stop_token stop, std::vector<std::string>* quantised)
{
    const auto chosen = names.empty() ? base.linearTensorNames() : names;
    std::map<std::string, QuantSpec> assignment;
    for (const auto& name : chosen) {
        const auto* tensor = base.find(name);
        if (!tensor)
            throw std::invalid_argument("quantise: the model has no tensor '" + name + "'");
        if (applies(spec, *tensor))
            assignment[name] = spec;
    }
    if (quantised) {
        quantised->clear();
        for (const auto& name : chosen)
            if (assignment.count(name))
                quantised->push_back(name);
    }
    return quantizedWeights(base, assignment, stop);
}

std::shared_ptr<const ModelWeights> quantizedWeights(
    const ModelWeights& base, const std::map<std::string, QuantSpec>& assignment, std::stop_token stop)
{
    ModelWeights::Overrides overrides;
    for (const auto& [name, spec] : assignment) {
        throwIfStopped(stop);
        const auto* tensor = base.find(name);
        if (!tensor)
            throw std::invalid_argument("quantise: the model has no tensor '" + name + "'");
        overrides[name] = quantizeTensorValues(spec, *tensor, stop);
    }
    return base.withOverrides(overrides);
}

double averageBitsPerWeight(const ModelWeights& base, const std::map<std::string, QuantSpec>& assignment)
{
    double bits = 0.0, weights = 0.0;
    for (const auto& [name, spec] : assignment) {
        const auto* tensor = base.find(name);
        const auto count = static_cast<double>(tensor->elementCount());
        bits += count
            * spec.bitsPerWeight(static_cast<std::uint64_t>(tensor->rows), static_cast<std::uint64_t>(tensor->columns));
        weights += count;
    }
    return weights > 0 ? bits / weights : 0.0;
}

std::vector<VariantQuality> compareVariants(
    const EvaluationBaseline& baseline, const std::vector<Variant>& variants, Progress& progress, std::stop_token stop)
{
    std::vector<VariantQuality> results;
    for (std::size_t i = 0; i < variants.size(); ++i) {
        const auto& variant = variants[i];
        progress.setStep(variant.label, static_cast<double>(i) / static_cast<double>(variants.size()));
        auto inner = subProgress(progress, i, variants.size());
        const Transformer model(variant.weights);
        results.push_back({variant.label, variant.bitsPerWeight, variant.parameters,
            compareToBaseline(baseline, model, inner, stop)});
    }
    progress.report(1.0);
    return results;
}

std::vector<VariantQuality> sweepBits(const EvaluationBaseline& baseline, const ModelWeights& base,
    const QuantSpec& family, Progress& progress, std::stop_token stop, int minBits, int maxBits)
{
    if (family.format != QuantFormat::Int)
        throw std::invalid_argument("a bit-width sweep needs an integer scheme (int2..int8), not " + family.name());
    std::vector<Variant> variants;
    for (int bits = std::max(2, minBits); bits <= std::min(8, maxBits); ++bits) {
        auto spec = family;
        spec.bits = bits;
        const auto names = applicableNames(base, spec);
        variants.push_back({spec.name(), quantizedWeights(base, uniformAssignment(names, spec), stop),
            averageBitsPerWeight(base, uniformAssignment(names, spec)), parameterCount(base, names)});
    }
    return compareVariants(baseline, variants, progress, stop);
}

std::vector<VariantQuality> tensorSensitivity(const EvaluationBaseline& baseline, const ModelWeights& base,
    const QuantSpec& spec, Progress& progress, std::stop_token stop)
{
    std::vector<Variant> variants;
    for (const auto& name : applicableNames(base, spec)) {
        const std::map<std::string, QuantSpec> one{{name, spec}};
        variants.push_back({name, quantizedWeights(base, one, stop), averageBitsPerWeight(base, one),
            base.find(name)->elementCount()});
    }
    auto results = compareVariants(baseline, variants, progress, stop);
    sortBySensitivity(results);
    return results;
}

std::vector<VariantQuality> layerSensitivity(const EvaluationBaseline& baseline, const ModelWeights& base,
    const QuantSpec& spec, Progress& progress, std::stop_token stop)
{
    std::vector<Variant> variants;
    const auto names = applicableNames(base, spec);
    for (std::size_t layer = 0; layer < base.layers().size(); ++layer) {
        std::vector<std::string> inLayer;
        std::copy_if(names.begin(), names.end(), std::back_inserter(inLayer),
            [&](const std::string& name) { return base.layerOf(name) == static_cast<int>(layer); });
        if (inLayer.empty())
            continue;
        const auto assignment = uniformAssignment(inLayer, spec);
        variants.push_back({"layer " + std::to_string(layer), quantizedWeights(base, assignment, stop),
            averageBitsPerWeight(base, assignment), parameterCount(base, inLayer)});
    }
    auto results = compareVariants(baseline, variants, progress, stop);
    sortBySensitivity(results);
    return results;
}

MixedPrecisionPlan proposeMixedPrecision(const EvaluationBaseline& baseline, const ModelWeights& base,
    const QuantSpec& family, double budgetBitsPerWeight, Progress& progress, std::stop_token stop)
{
    if (family.format != QuantFormat::Int)
        throw std::invalid_argument("mixed precision needs an integer scheme (int2..int8), not " + family.name());
    const auto withBits = [&](int bits) {
        auto spec = family;
        spec.bits = bits;
        return spec;
    };
    // Tensors every level applies to (the grouping, not the bit-width, decides applicability).
    const auto names = applicableNames(base, withBits(8));
    if (names.empty())
        throw std::invalid_argument("no tensor of this model can take " + family.name());
    int uniformBits = 0;
    for (int bits = 2; bits <= 8; ++bits)
        if (averageBitsPerWeight(base, uniformAssignment(names, withBits(bits))) <= budgetBitsPerWeight + 1e-9)
            uniformBits = bits;
    if (uniformBits < 3)
        throw std::invalid_argument("a budget of " + std::to_string(budgetBitsPerWeight)
            + " bits per weight is below what " + withBits(3).name() + " needs");
    std::vector<QuantSpec> levels;
    for (int bits = std::max(2, uniformBits - 1); bits <= std::min(8, uniformBits + 1); ++bits)
        levels.push_back(withBits(bits));

    // ΔKLD of each tensor alone at each level (measured), and what each level costs in bits.
    std::map<std::string, std::vector<double>> kld, cost;
    for (std::size_t level = 0; level < levels.size(); ++level) {
        progress.setStep("sensitivity at " + levels[level].name(),
            static_cast<double>(level) / static_cast<double>(levels.size() + 1));
        auto inner = subProgress(progress, level, levels.size() + 1);
        for (const auto& s : tensorSensitivity(baseline, base, levels[level], inner, stop))
            kld[s.label].push_back(s.quality.meanKld);
    }
    for (const auto& name : names) {
        const auto* t = base.find(name);
        for (const auto& spec : levels)
            cost[name].push_back(static_cast<double>(t->elementCount())
                * spec.bitsPerWeight(static_cast<std::uint64_t>(t->rows), static_cast<std::uint64_t>(t->columns)));
    }
    // Greedy multiple-choice knapsack: from the lowest level everywhere, repeatedly take the raise
    // (to any higher level) that removes the most ΔKLD per bit and still fits the budget.
    const double allowed = budgetBitsPerWeight * static_cast<double>(parameterCount(base, names));
    std::map<std::string, std::size_t> chosen;
    double bits = 0.0;
    for (const auto& name : names) {
        chosen[name] = 0;
        bits += cost[name][0];
    }
    while (true) {
        const std::string* bestName = nullptr;
        std::size_t bestLevel = 0;
        double bestGain = 0.0;
        for (const auto& name : names) {
            const auto current = chosen[name];
            for (auto level = current + 1; level < levels.size(); ++level) {
                const double extra = cost[name][level] - cost[name][current];
                const double gain = (kld[name][current] - kld[name][level]) / extra;
                if (bits + extra <= allowed && gain > bestGain) {
                    bestGain = gain;
                    bestName = &name;
                    bestLevel = level;
                }
            }
        }
        if (!bestName)
            break;
        bits += cost[*bestName][bestLevel] - cost[*bestName][chosen[*bestName]];
        chosen[*bestName] = bestLevel;
    }
    std::map<std::string, QuantSpec> assignment;
    for (const auto& [name, level] : chosen)
        assignment[name] = levels[level];
    const double weights = static_cast<double>(parameterCount(base, names));

    MixedPrecisionPlan plan;
    plan.assignment = assignment;
    plan.bitsPerWeight = averageBitsPerWeight(base, assignment);
    const auto uniform = uniformAssignment(names, withBits(uniformBits));
    const std::vector<Variant> variants{
        {"mixed " + levels.front().name() + " … " + levels.back().name(), quantizedWeights(base, assignment, stop),
            plan.bitsPerWeight, static_cast<std::int64_t>(weights)},
        {"uniform " + withBits(uniformBits).name(), quantizedWeights(base, uniform, stop),
            averageBitsPerWeight(base, uniform), static_cast<std::int64_t>(weights)}};
    auto measureProgress = subProgress(progress, levels.size(), levels.size() + 1);
    const auto measured = compareVariants(baseline, variants, measureProgress, stop);
    plan.mixed = measured[0];
    plan.uniform = measured[1];
    progress.report(1.0);
    return plan;
}

} // namespace complab
