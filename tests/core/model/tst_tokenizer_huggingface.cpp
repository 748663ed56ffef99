// Hugging Face tokenizer.json: a Llama-style file written here from the lab model's SentencePiece
// vocabulary (merges ordered by the merged piece's score, as HF's converter does) must give the ids of
// tokenizer.bin and tokenizer.model on the held-out stories; a small GPT-2 byte-level file checks the
// pre-tokenizer split, byte mapping and added tokens; the folder preference order; malformed and
// unsupported files.
#include "TokenizerTestData.h"
#include "io/Checkpoint.h"
#include "io/CheckpointError.h"
#include "model/ByteLevelText.h"
#include "model/HuggingFaceTokenizer.h"
#include "model/SentencePieceTokenizer.h"
#include "model/Tokenizer.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <tuple>

using namespace complab;
using namespace complab::test;
using Json = nlohmann::json;

Q_DECLARE_METATYPE(std::vector<std::int32_t>)
Q_DECLARE_METATYPE(std::vector<std::string>)

namespace {

void writeText(const QString& path, const std::string& text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text.data(), qint64(text.size()));
}

// A tokenizer.json in the shape HF's Llama converter writes, built from a SentencePiece vocabulary.
Json llamaStyleJson(const Tokenizer& sentencePiece)
{
    Json vocab = Json::object();
    std::vector<std::tuple<float, std::int32_t, std::int32_t, std::string, std::string>> merges;
    for (std::int32_t id = 0; id < sentencePiece.vocabularySize(); ++id)
        vocab[sentencePiece.piece(id)] = id;
    for (std::int32_t id = 0; id < sentencePiece.vocabularySize(); ++id) {
        if (sentencePiece.tokenType(id) != TokenType::Normal)
            continue;
        const std::string piece = sentencePiece.piece(id);
        for (std::size_t cut = 1; cut < piece.size(); ++cut) {
            if ((static_cast<unsigned char>(piece[cut]) & 0xC0) == 0x80)
                continue;
            const auto left = sentencePiece.tokenId(piece.substr(0, cut));
            const auto right = sentencePiece.tokenId(piece.substr(cut));
            if (left >= 0 && right >= 0 && sentencePiece.tokenType(left) == TokenType::Normal
                && sentencePiece.tokenType(right) == TokenType::Normal)
                merges.emplace_back(-sentencePiece.score(id), left, right, piece.substr(0, cut), piece.substr(cut));
        }
    }
    std::sort(merges.begin(), merges.end());
    Json mergeList = Json::array();
    for (const auto& merge : merges)
        mergeList.push_back(std::get<3>(merge) + " " + std::get<4>(merge));
    Json added = Json::array();
    for (std::int32_t id = 0; id < 3; ++id)
        added.push_back({{"id", id}, {"content", sentencePiece.piece(id)}, {"special", true}});
    return {{"version", "1.0"}, {"added_tokens", added},
        {"normalizer",
            {{"type", "Sequence"},
                {"normalizers",
                    Json::array({{{"type", "Prepend"}, {"prepend", "\xE2\x96\x81"}},
                        {{"type", "Replace"}, {"pattern", {{"String", " "}}}, {"content", "\xE2\x96\x81"}}})}}},
        {"pre_tokenizer", nullptr},
        {"post_processor",
            {{"type", "TemplateProcessing"},
                {"single",
                    Json::array({{{"SpecialToken", {{"id", "<s>"}, {"type_id", 0}}}},
                        {{"Sequence", {{"id", "A"}, {"type_id", 0}}}}})}}},
        {"model",
            {{"type", "BPE"}, {"unk_token", "<unk>"}, {"byte_fallback", true}, {"fuse_unk", true}, {"vocab", vocab},
                {"merges", mergeList}}}};
}

// GPT-2 style: the 256 byte characters as ids 0..255, then merged pieces, then <|endoftext|>.
Json gpt2StyleJson()
{
    Json vocab = Json::object();
    for (int byte = 0; byte < 256; ++byte)
        vocab[std::string(byteLevelText(static_cast<unsigned char>(byte)))] = byte;
    const std::vector<std::pair<std::string, std::string>> merges
        = {{"h", "e"}, {"\xC4\xA0", "t"}, {"\xC4\xA0t", "he"}, {"l", "l"}, {"he", "ll"}, {"hell", "o"}};
    Json mergeList = Json::array();
    int next = 256;
    for (const auto& [left, right] : merges) {
        vocab[left + right] = next++;
        mergeList.push_back(Json::array({left, right})); // the newer [a, b] form
    }
    return {{"added_tokens", Json::array({{{"id", next}, {"content", "<|endoftext|>"}, {"special", true}}})},
        {"normalizer", nullptr}, {"pre_tokenizer", {{"type", "ByteLevel"}, {"add_prefix_space", false}}},
        {"model", {{"type", "BPE"}, {"vocab", vocab}, {"merges", mergeList}}}};
}

} // namespace

