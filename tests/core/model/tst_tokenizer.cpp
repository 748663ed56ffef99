// The llama2.c tokenizer.bin reader and encoder: the published example, agreement with a naive
// transcription of llama2.c's encode() on the shared stories, round trips, finding the tokenizer of a
// checkpoint, and malformed files (each rejected with a message naming the file and the token).
#include "TokenizerTestData.h"
#include "io/Checkpoint.h"
#include "io/CheckpointError.h"
#include "model/Llama2cTokenizer.h"
#include "model/Tokenizer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace complab;
using namespace complab::test;

Q_DECLARE_METATYPE(std::vector<std::int32_t>)

namespace {

struct Entry
{
    float score;
    std::string piece;
};

// The vocabulary llama2.c's layout expects: <unk>, <s>, </s>, the 256 byte pieces, then text pieces.
std::vector<Entry> smallVocabulary()
{
    std::vector<Entry> entries = {{0.0f, "<unk>"}, {0.0f, "\n<s>\n"}, {0.0f, "\n</s>\n"}};
    char name[8];
    for (int byte = 0; byte < 256; ++byte) {
        std::snprintf(name, sizeof name, "<0x%02X>", byte);
        entries.push_back({0.0f, name});
    }
    for (const auto& [score, piece] : std::vector<Entry>{
             {-1.0f, " "}, {-2.0f, "a"}, {-3.0f, "b"}, {-4.0f, "ab"}, {-5.0f, " ab"}, {-6.0f, "\xC3\xA9"}})
        entries.push_back({score, piece});
    return entries;
}

QByteArray tokenizerBinBytes(const std::vector<Entry>& entries, qint32 maxTokenLength = -1)
{
    if (maxTokenLength < 0) {
        maxTokenLength = 0;
        for (const auto& entry : entries)
            maxTokenLength = std::max<qint32>(maxTokenLength, qint32(entry.piece.size()));
    }
    QByteArray bytes(reinterpret_cast<const char*>(&maxTokenLength), 4);
    for (const auto& entry : entries) {
        const qint32 length = qint32(entry.piece.size());
        bytes.append(reinterpret_cast<const char*>(&entry.score), 4);
        bytes.append(reinterpret_cast<const char*>(&length), 4);
        bytes.append(entry.piece.data(), length);
    }
    return bytes;
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

qint64 offsetOfToken(const std::vector<Entry>& entries, std::size_t index)
{
    qint64 offset = 4;
    for (std::size_t i = 0; i < index; ++i)
        offset += 8 + qint64(entries[i].piece.size());
    return offset;
}

} // namespace

class TestTokenizer : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void publishedExample_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("bos");
        QTest::addColumn<std::vector<std::int32_t>>("expected");
        QTest::addRow("llama2.c README") << QStringLiteral("Once upon a time") << true
                                         << std::vector<std::int32_t>{1, 9038, 2501, 263, 931};
        QTest::addRow("without BOS") << QStringLiteral("Once upon a time") << false
                                     << std::vector<std::int32_t>{9038, 2501, 263, 931};
        QTest::addRow("empty with BOS") << QString() << true << std::vector<std::int32_t>{1};
        QTest::addRow("empty") << QString() << false << std::vector<std::int32_t>{};
    }

    void publishedExample()
    {
        QFETCH(QString, text);
        QFETCH(bool, bos);
        QFETCH(std::vector<std::int32_t>, expected);
        const QString path = sharedData("models/llama2-tokenizer/tokenizer.bin");
        if (!QFileInfo::exists(path))
            QSKIP("shared llama2 tokenizer not present");
        const Llama2cTokenizer tokenizer(path.toStdString(), 32000);
        QCOMPARE(tokenizer.vocabularySize(), 32000);
        QCOMPARE(tokenizer.bosId(), 1);
        QCOMPARE(tokenizer.eosId(), 2);
        QCOMPARE(tokenizer.description(), std::string("llama2.c tokenizer.bin"));
        QCOMPARE(tokenizer.encode(text.toStdString(), bos), expected);
        QCOMPARE(tokenizer.decode(expected), text.toStdString());
    }

    void sharedStories_data()
    {
        QTest::addColumn<QString>("tokenizerFile");
        QTest::addColumn<int>("vocabulary");
        QTest::addColumn<QString>("textFile");
        QTest::addRow("stories260K tok512, valid head")
            << "models/stories260K/tok512.bin" << 512 << "text/tinystories-valid-head.txt";
        QTest::addRow("aidreams260K tok512, valid head")
            << "models/aidreams260K/tok512.bin" << 512 << "text/tinystories-valid-head.txt";
        QTest::addRow("llama2 32000, valid head")
            << "models/llama2-tokenizer/tokenizer.bin" << 32000 << "text/tinystories-valid-head.txt";
        QTest::addRow("lab-tinystories 2048, held-out")
            << "models/lab-tinystories-llama2c/tokenizer.bin" << 2048 << "text/lab-tinystories-heldout.txt";
    }

    // Every story: the same ids as the naive llama2.c transcription, and decode(encode(x)) == x.
    void sharedStories()
    {
        QFETCH(QString, tokenizerFile);
        QFETCH(int, vocabulary);
        QFETCH(QString, textFile);
        const QString path = sharedData(tokenizerFile.toUtf8().constData());
        const auto stories = readStories(sharedData(textFile.toUtf8().constData()));
        if (!QFileInfo::exists(path) || stories.empty())
            QSKIP("shared data not present");
        const auto tokenizer = loadTokenizer(path.toStdString(), vocabulary);
        QCOMPARE(tokenizer->vocabularySize(), vocabulary);
        std::size_t tokens = 0;
        const std::size_t checked = std::min<std::size_t>(stories.size(), 12); // the naive encoder is O(n²)
        for (std::size_t i = 0; i < stories.size(); ++i) {
            const auto ids = tokenizer->encode(stories[i], true);
            if (i < checked)
                QCOMPARE(ids, naiveLlama2cEncode(*tokenizer, stories[i], true));
            QCOMPARE(tokenizer->decode(ids), stories[i]);
            for (const auto id : ids)
                QVERIFY(id >= 0 && id < vocabulary);
            tokens += ids.size();
        }
        QVERIFY(tokens > stories.size() * 20);
    }

    // 20,000+ tokens in one piece of text: the priority-queue merge keeps this well under a second.
    void longText()
    {
        const QString path = sharedData("models/stories260K/tok512.bin");
        const auto stories = readStories(sharedData("text/tinystories-valid-head.txt"));
        if (!QFileInfo::exists(path) || stories.empty())
            QSKIP("shared data not present");
        std::string text;
        while (text.size() < 100000)
            for (const auto& story : stories)
                text += story + "\n";
        const auto tokenizer = loadTokenizer(path.toStdString(), 512);
        QElapsedTimer timer;
        timer.start();
        const auto ids = tokenizer->encode(text, true);
        const auto elapsed = timer.elapsed();
        QVERIFY2(ids.size() > 20000, std::to_string(ids.size()).c_str());
        QVERIFY2(elapsed < 5000, qPrintable(QStringLiteral("%1 ms for %2 tokens").arg(elapsed).arg(ids.size())));
        QCOMPARE(tokenizer->decode(ids), text);
        qInfo("%zu characters, %zu tokens encoded in %lld ms", text.size(), ids.size(), qint64(elapsed));
    }

    void smallVocabulary_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<std::vector<std::int32_t>>("expected");
        const std::int32_t space = 259, a = 260, b = 261, ab = 262, spaceAb = 263, eAcute = 264;
        QTest::addRow("merges up to ' ab'") << QStringLiteral("ab") << std::vector<std::int32_t>{1, spaceAb};
        QTest::addRow("leftmost pair on equal scores")
            << QStringLiteral("abab") << std::vector<std::int32_t>{1, spaceAb, ab};
        QTest::addRow("no merge") << QStringLiteral("ba") << std::vector<std::int32_t>{1, space, b, a};
        QTest::addRow("two-byte code point in vocabulary")
            << QStringLiteral("\u00e9") << std::vector<std::int32_t>{1, space, eAcute};
        QTest::addRow("unknown code point as bytes + 3")
            << QStringLiteral("\u20ac") << std::vector<std::int32_t>{1, space, 0xE2 + 3, 0x82 + 3, 0xAC + 3};
        QTest::addRow("newline as a byte token")
            << QStringLiteral("a\nb") << std::vector<std::int32_t>{1, space, a, 0x0A + 3, b};
    }

    void smallVocabulary()
    {
        QFETCH(QString, text);
        QFETCH(std::vector<std::int32_t>, expected);
        const QString path = m_dir.filePath(QStringLiteral("small.bin"));
        writeBytes(path, tokenizerBinBytes(::smallVocabulary()));
        const auto tokenizer = loadTokenizer(path.toStdString(), 265);
        const auto ids = tokenizer->encode(text.toStdString(), true);
        QCOMPARE(ids, expected);
        QCOMPARE(ids, naiveLlama2cEncode(*tokenizer, text.toStdString(), true));
        QCOMPARE(tokenizer->decode(ids), text.toStdString());
        QCOMPARE(tokenizer->tokenType(1), TokenType::Control);
        QCOMPARE(tokenizer->tokenType(3 + 0x41), TokenType::Byte);
        QCOMPARE(tokenizer->tokenType(260), TokenType::Normal);
        QCOMPARE(tokenizer->decodeToken(1, 263), std::string("ab")); // leading space dropped after BOS
        QCOMPARE(tokenizer->decodeToken(260, 263), std::string(" ab"));
        QCOMPARE(tokenizer->decodeToken(260, 99999), std::string());
        QCOMPARE(tokenizer->piece(-1), std::string());
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("vocabulary");
        QTest::addColumn<QString>("message");
        const auto entries = ::smallVocabulary();
        const QByteArray valid = tokenizerBinBytes(entries);
        const auto withInt = [&](qint64 offset, qint32 value) {
            QByteArray bytes = valid;
            std::memcpy(bytes.data() + offset, &value, 4);
            return bytes;
        };
        const qint64 token7 = offsetOfToken(entries, 7);
        QTest::addRow("empty file") << QByteArray() << 0 << "too short";
        QTest::addRow("three bytes") << QByteArray("\x05\x00\x00", 3) << 0 << "too short";
        QTest::addRow("max_token_length 0") << withInt(0, 0) << 0 << "max_token_length 0";
        QTest::addRow("negative max_token_length") << withInt(0, -7) << 0 << "max_token_length -7";
        QTest::addRow("absurd max_token_length") << withInt(0, 1 << 30) << 0 << "max_token_length 1073741824";
        QTest::addRow("negative length") << withInt(token7 + 4, -1) << 0 << "token 7: negative length -1";
        QTest::addRow("length above max_token_length")
            << withInt(token7 + 4, 100) << 0 << "token 7: length 100 exceeds the header's max_token_length";
        QTest::addRow("length INT32_MAX") << withInt(token7 + 4, INT32_MAX) << 0 << "token 7: length 2147483647";
        QTest::addRow("length past the end")
            << valid.left(valid.size() - 1) << 0 << "token 264: length 2 runs past the end";
        QTest::addRow("truncated in a score") << valid.left(token7 + 3) << 0 << "token 7: truncated";
        QTest::addRow("fewer tokens than the model")
            << valid << 300 << "holds 265 tokens, the model's vocabulary has 300";
        QTest::addRow("more tokens than the model") << valid << 264 << "bytes after token 263";
        QTest::addRow("too few for byte fallback") << valid.left(token7) << 0 << "holds 7 tokens";
        QTest::addRow("negative vocabulary asked") << valid << -5 << "negative vocabulary size";
        QTest::addRow("a random 64-byte file") << QByteArray(64, '\x7f') << 0 << "max_token_length 2139062143";
    }

    void malformed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, vocabulary);
        QFETCH(QString, message);
        const QString path = m_dir.filePath(QStringLiteral("malformed.bin"));
        writeBytes(path, bytes);
        try {
            const auto tokenizer = loadTokenizer(path.toStdString(), vocabulary);
            QFAIL("accepted");
        } catch (const CheckpointError& error) {
            const QString what = QString::fromUtf8(error.what());
            QVERIFY2(what.contains(message), qPrintable(what));
            QVERIFY2(what.startsWith(path), qPrintable(what));
        }
    }

    void findForCheckpoint_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("vocabulary");
        QTest::addColumn<QString>("description");
        QTest::addRow("llama2.c with tok512.bin")
            << "models/stories260K/stories260K.bin" << 512 << "llama2.c tokenizer.bin";
        QTest::addRow("llama2.c with tokenizer.bin")
            << "models/lab-tinystories-llama2c/lab-tinystories.bin" << 2048 << "llama2.c tokenizer.bin";
        QTest::addRow("HF folder with tokenizer.bin") << "models/stories260K-hf-f32" << 512 << "llama2.c tokenizer.bin";
    }

    void findForCheckpoint()
    {
        QFETCH(QString, model);
        QFETCH(int, vocabulary);
        QFETCH(QString, description);
        const QString path = sharedData(model.toUtf8().constData());
        if (!QFileInfo::exists(path))
            QSKIP("shared model not present");
        const auto checkpoint = openCheckpoint(path.toStdString());
        std::string whyNot;
        const auto tokenizer = findTokenizerFor(*checkpoint, &whyNot);
        QVERIFY2(tokenizer, whyNot.c_str());
        QCOMPARE(tokenizer->vocabularySize(), vocabulary);
        QCOMPARE(QString::fromStdString(tokenizer->description()), description);
        QCOMPARE(tokenizer->decode(tokenizer->encode("Once upon a time", true)), std::string("Once upon a time"));
    }

    void noTokenizer()
    {
        const QString folder = m_dir.filePath(QStringLiteral("alone"));
        QVERIFY(QDir().mkpath(folder));
        const QString source = sharedData("models/stories260K/stories260K.bin");
        if (!QFileInfo::exists(source))
            QSKIP("shared model not present");
        QVERIFY(QFile::copy(source, folder + QStringLiteral("/model.bin")));
        const auto checkpoint = openCheckpoint(QString(folder + QStringLiteral("/model.bin")).toStdString());
        std::string whyNot;
        QVERIFY(!findTokenizerFor(*checkpoint, &whyNot));
        QVERIFY2(whyNot.find("tokenizer.bin") != std::string::npos, whyNot.c_str());
    }
};

QTEST_GUILESS_MAIN(TestTokenizer)
#include "tst_tokenizer.moc"
