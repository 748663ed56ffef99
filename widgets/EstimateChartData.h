// What the estimate charts draw, prepared as plain values by plain functions (tested with data rows,
// no chart objects involved): bars, curves, tier lines and markers in the charts' units (GB, %,
// tokens). The charts only copy these into their series.
#pragma once

#include "estimate/Estimator.h"
#include "estimate/LandscapeTable.h"

#include <QList>
#include <QPointF>
#include <QString>

#include <vector>

namespace complab::chartdata {

// The four VRAM terms of one bar, in GB.
struct VramBar
{
    QString label;
    double weights = 0;
    double kvCache = 0;
    double activations = 0;
    double overhead = 0;
    double total() const { return weights + kvCache + activations + overhead; }
};
VramBar vramBar(const QString& label, const VramBreakdown& vram);

// How the fit device holds a total: comfortably (at most 85 % of its budget), tightly, or not at all.
enum class FitStatus { Comfortable, Tight, TooBig };
FitStatus fitStatus(double totalBytes, double budgetBytes);

// A horizontal line at a tier's budget (usable memory less headroom), in GB.
struct TierLine
{
    QString name;
    double budgetGb = 0;
    bool isFitDevice = false;
};
// The lines worth drawing beside a total: the largest tier that does not hold it, the smallest that
// does, and the fit device (once, even when it is one of those), ordered by budget.
std::vector<TierLine> tierLines(
    double totalBytes, const HardwareTier* fitDevice, const HardwareTierTable& tiers, double headroom);

// Total VRAM against context for one KV-cache type, and the weights and the current KV cache
// alone; x in tokens, y in GB.
struct ContextCurves
{
    struct Curve
    {
        KvCacheType kvType;
        QList<QPointF> points;
    };
    std::vector<Curve> totals; // one per KV type asked for
    QList<QPointF> weights;
    QList<QPointF> kvCache; // the input's KV type
    // The shortest context at which the input's KV cache holds more bytes than its weights; 0 when
    // it never does up to the largest context asked for.
    std::int64_t kvOvertakesWeightsAt = 0;
};
// contexts: x values, ascending (e.g. powers of two 512..131072).
ContextCurves contextCurves(const EstimateInput& input, const std::vector<KvCacheType>& kvTypes,
    const std::vector<std::int64_t>& contexts, const EstimatorConstants& constants);
// 512, 768, 1024, 1536, ... up to last: the context axis' sample points (powers of two and halfway).
std::vector<std::int64_t> contextSamples(std::int64_t first, std::int64_t last);

// One bar of the footprint chart: a precision step's disk size for the input's model, in GB.
struct FootprintBar
{
    QString label;
    double gigabytes = 0;
    double fractionOfFp32 = 0;
};
// Every step of the precision ladder (FP32 first, so bar i is ladder step i) at the given group
// size, for the input's parameters, pruning and distillation.
std::vector<FootprintBar> footprintBars(const EstimateInput& input, int groupSize);

// The quality model's three curves, y in percent: against bits per weight (1..32), pruning
// fraction (x in percent, 0..90) and distillation factor (1..16).
QList<QPointF> quantisationQualityCurve(const EstimatorConstants& constants);
QList<QPointF> pruningQualityCurve(const EstimatorConstants& constants);
QList<QPointF> distillationQualityCurve(const EstimatorConstants& constants);

// The landscape's points of one group: x = weights on disk in GB (fp16 or int4), y = normalised quality.
QList<QPointF> landscapePoints(const LandscapeTable& table, LandscapeGroup group, bool int4);
// Where the recipe lands: x its disk size in GB, y the quality of the real model nearest its
// (student's) size at FP16, scaled by the recipe's quality relative to FP16's.
struct LandscapeMarker
{
    QPointF point;
    QString reference; // the real model whose quality anchors y
};
LandscapeMarker landscapeMarker(const EstimateInput& input, const Estimate& estimate, const LandscapeTable& table,
    const EstimatorConstants& constants);

} // namespace complab::chartdata
