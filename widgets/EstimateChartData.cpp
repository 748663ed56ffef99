#include "EstimateChartData.h"

#include "TableText.h"
#include "estimate/Footprint.h"
#include "estimate/PrecisionLadder.h"
#include "estimate/QualityModel.h"

#include <algorithm>
#include <cmath>

namespace complab::chartdata {

namespace {

constexpr double gb = 1e9;

} // namespace

VramBar vramBar(const QString& label, const VramBreakdown& vram)
{
    return {label, vram.weightBytes / gb, vram.kvCacheBytes / gb, vram.activationBytes / gb,
        vram.runtimeOverheadBytes / gb};
}

FitStatus fitStatus(double totalBytes, double budgetBytes)
{
    if (totalBytes > budgetBytes)
        return FitStatus::TooBig;
    return totalBytes <= 0.85 * budgetBytes ? FitStatus::Comfortable : FitStatus::Tight;
}

std::vector<TierLine> tierLines(
    double totalBytes, const HardwareTier* fitDevice, const HardwareTierTable& tiers, double headroom)
{
    const HardwareTier* below = nullptr;
    const HardwareTier* above = nullptr;
    for (const auto& tier : tiers.rows()) { // sorted by usable memory, smallest first
        if (tier.budgetBytes(headroom) < totalBytes)
            below = &tier;
        else if (!above)
            above = &tier;
    }
    std::vector<TierLine> lines;
    for (const HardwareTier* tier : {below, above, fitDevice}) {
        if (!tier)
            continue;
        const bool isFit = tier == fitDevice;
        auto same = std::find_if(lines.begin(), lines.end(), [&](const TierLine& line) {
            return line.name == tabletext::translated(tabletext::hardwareTiers, tier->name);
        });
        if (same != lines.end()) {
            same->isFitDevice = same->isFitDevice || isFit;
            continue;
        }
        lines.push_back(
            {tabletext::translated(tabletext::hardwareTiers, tier->name), tier->budgetBytes(headroom) / gb, isFit});
    }
    std::sort(lines.begin(), lines.end(), [](const TierLine& a, const TierLine& b) { return a.budgetGb < b.budgetGb; });
    return lines;
}

std::vector<std::int64_t> contextSamples(std::int64_t first, std::int64_t last)
{
    std::vector<std::int64_t> samples;
    for (std::int64_t power = first; power <= last; power *= 2) {
        samples.push_back(power);
        if (power + power / 2 <= last && power * 2 <= last)
            samples.push_back(power + power / 2);
    }
    return samples;
}

ContextCurves contextCurves(const EstimateInput& input, const std::vector<KvCacheType>& kvTypes,
    const std::vector<std::int64_t>& contexts, const EstimatorConstants& constants)
{
    ContextCurves curves;
    EstimateInput probe = input;
    for (const auto kvType : kvTypes) {
        ContextCurves::Curve curve{kvType, {}};
        probe.kvType = kvType;
        for (const auto context : contexts) {
            probe.context = context;
            curve.points.append(
                {static_cast<double>(context), complab::estimate(probe, constants).vram.totalBytes() / gb});
        }
        curves.totals.push_back(std::move(curve));
    }
    probe.kvType = input.kvType;
    for (const auto context : contexts) {
        probe.context = context;
        const auto vram = complab::estimate(probe, constants).vram;
        curves.weights.append({static_cast<double>(context), vram.weightBytes / gb});
        curves.kvCache.append({static_cast<double>(context), vram.kvCacheBytes / gb});
    }
    if (contexts.empty())
        return curves;
    // The KV cache grows monotonically with context: bisect for the first context where it wins.
    const auto kvWins = [&](std::int64_t context) {
        probe.context = context;
        const auto vram = complab::estimate(probe, constants).vram;
        return vram.kvCacheBytes > vram.weightBytes;
    };
    if (!kvWins(contexts.back()))
        return curves;
    std::int64_t low = 0; // the KV cache of zero tokens never exceeds the weights
    std::int64_t high = contexts.back();
    while (high - low > 1) {
        const std::int64_t middle = low + (high - low) / 2;
        (kvWins(middle) ? high : low) = middle;
    }
    curves.kvOvertakesWeightsAt = high;
    return curves;
}

std::vector<FootprintBar> footprintBars(const EstimateInput& input, int groupSize)
{
    std::vector<FootprintBar> bars;
    const double fp32 = diskBytes(input.parameters, 32, input.pruneFraction, input.distillFactor);
    for (int step = 0; step < static_cast<int>(precisionLadder().size()); ++step) {
        const auto scheme = precisionStepScheme(step, groupSize);
        const double bytes
            = diskBytes(input.parameters, scheme.bitsPerWeight, input.pruneFraction, input.distillFactor);
        const auto label = precisionLadder()[static_cast<std::size_t>(step)].label;
        bars.push_back({QString::fromLatin1(label.data(), static_cast<int>(label.size())), bytes / gb, bytes / fp32});
    }
    return bars;
}

QList<QPointF> quantisationQualityCurve(const EstimatorConstants& constants)
{
    // Even steps in log2(bits), the curve's natural axis: 1, 1.09, ... 32.
    QList<QPointF> points;
    for (int step = 0; step <= 80; ++step) {
        const double bits = std::exp2(step / 16.0);
        points.append({bits, 100.0 * quantisationQuality(bits, constants)});
    }
    return points;
}

QList<QPointF> pruningQualityCurve(const EstimatorConstants& constants)
{
    QList<QPointF> points;
    for (int percent = 0; percent <= 90; ++percent)
        points.append({static_cast<double>(percent), 100.0 * pruningQuality(percent / 100.0, constants)});
    return points;
}

QList<QPointF> distillationQualityCurve(const EstimatorConstants& constants)
{
    QList<QPointF> points;
    for (int step = 0; step <= 64; ++step) {
        const double factor = std::exp2(step / 16.0);
        points.append({factor, 100.0 * distillationQuality(factor, constants)});
    }
    return points;
}

QList<QPointF> landscapePoints(const LandscapeTable& table, LandscapeGroup group, bool int4)
{
    QList<QPointF> points;
    for (const auto& entry : table.rows()) {
        if (entry.group == group)
            points.append({(int4 ? entry.int4Bytes : entry.fp16Bytes) / gb, entry.quality});
    }
    return points;
}

LandscapeMarker landscapeMarker(const EstimateInput& input, const Estimate& estimate, const LandscapeTable& table,
    const EstimatorConstants& constants)
{
    const double size = input.parameters / input.distillFactor;
    const LandscapeEntry* nearest = nullptr;
    for (const auto& entry : table.rows()) {
        if (!nearest || std::abs(std::log(entry.parameters / size)) < std::abs(std::log(nearest->parameters / size)))
            nearest = &entry;
    }
    if (!nearest)
        return {};
    // Landscape qualities are of FP16 models; the recipe's distillation is already in the
    // student's size, so only precision and pruning scale the anchor.
    const double relative = qualityRetained(input.weightBits, input.pruneFraction, 1.0, constants)
        / qualityRetained(16, 0, 1.0, constants);
    return {QPointF(estimate.diskBytes / gb, nearest->quality * relative), QString::fromStdString(nearest->name)};
}

} // namespace complab::chartdata
