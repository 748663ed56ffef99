// The GGUF tokenizer.ggml.* vocabulary: the shared GGUF files must give exactly the ids of the
// llama2.c tokenizer.bin of the same model on the shared stories; small files written here check
// byte fallback, unsupported tokenizer models and malformed keys.
#include "../io/GgufFixture.h"
#include "TokenizerTestData.h"
#include "io/Checkpoint.h"
#include "io/CheckpointError.h"
#include "io/GgufCheckpoint.h"
#include "model/GgufTokenizer.h"
#include "model/Tokenizer.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace complab;
using namespace complab::test;

Q_DECLARE_METATYPE(std::vector<std::int32_t>)

namespace {

const QByteArray metaSpace = QByteArrayLiteral("\xE2\x96\x81");

struct VocabularyKeys
{
    QByteArray model = "llama";
    std::vector<QByteArray> tokens;
    std::vector<float> scores;
    std::vector<std::int32_t> types;
    std::int64_t scoreCount = -1; // override the declared scores length
    std::int32_t bos = 1;
};

// <unk>, <s>, </s>, the 256 byte pieces, then ▁, a, b, ab, ▁ab (scores as in the llama2.c test).
VocabularyKeys smallVocabulary()
{
    VocabularyKeys keys;
    keys.tokens = {"<unk>", "<s>", "</s>"};
    keys.types = {2, 3, 3};
    char name[8];
    for (int byte = 0; byte < 256; ++byte) {
        std::snprintf(name, sizeof name, "<0x%02X>", byte);
        keys.tokens.emplace_back(name);
        keys.types.push_back(6);
    }
    keys.scores.assign(keys.tokens.size(), 0.0f);
    const std::vector<std::pair<QByteArray, float>> text
        = {{metaSpace, -1.0f}, {"a", -2.0f}, {"b", -3.0f}, {"ab", -4.0f}, {metaSpace + "ab", -5.0f}};
    for (const auto& [piece, score] : text) {
        keys.tokens.push_back(piece);
        keys.scores.push_back(score);
        keys.types.push_back(1);
    }
    return keys;
}

QByteArray ggufBytes(const VocabularyKeys& keys)
{
    using B = GgufBuilder;
    GgufBuilder builder;
    builder.keyValue("general.architecture", 8, B::str("llama"));
    builder.keyValue("tokenizer.ggml.model", 8, B::str(keys.model));
    QByteArray tokens = B::le<std::uint32_t>(8) + B::le<std::uint64_t>(keys.tokens.size());
    for (const auto& token : keys.tokens)
        tokens += B::str(token);
    builder.keyValue("tokenizer.ggml.tokens", 9, tokens);
    const std::uint64_t scoreCount = keys.scoreCount >= 0 ? std::uint64_t(keys.scoreCount) : keys.scores.size();
    QByteArray scores = B::le<std::uint32_t>(6) + B::le<std::uint64_t>(scoreCount);
    for (std::uint64_t i = 0; i < scoreCount; ++i)
        scores += B::le<float>(i < keys.scores.size() ? keys.scores[i] : 0.0f);
    builder.keyValue("tokenizer.ggml.scores", 9, scores);
    QByteArray types = B::le<std::uint32_t>(5) + B::le<std::uint64_t>(keys.types.size());
    for (const auto type : keys.types)
        types += B::le<std::int32_t>(type);
    builder.keyValue("tokenizer.ggml.token_type", 9, types);
    builder.keyValue("tokenizer.ggml.bos_token_id", 4, B::le<std::uint32_t>(std::uint32_t(keys.bos)));
    builder.keyValue("tokenizer.ggml.eos_token_id", 4, B::le<std::uint32_t>(2));
    return builder.build();
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

} // namespace

class TestTokenizerGguf : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void agreesWithTokenizerBin_data()
    {
        QTest::addColumn<QString>("gguf");
        QTest::addColumn<QString>("tokenizerBin");
        QTest::addColumn<QString>("textFile");
        QTest::addColumn<int>("vocabulary");
        QTest::addRow("stories260K f32") << "models/stories260K-gguf/stories260K-f32.gguf"
                                         << "models/stories260K/tok512.bin"
                                         << "text/tinystories-valid-head.txt" << 512;
        QTest::addRow("stories260K q4_0") << "models/stories260K-gguf/stories260K-q4_0.gguf"
                                          << "models/stories260K/tok512.bin"
                                          << "text/tinystories-valid-head.txt" << 512;
        QTest::addRow("lab-tinystories f32") << "models/lab-tinystories-gguf/lab-tinystories-f32.gguf"
                                             << "models/lab-tinystories-llama2c/tokenizer.bin"
                                             << "text/lab-tinystories-heldout.txt" << 2048;
        QTest::addRow("lab-tinystories q4_k") << "models/lab-tinystories-gguf/lab-tinystories-q4_k.gguf"
                                              << "models/lab-tinystories-llama2c/tokenizer.bin"
                                              << "text/lab-tinystories-heldout.txt" << 2048;
    }

