// The AVX2 dequantisers of the GGUF block formats against the reference dequantize() of each
// block, bit for bit, on thousands of blocks of random bytes: every level, scale and high-bit
// pattern a file can hold, including half-precision scales that are subnormal, infinite or NaN.
#include "tensor/BlockDequantFast.h"
#include "tensor/DType.h"
#include "tensor/GgufBlocks.h"

#include <QRandomGenerator>
#include <QTest>

#include <bit>
#include <cmath>
#include <cstring>
#include <vector>

using namespace complab;

namespace {

template <typename Block> void referenceAll(const std::vector<std::byte>& bytes, std::size_t n, float* out)
{
    for (std::size_t i = 0; i * sizeof(Block) < bytes.size(); ++i) {
        Block block;
        std::memcpy(&block, bytes.data() + i * sizeof(Block), sizeof block);
        dequantize(block, out + i * n);
    }
}

void reference(DType type, const std::vector<std::byte>& bytes, float* out)
{
    const std::size_t n = dtypeBlockElements(type);
    switch (type) {
    case DType::Q4_0:
        return referenceAll<BlockQ4_0>(bytes, n, out);
    case DType::Q4_1:
        return referenceAll<BlockQ4_1>(bytes, n, out);
    case DType::Q5_0:
        return referenceAll<BlockQ5_0>(bytes, n, out);
    case DType::Q5_1:
        return referenceAll<BlockQ5_1>(bytes, n, out);
    case DType::Q8_0:
        return referenceAll<BlockQ8_0>(bytes, n, out);
    case DType::Q4_K:
        return referenceAll<BlockQ4_K>(bytes, n, out);
    case DType::Q5_K:
        return referenceAll<BlockQ5_K>(bytes, n, out);
    case DType::Q6_K:
        return referenceAll<BlockQ6_K>(bytes, n, out);
    default:
        QFAIL("no reference wired for this type");
    }
}

} // namespace

class TestBlockDequantFast : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fastEqualsReference_data();
    void fastEqualsReference();
    void otherFormatsDecline();
};

void TestBlockDequantFast::fastEqualsReference_data()
{
    QTest::addColumn<DType>("type");
    QTest::addColumn<bool>("ordinaryScales");
    for (const DType type :
        {DType::Q8_0, DType::Q4_0, DType::Q4_1, DType::Q5_0, DType::Q5_1, DType::Q4_K, DType::Q5_K, DType::Q6_K}) {
        QTest::addRow("%s ordinary scales", dtypeName(type).data()) << type << true;
        QTest::addRow("%s any scale bits", dtypeName(type).data()) << type << false;
    }
}

void TestBlockDequantFast::fastEqualsReference()
{
    QFETCH(DType, type);
    QFETCH(bool, ordinaryScales);
    const std::size_t blocks = dtypeBlockElements(type) == 32 ? 8192 : 1024;
    std::vector<std::byte> bytes(blocks * dtypeSize(type));
    QRandomGenerator random(77);
    for (auto& b : bytes)
        b = static_cast<std::byte>(random.bounded(256));
    if (ordinaryScales) {
        // Scales as a quantiser writes them (positive and negative, around 1e-3): the half fields
        // of each layout sit at the start of the block (Q4_0 ... Q5_K) or at its end (Q6_K).
        const std::size_t halves
            = type == DType::Q4_1 || type == DType::Q5_1 || type == DType::Q4_K || type == DType::Q5_K ? 2 : 1;
        for (std::size_t i = 0; i < blocks; ++i) {
            for (std::size_t h = 0; h < halves; ++h) {
                const std::uint16_t half = floatToHalf(static_cast<float>((random.generateDouble() - 0.5) * 4e-3));
                const std::size_t offset = type == DType::Q6_K ? dtypeSize(type) - 2 : 2 * h;
                std::memcpy(bytes.data() + i * dtypeSize(type) + offset, &half, 2);
            }
        }
    }
    const std::size_t count = blocks * dtypeBlockElements(type);
    std::vector<float> expected(count);
    std::vector<float> fast(count + 1, -7.0f);
    reference(type, bytes, expected.data());
    if (!dequantizeBlocksFast(type, bytes.data(), blocks, fast.data()))
        QSKIP("no SIMD path on this CPU: dequantizeBlocks uses the reference");
    QCOMPARE(fast[count], -7.0f); // nothing written past the end
    for (std::size_t i = 0; i < count; ++i) {
        const bool same = std::isnan(expected[i])
            ? std::isnan(fast[i])
            : std::bit_cast<std::uint32_t>(expected[i]) == std::bit_cast<std::uint32_t>(fast[i]);
        if (!same)
            QFAIL(qPrintable(QStringLiteral("value %1 (block %2): %3, reference %4")
                                 .arg(i)
                                 .arg(i / dtypeBlockElements(type))
                                 .arg(static_cast<double>(fast[i]), 0, 'g', 9)
                                 .arg(static_cast<double>(expected[i]), 0, 'g', 9)));
    }
}

void TestBlockDequantFast::otherFormatsDecline()
{
    std::vector<std::byte> bytes(1024);
    std::vector<float> out(256);
    for (const DType type : {DType::Q8_1, DType::Q2_K, DType::Q3_K, DType::Q8_K, DType::F32})
        QVERIFY(!dequantizeBlocksFast(type, bytes.data(), 1, out.data()));
}

QTEST_APPLESS_MAIN(TestBlockDequantFast)
#include "tst_blockdequantfast.moc"
