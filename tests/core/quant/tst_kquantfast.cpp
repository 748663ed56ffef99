// The K-quants' SIMD path (core/quant/KQuantFast.cpp) against the reference quantisers, byte for
// byte: thousands of random blocks per format and input family, ggml's fixtures (quant/data) and
// the tensors of GGUF files ggml quantised.
#include "io/Checkpoint.h"
#include "quant/GgufQuantize.h"
#include "quant/KQuantFast.h"
#include "tensor/DType.h"

#include <QFile>
#include <QTest>

#include <cmath>
#include <cstring>
#include <random>
#include <vector>

using namespace complab;

namespace {

const QString fixtureDir = QStringLiteral(COMPLAB_QUANT_TESTDATA "/");
const QString sharedModels = QStringLiteral(COMPLAB_SHARED_DATA_DIR "/models/");

const DType kTypes[] = {DType::Q2_K, DType::Q3_K, DType::Q4_K, DType::Q5_K, DType::Q6_K};

constexpr std::size_t blocksPerRow = 3000;
constexpr std::size_t valuesPerBlock = 256;

// Deterministic values from mt19937's raw outputs (the distributions of <random> differ between
// standard libraries): uniform in (0, 1], and normal by Box-Muller.
class Values
{
public:
    explicit Values(std::uint32_t seed)
        : m_engine(seed)
    { }
    double uniform() { return (static_cast<double>(m_engine()) + 1.0) / 4294967296.0; }
    float normal()
    {
        const double radius = std::sqrt(-2.0 * std::log(uniform()));
        return static_cast<float>(radius * std::cos(6.283185307179586 * uniform()));
    }
    std::uint32_t below(std::uint32_t n) { return m_engine() % n; }

private:
    std::mt19937 m_engine;
};

// blockCount super-blocks of one input family; the scale varies from block to block so that the
// searches see many magnitudes.
std::vector<float> makeBlocks(const QString& kind, std::size_t blockCount, std::uint32_t seed)
{
    Values random(seed);
    std::vector<float> values(blockCount * valuesPerBlock);
    for (std::size_t b = 0; b < blockCount; ++b) {
        float* x = values.data() + b * valuesPerBlock;
        const auto scale = static_cast<float>(std::pow(10.0, 6.0 * random.uniform() - 4.0));
        if (kind == QLatin1String("normal")) {
            for (std::size_t i = 0; i < valuesPerBlock; ++i)
                x[i] = scale * random.normal();
        } else if (kind == QLatin1String("heavy-tailed")) {
            // Normal values under a log-normal spread: a few values are far out in every block.
            for (std::size_t i = 0; i < valuesPerBlock; ++i)
                x[i] = scale * random.normal() * std::exp(1.5f * random.normal());
        } else if (kind == QLatin1String("zero groups")) {
            // Whole blocks or single groups of 16 or 32 all zero, the rest normal.
            const bool wholeBlock = random.below(4) == 0;
            for (std::size_t g = 0; g < valuesPerBlock; g += 16) {
                const bool zero = wholeBlock || random.below(3) == 0;
                for (std::size_t i = g; i < g + 16; ++i)
                    x[i] = zero ? 0.0f : scale * random.normal();
            }
        } else if (kind == QLatin1String("single outlier")) {
            for (std::size_t i = 0; i < valuesPerBlock; ++i)
                x[i] = 0.02f * scale * random.normal();
            x[random.below(valuesPerBlock)]
                = (random.below(2) ? 1.f : -1.f) * scale * static_cast<float>(std::pow(10.0, 3.0 * random.uniform()));
        } else if (kind == QLatin1String("tiny and denormal")) {
            // 1e-45 .. 1e-30: float denormals and values whose scales underflow half precision.
            const auto tiny = static_cast<float>(std::pow(10.0, -45.0 + 15.0 * random.uniform()));
            for (std::size_t i = 0; i < valuesPerBlock; ++i)
                x[i] = tiny * random.normal();
        } else if (kind == QLatin1String("constant")) {
            // Constant groups of 16, some of them zero, some the same across the block.
            const float blockValue = scale * random.normal();
            for (std::size_t g = 0; g < valuesPerBlock; g += 16) {
                const std::uint32_t pick = random.below(3);
                const float value = pick == 0 ? blockValue : pick == 1 ? 0.0f : scale * random.normal();
                for (std::size_t i = g; i < g + 16; ++i)
                    x[i] = value;
            }
        } else if (kind == QLatin1String("mixed sign")) {
            // Groups of 16 positive only, negative only or both, some on a grid of ties.
            for (std::size_t g = 0; g < valuesPerBlock; g += 16) {
                const std::uint32_t pick = random.below(4);
                for (std::size_t i = g; i < g + 16; ++i) {
                    const float v = scale * random.normal();
                    x[i] = pick == 0 ? std::fabs(v)
                        : pick == 1  ? -std::fabs(v)
                        : pick == 2  ? v
                                     : scale * (static_cast<float>(random.below(17)) - 8.f) / 2.f;
                }
            }
        }
    }
    return values;
}

std::vector<std::byte> quantizeFast(DType type, const std::vector<float>& values)
{
    std::vector<std::byte> out(values.size() / dtypeBlockElements(type) * dtypeSize(type));
    if (!quantizeKBlocksFast(type, values.data(), values.size() / dtypeBlockElements(type), out.data()))
        return {};
    return out;
}

std::vector<std::byte> quantizeReference(DType type, const std::vector<float>& values)
{
    std::vector<std::byte> out(values.size() / dtypeBlockElements(type) * dtypeSize(type));
    quantizeBlocksReference(type, values.data(), values.size(), out.data());
    return out;
}

// Blocks of `blockBytes` that differ, and the first of them (or count if none).
std::size_t countDifferent(
    const std::byte* ours, const std::byte* theirs, std::size_t count, std::size_t blockBytes, std::size_t& first)
{
    std::size_t different = 0;
    first = count;
    for (std::size_t i = 0; i < count; ++i) {
        if (std::memcmp(ours + i * blockBytes, theirs + i * blockBytes, blockBytes) != 0) {
            if (different++ == 0)
                first = i;
        }
    }
    return different;
}

bool hasFastPath()
{
#if defined(__x86_64__)
    return true;
#else
    return false;
#endif
}

} // namespace