    // Every story of the text (not only the protocol's 20 or 50): identical ids, and the text back.
    void agreesWithTokenizerBin()
    {
        QFETCH(QString, gguf);
        QFETCH(QString, tokenizerBin);
        QFETCH(QString, textFile);
        QFETCH(int, vocabulary);
        const auto stories = readStories(sharedData(textFile.toUtf8().constData()));
        const QString ggufPath = sharedData(gguf.toUtf8().constData());
        if (stories.empty() || !QFileInfo::exists(ggufPath))
            QSKIP("shared data not present");
        const auto checkpoint = openCheckpoint(ggufPath.toStdString());
        std::string whyNot;
        const auto tokenizer = findTokenizerFor(*checkpoint, &whyNot);
        QVERIFY2(tokenizer, whyNot.c_str());
        QCOMPARE(tokenizer->description(), std::string("GGUF tokenizer.ggml (llama)"));
        QCOMPARE(tokenizer->vocabularySize(), vocabulary);
        QCOMPARE(tokenizer->bosId(), 1);
        QCOMPARE(tokenizer->eosId(), 2);
        const auto reference = loadTokenizer(sharedData(tokenizerBin.toUtf8().constData()).toStdString(), vocabulary);
        std::size_t tokens = 0;
        for (const auto& story : stories) {
            const auto ids = tokenizer->encode(story, true);
            QCOMPARE(ids, reference->encode(story, true));
            QCOMPARE(tokenizer->decode(ids), story);
            tokens += ids.size();
        }
        qInfo("%zu stories, %zu tokens: identical ids", stories.size(), tokens);
        // The same file through loadTokenizer (content sniffing).
        QCOMPARE(loadTokenizer(ggufPath.toStdString())->encode(stories.front(), true),
            reference->encode(stories.front(), true));
    }

    void smallVocabulary_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<std::vector<std::int32_t>>("expected");
        const std::int32_t space = 259, a = 260, b = 261, ab = 262, spaceAb = 263;
        QTest::addRow("merges up to '▁ab'") << QStringLiteral("ab") << std::vector<std::int32_t>{1, spaceAb};
        QTest::addRow("leftmost pair on ties") << QStringLiteral("abab") << std::vector<std::int32_t>{1, spaceAb, ab};
        QTest::addRow("no merge") << QStringLiteral("ba") << std::vector<std::int32_t>{1, space, b, a};
        QTest::addRow("unknown code point as byte pieces")
            << QStringLiteral("\u20ac") << std::vector<std::int32_t>{1, space, 0xE2 + 3, 0x82 + 3, 0xAC + 3};
        QTest::addRow("space inside") << QStringLiteral("a ab") << std::vector<std::int32_t>{1, space, a, spaceAb};
        QTest::addRow("literal <s> is text, not BOS")
            << QStringLiteral("<s>") << std::vector<std::int32_t>{1, space, '<' + 3, 's' + 3, '>' + 3};
    }

    void smallVocabulary()
    {
        QFETCH(QString, text);
        QFETCH(std::vector<std::int32_t>, expected);
        const QString path = m_dir.filePath(QStringLiteral("small.gguf"));
        writeBytes(path, ggufBytes(::smallVocabulary()));
        const auto tokenizer = loadTokenizer(path.toStdString());
        QCOMPARE(tokenizer->encode(text.toStdString(), true), expected);
        QCOMPARE(tokenizer->decode(expected), text.toStdString());
        QCOMPARE(tokenizer->tokenType(1), TokenType::Control);
        QCOMPARE(tokenizer->tokenType(3), TokenType::Byte);
        QCOMPARE(tokenizer->piece(263), QByteArray(metaSpace + "ab").toStdString());
    }

    void rejected_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("throws");
        QTest::addColumn<QString>("message");
        auto gpt2 = ::smallVocabulary();
        gpt2.model = "gpt2";
        QTest::addRow("gpt2 model") << ggufBytes(gpt2) << false << "'gpt2' is not supported";
        GgufBuilder bare;
        bare.keyValue("general.architecture", 8, GgufBuilder::str("llama"));
        QTest::addRow("no tokenizer keys") << bare.build() << false << "no tokenizer.ggml.model";
        auto shortScores = ::smallVocabulary();
        shortScores.scoreCount = 10;
        QTest::addRow("scores shorter than tokens")
            << ggufBytes(shortScores) << true << "holds 10 values for 264 tokens";
        auto badType = ::smallVocabulary();
        badType.types[7] = 9;
        QTest::addRow("token type 9") << ggufBytes(badType) << true << "token 7 has type 9";
        auto badBos = ::smallVocabulary();
        badBos.bos = 5000;
        QTest::addRow("BOS id out of range") << ggufBytes(badBos) << true << "bos_token_id";
        auto noTokens = ::smallVocabulary();
        noTokens.tokens.clear();
        noTokens.scores.clear();
        noTokens.types.clear();
        QTest::addRow("empty vocabulary") << ggufBytes(noTokens) << true << "holds 0 tokens";
    }

    void rejected()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, throws);
        QFETCH(QString, message);
        const QString path = m_dir.filePath(QStringLiteral("rejected.gguf"));
        writeBytes(path, bytes);
        const auto checkpoint = openCheckpoint(path.toStdString());
        try {
            std::string whyNot;
            const auto tokenizer = findTokenizerFor(*checkpoint, &whyNot);
            QVERIFY(!throws);
            QVERIFY(!tokenizer);
            QVERIFY2(QString::fromStdString(whyNot).contains(message), whyNot.c_str());
        } catch (const CheckpointError& error) {
            QVERIFY2(throws, error.what());
            QVERIFY2(QString::fromUtf8(error.what()).contains(message), error.what());
            QVERIFY2(QString::fromUtf8(error.what()).startsWith(path), error.what());
        }
        // loadTokenizer on the file always throws, with the same message.
        try {
            loadTokenizer(path.toStdString());
            QFAIL("accepted");
        } catch (const CheckpointError& error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(message), error.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestTokenizerGguf)
#include "tst_tokenizer_gguf.moc"
