#include "recipe/CheckpointComparison.h"

#include "io/Checkpoint.h"
#include "recipe/LlamaTensorNames.h"
#include "recipe/TensorPreview.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <optional>
#include <span>

namespace complab {

namespace {

struct Key
{
    std::string name; // the llama.cpp name when there is one
    LlamaTensorName::Rotary rotary = LlamaTensorName::Rotary::None;
};

Key keyOf(const std::string& name)
{
    if (const auto mapped = llamaCppTensorName(name))
        return {mapped->ggufName, mapped->rotary};
    // Already a llama.cpp name: q and k rows are interleaved there.
    if (name.find(".attn_q.") != std::string::npos)
        return {name, LlamaTensorName::Rotary::Query};
    if (name.find(".attn_k.") != std::string::npos)
        return {name, LlamaTensorName::Rotary::Key};
    return {name, LlamaTensorName::Rotary::None};
}

std::optional<std::int64_t> headsFor(LlamaTensorName::Rotary rotary, const Checkpoint& a, const Checkpoint& b)
{
    for (const Checkpoint* checkpoint : {&a, &b}) {
        const auto& config = checkpoint->config();
        if (!config)
            continue;
        if (rotary == LlamaTensorName::Rotary::Key && config->keyValueHeads)
            return config->keyValueHeads;
        if (config->attentionHeads)
            return config->attentionHeads;
    }
    return std::nullopt;
}

std::string shapeText(const std::vector<std::int64_t>& shape)
{
    std::string text = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        text += (i ? ", " : "") + std::to_string(shape[i]);
    return text + "]";
}

} // namespace

CheckpointComparison compareCheckpoints(const Checkpoint& reference, const Checkpoint& other, std::size_t histogramBins,
    Progress& progress, std::stop_token stop)
{
    CheckpointComparison result;
    std::map<std::string, std::size_t> otherByKey;
    for (std::size_t i = 0; i < other.tensors().size(); ++i)
        otherByKey.emplace(keyOf(other.tensors()[i].name).name, i);
    const bool layoutsDiffer = holdsRotateHalfRows(reference) != holdsRotateHalfRows(other);
    QuantMetricsAccumulator total;
    std::vector<bool> matched(other.tensors().size(), false);
    const auto count = reference.tensors().size();
    for (std::size_t i = 0; i < count; ++i) {
        throwIfStopped(stop);
        const auto& info = reference.tensors()[i];
        progress.setStep(info.name, static_cast<double>(i) / static_cast<double>(std::max<std::size_t>(count, 1)));
        const Key key = keyOf(info.name);
        const auto found = otherByKey.find(key.name);
        if (found == otherByKey.end()) {
            result.onlyInReference.push_back(info.name);
            continue;
        }
        matched[found->second] = true;
        const auto& otherInfo = other.tensors()[found->second];
        if (!info.supported || !otherInfo.supported) {
            result.notCompared.push_back(info.name + ": not a weight tensor the lab reads");
            continue;
        }
        if (info.shape != otherInfo.shape) {
            result.notCompared.push_back(
                info.name + ": shape " + shapeText(info.shape) + " against " + shapeText(otherInfo.shape));
            continue;
        }
        TensorComparison comparison;
        comparison.referenceName = info.name;
        comparison.otherName = otherInfo.name;
        comparison.shape = info.shape;
        comparison.referenceType = info.dtype;
        comparison.otherType = otherInfo.dtype;
        std::vector<float> a = reference.tensor(i).toFloats();
        std::vector<float> b = other.tensor(found->second).toFloats();
        if (layoutsDiffer && key.rotary != LlamaTensorName::Rotary::None && info.shape.size() == 2) {
            const auto heads = headsFor(key.rotary, reference, other);
            if (!heads) {
                result.notCompared.push_back(info.name
                    + ": its q/k rows are in different orders in the two files and neither says its head count");
                continue;
            }
            // Both in llama.cpp's interleaved order (histograms do not depend on the order).
            auto& rotateHalf = holdsRotateHalfRows(reference) ? a : b;
            const auto rows = static_cast<std::size_t>(info.shape[0]);
            interleaveRotaryRows(std::as_writable_bytes(std::span<float>(rotateHalf)), rows,
                rotateHalf.size() / rows * sizeof(float), static_cast<std::size_t>(*heads));
            comparison.reordered = true;
        }
        comparison.metrics = measureError(a.data(), b.data(), a.size(), dtypeBitsPerWeight(otherInfo.dtype));
        total.add(a.data(), b.data(), a.size());
        double lowest = 0.0;
        double highest = 0.0;
        if (!a.empty()) {
            lowest = std::min(*std::min_element(a.begin(), a.end()), *std::min_element(b.begin(), b.end()));
            highest = std::max(*std::max_element(a.begin(), a.end()), *std::max_element(b.begin(), b.end()));
        }
        if (!(lowest < highest)) {
            lowest -= 0.5;
            highest += 0.5;
        }
        comparison.referenceHistogram = histogramOf(a, lowest, highest, histogramBins);
        comparison.otherHistogram = histogramOf(b, lowest, highest, histogramBins);
        result.comparedWeights += a.size();
        result.tensors.push_back(std::move(comparison));
    }
    for (std::size_t i = 0; i < matched.size(); ++i)
        if (!matched[i])
            result.onlyInOther.push_back(other.tensors()[i].name);
    result.relativeError = total.finish(0.0).relativeError;
    std::stable_sort(result.tensors.begin(), result.tensors.end(),
        [](const auto& x, const auto& y) { return x.metrics.relativeError > y.metrics.relativeError; });
    progress.report(1.0);
    return result;
}

} // namespace complab
