// Weight quantisers other than ggml's block formats: storage arithmetic, values on hand-computed
// cases, rounding of the small float formats, error metrics, and the properties a teacher relies
// on (more bits never hurt; asymmetric grids win on shifted data; NF4 suits bell-shaped weights).
#include "io/Checkpoint.h"
#include "quant/MiniFloat.h"
#include "quant/QuantizeJob.h"
#include "quant/TensorQuantizer.h"

#include "../GaussianValues.h"
#include <QRandomGenerator>

#include <QTest>

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

using namespace complab;
using complab::test::gaussianValues;

namespace {

QuantMetrics run(const QuantSpec& spec, const std::vector<float>& values, std::size_t rows, std::size_t columns,
    std::vector<float>* out = nullptr)
{
    std::vector<float> reconstruction(values.size());
    Progress progress;
    quantizeMatrix(spec, values.data(), rows, columns, reconstruction.data(), progress, {});
    if (out)
        *out = reconstruction;
    return measureError(values.data(), reconstruction.data(), values.size(), spec.bitsPerWeight(rows, columns));
}

} // namespace

class TestTensorQuantizer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bitsPerWeight_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<int>("groupSize");
        QTest::addColumn<bool>("asymmetric");
        QTest::addColumn<double>("expected");
        QTest::addRow("int4 g128") << "int4" << 128 << false << 4.125;
        QTest::addRow("int4 g128 asym") << "int4" << 128 << true << 4.0 + 20.0 / 128;
        QTest::addRow("int8 g32") << "int8" << 32 << false << 8.5;
        QTest::addRow("int2 g64") << "int2" << 64 << false << 2.25;
        QTest::addRow("nf4") << "nf4" << 64 << false << 4.5;
        QTest::addRow("nf4 double quant") << "nf4_dq" << 64 << false << 4.0 + 8.0 / 64 + 32.0 / (64 * 256);
        QTest::addRow("mxfp4") << "mxfp4" << 32 << false << 4.25;
        QTest::addRow("fp8 per channel") << "fp8_e4m3" << 0 << false << 8.0 + 32.0 / 256;
        QTest::addRow("q4_k") << "q4_k" << 0 << false << 4.5;
        QTest::addRow("q6_k") << "q6_k" << 0 << false << 6.5625;
        QTest::addRow("q8_0") << "q8_0" << 0 << false << 8.5;
        QTest::addRow("q2_k") << "q2_k" << 0 << false << 2.625;
        QTest::addRow("bf16") << "bf16" << 0 << false << 16.0;
    }

    void bitsPerWeight()
    {
        QFETCH(QString, scheme);
        QFETCH(int, groupSize);
        QFETCH(bool, asymmetric);
        QFETCH(double, expected);
        const auto spec = QuantSpec::parse(scheme.toStdString(), groupSize, asymmetric);
        QVERIFY(spec);
        QVERIFY(std::abs(spec->bitsPerWeight(512, 256) - expected) < 1e-12);
        QCOMPARE(
            QuantSpec::parse(spec->name() == "nf4 dq" ? "nf4_dq" : scheme.toStdString(), groupSize, asymmetric), spec);
    }

    void parseRejects()
    {
        QVERIFY(!QuantSpec::parse("int9"));
        QVERIFY(!QuantSpec::parse("int1"));
        QVERIFY(!QuantSpec::parse("q4_2"));
        QVERIFY(!QuantSpec::parse(""));
        QCOMPARE(QuantSpec::integer(4, 100).whyNotApplicable(8, 256),
            std::string("rows of 256 values are not a multiple of 100, the block size of int4 g100"));
        QVERIFY(QuantSpec::of(QuantFormat::Q4_K).whyNotApplicable(4, 172).find("multiple of 256") != std::string::npos);
        QVERIFY(QuantSpec::integer(4, 32).whyNotApplicable(0, 32).find("empty") != std::string::npos);
    }

    void intSymmetricByHand()
    {
        // One group of 8: absmax 3.5, 4-bit symmetric -> scale 0.5 (exact in F16), levels -8..7.
        const std::vector<float> values{-3.5f, -1.2f, 0.0f, 0.24f, 0.26f, 1.0f, 2.74f, 3.5f};
        std::vector<float> out;
        run(QuantSpec::integer(4, 8), values, 1, 8, &out);
        const std::vector<float> expected{-3.5f, -1.0f, 0.0f, 0.0f, 0.5f, 1.0f, 2.5f, 3.5f};
        QCOMPARE(out, expected);
        // Asymmetric 2-bit on [0, 3]: scale 1, zero 0, levels 0..3.
        const std::vector<float> positive{0.0f, 0.6f, 1.4f, 2.5f, 3.0f, 2.9f, 0.2f, 1.0f};
        run(QuantSpec::integer(2, 8, false), positive, 1, 8, &out);
        QCOMPARE(out, (std::vector<float>{0.0f, 1.0f, 1.0f, 2.0f, 3.0f, 3.0f, 0.0f, 1.0f}));
    }

    void intMatchesPlainReference()
    {
        // Whichever clone the CPU picks (AVX2 or baseline), results equal a plain scalar loop.
        const auto values = gaussianValues(64 * 256, 0.1, 0.05, 23);
        for (const bool symmetric : {true, false}) {
            for (const int bits : {2, 3, 4, 8}) {
                std::vector<float> out;
                run(QuantSpec::integer(bits, 64, symmetric), values, 64, 256, &out);
                for (std::size_t group = 0; group < values.size(); group += 64) {
                    float lowest = 0, highest = 0, largest = 0;
                    for (std::size_t i = group; i < group + 64; ++i) {
                        lowest = std::min(lowest, values[i]);
                        highest = std::max(highest, values[i]);
                        largest = std::max(largest, std::abs(values[i]));
                    }
                    const float scale = symmetric ? roundToHalf(largest / float((1 << (bits - 1)) - 1))
                                                  : roundToHalf((highest - lowest) / float((1 << bits) - 1));
                    const float zero = symmetric ? 0.0f : std::nearbyint(-lowest / scale);
                    const float low = symmetric ? -float(1 << (bits - 1)) : 0.0f;
                    const float high = symmetric ? float((1 << (bits - 1)) - 1) : float((1 << bits) - 1);
                    const float inverse = 1.0f / scale;
                    for (std::size_t i = group; i < group + 64; ++i) {
                        const float q = std::clamp(std::nearbyint(values[i] * inverse) + zero, low, high);
                        if ((q - zero) * scale != out[i])
                            QFAIL(qPrintable(
                                QStringLiteral("bits %1 sym %2 element %3").arg(bits).arg(symmetric).arg(i)));
                    }
                }
            }
        }
    }

    void metricsByHand()
    {
        const float original[4] = {1.0f, -2.0f, 3.0f, 0.0f};
        const float reconstruction[4] = {1.0f, -1.0f, 0.0f, 0.5f};
        const auto metrics = measureError(original, reconstruction, 4, 4.0);
        QCOMPARE(metrics.mse, 10.25 / 4);
        QCOMPARE(metrics.maxAbsError, 3.0);
        QVERIFY(std::abs(metrics.relativeError - std::sqrt(10.25 / 14)) < 1e-15);
        QVERIFY(std::abs(metrics.sqnrDb - 10 * std::log10(14 / 10.25)) < 1e-12);
        QVERIFY(std::abs(metrics.cosineSimilarity - 3 / std::sqrt(14 * 2.25)) < 1e-15);
        QCOMPARE(metrics.becameZeroFraction, 0.25);
        QCOMPARE(metrics.signFlipFraction, 0.0);
        QCOMPARE(metrics.storedBytes, std::uint64_t(2));
        const float flipped[4] = {-1.0f, -2.0f, 3.0f, 0.0f};
        QCOMPARE(measureError(original, flipped, 4, 4).signFlipFraction, 0.25);
        QVERIFY(std::isinf(measureError(original, original, 4, 32).sqnrDb));
    }

    void miniFloatRounding()
    {
        const auto& e4m3 = fp8E4M3Grid();
        QCOMPARE(e4m3.maxFinite(), 448.0f);
        QCOMPARE(e4m3.round(500.0f), 448.0f); // saturates
        QCOMPARE(e4m3.round(-1e9f), -448.0f);
        QCOMPARE(e4m3.round(1.0625f), 1.0f); // tie between 1.0 (even code) and 1.125
        QCOMPARE(e4m3.round(1.1875f), 1.25f); // tie between 1.125 and 1.25 (even code)
        QCOMPARE(e4m3.round(std::ldexp(1.0f, -10)), 0.0f); // half the smallest subnormal: tie to 0
        QCOMPARE(e4m3.round(std::ldexp(1.5f, -10)), std::ldexp(1.0f, -9));
        QCOMPARE(e4m3.encode(-2.0f), std::uint8_t(0xC0));
        QCOMPARE(fp8E5M2Grid().maxFinite(), 57344.0f);
        QCOMPARE(fp8E5M2Grid().round(1e6f), 57344.0f);
        const auto& e2m1 = fp4E2M1Grid();
        QCOMPARE(e2m1.round(2.5f), 2.0f);
        QCOMPARE(e2m1.round(5.0f), 4.0f);
        QCOMPARE(e2m1.round(7.0f), 6.0f);
        QCOMPARE(e2m1.round(-0.26f), -0.5f);
        QCOMPARE(e2m1.magnitudes().size(), std::size_t(8));
    }

    void fastRoundingMatchesReference()
    {
        // The arithmetic fast path against the table search, on random magnitudes over every
        // binade, on every representable value and on every midpoint between neighbours (ties).
        QRandomGenerator random(17);
        for (const MiniFloatGrid* grid : {&fp8E4M3Grid(), &fp8E5M2Grid(), &fp4E2M1Grid()}) {
            std::vector<float> probes;
            const auto& values = grid->magnitudes();
            for (std::size_t i = 0; i < values.size(); ++i) {
                probes.push_back(values[i]);
                if (i + 1 < values.size()) {
                    const float mid = 0.5f * (values[i] + values[i + 1]);
                    probes.push_back(mid);
                    probes.push_back(std::nextafter(mid, 0.0f));
                    probes.push_back(std::nextafter(mid, 1e30f));
                }
            }
            for (int i = 0; i < 500000; ++i) // with both signs: a million random values per format
                probes.push_back(std::ldexp(static_cast<float>(random.generateDouble()), random.bounded(-30, 20)));
            probes.push_back(std::numeric_limits<float>::infinity());
            probes.push_back(std::numeric_limits<float>::denorm_min());
            for (const float probe : probes) {
                for (const float value : {probe, -probe}) {
                    if (grid->round(value) != grid->roundReference(value))
                        QFAIL(qPrintable(QStringLiteral("%1 rounds to %2, reference %3")
                                             .arg(static_cast<double>(value), 0, 'g', 9)
                                             .arg(static_cast<double>(grid->round(value)))
                                             .arg(static_cast<double>(grid->roundReference(value)))));
                }
            }
        }
    }

    void roundScaledMatchesReference_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<float>("scale");
        const char* names[] = {"e4m3", "e5m2", "e2m1"};
        for (int format = 0; format < 3; ++format)
            for (const float scale : {1.0f, 0.0371f, std::ldexp(1.0f, -20)})
                QTest::addRow("%s scale %g", names[format], static_cast<double>(scale)) << format << scale;
    }

    void roundScaledMatchesReference()
    {
        // The vectorised batch (AVX2 where the CPU has it, with a scalar tail) against the table
        // search, value for value and bit for bit: midpoints, their neighbours, specials, random.
        QFETCH(int, format);
        QFETCH(float, scale);
        const MiniFloatGrid* grids[] = {&fp8E4M3Grid(), &fp8E5M2Grid(), &fp4E2M1Grid()};
        const MiniFloatGrid& grid = *grids[format];
        std::vector<float> in;
        const auto& values = grid.magnitudes();
        for (std::size_t i = 0; i < values.size(); ++i) {
            for (const float sign : {1.0f, -1.0f}) {
                in.push_back(sign * values[i] * scale);
                if (i + 1 < values.size()) {
                    const float mid = 0.5f * (values[i] + values[i + 1]) * scale;
                    in.push_back(sign * mid);
                    in.push_back(sign * std::nextafter(mid, 0.0f));
                    in.push_back(sign * std::nextafter(mid, 1e30f));
                }
            }
        }
        for (const float special : {std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity(),
                 -std::numeric_limits<float>::infinity(), -0.0f, 0.0f, std::numeric_limits<float>::denorm_min(),
                 -std::numeric_limits<float>::min(), std::numeric_limits<float>::max()})
            in.push_back(special);
        QRandomGenerator random(29 + static_cast<quint32>(format));
        for (int i = 0; i < 400001; ++i) // odd: the scalar tail runs too
            in.push_back(std::ldexp(static_cast<float>(random.generateDouble() - 0.5), random.bounded(-40, 20)));
        std::vector<float> out(in.size());
        grid.roundScaled(in.data(), in.size(), scale, out.data());
        for (std::size_t i = 0; i < in.size(); ++i) {
            const float expected = grid.roundReference(in[i] / scale) * scale;
            const bool same = std::isnan(expected)
                ? std::isnan(out[i])
                : std::bit_cast<std::uint32_t>(expected) == std::bit_cast<std::uint32_t>(out[i]);
            if (!same)
                QFAIL(qPrintable(QStringLiteral("%1 gives %2, reference %3")
                                     .arg(static_cast<double>(in[i]), 0, 'g', 9)
                                     .arg(static_cast<double>(out[i]), 0, 'g', 9)
                                     .arg(static_cast<double>(expected), 0, 'g', 9)));
        }
        std::vector<float> zeros(5, 1.0f);
        grid.roundScaled(in.data(), zeros.size(), 0.0f, zeros.data());
        QCOMPARE(zeros, std::vector<float>(5, 0.0f)); // no scale, no values
    }

    void blockFormatsMatchReference_data()
    {
        QTest::addColumn<QuantFormat>("format");
        QTest::addRow("nf4") << QuantFormat::NF4;
        QTest::addRow("mxfp4") << QuantFormat::MXFP4;
    }

    void blockFormatsMatchReference()
    {
        // NF4 and MXFP4 through quantizeMatrix (vector paths) against the scalar definitions: NF4's
        // midpoint search over absmax-normalised values, MXFP4's E8M0 scale from floor(log2(absmax))
        // and the E2M1 table search. Blocks hold exact midpoints, their neighbours and absmax values
        // next to a power of two, where floor(log2) is easiest to get wrong.
        QFETCH(QuantFormat, format);
        const std::size_t block = format == QuantFormat::NF4 ? 64 : 32;
        const std::size_t rows = 64;
        const std::size_t columns = 512;
        QRandomGenerator random(31);
        std::vector<float> values(rows * columns);
        const float* codes = normalFloat4Codebook();
        for (std::size_t first = 0; first < values.size(); first += block) {
            const std::size_t b = first / block;
            float largest = std::ldexp(1.0f, random.bounded(-30, 10));
            if (b % 3 == 1)
                largest = std::nextafter(largest, 0.0f); // mantissa all ones
            if (b % 7 == 2)
                largest = std::ldexp(static_cast<float>(random.generateDouble() + 0.5), -135); // subnormal
            for (std::size_t i = 0; i < block; ++i) {
                float value = static_cast<float>(random.generateDouble() * 2 - 1) * largest;
                if (format == QuantFormat::NF4 && b % 2 == 0) {
                    const int k = random.bounded(15);
                    value = 0.5f * (codes[k] + codes[k + 1]) * largest;
                    if (i % 3 == 1)
                        value = std::nextafter(value, 1e30f);
                    if (i % 3 == 2)
                        value = std::nextafter(value, -1e30f);
                }
                values[first + i] = value;
            }
            values[first + random.bounded(static_cast<int>(block))] = random.bounded(2) ? largest : -largest;
        }
        std::vector<float> out;
        run(QuantSpec::of(format), values, rows, columns, &out);
        const auto& e2m1 = fp4E2M1Grid();
        for (std::size_t first = 0; first < values.size(); first += block) {
            float largest = 0;
            for (std::size_t i = first; i < first + block; ++i)
                largest = std::max(largest, std::abs(values[i]));
            for (std::size_t i = first; i < first + block; ++i) {
                float expected;
                if (format == QuantFormat::NF4) {
                    expected = roundToNormalFloat4(values[i] / largest) * largest;
                } else {
                    const float scale
                        = std::ldexp(1.0f, std::clamp(static_cast<int>(std::floor(std::log2(largest))) - 2, -127, 127));
                    expected = e2m1.roundReference(values[i] / scale) * scale;
                }
                if (std::bit_cast<std::uint32_t>(expected) != std::bit_cast<std::uint32_t>(out[i]))
                    QFAIL(qPrintable(QStringLiteral("element %1 (%2, absmax %3): %4, reference %5")
                                         .arg(i)
                                         .arg(static_cast<double>(values[i]), 0, 'g', 9)
                                         .arg(static_cast<double>(largest), 0, 'g', 9)
                                         .arg(static_cast<double>(out[i]), 0, 'g', 9)
                                         .arg(static_cast<double>(expected), 0, 'g', 9)));
            }
        }
    }

    void errorFallsWithBits()
    {
        const auto values = gaussianValues(64 * 512, 0.0, 0.02, 11);
        double previous = std::numeric_limits<double>::infinity();
        for (int bits = 2; bits <= 8; ++bits) {
            const auto metrics = run(QuantSpec::integer(bits, 128), values, 64, 512);
            QVERIFY2(metrics.rmsError < previous, qPrintable(QStringLiteral("int%1").arg(bits)));
            previous = metrics.rmsError;
        }
        // INT8 is near-lossless, INT2 is the cliff (teaching numbers, measured here).
        QVERIFY(run(QuantSpec::integer(8, 128), values, 64, 512).sqnrDb > 35);
        QVERIFY(run(QuantSpec::integer(2, 128), values, 64, 512).sqnrDb < 8);
    }

    void asymmetricWinsOnShiftedData()
    {
        const auto shifted = gaussianValues(16 * 256, 0.5, 0.1, 5);
        for (int bits = 2; bits <= 8; ++bits) {
            const auto sym = run(QuantSpec::integer(bits, 64, true), shifted, 16, 256);
            const auto asym = run(QuantSpec::integer(bits, 64, false), shifted, 16, 256);
            QVERIFY2(asym.rmsError <= sym.rmsError, qPrintable(QStringLiteral("bits %1").arg(bits)));
        }
    }

    void formatsOnBellShapedWeights()
    {
        const auto values = gaussianValues(32 * 512, 0.0, 0.02, 9);
        const auto nf4 = run(QuantSpec::of(QuantFormat::NF4), values, 32, 512);
        const auto int4 = run(QuantSpec::integer(4, 64), values, 32, 512);
        QVERIFY2(nf4.rmsError < int4.rmsError, "NF4 is built for normally distributed weights");
        auto dq = QuantSpec::of(QuantFormat::NF4);
        dq.doubleQuant = true;
        const auto nf4dq = run(dq, values, 32, 512);
        QVERIFY(nf4dq.rmsError < nf4.rmsError * 1.02); // double quantisation costs almost nothing
        const auto e4m3 = run(QuantSpec::of(QuantFormat::FP8_E4M3), values, 32, 512);
        const auto e5m2 = run(QuantSpec::of(QuantFormat::FP8_E5M2), values, 32, 512);
        QVERIFY(e4m3.relativeError < 0.04);
        QVERIFY(e4m3.rmsError < e5m2.rmsError); // one more mantissa bit
        const auto mx = run(QuantSpec::of(QuantFormat::MXFP4), values, 32, 512);
        QVERIFY(mx.relativeError > nf4.relativeError * 0.8 && mx.relativeError < 0.3);
        const auto bf16 = run(QuantSpec::of(QuantFormat::BFloat16), values, 32, 512);
        const auto f16 = run(QuantSpec::of(QuantFormat::Float16), values, 32, 512);
        QVERIFY(f16.rmsError < bf16.rmsError);
        QVERIFY(bf16.relativeError < 0.005);
    }

    void edgeCases()
    {
        // All zeros: exact, no NaN anywhere.
        const std::vector<float> zeros(4 * 128, 0.0f);
        for (const auto& spec : standardSchemes()) {
            if (spec.isGgufBlockFormat())
                continue;
            std::vector<float> out;
            const auto metrics = run(spec, zeros, 4, 128, &out);
            QCOMPARE(metrics.mse, 0.0);
            QVERIFY(std::all_of(out.begin(), out.end(), [](float v) { return v == 0.0f; }));
        }
        // One huge outlier only coarsens its own group.
        auto values = gaussianValues(2 * 128, 0.0, 0.02, 3);
        values[5] = 1000.0f;
        std::vector<float> out;
        run(QuantSpec::integer(4, 64), values, 2, 128, &out);
        QVERIFY(std::abs(out[5] - 1000.0f) < 0.2f); // the F16 scale 142.875 gives 1000.125
        int zeroed = 0;
        for (int i = 0; i < 64; ++i)
            zeroed += out[i] == 0.0f;
        QCOMPARE(zeroed, 63);
        QVERIFY(std::abs(out[100] - values[100]) < 0.01f);
        // Denormals survive as zeros or themselves, never NaN.
        std::vector<float> tiny(64, std::numeric_limits<float>::denorm_min());
        run(QuantSpec::integer(8, 64), tiny, 1, 64, &out);
        QVERIFY(std::all_of(out.begin(), out.end(), [](float v) { return std::isfinite(v); }));
    }

    void jobOnRealTensor()
    {
        const auto checkpoint = openCheckpoint(COMPLAB_SAMPLE_DIR "/model.safetensors");
        const auto tensor = checkpoint->tensor(*checkpoint->indexOf("model.layers.1.mlp.gate_proj.weight"));
        Progress progress;
        const auto outcome = quantizeTensor(tensor, QuantSpec::integer(4, 128), progress, {}, {.keepValues = true});
        QCOMPARE(outcome.rows, std::size_t(768));
        QCOMPARE(outcome.columns, std::size_t(256));
        QCOMPARE(outcome.metrics.count, std::uint64_t(768 * 256));
        QCOMPARE(outcome.metrics.bitsPerWeight, 4.125);
        QVERIFY(outcome.metrics.sqnrDb > 15 && outcome.metrics.sqnrDb < 25);
        // Same values whatever the split into tasks.
        const auto coarse = quantizeTensor(
            tensor, QuantSpec::integer(4, 128), progress, {}, {.keepValues = true, .rowsPerTask = 1000});
        QCOMPARE(*coarse.reconstruction, *outcome.reconstruction);
        const auto sweep = sweepSchemes(
            tensor, {QuantSpec::integer(8, 128), QuantSpec::integer(3, 128), QuantSpec::integer(4, 100)}, progress, {});
        QCOMPARE(sweep.size(), std::size_t(2)); // g100 does not divide 256
        QVERIFY(sweep[0].metrics.rmsError < sweep[1].metrics.rmsError);
        std::stop_source source;
        source.request_stop();
        QVERIFY_THROWS_EXCEPTION(
            Cancelled, quantizeTensor(tensor, QuantSpec::integer(4, 128), progress, source.get_token()));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
            quantizeTensor(checkpoint->tensor(*checkpoint->indexOf("model.norm.weight")), QuantSpec::integer(4, 512),
                progress, {}));
    }

    void nonFiniteInputIsRefused()
    {
        std::vector<float> values(64, 1.0f);
        values[3] = std::numeric_limits<float>::quiet_NaN();
        TensorInfo info;
        info.name = "bad.weight";
        info.shape = {1, 64};
        info.byteSize = 256;
        const TensorView view(info, std::as_bytes(std::span(values)), nullptr);
        Progress progress;
        try {
            quantizeTensor(view, QuantSpec::integer(4, 32), progress, {});
            QFAIL("NaN input accepted");
        } catch (const std::invalid_argument& error) {
            QVERIFY(QString::fromLatin1(error.what()).contains(QStringLiteral("'bad.weight' holds 1 NaN")));
        }
    }
};

QTEST_GUILESS_MAIN(TestTensorQuantizer)
#include "tst_tensorquantizer.moc"
