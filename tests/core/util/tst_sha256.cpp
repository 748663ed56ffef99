// SHA-256 against the FIPS 180-4 example vectors, across block boundaries and split updates.
#include "util/Sha256.h"

#include <QTest>

#include <string>

using namespace complab;

namespace {
std::span<const std::byte> bytesOf(const std::string& text)
{
    return std::as_bytes(std::span(text.data(), text.size()));
}
} // namespace

class TestSha256 : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void vectors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("digest");
        QTest::addRow("empty") << QByteArray()
                               << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        QTest::addRow("abc") << QByteArray("abc")
                             << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        QTest::addRow("two blocks") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                    << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        QTest::addRow("million a") << QByteArray(1000000, 'a')
                                   << QByteArray("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }
    void vectors()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, digest);
        const std::string text(input.constData(), static_cast<std::size_t>(input.size()));
        QCOMPARE(QByteArray::fromStdString(Sha256::ofBytes(bytesOf(text))), digest);
        // The same digest when fed in uneven pieces.
        Sha256 pieces;
        for (std::size_t at = 0; at < text.size(); at += 37)
            pieces.update(bytesOf(text.substr(at, 37)));
        QCOMPARE(QByteArray::fromStdString(pieces.finishHex()), digest);
    }
};

QTEST_APPLESS_MAIN(TestSha256)
#include "tst_sha256.moc"
