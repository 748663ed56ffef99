// ggml's importance-weighted (imatrix) quantisers, checked against ggml's own output: the SHA-256 of
// ggml_quantize_chunk's bytes for the fixed input of ImatrixFixtureInput.h (32 rows of 1024 values:
// 128 super-blocks per K-quant, 1024 blocks per 32-value format; one importance vector for all rows). The hashes were
// computed by a throwaway program linking ggml commit d99724f2 (github.com/ggml-org/ggml, the commit
// of quant/data) built without FMA contraction, calling
//   ggml_quantize_chunk(type, weights, out, 0, imatrixRows, imatrixColumns, importance)
// on makeImatrixInput().
#include "ImatrixFixtureInput.h"
#include "quant/GgufQuantize.h"
#include "tensor/DType.h"
#include "util/Sha256.h"

#include <QTest>

#include <stdexcept>
#include <string>
#include <vector>

using namespace complab;

namespace {

std::vector<std::byte> quantizeRows(DType type, const fixture::ImatrixInput& input, const float* importance)
{
    const std::size_t rowBytes = fixture::imatrixColumns / dtypeBlockElements(type) * dtypeSize(type);
    std::vector<std::byte> out(rowBytes * fixture::imatrixRows);
    for (std::size_t r = 0; r < fixture::imatrixRows; ++r)
        quantizeBlocks(type, input.weights.data() + r * fixture::imatrixColumns, fixture::imatrixColumns,
            out.data() + r * rowBytes, importance);
    return out;
}

} // namespace

class TestImportanceQuantize : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matchesGgml_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("sha256");
        QTest::addRow("Q2_K") << int(DType::Q2_K)
                              << QStringLiteral("b108c2fb4a690d461da9c31103ff389e6bf18c2e805e003b535eba4af15cc47e");
        QTest::addRow("Q3_K") << int(DType::Q3_K)
                              << QStringLiteral("4d0d585cfa14a6c9fa0f819305f7c7dd0cb3c756087858742268acbe6cf2a6f4");
        QTest::addRow("Q4_K") << int(DType::Q4_K)
                              << QStringLiteral("9fef71a9eba548cace2955da3fc06f3ae636eb0354f5cbfe6adacf65d499d132");
        QTest::addRow("Q5_K") << int(DType::Q5_K)
                              << QStringLiteral("17e29165e376e5443657afc0ee11e3be0ed2a60394e2fb9d9fbf92fe8f2afa65");
        QTest::addRow("Q6_K") << int(DType::Q6_K)
                              << QStringLiteral("f62d6b70e8a0150d32cd8781beaad50ff0b7717691f97005fabd70db64c3242b");
        QTest::addRow("Q4_0") << int(DType::Q4_0)
                              << QStringLiteral("4ebfaccb9e84435ac8b114ae80f39a933d663c6060197207523af3d2bef22cf2");
        QTest::addRow("Q4_1") << int(DType::Q4_1)
                              << QStringLiteral("0c0168b27e2c6bd9fa9e2087d52cba62b348bf1055ce84e056daca6528e059ab");
        QTest::addRow("Q5_0") << int(DType::Q5_0)
                              << QStringLiteral("8d2a58b649214d0968ae1407165beede396d47a618e4644590fa161654b6e523");
        QTest::addRow("Q5_1") << int(DType::Q5_1)
                              << QStringLiteral("b6e27b8dbd571583d5dab8f2a591a27891a1f71b13cba7824306f54eaf782920");
        // ggml's Q8_0 ignores the imatrix: the same bytes as without.
        QTest::addRow("Q8_0") << int(DType::Q8_0)
                              << QStringLiteral("24dd3658a3a0538e99bb7cc1cb41f314ae3fa9d89d9321722d514c740ce88b0d");
    }

    void matchesGgml()
    {
        QFETCH(int, type);
        QFETCH(QString, sha256);
        const auto dtype = static_cast<DType>(type);
        const fixture::ImatrixInput input = fixture::makeImatrixInput();
        const std::vector<std::byte> weighted = quantizeRows(dtype, input, input.importance.data());
        QCOMPARE(QString::fromStdString(Sha256::ofBytes(weighted)), sha256);
        if (dtype != DType::Q8_0) {
            // The importance must matter: the unweighted bytes differ.
            const std::vector<std::byte> plain = quantizeRows(dtype, input, nullptr);
            QVERIFY(plain != weighted);
        }
    }

    void nullImportanceIsUnweighted()
    {
        const fixture::ImatrixInput input = fixture::makeImatrixInput();
        std::vector<std::byte> withNull(dtypeSize(DType::Q4_K) * 4);
        std::vector<std::byte> without(withNull.size());
        quantizeBlocks(DType::Q4_K, input.weights.data(), 1024, withNull.data(), nullptr);
        quantizeBlocks(DType::Q4_K, input.weights.data(), 1024, without.data());
        QVERIFY(withNull == without);
    }

    void rejectsBadArguments()
    {
        const fixture::ImatrixInput input = fixture::makeImatrixInput();
        std::vector<std::byte> out(4096);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
            quantizeBlocks(DType::Q4_K, input.weights.data(), 100, out.data(), input.importance.data()));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
            quantizeBlocks(DType::F32, input.weights.data(), 256, out.data(), input.importance.data()));
    }
};

QTEST_GUILESS_MAIN(TestImportanceQuantize)
#include "tst_importancequantize.moc"
