// `compression-lab-cli recipe`, `apply` and `commands`: a recipe made by the CLI, applied by the CLI,
// gives the same bytes as the library's pipeline (what the GUI runs) and on every run; the input is
// never modified; bad recipes and impossible requests fail with the documented exit codes.
#include "CliRunner.h"
#include "io/Checkpoint.h"
#include "recipe/Pipeline.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace complab;
using complab::test::runCli;

namespace {

const QString modelDir = QStringLiteral(COMPLAB_SHARED_DATA_DIR "/models/lab-tinystories");

QByteArray sha256(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

void writeText(const QString& path, const QByteArray& text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

} // namespace

class TestCliRecipe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        if (!QFile::exists(modelDir + QStringLiteral("/model.safetensors")))
            QSKIP("shared data not present");
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QStringList>("extra");
        QTest::addRow("gguf") << "out.gguf" << QStringList{};
        QTest::addRow("safetensors f16") << "out.safetensors"
                                         << QStringList{QStringLiteral("--dtype"), QStringLiteral("f16")};
    }
    void roundTrip()
    {
        QFETCH(QString, output);
        QFETCH(QStringList, extra);
        QTemporaryDir dir;
        const auto recipePath = dir.filePath(QStringLiteral("r.json"));
        const auto inputBefore = sha256(modelDir + QStringLiteral("/model.safetensors"));
        auto made = runCli({QStringLiteral("recipe"), modelDir, QStringLiteral("--scheme"), QStringLiteral("q4_k"),
            QStringLiteral("--rule"), QStringLiteral("*.attn_v.weight=q6_k"), QStringLiteral("--regex-rule"),
            QStringLiteral("embed=q8_0"), QStringLiteral("--save"), recipePath});
        QCOMPARE(made.exitCode, 0);
        const auto first = dir.filePath(QStringLiteral("1-") + output);
        const auto second = dir.filePath(QStringLiteral("2-") + output);
        for (const auto& target : {first, second}) {
            const auto applied = runCli(QStringList{QStringLiteral("apply"), modelDir, QStringLiteral("--recipe"),
                                            recipePath, QStringLiteral("--out"), target, QStringLiteral("--json")}
                + extra);
            QCOMPARE(applied.exitCode, 0);
            const auto json = QJsonDocument::fromJson(applied.out).object();
            QCOMPARE(json[QStringLiteral("output_sha256")].toString().toLatin1(), sha256(target));
            QCOMPARE(json[QStringLiteral("tensors")].toArray().size(), 38);
        }
        QCOMPARE(sha256(first), sha256(second));
        // The library's pipeline, which the GUI's Run calls, writes the very same bytes.
        const auto library = dir.filePath(QStringLiteral("lib-") + output);
        PipelineOptions options{library.toStdString(), extra.isEmpty() ? DenseType::Original : DenseType::F16};
        Pipeline pipeline(openCheckpoint(modelDir.toStdString()), Recipe::load(recipePath.toStdString()), options);
        Progress progress;
        pipeline.run(progress, {});
        QCOMPARE(sha256(library), sha256(first));
        QCOMPARE(sha256(modelDir + QStringLiteral("/model.safetensors")), inputBefore);
        // No temporary file is left beside the outputs.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 4);
    }

