// Decoding of every element type, checked at the values where formats differ: subnormals,
// largest finite, infinities and NaN.
#include "tensor/DType.h"

#include <QTest>

#include <cmath>
#include <cstring>
#include <limits>

using namespace complab;

class TestDType : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void names()
    {
        for (int i = 0; i < dtypeCount; ++i) {
            const auto type = static_cast<DType>(i);
            // Block formats are GGUF-only: safetensors names never resolve to them.
            QCOMPARE(dtypeFromName(dtypeName(type)), isBlockFormat(type) ? std::nullopt : std::optional<DType>(type));
            if (const auto ggml = ggmlTypeOf(type)) {
                QCOMPARE(dtypeFromGgmlType(*ggml), std::optional<DType>(type));
                QCOMPARE(ggmlTypeName(*ggml), dtypeName(type));
            }
        }
        QCOMPARE(ggmlTypeName(16), std::string_view("IQ2_XXS"));
        QVERIFY(!dtypeFromGgmlType(16));
        QVERIFY(ggmlTypeName(4).empty());
        QCOMPARE(dtypeStorageBytes(DType::Q4_K, 512), std::optional<std::uint64_t>(288));
        QVERIFY(!dtypeStorageBytes(DType::Q4_K, 100));
        QVERIFY(!dtypeStorageBytes(DType::F32, 1ull << 63));
        QVERIFY(!dtypeFromName("Q4_0"));
        QVERIFY(!dtypeFromName("F4"));
        QVERIFY(!dtypeFromName("f32"));
        QCOMPARE(dtypeSize(DType::BF16), std::size_t(2));
        QCOMPARE(dtypeSize(DType::F8_E5M2), std::size_t(1));
        QCOMPARE(dtypeSize(DType::I64), std::size_t(8));
    }

    void half()
    {
        QCOMPARE(halfToFloat(0x3C00), 1.0f);
        QCOMPARE(halfToFloat(0xC000), -2.0f);
        QCOMPARE(halfToFloat(0x7BFF), 65504.0f);
        QCOMPARE(halfToFloat(0x0001), std::ldexp(1.0f, -24)); // smallest subnormal
        QCOMPARE(halfToFloat(0x7C00), std::numeric_limits<float>::infinity());
        QVERIFY(std::isnan(halfToFloat(0x7E00)));
        QVERIFY(std::signbit(halfToFloat(0x8000)));
    }

    void bfloat16()
    {
        QCOMPARE(bfloat16ToFloat(0x3F80), 1.0f);
        QCOMPARE(bfloat16ToFloat(0x4049), 3.140625f);
        QCOMPARE(bfloat16ToFloat(0xFF80), -std::numeric_limits<float>::infinity());
        QVERIFY(std::isnan(bfloat16ToFloat(0x7FC0)));
    }

    void fp8e4m3()
    {
        QCOMPARE(fp8e4m3ToFloat(0x38), 1.0f);
        QCOMPARE(fp8e4m3ToFloat(0x7E), 448.0f); // largest finite
        QCOMPARE(fp8e4m3ToFloat(0xFE), -448.0f);
        QCOMPARE(fp8e4m3ToFloat(0x01), std::ldexp(1.0f, -9)); // smallest subnormal
        QCOMPARE(fp8e4m3ToFloat(0x08), std::ldexp(1.0f, -6)); // smallest normal
        QCOMPARE(fp8e4m3ToFloat(0x78), 256.0f); // no infinity in the fn variant
        QVERIFY(std::isnan(fp8e4m3ToFloat(0x7F)));
        QVERIFY(std::isnan(fp8e4m3ToFloat(0xFF)));
    }

    void fp8e5m2()
    {
        QCOMPARE(fp8e5m2ToFloat(0x3C), 1.0f);
        QCOMPARE(fp8e5m2ToFloat(0x7B), 57344.0f); // largest finite
        QCOMPARE(fp8e5m2ToFloat(0x01), std::ldexp(1.0f, -16));
        QCOMPARE(fp8e5m2ToFloat(0x7C), std::numeric_limits<float>::infinity());
        QCOMPARE(fp8e5m2ToFloat(0xFC), -std::numeric_limits<float>::infinity());
        QVERIFY(std::isnan(fp8e5m2ToFloat(0x7D)));
    }

    void unalignedConversion()
    {
        // Data inside a safetensors file is not aligned: convert from an odd address.
        alignas(8) unsigned char buffer[1 + 3 * 4] = {};
        const float values[3] = {1.5f, -0.25f, 1e30f};
        std::memcpy(buffer + 1, values, sizeof values);
        float out[3];
        convertToFloat(DType::F32, reinterpret_cast<const std::byte*>(buffer + 1), 3, out);
        QCOMPARE(out[0], 1.5f);
        QCOMPARE(out[1], -0.25f);
        QCOMPARE(out[2], 1e30f);
        const std::int64_t big[2] = {-(std::int64_t(1) << 40), 7};
        std::memcpy(buffer + 1, big, 8);
        convertToFloat(DType::I64, reinterpret_cast<const std::byte*>(buffer + 1), 1, out);
        QCOMPARE(out[0], -std::ldexp(1.0f, 40));
    }
};

QTEST_GUILESS_MAIN(TestDType)
#include "tst_dtype.moc"
