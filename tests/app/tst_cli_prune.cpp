// `compression-lab-cli prune` and `lowrank` on the lab's sample model: the written file holds
// exactly the sparsity / pattern / rank asked for, in the input's dtype, the JSON report follows
// the documented contract, and with --calib (inputs captured from the model on TinyStories text)
// Wanda and SparseGPT beat magnitude pruning on every layer's output error.
#include "CliRunner.h"
#include "io/Checkpoint.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using namespace complab;
using complab::test::runCli;

namespace {

const QString model = QStringLiteral(COMPLAB_SHARED_DATA_DIR "/models/lab-tinystories/model.safetensors");
const QString modelBf16 = QStringLiteral(COMPLAB_SHARED_DATA_DIR "/models/lab-tinystories-bf16/model.safetensors");

QJsonObject tensorReport(const QJsonObject& root, const QString& name)
{
    for (const auto& value : root.value(QStringLiteral("tensors")).toArray())
        if (value.toObject().value(QStringLiteral("name")).toString() == name)
            return value.toObject();
    return {};
}

std::vector<float> writtenValues(const QString& file, const std::string& name)
{
    const auto checkpoint = openCheckpoint(file.toStdString());
    return checkpoint->tensor(*checkpoint->indexOf(name)).toFloats();
}

} // namespace