    void failures_data()
    {
        QTest::addColumn<QByteArray>("recipe");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("message");
        QTest::addRow("unknown key") << QByteArray(
            R"({"format":"compression-lab-recipe","version":1,"qantization":{}})")
                                     << QStringList{} << 2 << QByteArray("r.json: \"qantization\": unknown key");
        QTest::addRow("newer version") << QByteArray(R"({"format":"compression-lab-recipe","version":7})")
                                       << QStringList{} << 2 << QByteArray("\"version\": 7 is newer");
        QTest::addRow("sparsegpt without calibration")
            << QByteArray(
                   R"({"format":"compression-lab-recipe","version":1,"pruning":{"method":"sparsegpt","fraction":0.3}})")
            << QStringList{} << 1 << QByteArray("pruning.method sparsegpt needs the recipe's \"calibration\" text");
        QTest::addRow("int4 to gguf") << QByteArray(
            R"({"format":"compression-lab-recipe","version":1,"quantization":{"scheme":"int4"}})")
                                      << QStringList{} << 1 << QByteArray("has no GGUF type");
        QTest::addRow("other model") << QByteArray(
            R"({"format":"compression-lab-recipe","version":1,"source":{"path":"x","size_bytes":5}})")
                                     << QStringList{} << 1 << QByteArray("pass --ignore-source");
        QTest::addRow("other model, ignored") << QByteArray(
            R"({"format":"compression-lab-recipe","version":1,"source":{"path":"x","size_bytes":5},"quantization":{"scheme":"q8_0"}})")
                                              << QStringList{QStringLiteral("--ignore-source")} << 0 << QByteArray();
    }
    void failures()
    {
        QFETCH(QByteArray, recipe);
        QFETCH(QStringList, extra);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, message);
        QTemporaryDir dir;
        const auto recipePath = dir.filePath(QStringLiteral("r.json"));
        writeText(recipePath, recipe);
        const auto output = dir.filePath(QStringLiteral("out.gguf"));
        const auto result = runCli(QStringList{QStringLiteral("apply"), modelDir, QStringLiteral("--recipe"),
                                       recipePath, QStringLiteral("--out"), output}
            + extra);
        QCOMPARE(result.exitCode, exitCode);
        QVERIFY2(result.err.contains(message), result.err.constData());
        QCOMPARE(QFile::exists(output), exitCode == 0);
    }

    void recipeCommandRefuses_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("message");
        QTest::addRow("unknown scheme") << QStringList{QStringLiteral("--scheme"), QStringLiteral("q9_k")} << 1
                                        << QByteArray("\"quantization.scheme\": unknown scheme \"q9_k\"");
        QTest::addRow("bad rule") << QStringList{QStringLiteral("--scheme"), QStringLiteral("q4_k"),
            QStringLiteral("--rule"), QStringLiteral("attn_v")}
                                  << 1 << QByteArray("expected PATTERN=SCHEME");
        QTest::addRow("bad prune") << QStringList{QStringLiteral("--scheme"), QStringLiteral("q4_k"),
            QStringLiteral("--prune"), QStringLiteral("magnitude:lots")}
                                   << 1 << QByteArray("is not a fraction");
        QTest::addRow("bad pattern") << QStringList{QStringLiteral("--scheme"), QStringLiteral("q4_k"),
            QStringLiteral("--prune"), QStringLiteral("magnitude:0.5:4:2")}
                                     << 1 << QByteArray("\"pruning.pattern\"");
    }
    void recipeCommandRefuses()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, message);
        QTemporaryDir dir;
        const auto result = runCli(QStringList{QStringLiteral("recipe"), modelDir} + arguments
            + QStringList{QStringLiteral("--save"), dir.filePath(QStringLiteral("r.json"))});
        QCOMPARE(result.exitCode, exitCode);
        QVERIFY2(result.err.contains(message), result.err.constData());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("r.json"))));
    }

    void commands()
    {
        QTemporaryDir dir;
        const auto recipePath = dir.filePath(QStringLiteral("r.json"));
        QCOMPARE(
            runCli({QStringLiteral("recipe"), modelDir, QStringLiteral("--scheme"), QStringLiteral("q4_k"),
                       QStringLiteral("--rule"), QStringLiteral("model.layers.*.mlp.down_proj.weight=q6_k"),
                       QStringLiteral("--prune"), QStringLiteral("sparsegpt:0.5:2:4"), QStringLiteral("--calibration"),
                       QStringLiteral(COMPLAB_SHARED_DATA_DIR "/text/tinystories-train-sample.txt"),
                       QStringLiteral("--save"), recipePath})
                .exitCode,
            0);
        const auto result = runCli({QStringLiteral("commands"), recipePath});
        QCOMPARE(result.exitCode, 0);
        const auto& out = result.out;
        QVERIFY2(out.contains("llama-imatrix -m model-f32.gguf -f"), out.constData());
        QVERIFY(out.contains("llama-quantize --imatrix imatrix.dat"));
        QVERIFY(out.contains("--tensor-type '^blk\\..*\\.ffn_down\\.weight$=q6_k'")); // HF glob -> llama.cpp regex
        QVERIFY(out.contains("model-f32.gguf model-out.gguf Q4_K_S"));
        QVERIFY(out.contains("Pruning (sparsegpt, 2:4) does not translate"));
        QVERIFY(out.contains("SparseGPTModifier:\n      sparsity: 0.5\n      mask_structure: \"2:4\""));
        QVERIFY(out.contains("GPTQModifier:"));
        QVERIFY(out.contains("targets: [\"re:^model\\.layers\\..*\\.mlp\\.down_proj$\"]"));
        const auto missing = runCli({QStringLiteral("commands"), dir.filePath(QStringLiteral("none.json"))});
        QCOMPARE(missing.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliRecipe)
#include "tst_cli_recipe.moc"
