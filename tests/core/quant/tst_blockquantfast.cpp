// The SIMD paths of the simple GGUF block formats (Q8_0, Q4_0, Q4_1, Q5_0, Q5_1) against the
// reference quantisers, byte for byte, on thousands of blocks of ordinary and adversarial values:
// rounding ties, signed zeros, ±a ties for the extreme, tiny and huge scales, denormals, NaN / Inf.
#include "quant/BlockQuantFast.h"
#include "quant/GgufQuantize.h"
#include "tensor/DType.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

using namespace complab;

namespace {

constexpr std::size_t blockSize = 32;
constexpr std::size_t blocksPerRow = 4096;

enum class Input {
    Normal,
    HeavyTailed,
    AllZero,
    SignedZeros,
    Outlier,
    Denormal,
    TinyScale,
    HugeValues,
    Ties,
    NegativeMax,
    PlusMinusTie,
    NonFinite,
};

double normal(QRandomGenerator& random)
{
    const double u1 = 1.0 - random.generateDouble();
    const double u2 = random.generateDouble();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

// Values exactly at the reference's rounding and truncation boundaries: every format's scale is a
// power of two for these blocks (the extreme is chosen so), so x * (1 / d) is exact and lands on
// k + 0.5 or on an integer, where truncation after "+ 0.5" flips.
void fillTies(DType type, QRandomGenerator& random, float* block)
{
    const float unit = std::ldexp(1.0f, random.bounded(-20, 10));
    const int levels = type == DType::Q8_0 ? 127 : (type == DType::Q4_0 || type == DType::Q4_1) ? 15 : 31;
    const bool symmetric = type == DType::Q8_0 || type == DType::Q4_0 || type == DType::Q5_0;
    for (std::size_t i = 0; i < blockSize; ++i) {
        const double half = 0.5 * random.bounded(0, 2 * levels);
        block[i] = static_cast<float>((symmetric ? half - levels / 2.0 : half) * unit);
    }
    if (type == DType::Q8_0)
        block[random.bounded(int(blockSize))] = 127 * unit * (random.bounded(2) ? 1.f : -1.f); // d == unit
    else if (symmetric)
        block[random.bounded(int(blockSize))] = -(levels + 1) / 2.0f * unit; // d == unit
    else {
        block[0] = 0; // min 0, max levels: d == unit
        block[1] = static_cast<float>(levels) * unit;
    }
}

std::vector<float> makeValues(DType type, Input input, quint32 seed)
{
    QRandomGenerator random(seed);
    std::vector<float> values(blocksPerRow * blockSize + 1);
    for (std::size_t b = 0; b < blocksPerRow; ++b) {
        float* block = values.data() + 1 + b * blockSize; // +1: unaligned loads
        for (std::size_t i = 0; i < blockSize; ++i)
            block[i] = static_cast<float>(0.02 * normal(random));
        const auto at = [&random] { return random.bounded(int(blockSize)); };
        switch (input) {
        case Input::Normal:
            break;
        case Input::HeavyTailed: // Cauchy-like: a normal over a uniform
            for (std::size_t i = 0; i < blockSize; ++i)
                block[i] = static_cast<float>(normal(random) / (random.generateDouble() + 1e-6));
            break;
        case Input::AllZero:
            std::fill(block, block + blockSize, 0.0f);
            break;
        case Input::SignedZeros: // ±0 mixed, some blocks with positive values (min is a zero)
            for (std::size_t i = 0; i < blockSize; ++i)
                block[i] = random.bounded(2) ? -0.0f : 0.0f;
            if (b % 2)
                for (int k = 0; k < 5; ++k)
                    block[at()] = static_cast<float>(random.generateDouble());
            if (b % 3 == 0)
                for (int k = 0; k < 5; ++k)
                    block[at()] = static_cast<float>(-random.generateDouble());
            break;
        case Input::Outlier:
            block[at()] = static_cast<float>((random.bounded(2) ? 1 : -1) * std::pow(10.0, random.bounded(1, 38)));
            break;
        case Input::Denormal:
            for (std::size_t i = 0; i < blockSize; ++i)
                block[i] = std::bit_cast<float>(
                    static_cast<std::uint32_t>(random.bounded(0x00800000)) | (random.bounded(2) ? 0x80000000u : 0u));
            if (b % 2)
                block[at()] = std::ldexp(1.0f, random.bounded(-126, -90)); // some blocks cross the fast threshold
            break;
        case Input::TinyScale: // extremes around the fast path's threshold and where 1 / d overflows
            for (std::size_t i = 0; i < blockSize; ++i)
                block[i] = static_cast<float>(normal(random) * std::ldexp(1.0, -95 - static_cast<int>(b % 40)));
            break;
        case Input::HugeValues: // ranges that overflow float, half-precision scales that overflow
            for (std::size_t i = 0; i < blockSize; ++i)
                block[i] = static_cast<float>(normal(random) * std::ldexp(1.0, 100 + static_cast<int>(b % 28)));
            if (b % 4 == 0)
                block[at()] = std::numeric_limits<float>::max();
            if (b % 4 == 1)
                block[at()] = -std::numeric_limits<float>::max();
            break;
        case Input::Ties:
            fillTies(type, random, block);
            break;
        case Input::NegativeMax:
            block[at()] = -std::fabs(block[at()]) - 0.1f;
            break;
        case Input::PlusMinusTie: { // the same magnitude twice with opposite signs: the first wins
            const float magnitude = 0.5f + static_cast<float>(random.generateDouble());
            const int first = at();
            int second = at();
            if (second == first)
                second = (first + 1) % int(blockSize);
            block[first] = random.bounded(2) ? magnitude : -magnitude;
            block[second] = -block[first];
            break;
        }
        case Input::NonFinite: {
            const float specials[] = {std::numeric_limits<float>::quiet_NaN(), -std::numeric_limits<float>::quiet_NaN(),
                std::numeric_limits<float>::infinity(), -std::numeric_limits<float>::infinity()};
            block[at()] = specials[b % 4];
            if (b % 5 == 0)
                block[at()] = specials[(b / 5) % 4];
            break;
        }
        }
    }
    return values;
}

} // namespace

class TestBlockQuantFast : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fastEqualsReference_data();
    void fastEqualsReference();
    void otherFormatsDecline();
};

