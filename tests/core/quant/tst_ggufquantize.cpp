// ggml's reference block quantisers, checked byte for byte against ggml's own output: real GGUF
// files quantised by ggml, and fixtures written by ggml's quantize_row_*_ref (quant/data/README.md).
// Round trips check each format's error bound on ordinary and awkward inputs.
#include "io/Checkpoint.h"
#include "quant/GgufQuantize.h"
#include "tensor/DType.h"
#include "tensor/GgufBlocks.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <vector>

using namespace complab;

namespace {

const QString fixtureDir = QStringLiteral(COMPLAB_QUANT_TESTDATA "/");
const QString sharedModels = QStringLiteral(COMPLAB_SHARED_DATA_DIR "/models/");

const DType allTypes[] = {DType::Q4_0, DType::Q4_1, DType::Q5_0, DType::Q5_1, DType::Q8_0, DType::Q8_1, DType::Q2_K,
    DType::Q3_K, DType::Q4_K, DType::Q5_K, DType::Q6_K, DType::Q8_K};

QByteArray readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

std::vector<std::byte> quantize(DType type, const std::vector<float>& values)
{
    std::vector<std::byte> out(values.size() / dtypeBlockElements(type) * dtypeSize(type));
    quantizeBlocksReference(type, values.data(), values.size(), out.data());
    return out;
}

// Number of blocks of `blockBytes` that are byte-identical, and the first that is not.
struct BlockComparison
{
    std::size_t blocks = 0;
    std::size_t equal = 0;
    std::size_t firstDifferent = 0;
};

BlockComparison compareBlocks(const std::byte* ours, const std::byte* theirs, std::size_t bytes, std::size_t blockBytes)
{
    BlockComparison result;
    result.blocks = bytes / blockBytes;
    result.firstDifferent = result.blocks;
    for (std::size_t i = 0; i < result.blocks; ++i) {
        if (std::memcmp(ours + i * blockBytes, theirs + i * blockBytes, blockBytes) == 0)
            ++result.equal;
        else if (result.firstDifferent == result.blocks)
            result.firstDifferent = i;
    }
    return result;
}

// Largest dequantisation error of each format relative to its block's largest magnitude. The
// 32-value formats follow from their step; the K-quants' searched scales and 4- to 8-bit
// sub-scales have no closed form, so theirs are measured on normal, outlier, constant and
// negative-only inputs and given a margin of about 1.5x. The RMS error on normal data, relative to
// the RMS of the input, gets a similar bound.
struct ErrorBound
{
    double maxErrorPerAmax;
    double relativeRms;
};

ErrorBound errorBound(DType type)
{
    // Symmetric formats: d = amax / 8 (16, 127) and the opposite extreme may clamp one level short,
    // so up to a whole step; min-offset formats: half a step of range / 15 (31) plus the rounding of
    // the half-precision min; Q8: half a step plus 127 times the half rounding of d (2^-11).
    switch (type) {
    case DType::Q4_0:
        return {1.0 / 8 * 1.01, 0.10};
    case DType::Q4_1:
        return {2.0 / 15 * 0.51 + 0.002, 0.09};
    case DType::Q5_0:
        return {1.0 / 16 * 1.02, 0.05};
    case DType::Q5_1:
        return {2.0 / 31 * 0.52 + 0.002, 0.045};
    case DType::Q8_0:
    case DType::Q8_1:
        return {0.57 / 127, 0.008};
    case DType::Q8_K:
        return {0.51 / 127, 0.01};
    // Measured worst block / relative RMS on normal data (20 seeds): Q2_K 0.354 / 0.298,
    // Q3_K 0.187 / 0.151, Q4_K 0.078 / 0.072, Q5_K 0.051 / 0.036, Q6_K 0.016 / 0.018.
    case DType::Q2_K:
        return {0.55, 0.45};
    case DType::Q3_K:
        return {0.28, 0.22};
    case DType::Q4_K:
        return {0.12, 0.11};
    case DType::Q5_K:
        return {0.075, 0.055};
    case DType::Q6_K:
        return {0.025, 0.027};
    default:
        return {0, 0};
    }
}

// The awkward inputs of the round-trip test, 2048 values each (eight super-blocks).
std::vector<float> makeInput(const QString& kind)
{
    QRandomGenerator random(20240601);
    const auto normal = [&random] {
        const double u1 = 1.0 - random.generateDouble();
        const double u2 = random.generateDouble();
        return static_cast<float>(std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2));
    };
    std::vector<float> values(2048);
    if (kind == QLatin1String("normal")) {
        std::generate(values.begin(), values.end(), normal);
    } else if (kind == QLatin1String("weights")) {
        std::generate(values.begin(), values.end(), [&] { return 0.02f * normal(); });
    } else if (kind == QLatin1String("zeros")) {
        std::fill(values.begin(), values.end(), 0.0f);
    } else if (kind == QLatin1String("outlier")) {
        std::generate(values.begin(), values.end(), [&] { return 0.01f * normal(); });
        for (std::size_t i = 100; i < values.size(); i += 256)
            values[i] = i % 512 == 100 ? 1000.0f : -1000.0f;
    } else if (kind == QLatin1String("constant")) {
        std::fill(values.begin(), values.end(), 0.3f);
    } else if (kind == QLatin1String("constantNegative")) {
        std::fill(values.begin(), values.end(), -1.25f);
    } else if (kind == QLatin1String("negativeOnly")) {
        std::generate(values.begin(), values.end(), [&] { return -std::fabs(normal()); });
    } else if (kind == QLatin1String("denormals")) {
        std::generate(values.begin(), values.end(), [&] { return 1e-40f * normal(); });
    } else if (kind == QLatin1String("tiny")) {
        std::generate(values.begin(), values.end(), [&] { return 1e-6f * normal(); });
    }
    return values;
}

} // namespace