class TestTokenizerHuggingFace : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    // Llama style over the real 2048-piece vocabulary: no whitespace collapsing, so it matches
    // tokenizer.bin on every story and tokenizer.model on every story without a double space.
    void llamaStyleAgrees()
    {
        const QString folder = sharedData("models/lab-tinystories");
        const auto stories = readStories(sharedData("text/lab-tinystories-heldout.txt"));
        if (stories.empty() || !QFileInfo::exists(folder + QStringLiteral("/tokenizer.model")))
            QSKIP("shared data not present");
        const SentencePieceTokenizer sentencePiece(QString(folder + QStringLiteral("/tokenizer.model")).toStdString());
        const QString path = m_dir.filePath(QStringLiteral("llama-tokenizer.json"));
        writeText(path, llamaStyleJson(sentencePiece).dump());
        const auto json = loadTokenizer(path.toStdString());
        QCOMPARE(json->description(), std::string("Hugging Face tokenizer.json (SentencePiece BPE)"));
        QCOMPARE(json->vocabularySize(), 2048);
        QCOMPARE(json->bosId(), 1);
        QCOMPARE(json->eosId(), 2);
        const auto llama2c = loadTokenizer(QString(folder + QStringLiteral("/tokenizer.bin")).toStdString(), 2048);
        int sameAsBin = 0, sameAsModel = 0;
        std::size_t tokens = 0;
        for (const auto& story : stories) {
            const auto ids = json->encode(story, true);
            tokens += ids.size();
            sameAsBin += ids == llama2c->encode(story, true);
            sameAsModel += ids == sentencePiece.encode(story, true);
            QCOMPARE(json->decode(ids), story);
        }
        qInfo("%zu stories, %zu tokens: %d identical to tokenizer.bin, %d to tokenizer.model", stories.size(), tokens,
            sameAsBin, sameAsModel);
        QCOMPARE(sameAsBin, int(stories.size()));
        QCOMPARE(sameAsModel, int(stories.size()) - 2); // the two stories with a double space
    }

    // findTokenizerFor: tokenizer.model, then tokenizer.json, then tokenizer.bin.
    void folderPreference()
    {
        const QString source = sharedData("models/lab-tinystories");
        if (!QFileInfo::exists(source + QStringLiteral("/tokenizer.model")))
            QSKIP("shared data not present");
        const QString folder = m_dir.filePath(QStringLiteral("folder"));
        QVERIFY(QDir().mkpath(folder));
        for (const char* name : {"model.safetensors", "config.json", "tokenizer.model", "tokenizer.bin"})
            QVERIFY(QFile::copy(source + u'/' + QString::fromLatin1(name), folder + u'/' + QString::fromLatin1(name)));
        const SentencePieceTokenizer sentencePiece(QString(folder + QStringLiteral("/tokenizer.model")).toStdString());
        writeText(folder + QStringLiteral("/tokenizer.json"), llamaStyleJson(sentencePiece).dump());
        const auto checkpoint = openCheckpoint(folder.toStdString());
        QCOMPARE(findTokenizerFor(*checkpoint)->description(), std::string("SentencePiece tokenizer.model (BPE)"));
        QVERIFY(QFile::remove(folder + QStringLiteral("/tokenizer.model")));
        QCOMPARE(findTokenizerFor(*checkpoint)->description(),
            std::string("Hugging Face tokenizer.json (SentencePiece BPE)"));
        QVERIFY(QFile::remove(folder + QStringLiteral("/tokenizer.json")));
        QCOMPARE(findTokenizerFor(*checkpoint)->description(), std::string("llama2.c tokenizer.bin"));
    }

    void gpt2Split_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<std::vector<std::string>>("words");
        QTest::addRow("words and contractions")
            << QStringLiteral("Hello world's end") << std::vector<std::string>{"Hello", " world", "'s", " end"};
        QTest::addRow("numbers and punctuation")
            << QStringLiteral("in 1999, ok!?") << std::vector<std::string>{"in", " 1999", ",", " ok", "!?"};
        QTest::addRow("runs of spaces") << QStringLiteral("a   b  ") << std::vector<std::string>{"a", "  ", " b", "  "};
        QTest::addRow("newlines") << QStringLiteral("a\n\nb") << std::vector<std::string>{"a", "\n", "\n", "b"};
        QTest::addRow("non-ASCII letters") << QStringLiteral("caf\u00e9 \u00fcber")
                                           << std::vector<std::string>{"caf\xC3\xA9",
                                                  " \xC3\xBC"
                                                  "ber"};
        QTest::addRow("'re 've 'll 'd 'm 't")
            << QStringLiteral("we're I've we'll he'd I'm don't")
            << std::vector<std::string>{"we", "'re", " I", "'ve", " we", "'ll", " he", "'d", " I", "'m", " don", "'t"};
    }

    void gpt2Split()
    {
        QFETCH(QString, text);
        QFETCH(std::vector<std::string>, words);
        const std::string utf8 = text.toStdString();
        const auto split = splitGpt2(utf8);
        QCOMPARE(std::vector<std::string>(split.begin(), split.end()), words);
    }

    void gpt2Style_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<std::vector<std::int32_t>>("expected");
        const std::int32_t hello = 261, spaceThe = 258, he = 256, spaceT = 257, endOfText = 262;
        const std::int32_t space = 0x20; // ids are byte values here; the piece is "Ġ" (U+0120)
        QTest::addRow("merges by rank") << QStringLiteral("hello the") << std::vector<std::int32_t>{hello, spaceThe};
        QTest::addRow("merge into a word-initial piece")
            << QStringLiteral(" th") << std::vector<std::int32_t>{spaceT, 'h'};
        QTest::addRow("partial") << QStringLiteral("hex") << std::vector<std::int32_t>{he, 'x'};
        QTest::addRow("double space") << QStringLiteral("a  b") << std::vector<std::int32_t>{'a', space, space, 'b'};
        QTest::addRow("bytes of a euro sign")
            << QStringLiteral("\u20ac") << std::vector<std::int32_t>{0xE2, 0x82, 0xAC};
        QTest::addRow("added token cut out first")
            << QStringLiteral("hello<|endoftext|>hello") << std::vector<std::int32_t>{hello, endOfText, hello};
    }

    void gpt2Style()
    {
        QFETCH(QString, text);
        QFETCH(std::vector<std::int32_t>, expected);
        const QString path = m_dir.filePath(QStringLiteral("gpt2-tokenizer.json"));
        writeText(path, gpt2StyleJson().dump(1));
        const auto tokenizer = loadTokenizer(path.toStdString());
        QCOMPARE(tokenizer->description(), std::string("Hugging Face tokenizer.json (byte-level BPE)"));
        QCOMPARE(tokenizer->vocabularySize(), 263);
        QCOMPARE(tokenizer->eosId(), 262);
        QCOMPARE(tokenizer->encode(text.toStdString(), false), expected);
        const std::string plain = QString(text).remove(QStringLiteral("<|endoftext|>")).toStdString();
        QCOMPARE(tokenizer->decode(expected), plain);
    }

    void rejected_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<bool>("unsupported");
        QTest::addColumn<QString>("message");
        const Json base = gpt2StyleJson();
        const auto with = [&](const Json::json_pointer& pointer, const Json& value) {
            Json changed = base;
            changed[pointer] = value;
            return QString::fromStdString(changed.dump());
        };
        using P = Json::json_pointer;
        QTest::addRow("not JSON") << "{\"model\": " << false << "tokenizer.json: [json.exception.parse_error";
        QTest::addRow("no model") << "{\"version\": \"1.0\"}" << false << "no \"model\" object";
        QTest::addRow("vocab not an object")
            << with(P("/model/vocab"), Json::array()) << false << "model.vocab is not an object";
        QTest::addRow("negative id") << with(P("/model/vocab/a"), -4) << false << "id -4 is not below";
        QTest::addRow("huge id") << with(P("/model/vocab/a"), 2000000000) << false
                                 << "id 2000000000 is not below the 263";
        QTest::addRow("merge of a missing piece") << with(P("/model/merges/0"), Json::array({"h", "zz"})) << false
                                                  << "merge 0 (\"h\", \"zz\") names a piece missing";
        QTest::addRow("merge with three parts")
            << with(P("/model/merges/1"), "a b c") << false << "merge 1 \"a b c\" is not two pieces";
        QTest::addRow("merge of the wrong type") << with(P("/model/merges/2"), 7) << false << "merge 2 is neither";
        QTest::addRow("added token without content")
            << with(P("/added_tokens/0/content"), nullptr) << false << "lacks id or content";
        QTest::addRow("WordPiece") << with(P("/model/type"), "WordPiece") << true << "model type 'WordPiece'";
        QTest::addRow("Unigram") << with(P("/model/type"), "Unigram") << true << "model type 'Unigram'";
        QTest::addRow("NFKC normalizer") << with(P("/normalizer"), {{"type", "NFKC"}}) << true << "normalizer 'NFKC'";
        QTest::addRow("Llama 3 pre-tokenizers") << with(P("/pre_tokenizer"),
            {{"type", "Sequence"}, {"pretokenizers", Json::array({{{"type", "Split"}}, {{"type", "ByteLevel"}}})}})
                                                << true << "a sequence of pre-tokenizers";
        QTest::addRow("subword prefix") << with(P("/model/continuing_subword_prefix"), "##") << true
                                        << "continuing_subword_prefix";
    }

    void rejected()
    {
        QFETCH(QString, json);
        QFETCH(bool, unsupported);
        QFETCH(QString, message);
        const QString path = m_dir.filePath(QStringLiteral("rejected.json"));
        writeText(path, json.toStdString());
        try {
            loadTokenizer(path.toStdString());
            QFAIL("accepted");
        } catch (const UnsupportedTokenizerError& error) {
            QVERIFY2(unsupported, error.what());
            QVERIFY2(QString::fromUtf8(error.what()).contains(message), error.what());
        } catch (const CheckpointError& error) {
            QVERIFY2(!unsupported, error.what());
            QVERIFY2(QString::fromUtf8(error.what()).contains(message), error.what());
            QVERIFY2(QString::fromUtf8(error.what()).startsWith(path), error.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestTokenizerHuggingFace)
#include "tst_tokenizer_huggingface.moc"