class TestCliPrune : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(model))
            QSKIP("lab-tinystories is not in the shared data folder");
    }

    void twoFourPattern()
    {
        QTemporaryDir dir;
        const QString output = dir.filePath(QStringLiteral("pruned.safetensors"));
        const auto result = runCli({QStringLiteral("prune"), model, QStringLiteral("--method"), QStringLiteral("nm"),
            QStringLiteral("--pattern"), QStringLiteral("2:4"), QStringLiteral("--out"), output,
            QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const auto root = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(root.value(QStringLiteral("tensors_rewritten")).toInt(), 28);
        QVERIFY(root.value(QStringLiteral("mean_rel_error")).toDouble() > 0.1);
        QVERIFY(root.value(QStringLiteral("mean_output_rel_error")).isNull());
        const auto up = tensorReport(root, QStringLiteral("model.layers.1.mlp.up_proj.weight"));
        QCOMPARE(up.value(QStringLiteral("sparsity")).toDouble(), 0.5);
        QCOMPARE(up.value(QStringLiteral("stored_as")).toString(), QStringLiteral("F32"));
        QVERIFY(!tensorReport(root, QStringLiteral("model.embed_tokens.weight"))
                     .value(QStringLiteral("rewritten"))
                     .toBool());
        // In the file: exactly 2 non-zeros in every 4 consecutive inputs of a row.
        const auto values = writtenValues(output, "model.layers.1.mlp.up_proj.weight");
        for (std::size_t first = 0; first < values.size(); first += 4) {
            int kept = 0;
            for (std::size_t i = first; i < first + 4; ++i)
                kept += values[i] != 0.0f;
            QCOMPARE(kept, 2);
        }
        QCOMPARE(writtenValues(output, "model.embed_tokens.weight"), writtenValues(model, "model.embed_tokens.weight"));
    }

    void globalThresholdReachesTheCount()
    {
        QTemporaryDir dir;
        const QString output = dir.filePath(QStringLiteral("global.safetensors"));
        const auto result = runCli({QStringLiteral("prune"), model, QStringLiteral("--sparsity"), QStringLiteral("0.6"),
            QStringLiteral("--scope"), QStringLiteral("global"), QStringLiteral("--out"), output,
            QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const auto checkpoint = openCheckpoint(output.toStdString());
        std::uint64_t zeros = 0;
        std::uint64_t total = 0;
        for (const auto& value :
            QJsonDocument::fromJson(result.out).object().value(QStringLiteral("tensors")).toArray()) {
            const auto tensor = value.toObject();
            if (!tensor.value(QStringLiteral("rewritten")).toBool())
                continue;
            const auto values = writtenValues(output, tensor.value(QStringLiteral("name")).toString().toStdString());
            zeros += static_cast<std::uint64_t>(std::count(values.begin(), values.end(), 0.0f));
            total += values.size();
        }
        QCOMPARE(zeros, static_cast<std::uint64_t>(std::llround(0.6 * static_cast<double>(total))));
    }

    void structuredReportsDenseShapes()
    {
        QTemporaryDir dir;
        const QString output = dir.filePath(QStringLiteral("structured.safetensors"));
        const auto result = runCli({QStringLiteral("prune"), model, QStringLiteral("--method"),
            QStringLiteral("structured"), QStringLiteral("--sparsity"), QStringLiteral("0.25"), QStringLiteral("--out"),
            output, QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const auto root = QJsonDocument::fromJson(result.out).object();
        const auto shape = [&](const char* name) {
            const auto array
                = tensorReport(root, QString::fromLatin1(name)).value(QStringLiteral("dense_shape")).toArray();
            return std::make_pair(array.at(0).toInt(), array.at(1).toInt());
        };
        QCOMPARE(shape("model.layers.0.mlp.up_proj.weight"), std::make_pair(576, 256));
        QCOMPARE(shape("model.layers.0.mlp.gate_proj.weight"), std::make_pair(576, 256));
        QCOMPARE(shape("model.layers.0.mlp.down_proj.weight"), std::make_pair(256, 576));
        QCOMPARE(shape("model.layers.2.self_attn.q_proj.weight"), std::make_pair(192, 256)); // 6 of 8 heads
        QCOMPARE(shape("model.layers.2.self_attn.o_proj.weight"), std::make_pair(256, 192));
        QVERIFY(!tensorReport(root, QStringLiteral("model.layers.0.self_attn.k_proj.weight"))
                     .value(QStringLiteral("rewritten"))
                     .toBool());
    }

    void keepsBf16()
    {
        if (!QFile::exists(modelBf16))
            QSKIP("lab-tinystories-bf16 is not in the shared data folder");
        QTemporaryDir dir;
        const QString output = dir.filePath(QStringLiteral("bf16.safetensors"));
        const auto result = runCli({QStringLiteral("prune"), modelBf16, QStringLiteral("--tensor"),
            QStringLiteral("layers\\.0\\.mlp"), QStringLiteral("--out"), output, QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const auto checkpoint = openCheckpoint(output.toStdString());
        QCOMPARE(checkpoint->tensors()[*checkpoint->indexOf("model.layers.0.mlp.up_proj.weight")].dtype, DType::BF16);
        const auto root = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(root.value(QStringLiteral("tensors_rewritten")).toInt(), 3);
    }

    void calibratedMethodsNeedCalibText()
    {
        QTemporaryDir dir;
        const QString output = dir.filePath(QStringLiteral("never.safetensors"));
        const auto result = runCli({QStringLiteral("prune"), model, QStringLiteral("--method"), QStringLiteral("wanda"),
            QStringLiteral("--out"), output});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("needs --calib"), result.err.constData());
        QVERIFY(!QFile::exists(output));
    }

    void calibratedBeatMagnitude_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addRow("50 %%") << QString();
        QTest::addRow("2:4") << QStringLiteral("2:4");
    }

    void calibratedBeatMagnitude()
    {
        QFETCH(QString, pattern);
        QTemporaryDir dir;
        std::map<QString, QJsonObject> reports;
        for (const auto* method : {"magnitude", "wanda", "sparsegpt"}) {
            QStringList arguments{QStringLiteral("prune"), model, QStringLiteral("--method"),
                QString::fromLatin1(method), QStringLiteral("--scope"), QStringLiteral("row"),
                QStringLiteral("--calib"), QStringLiteral(COMPLAB_SHARED_DATA_DIR "/text/tinystories-train-sample.txt"),
                QStringLiteral("--calib-tokens"), QStringLiteral("512"), QStringLiteral("--out"),
                dir.filePath(QStringLiteral("%1.safetensors").arg(QString::fromLatin1(method))),
                QStringLiteral("--json")};
            if (!pattern.isEmpty())
                arguments << QStringLiteral("--pattern") << pattern;
            const auto result = runCli(arguments);
            QVERIFY2(result.exitCode == 0, result.err.constData());
            reports[QString::fromLatin1(method)] = QJsonDocument::fromJson(result.out).object();
        }
        const auto meanOutputError = [&](const char* method) {
            return reports[QString::fromLatin1(method)].value(QStringLiteral("mean_output_rel_error")).toDouble();
        };
        qInfo("mean layer-output error: magnitude %.4f, Wanda %.4f, SparseGPT %.4f", meanOutputError("magnitude"),
            meanOutputError("wanda"), meanOutputError("sparsegpt"));
        QVERIFY(meanOutputError("magnitude") > 0.0);
        QVERIFY(meanOutputError("wanda") < meanOutputError("magnitude"));
        QVERIFY(meanOutputError("sparsegpt") < meanOutputError("magnitude"));
        QCOMPARE(reports[QStringLiteral("wanda")].value(QStringLiteral("calibration_tokens")).toInt(), 512);
        const auto up
            = tensorReport(reports[QStringLiteral("sparsegpt")], QStringLiteral("model.layers.1.mlp.up_proj.weight"));
        QCOMPARE(up.value(QStringLiteral("sparsity")).toDouble(), 0.5);
        QVERIFY(up.value(QStringLiteral("output_rel_error")).toDouble() > 0.0);
    }

    void badRequests()
    {
        QTemporaryDir dir;
        const auto gguf
            = runCli({QStringLiteral("prune"), model, QStringLiteral("--out"), dir.filePath(QStringLiteral("x.gguf"))});
        QCOMPARE(gguf.exitCode, 1);
        QVERIFY(gguf.err.contains(".safetensors"));
        const auto pattern = runCli({QStringLiteral("prune"), model, QStringLiteral("--pattern"), QStringLiteral("4:2"),
            QStringLiteral("--out"), dir.filePath(QStringLiteral("x.safetensors"))});
        QCOMPARE(pattern.exitCode, 1);
        const auto sparsity = runCli({QStringLiteral("prune"), model, QStringLiteral("--sparsity"),
            QStringLiteral("1.5"), QStringLiteral("--out"), dir.filePath(QStringLiteral("x.safetensors"))});
        QCOMPARE(sparsity.exitCode, 1);
        const auto overwrite = runCli({QStringLiteral("prune"), model, QStringLiteral("--out"), model});
        QCOMPARE(overwrite.exitCode, 1);
        QVERIFY(overwrite.err.contains("refusing to overwrite"));
    }

    void lowRankByRank()
    {
        QTemporaryDir dir;
        const QString output = dir.filePath(QStringLiteral("lowrank.safetensors"));
        const auto result = runCli({QStringLiteral("lowrank"), model, QStringLiteral("--rank"), QStringLiteral("160"),
            QStringLiteral("--out"), output, QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const auto root = QJsonDocument::fromJson(result.out).object();
        const auto up = tensorReport(root, QStringLiteral("model.layers.0.mlp.up_proj.weight"));
        QCOMPARE(up.value(QStringLiteral("rank")).toInt(), 160);
        QCOMPARE(up.value(QStringLiteral("saves_bytes")).toBool(), true); // 160 · 1024 < 768 · 256
        QCOMPARE(up.value(QStringLiteral("break_even_rank")).toInt(), 191);
        const auto q = tensorReport(root, QStringLiteral("model.layers.0.self_attn.q_proj.weight"));
        QCOMPARE(q.value(QStringLiteral("saves_bytes")).toBool(), false); // 160 · 512 > 256 · 256
        const double error = up.value(QStringLiteral("rel_error")).toDouble();
        QVERIFY(error > 0.0 && error < 1.0);
        // The file holds a rank-160 matrix in place of the weight.
        const auto values = writtenValues(output, "model.layers.0.mlp.up_proj.weight");
        QCOMPARE(values.size(), std::size_t(768 * 256));
    }

    void lowRankByEnergy()
    {
        QTemporaryDir dir;
        const QString output = dir.filePath(QStringLiteral("energy.safetensors"));
        const auto result = runCli({QStringLiteral("lowrank"), model, QStringLiteral("--energy"), QStringLiteral("0.8"),
            QStringLiteral("--tensor"), QStringLiteral("layers\\.3\\."), QStringLiteral("--out"), output,
            QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const auto root = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(root.value(QStringLiteral("tensors_rewritten")).toInt(), 7);
        for (const auto& value : root.value(QStringLiteral("tensors")).toArray()) {
            const auto tensor = value.toObject();
            if (!tensor.value(QStringLiteral("rewritten")).toBool())
                continue;
            QVERIFY(tensor.value(QStringLiteral("retained_energy")).toDouble() >= 0.8);
            // ‖W − W_r‖² = (1 − energy) ‖W‖² (up to F32 rounding).
            QVERIFY(std::abs(tensor.value(QStringLiteral("rel_error")).toDouble()
                        - std::sqrt(1.0 - tensor.value(QStringLiteral("retained_energy")).toDouble()))
                < 1e-3);
        }
        const auto none = runCli({QStringLiteral("lowrank"), model, QStringLiteral("--out"), output});
        QCOMPARE(none.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestCliPrune)
#include "tst_cli_prune.moc"
