// `compression-lab-cli quantize` and `quant-error`: quantising ggml's own F32 GGUF to Q4_K / Q8_0 /
// Q6_K reproduces the tensors of ggml's quantised files byte for byte; schemes without a GGUF type
// go to safetensors as simulated quantisation; bad requests fail with the documented exit codes.
#include "CliRunner.h"
#include "calib/CalibrationCapture.h"
#include "io/Checkpoint.h"
#include "io/SafetensorsWriter.h"
#include "recipe/Progress.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <map>
#include <utility>
#include <vector>

using namespace complab;
using complab::test::runCli;

namespace {

const QString ggufDir = QStringLiteral(COMPLAB_SHARED_DATA_DIR "/models/lab-tinystories-gguf/");

} // namespace

class TestCliQuantize : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matchesGgmlByteForByte_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<QString>("reference");
        QTest::addRow("q4_k") << "q4_k"
                              << "lab-tinystories-q4_k.gguf";
        QTest::addRow("q6_k") << "q6_k"
                              << "lab-tinystories-q6_k.gguf";
        QTest::addRow("q8_0") << "q8_0"
                              << "lab-tinystories-q8_0.gguf";
    }

    void matchesGgmlByteForByte()
    {
        QFETCH(QString, scheme);
        QFETCH(QString, reference);
        QTemporaryDir dir;
        const QString output = dir.filePath(QStringLiteral("out.gguf"));
        const auto result = runCli({QStringLiteral("quantize"), ggufDir + QStringLiteral("lab-tinystories-f32.gguf"),
            QStringLiteral("--scheme"), scheme, QStringLiteral("--out"), output});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("29 of 38 tensors quantised"));
        const auto ours = openCheckpoint(output.toStdString());
        const auto ggml = openCheckpoint(QString(ggufDir + reference).toStdString());
        QCOMPARE(ours->tensors().size(), ggml->tensors().size());
        for (std::size_t i = 0; i < ggml->tensors().size(); ++i) {
            const auto& name = ggml->tensors()[i].name;
            const auto index = ours->indexOf(name);
            QVERIFY(index);
            QCOMPARE(ours->tensors()[*index].dtype, ggml->tensors()[i].dtype);
            const auto a = ours->tensor(*index).bytes();
            const auto b = ggml->tensor(i).bytes();
            QVERIFY2(std::equal(a.begin(), a.end(), b.begin(), b.end()), name.c_str());
        }
        QCOMPARE(ours->metadata().at("general.architecture"), std::string("llama"));
    }

    void simulatedQuantisationToSafetensors()
    {
        QTemporaryDir dir;
        const QString output = dir.filePath(QStringLiteral("int4.safetensors"));
        const auto result = runCli({QStringLiteral("quantize"), QStringLiteral(COMPLAB_SAMPLE_DIR),
            QStringLiteral("--scheme"), QStringLiteral("int4"), QStringLiteral("--group-size"), QStringLiteral("64"),
            QStringLiteral("--tensor"), QStringLiteral("mlp"), QStringLiteral("--out"), output,
            QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const auto root = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(root.value(QStringLiteral("scheme")).toString(), QStringLiteral("int4 g64"));
        int quantised = 0;
        for (const auto& value : root.value(QStringLiteral("tensors")).toArray()) {
            const auto tensor = value.toObject();
            const bool isMlp = tensor.value(QStringLiteral("name")).toString().contains(QStringLiteral("mlp"));
            QCOMPARE(tensor.value(QStringLiteral("quantised")).toBool(), isMlp);
            if (isMlp) {
                ++quantised;
                QCOMPARE(tensor.value(QStringLiteral("bits_per_weight")).toDouble(), 4.25);
                QVERIFY(tensor.value(QStringLiteral("sqnr_db")).toDouble() > 15);
            }
        }
        QCOMPARE(quantised, 12);
        const auto written = openCheckpoint(output.toStdString());
        QCOMPARE(written->tensors().size(), std::size_t(38));
        QVERIFY(written->metadata().at("complab.quantization").find("simulated") != std::string::npos);
    }

    void refusals()
    {
        QTemporaryDir dir;
        // No GGUF type for int4; unknown scheme; bad regex: usage errors (1).
        QCOMPARE(runCli({QStringLiteral("quantize"), QStringLiteral(COMPLAB_SAMPLE_DIR), QStringLiteral("--scheme"),
                            QStringLiteral("int4"), QStringLiteral("--out"), dir.filePath(QStringLiteral("x.gguf"))})
                     .exitCode,
            1);
        QCOMPARE(runCli({QStringLiteral("quantize"), QStringLiteral(COMPLAB_SAMPLE_DIR), QStringLiteral("--scheme"),
                            QStringLiteral("q9_k"), QStringLiteral("--out"), dir.filePath(QStringLiteral("x.gguf"))})
                     .exitCode,
            1);
        QCOMPARE(runCli({QStringLiteral("quantize"), QStringLiteral(COMPLAB_SAMPLE_DIR), QStringLiteral("--scheme"),
                            QStringLiteral("q8_0"), QStringLiteral("--tensor"), QStringLiteral("(("),
                            QStringLiteral("--out"), dir.filePath(QStringLiteral("x.gguf"))})
                     .exitCode,
            1);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.gguf"))));
        // A tensor holding NaN is refused, never written (2), and nothing appears at the output path.
        const QString nanFile = dir.filePath(QStringLiteral("nan.safetensors"));
        {
            SafetensorsWriter writer;
            writer.addTensor("w", DType::F32, {2, 32});
            std::vector<float> values(64, 0.5f);
            values[7] = std::numeric_limits<float>::quiet_NaN();
            Progress progress;
            writer.write(nanFile.toStdString(),
                [&](std::size_t) {
                    const auto bytes = std::as_bytes(std::span(values));
                    return std::vector<std::byte>(bytes.begin(), bytes.end());
                },
                progress, {});
        }
        const auto nan = runCli({QStringLiteral("quantize"), nanFile, QStringLiteral("--scheme"),
            QStringLiteral("q8_0"), QStringLiteral("--out"), dir.filePath(QStringLiteral("nan.gguf"))});
        QCOMPARE(nan.exitCode, 2);
        QVERIFY2(nan.err.contains("tensor 'w' holds 1 NaN"), nan.err.constData());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("nan.gguf"))));
        // Missing input: invalid input (2).
        const auto missing
            = runCli({QStringLiteral("quantize"), dir.filePath(QStringLiteral("none.gguf")), QStringLiteral("--scheme"),
                QStringLiteral("q8_0"), QStringLiteral("--out"), dir.filePath(QStringLiteral("y.gguf"))});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.startsWith("error: "));
    }

    // --method rtn|gptq|awq with --calib on the lab model: every layer weight reports rel_error,
    // sparsity and output_rel_error on the captured inputs; GPTQ's layer-output error is below
    // RTN's overall and AWQ's is never above RTN's on any layer (its α grid includes plain RTN).
    // Measured (int3 g128, 2048 tokens): output error RTN 0.193, GPTQ 0.128, AWQ 0.192.
    void calibratedMethods()
    {
        const QString model = QStringLiteral(COMPLAB_SHARED_DATA_DIR "/models/lab-tinystories");
        const QString text = QStringLiteral(COMPLAB_SHARED_DATA_DIR "/text/tinystories-train-sample.txt");
        QTemporaryDir dir;
        std::map<QString, QJsonObject> reports;
        for (const QString& method : {QStringLiteral("rtn"), QStringLiteral("gptq"), QStringLiteral("awq")}) {
            const auto result = runCli({QStringLiteral("quantize"), model, QStringLiteral("--scheme"),
                QStringLiteral("int3"), QStringLiteral("--method"), method, QStringLiteral("--calib"), text,
                QStringLiteral("--calib-tokens"), QStringLiteral("512"), QStringLiteral("--json"),
                QStringLiteral("--out"), dir.filePath(method + QStringLiteral(".safetensors"))});
            QVERIFY2(result.exitCode == 0, result.err.constData());
            const QJsonObject report = QJsonDocument::fromJson(result.out).object();
            QCOMPARE(report.value(QStringLiteral("calibration_tokens")).toInt(), 512);
            const QJsonArray tensors = report.value(QStringLiteral("tensors")).toArray();
            QCOMPARE(tensors.size(), 38);
            int measured = 0;
            for (const auto& value : tensors) {
                const QJsonObject tensor = value.toObject();
                QVERIFY(tensor.contains(QStringLiteral("name")));
                if (!tensor.contains(QStringLiteral("output_rel_error")))
                    continue;
                ++measured;
                QVERIFY(tensor.value(QStringLiteral("rel_error")).toDouble() > 0.0);
                QVERIFY(tensor.contains(QStringLiteral("sparsity")));
            }
            QCOMPARE(measured, 28);
            reports[method] = report;
        }
        const auto mean = [&](const QString& method) {
            return reports[method].value(QStringLiteral("mean_output_rel_error")).toDouble();
        };
        QVERIFY2(mean(QStringLiteral("gptq")) < 0.8 * mean(QStringLiteral("rtn")),
            qPrintable(
                QStringLiteral("gptq %1, rtn %2").arg(mean(QStringLiteral("gptq"))).arg(mean(QStringLiteral("rtn")))));
        const QJsonArray rtn = reports[QStringLiteral("rtn")].value(QStringLiteral("tensors")).toArray();
        const QJsonArray awq = reports[QStringLiteral("awq")].value(QStringLiteral("tensors")).toArray();
        for (qsizetype i = 0; i < rtn.size(); ++i)
            if (rtn[i].toObject().contains(QStringLiteral("output_rel_error")))
                QVERIFY(awq[i].toObject().value(QStringLiteral("output_rel_error")).toDouble()
                    <= rtn[i].toObject().value(QStringLiteral("output_rel_error")).toDouble() + 1e-9);

        // Refusals name the problem and leave no file.
        const QString out = dir.filePath(QStringLiteral("refused.safetensors"));
        for (const auto& [arguments, message] : std::vector<std::pair<QStringList, QByteArray>>{
                 {{QStringLiteral("--scheme"), QStringLiteral("nf4"), QStringLiteral("--method"),
                      QStringLiteral("gptq"), QStringLiteral("--calib"), text, QStringLiteral("--out"), out},
                     "--method gptq quantises to the intN grids"},
                 {{QStringLiteral("--scheme"), QStringLiteral("int4"), QStringLiteral("--method"),
                      QStringLiteral("awq"), QStringLiteral("--out"), out},
                     "--method awq needs --calib TEXT"},
                 {{QStringLiteral("--scheme"), QStringLiteral("int4"), QStringLiteral("--method"),
                      QStringLiteral("gptq"), QStringLiteral("--calib"), text, QStringLiteral("--out"),
                      dir.filePath(QStringLiteral("x.gguf"))},
                     "to a .safetensors file"}}) {
            const auto result = runCli(QStringList{QStringLiteral("quantize"), model} + arguments);
            QCOMPARE(result.exitCode, 1);
            QVERIFY2(result.err.contains(message), result.err.constData());
        }
        QVERIFY(!QFileInfo::exists(out));
    }

    // --calib with a ggml block scheme into GGUF: the lab's own capture gives the importance vector
    // (mean squared input per column, as llama-imatrix computes it) and every quantised tensor is
    // searched with it; the importance-weighted error Σ_j imp_j Σ_i (W_ij − Ŵ_ij)², which the search
    // minimises, is below the plain file's. Measured (q3_k): perplexity 12.63 plain, 12.56 weighted.
    void importanceFromCalibration()
    {
        const QString model = ggufDir + QStringLiteral("lab-tinystories-f32.gguf");
        const QString text = QStringLiteral(COMPLAB_SHARED_DATA_DIR "/text/tinystories-train-sample.txt");
        QTemporaryDir dir;
        const QString weighted = dir.filePath(QStringLiteral("weighted.gguf"));
        const QString plain = dir.filePath(QStringLiteral("plain.gguf"));
        const auto result
            = runCli({QStringLiteral("quantize"), model, QStringLiteral("--scheme"), QStringLiteral("q3_k"),
                QStringLiteral("--calib"), text, QStringLiteral("--json"), QStringLiteral("--out"), weighted});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        int quantised = 0;
        for (const auto& value :
            QJsonDocument::fromJson(result.out).object().value(QStringLiteral("tensors")).toArray())
            if (value.toObject().value(QStringLiteral("quantised")).toBool()) {
                ++quantised;
                QVERIFY(value.toObject().value(QStringLiteral("imatrix")).toBool());
            }
        QCOMPARE(quantised, 29);
        QCOMPARE(runCli({QStringLiteral("quantize"), model, QStringLiteral("--scheme"), QStringLiteral("q3_k"),
                            QStringLiteral("--out"), plain})
                     .exitCode,
            0);

        const auto source = openCheckpoint(model.toStdString());
        Progress progress;
        CaptureOptions capture;
        capture.maxTokens = 2048;
        capture.keepInputs = false;
        const auto calibration = captureCalibration(*source, text.toStdString(), capture, progress, {});
        const auto ours = openCheckpoint(weighted.toStdString());
        const auto theirs = openCheckpoint(plain.toStdString());
        double weightedError = 0.0;
        double plainError = 0.0;
        for (const auto& [name, sums] : calibration.sumSquares) {
            const auto original = source->tensor(*source->indexOf(name)).toFloats();
            const auto a = ours->tensor(*ours->indexOf(name)).toFloats();
            const auto b = theirs->tensor(*theirs->indexOf(name)).toFloats();
            QVERIFY(a != b);
            for (std::size_t k = 0; k < original.size(); ++k) {
                const double importance = sums[k % sums.size()];
                weightedError += importance * std::pow(double(a[k]) - original[k], 2);
                plainError += importance * std::pow(double(b[k]) - original[k], 2);
            }
        }
        qInfo("importance-weighted error: plain %.4g, weighted %.4g", plainError, weightedError);
        QVERIFY(weightedError < 0.95 * plainError);
    }

    void quantErrorTable()
    {
        const auto result = runCli({QStringLiteral("quant-error"), QStringLiteral(COMPLAB_SAMPLE_DIR),
            QStringLiteral("--tensor"), QStringLiteral("model.layers.0.mlp.up_proj.weight"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const auto schemes = QJsonDocument::fromJson(result.out).object().value(QStringLiteral("schemes")).toArray();
        QVERIFY(schemes.size() >= 25);
        double int2 = 0;
        double int8 = 0;
        double q4k = 0;
        double q40 = 0;
        for (const auto& value : schemes) {
            const auto row = value.toObject();
            const auto name = row.value(QStringLiteral("scheme")).toString();
            const double rms = row.value(QStringLiteral("rms_error")).toDouble();
            if (name == QStringLiteral("int2 g128"))
                int2 = rms;
            if (name == QStringLiteral("int8 g128"))
                int8 = rms;
            if (name == QStringLiteral("q4_k"))
                q4k = rms;
            if (name == QStringLiteral("q4_0"))
                q40 = rms;
            // Each scheme carries the level grid of the group holding the largest weight.
            const auto grid = row.value(QStringLiteral("grid")).toObject();
            QVERIFY2(!grid.value(QStringLiteral("description")).toString().isEmpty(), qPrintable(name));
            if (name == QStringLiteral("int2 g128"))
                QCOMPARE(grid.value(QStringLiteral("levels")).toArray().size(), 4);
            if (name == QStringLiteral("q4_k"))
                QCOMPARE(grid.value(QStringLiteral("levels")).toArray().size(), 16);
        }
        QVERIFY(int8 > 0 && int2 > 20 * int8);
        QVERIFY(q4k > 0 && q4k < q40); // the K-quant's searched scales beat plain absmax rounding
        const auto missing = runCli({QStringLiteral("quant-error"), QStringLiteral(COMPLAB_SAMPLE_DIR),
            QStringLiteral("--tensor"), QStringLiteral("nope")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains("tensor 'nope'"));
    }
};

QTEST_GUILESS_MAIN(TestCliQuantize)
#include "tst_cli_quantize.moc"