class TestKQuantFast : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matchesReference_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("kind");
        const char* kinds[] = {
            "normal", "heavy-tailed", "zero groups", "single outlier", "tiny and denormal", "constant", "mixed sign"};
        for (const DType type : kTypes)
            for (const char* kind : kinds)
                QTest::addRow("%s %s", dtypeName(type).data(), kind) << int(type) << QString::fromLatin1(kind);
    }

    void matchesReference()
    {
        QFETCH(int, type);
        QFETCH(QString, kind);
        if (!hasFastPath())
            QSKIP("the K-quant SIMD path is x86-64 only");
        const auto dtype = static_cast<DType>(type);
        const std::vector<float> values = makeBlocks(kind, blocksPerRow, 7919u * static_cast<std::uint32_t>(type + 1));
        const std::vector<std::byte> fast = quantizeFast(dtype, values);
        const std::vector<std::byte> reference = quantizeReference(dtype, values);
        QCOMPARE(fast.size(), reference.size());
        std::size_t first = 0;
        const std::size_t different
            = countDifferent(fast.data(), reference.data(), blocksPerRow, dtypeSize(dtype), first);
        if (different != 0)
            qWarning("%zu of %zu blocks differ, first: %zu", different, blocksPerRow, first);
        QCOMPARE(different, std::size_t(0));
        // quantizeBlocks, what the lab calls, takes the same path.
        std::vector<std::byte> dispatched(reference.size());
        quantizeBlocks(dtype, values.data(), values.size(), dispatched.data());
        QVERIFY(dispatched == reference);
    }

    void matchesGgmlFixtures_data()
    {
        QTest::addColumn<int>("type");
        for (const DType type : kTypes)
            QTest::addRow("%s", dtypeName(type).data()) << int(type);
    }

    // quant/data: ggml's quantize_row_*_ref output for ten ordinary and awkward super-blocks.
    void matchesGgmlFixtures()
    {
        QFETCH(int, type);
        if (!hasFastPath())
            QSKIP("the K-quant SIMD path is x86-64 only");
        const auto dtype = static_cast<DType>(type);
        QFile inputFile(fixtureDir + QStringLiteral("inputs.f32"));
        QFile expectedFile(fixtureDir + QString::fromLatin1(dtypeName(dtype)).toLower() + QStringLiteral(".bin"));
        QVERIFY(inputFile.open(QIODevice::ReadOnly));
        QVERIFY(expectedFile.open(QIODevice::ReadOnly));
        const QByteArray inputBytes = inputFile.readAll();
        const QByteArray expected = expectedFile.readAll();
        std::vector<float> input(inputBytes.size() / sizeof(float));
        QCOMPARE(input.size(), std::size_t(2560));
        std::memcpy(input.data(), inputBytes.constData(), inputBytes.size());
        const std::vector<std::byte> fast = quantizeFast(dtype, input);
        QCOMPARE(qsizetype(fast.size()), expected.size());
        QVERIFY(std::memcmp(fast.data(), expected.constData(), fast.size()) == 0);
    }

    void matchesGgmlQuantisedModels_data()
    {
        QTest::addColumn<QString>("quantised");
        QTest::addColumn<int>("type");
        const QString tiny = sharedModels + QStringLiteral("lab-tinystories-gguf/lab-tinystories-");
        QTest::addRow("lab-tinystories Q6_K") << tiny + QStringLiteral("q6_k.gguf") << int(DType::Q6_K);
        QTest::addRow("lab-tinystories Q4_K") << tiny + QStringLiteral("q4_k.gguf") << int(DType::Q4_K);
    }

    // Every K-quant tensor of a file ggml quantised, requantised on the fast path from the F32 file.
    void matchesGgmlQuantisedModels()
    {
        QFETCH(QString, quantised);
        QFETCH(int, type);
        const QString source = sharedModels + QStringLiteral("lab-tinystories-gguf/lab-tinystories-f32.gguf");
        if (!QFile::exists(source) || !QFile::exists(quantised))
            QSKIP("sample GGUF files not present");
        if (!hasFastPath())
            QSKIP("the K-quant SIMD path is x86-64 only");
        const auto original = openCheckpoint(source.toStdString());
        const auto reference = openCheckpoint(quantised.toStdString());
        std::size_t blocks = 0;
        std::size_t different = 0;
        for (std::size_t i = 0; i < reference->tensors().size(); ++i) {
            const TensorInfo& info = reference->tensors()[i];
            if (info.dtype != static_cast<DType>(type))
                continue;
            const auto sourceIndex = original->indexOf(info.name);
            QVERIFY2(sourceIndex, info.name.c_str());
            const TensorView sourceTensor = original->tensor(*sourceIndex);
            std::vector<float> values(sourceTensor.elementCount());
            sourceTensor.toFloat(0, values);
            const std::vector<std::byte> fast = quantizeFast(info.dtype, values);
            const std::span<const std::byte> theirs = reference->tensor(i).bytes();
            QCOMPARE(fast.size(), theirs.size());
            const std::size_t count = fast.size() / dtypeSize(info.dtype);
            std::size_t first = 0;
            different += countDifferent(fast.data(), theirs.data(), count, dtypeSize(info.dtype), first);
            blocks += count;
        }
        qInfo("%zu blocks compared with ggml's file, %zu differ", blocks, different);
        QVERIFY(blocks > 0);
        QCOMPARE(different, std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestKQuantFast)
#include "tst_kquantfast.moc"