void TestBlockQuantFast::fastEqualsReference_data()
{
    QTest::addColumn<DType>("type");
    QTest::addColumn<Input>("input");
    const std::pair<Input, const char*> inputs[] = {{Input::Normal, "normal"}, {Input::HeavyTailed, "heavy-tailed"},
        {Input::AllZero, "all-zero"}, {Input::SignedZeros, "signed zeros"}, {Input::Outlier, "huge outlier"},
        {Input::Denormal, "denormals"}, {Input::TinyScale, "tiny scales"}, {Input::HugeValues, "huge values"},
        {Input::Ties, "rounding ties"}, {Input::NegativeMax, "negative max"}, {Input::PlusMinusTie, "+a -a tie"},
        {Input::NonFinite, "NaN and Inf"}};
    for (const DType type : {DType::Q8_0, DType::Q4_0, DType::Q4_1, DType::Q5_0, DType::Q5_1})
        for (const auto& [input, name] : inputs)
            QTest::addRow("%s %s", dtypeName(type).data(), name) << type << input;
}

void TestBlockQuantFast::fastEqualsReference()
{
    QFETCH(DType, type);
    QFETCH(Input, input);
    const auto values = makeValues(type, input, 1234u + static_cast<quint32>(input));
    const std::size_t bytes = blocksPerRow * dtypeSize(type);
    std::vector<std::byte> reference(bytes);
    std::vector<std::byte> fast(bytes + 1, std::byte{0xAB});
    quantizeBlocksReference(type, values.data() + 1, blocksPerRow * blockSize, reference.data());
    // Straight into the fast path (quantizeBlocks would hide a decline behind the reference).
    if (!quantizeSimpleBlocksFast(type, values.data() + 1, blocksPerRow, fast.data() + 1))
        QSKIP("no SIMD path on this CPU: quantizeBlocks uses the reference");
    for (std::size_t b = 0; b < blocksPerRow; ++b) {
        const std::size_t offset = b * dtypeSize(type);
        if (std::memcmp(reference.data() + offset, fast.data() + 1 + offset, dtypeSize(type)) != 0) {
            QString block;
            for (std::size_t i = 0; i < blockSize; ++i)
                block += QString::number(static_cast<double>(values[1 + b * blockSize + i]), 'g', 9) + QLatin1Char(' ');
            QFAIL(qPrintable(QStringLiteral("block %1 differs; values: %2").arg(b).arg(block)));
        }
    }
    QCOMPARE(fast[0], std::byte{0xAB}); // nothing written before dst
    // And quantizeBlocks (what the lab runs) gives the same bytes.
    std::vector<std::byte> dispatched(bytes);
    quantizeBlocks(type, values.data() + 1, blocksPerRow * blockSize, dispatched.data());
    QVERIFY(dispatched == reference);
}

void TestBlockQuantFast::otherFormatsDecline()
{
    std::vector<float> values(256, 1.0f);
    std::vector<std::byte> out(1024);
    for (const DType type : {DType::Q8_1, DType::Q4_K, DType::Q6_K, DType::F32})
        QVERIFY(!quantizeSimpleBlocksFast(type, values.data(), 1, out.data()));
}

QTEST_APPLESS_MAIN(TestBlockQuantFast)
#include "tst_blockquantfast.moc"