class TestGgufQuantize : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void floatToHalf_data()
    {
        QTest::addColumn<float>("value");
        QTest::addColumn<int>("expected");
        const float inf = std::numeric_limits<float>::infinity();
        QTest::addRow("one") << 1.0f << 0x3C00;
        QTest::addRow("minus two") << -2.0f << 0xC000;
        QTest::addRow("largest finite") << 65504.0f << 0x7BFF;
        QTest::addRow("just below the overflow tie") << std::nextafter(65520.0f, 0.0f) << 0x7BFF;
        QTest::addRow("overflow tie goes to infinity") << 65520.0f << 0x7C00;
        QTest::addRow("infinity") << inf << 0x7C00;
        QTest::addRow("minus infinity") << -inf << 0xFC00;
        QTest::addRow("NaN") << std::numeric_limits<float>::quiet_NaN() << 0x7E00;
        QTest::addRow("minus zero") << -0.0f << 0x8000;
        QTest::addRow("tie to even, down") << 1.0f + std::ldexp(1.0f, -11) << 0x3C00;
        QTest::addRow("tie to even, up") << 1.0f + 3 * std::ldexp(1.0f, -11) << 0x3C02;
        QTest::addRow("above a tie") << std::nextafter(1.0f + std::ldexp(1.0f, -11), 2.0f) << 0x3C01;
        QTest::addRow("smallest normal") << std::ldexp(1.0f, -14) << 0x0400;
        QTest::addRow("largest subnormal rounds up to normal") << std::ldexp(1023.5f, -24) << 0x0400;
        QTest::addRow("smallest subnormal") << std::ldexp(1.0f, -24) << 0x0001;
        QTest::addRow("half the smallest subnormal ties to zero") << std::ldexp(1.0f, -25) << 0x0000;
        QTest::addRow("above half the smallest subnormal") << std::nextafter(std::ldexp(1.0f, -25), 1.0f) << 0x0001;
        QTest::addRow("subnormal tie to even") << std::ldexp(2.5f, -24) << 0x0002;
        QTest::addRow("float denormal") << -1e-40f << 0x8000;
    }

    void floatToHalf()
    {
        QFETCH(float, value);
        QFETCH(int, expected);
        QCOMPARE(int(complab::floatToHalf(value)), expected);
    }

    // Every finite half survives a round trip, and the midpoint between neighbours rounds to the
    // even one: together these pin down round-to-nearest-even over the whole range.
    void floatToHalfAllHalves()
    {
        for (std::uint32_t bits = 0; bits < 0x7C00; ++bits) {
            for (const std::uint32_t sign : {0u, 0x8000u}) {
                const auto half = static_cast<std::uint16_t>(bits | sign);
                QCOMPARE(complab::floatToHalf(halfToFloat(half)), half);
                const auto next = static_cast<std::uint16_t>(half + 1);
                const float midpoint = (halfToFloat(half) + halfToFloat(next)) / 2;
                QCOMPARE(complab::floatToHalf(midpoint), (half & 1) ? next : half);
            }
        }
    }

    void matchesGgmlFixtures_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("file");
        for (const DType type : allTypes) {
            const QString name = QString::fromLatin1(dtypeName(type).data(), qsizetype(dtypeName(type).size()));
            QTest::addRow("%s", qPrintable(name)) << int(type) << name.toLower() + QStringLiteral(".bin");
        }
    }

    // ggml's quantize_row_*_ref output for ten super-blocks of ordinary and awkward values.
    void matchesGgmlFixtures()
    {
        QFETCH(int, type);
        QFETCH(QString, file);
        const auto dtype = static_cast<DType>(type);
        const QByteArray inputBytes = readFile(fixtureDir + QStringLiteral("inputs.f32"));
        const QByteArray expected = readFile(fixtureDir + file);
        QCOMPARE(inputBytes.size(), qsizetype(2560 * sizeof(float)));
        std::vector<float> input(2560);
        std::memcpy(input.data(), inputBytes.constData(), inputBytes.size());

        const std::vector<std::byte> ours = quantize(dtype, input);
        QCOMPARE(qsizetype(ours.size()), expected.size());
        const BlockComparison comparison = compareBlocks(
            ours.data(), reinterpret_cast<const std::byte*>(expected.constData()), ours.size(), dtypeSize(dtype));
        qInfo("%s: %zu of %zu blocks byte-identical to ggml", qPrintable(file), comparison.equal, comparison.blocks);
        if (comparison.equal != comparison.blocks)
            qWarning("first different block: %zu", comparison.firstDifferent);
        QCOMPARE(comparison.equal, comparison.blocks);
    }

    void matchesGgmlQuantisedModels_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("quantised");
        QTest::addColumn<int>("type");
        const QString tiny = sharedModels + QStringLiteral("lab-tinystories-gguf/lab-tinystories-");
        const QString stories = sharedModels + QStringLiteral("stories260K-gguf/stories260K-");
        const QString f32 = QStringLiteral("f32.gguf");
        QTest::addRow("lab-tinystories Q8_0") << tiny + f32 << tiny + QStringLiteral("q8_0.gguf") << int(DType::Q8_0);
        QTest::addRow("lab-tinystories Q6_K") << tiny + f32 << tiny + QStringLiteral("q6_k.gguf") << int(DType::Q6_K);
        QTest::addRow("lab-tinystories Q4_K") << tiny + f32 << tiny + QStringLiteral("q4_k.gguf") << int(DType::Q4_K);
        QTest::addRow("stories260K Q8_0") << stories + f32 << stories + QStringLiteral("q8_0.gguf") << int(DType::Q8_0);
        QTest::addRow("stories260K Q4_0") << stories + f32 << stories + QStringLiteral("q4_0.gguf") << int(DType::Q4_0);
    }

    // Every block-quantised tensor of a file ggml quantised, requantised here from the F32 file.
    void matchesGgmlQuantisedModels()
    {
        QFETCH(QString, source);
        QFETCH(QString, quantised);
        QFETCH(int, type);
        const auto fileType = static_cast<DType>(type);
        if (!QFile::exists(source) || !QFile::exists(quantised))
            QSKIP("sample GGUF files not present");
        const auto original = openCheckpoint(source.toStdString());
        const auto reference = openCheckpoint(quantised.toStdString());

        std::size_t tensors = 0;
        std::size_t blocks = 0;
        std::size_t equalBlocks = 0;
        // ggml quantises each matrix whose rows (the last dimension) are whole blocks; the rest
        // (norm vectors, stories260K's 172-wide ffn_down) stay F32.
        const auto blockElements = static_cast<std::int64_t>(dtypeBlockElements(fileType));
        std::size_t quantisable = 0;
        for (const TensorInfo& info : original->tensors())
            quantisable += info.shape.size() == 2 && info.shape.back() % blockElements == 0 ? 1 : 0;
        for (std::size_t i = 0; i < reference->tensors().size(); ++i) {
            const TensorInfo& info = reference->tensors()[i];
            if (!isBlockFormat(info.dtype))
                continue;
            QCOMPARE(info.dtype, fileType);
            const auto sourceIndex = original->indexOf(info.name);
            QVERIFY2(sourceIndex, info.name.c_str());
            const TensorView sourceTensor = original->tensor(*sourceIndex);
            QCOMPARE(sourceTensor.info().dtype, DType::F32);
            std::vector<float> values(sourceTensor.elementCount());
            sourceTensor.toFloat(0, values);

            const std::vector<std::byte> ours = quantize(info.dtype, values);
            const std::span<const std::byte> theirs = reference->tensor(i).bytes();
            QCOMPARE(ours.size(), theirs.size());
            const BlockComparison comparison
                = compareBlocks(ours.data(), theirs.data(), ours.size(), dtypeSize(info.dtype));
            if (comparison.equal != comparison.blocks)
                qWarning("%s (%s): %zu of %zu blocks equal, first different: %zu", info.name.c_str(),
                    dtypeName(info.dtype).data(), comparison.equal, comparison.blocks, comparison.firstDifferent);
            ++tensors;
            blocks += comparison.blocks;
            equalBlocks += comparison.equal;
        }
        qInfo("%zu tensors, %zu of %zu blocks byte-identical to ggml", tensors, equalBlocks, blocks);
        QCOMPARE(tensors, quantisable);
        QVERIFY(blocks > 0);
        QCOMPARE(equalBlocks, blocks);
    }

    void roundTrip_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("kind");
        const char* kinds[] = {"normal", "weights", "zeros", "outlier", "constant", "constantNegative", "negativeOnly",
            "denormals", "tiny"};
        for (const DType type : allTypes)
            for (const char* kind : kinds)
                QTest::addRow("%s %s", dtypeName(type).data(), kind) << int(type) << QString::fromLatin1(kind);
    }

    void roundTrip()
    {
        QFETCH(int, type);
        QFETCH(QString, kind);
        const auto dtype = static_cast<DType>(type);
        const std::vector<float> input = makeInput(kind);
        const std::vector<std::byte> blocks = quantize(dtype, input);
        std::vector<float> output(input.size());
        dequantizeBlocks(dtype, blocks.data(), blocks.size() / dtypeSize(dtype), output.data());

        const ErrorBound bound = errorBound(dtype);
        const std::size_t blockElements = dtypeBlockElements(dtype);
        double squaredError = 0;
        double squaredInput = 0;
        for (std::size_t start = 0; start < input.size(); start += blockElements) {
            float amax = 0;
            float maxError = 0;
            for (std::size_t i = start; i < start + blockElements; ++i) {
                QVERIFY2(std::isfinite(output[i]),
                    qPrintable(QStringLiteral("value %1 decodes to %2").arg(i).arg(output[i])));
                amax = std::max(amax, std::fabs(input[i]));
                maxError = std::max(maxError, std::fabs(output[i] - input[i]));
                squaredError += double(output[i] - input[i]) * (output[i] - input[i]);
                squaredInput += double(input[i]) * input[i];
            }
            if (kind == QLatin1String("zeros")) {
                QCOMPARE(maxError, 0.0f);
            } else if (kind == QLatin1String("denormals")) {
                // The scales are half precision: float denormals decode to (about) zero.
                QVERIFY(maxError <= 1e-38f);
            } else if (kind == QLatin1String("tiny")) {
                // Q4_K / Q5_K scales near 1e-9 underflow half precision while the larger mins
                // survive, so a group can decode to its min: off by up to the range, 2 * amax, plus
                // the 6-bit multipliers (up to 63) times the rounding of d and dmin among half
                // precision's subnormals (2^-25 each).
                const float halfSubnormalRounding = 2 * 63 * std::ldexp(1.0f, -25);
                QVERIFY2(maxError <= 2.01f * amax + halfSubnormalRounding,
                    qPrintable(QStringLiteral("error %1, amax %2").arg(maxError).arg(amax)));
            } else {
                QVERIFY2(maxError <= bound.maxErrorPerAmax * amax,
                    qPrintable(QStringLiteral("block at %1: error %2 > %3 * amax %4")
                                   .arg(start)
                                   .arg(maxError)
                                   .arg(bound.maxErrorPerAmax)
                                   .arg(amax)));
            }
        }
        if (kind == QLatin1String("normal") || kind == QLatin1String("weights")) {
            const double relativeRms = std::sqrt(squaredError / squaredInput);
            QVERIFY2(relativeRms <= bound.relativeRms,
                qPrintable(QStringLiteral("relative RMS error %1 > %2").arg(relativeRms).arg(bound.relativeRms)));
        }
    }

    void rejectsBadArguments()
    {
        std::vector<float> values(48, 1.0f);
        std::vector<std::byte> out(1024);
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument, quantizeBlocksReference(DType::Q4_0, values.data(), values.size(), out.data()));
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument, quantizeBlocksReference(DType::F16, values.data(), 32, out.data()));
        quantizeBlocksReference(DType::Q4_0, values.data(), 0, out.data());
    }
};

QTEST_GUILESS_MAIN(TestGgufQuantize)
#include "tst_ggufquantize.moc"
