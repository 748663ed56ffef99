// The report: what buildReport gathers is the pipeline's own numbers (checked against an independent
// Pipeline::measure and sums), every writer puts those numbers out (CSV parsed back exactly, HDF5
// read back with the lab's own reader, HTML escaped, PDF text extracted by poppler when present),
// and writes are atomic: a failed write leaves nothing behind.
#include "io/Checkpoint.h"
#include "io/CheckpointError.h"
#include "model/ModelWeights.h"
#include "model/Tokenizer.h"
#include "recipe/Pipeline.h"
#include "report/ReportCharts.h"
#include "report/ReportWriter.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <filesystem>

using namespace complab;
using namespace complab::report;

namespace {

const std::filesystem::path sampleDir = COMPLAB_SAMPLE_DIR;

Recipe int4Recipe()
{
    Recipe recipe;
    recipe.quantization.scheme = "int4";
    recipe.quantization.groupSize = 128;
    return recipe;
}

std::vector<std::string> splitLine(const std::string& line)
{
    // The sample's names need no quoting; a quoted field would show up as a wrong column count.
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
        const auto comma = line.find(',', start);
        fields.push_back(line.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos)
            return fields;
        start = comma + 1;
    }
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

    std::shared_ptr<const Checkpoint> m_checkpoint;
    ReportData m_data; // int4 g128, no quality
    std::optional<ReportData> m_withQuality;

    const ReportData& withQuality()
    {
        if (!m_withQuality) {
            ReportOptions options;
            QualityInput input;
            input.weights = ModelWeights::load(*m_checkpoint);
            const auto tokenizer = findTokenizerFor(*m_checkpoint);
            if (!tokenizer)
                qFatal("the sample has no tokenizer");
            input.windows = labEvaluationWindows((sampleDir / "lab-tinystories-heldout.txt").string(), *tokenizer,
                input.weights->shape().contextLength, 256);
            input.tokenizer = tokenizer->description();
            input.text = "lab-tinystories-heldout.txt";
            options.quality = std::move(input);
            Progress progress;
            m_withQuality = buildReport(m_checkpoint, int4Recipe(), options, progress, {});
        }
        return *m_withQuality;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_checkpoint = openCheckpoint(sampleDir / "model.safetensors");
        Progress progress;
        ReportOptions options;
        options.generator = "tst_report";
        options.createdAt = "2026-12-07T00:00:00Z";
        m_data = buildReport(m_checkpoint, int4Recipe(), options, progress, {});
    }

    void gathersThePipelinesNumbers()
    {
        QCOMPARE(m_data.tensors.size(), m_checkpoint->tensors().size());
        QCOMPARE(m_data.model.parameters, m_checkpoint->totalParameters());
        QVERIFY(!m_data.quality);
        QVERIFY(!m_data.qualityUnavailable.empty());
        // Independently: the pipeline's measure of one tensor and the sums over all of them.
        const Pipeline pipeline(m_checkpoint, int4Recipe(), PipelineOptions{});
        std::uint64_t stored = 0, parameters = 0;
        std::size_t compressed = 0;
        for (std::size_t i = 0; i < m_data.tensors.size(); ++i) {
            const TensorRow& row = m_data.tensors[i];
            stored += row.storedBytes;
            parameters += row.elements;
            compressed += row.plan.metrics.has_value();
        }
        QCOMPARE(m_data.totals.storedBytes, stored);
        QCOMPARE(m_data.totals.parameters, parameters);
        QCOMPARE(m_data.totals.compressedTensors, compressed);
        QCOMPARE(compressed, std::size_t(29)); // the 2-D weights; the 9 norms stay
        const auto index = *m_checkpoint->indexOf("model.layers.1.self_attn.q_proj.weight");
        std::size_t planIndex = 0;
        for (std::size_t i = 0; i < pipeline.plan().size(); ++i)
            if (pipeline.plan()[i].sourceIndex == index)
                planIndex = i;
        const TensorPlan measured = pipeline.measure(planIndex, {});
        const TensorRow& row = m_data.tensors[planIndex];
        QCOMPARE(row.plan.metrics->relativeError, measured.metrics->relativeError);
        QCOMPARE(row.plan.metrics->storedBytes, measured.metrics->storedBytes);
        // int4 g128 with F16 scales: 4.125 bits on the matrices, 16 on the BF16 norms.
        QVERIFY(m_data.totals.bitsPerWeight > 4.125 && m_data.totals.bitsPerWeight < 4.2);
        QVERIFY(m_data.totals.relativeError > 0.08 && m_data.totals.relativeError < 0.14);
        // The estimate reads the measured storage.
        QCOMPARE(m_data.estimate.bitsPerWeight, m_data.totals.bitsPerWeight);
        QVERIFY(std::abs(m_data.estimate.diskBytes - double(stored)) < 0.01 * double(stored));
        QCOMPARE(m_data.estimate.context, std::int64_t(2048));
        // Worst first, and the histograms belong to the worst tensor.
        const auto rows = rowsWorstFirst(m_data);
        for (std::size_t i = 1; i < compressed; ++i)
            QVERIFY(rows[i - 1]->plan.metrics->relativeError >= rows[i]->plan.metrics->relativeError);
        QVERIFY(m_data.worstHistograms);
        QCOMPARE(m_data.worstHistograms->tensor, rows.front()->plan.sourceName);
        QCOMPARE(m_data.worstHistograms->original.total(), rows.front()->elements);
    }

    void csvHoldsEveryTensorExactly()
    {
        const std::string csv = reportCsv(m_data);
        std::vector<std::string> lines;
        std::size_t start = 0;
        for (auto end = csv.find('\n'); end != std::string::npos; start = end + 1, end = csv.find('\n', start))
            lines.push_back(csv.substr(start, end - start));
        QCOMPARE(lines.size(), m_data.tensors.size() + 1);
        const auto header = splitLine(lines.front());
        QCOMPARE(header.size(), std::size_t(16));
        QCOMPARE(header[9], std::string("relative_error"));
        for (std::size_t i = 0; i < m_data.tensors.size(); ++i) {
            const auto fields = splitLine(lines[i + 1]);
            QCOMPARE(fields.size(), header.size());
            QCOMPARE(fields[0], m_data.tensors[i].plan.sourceName);
            const double relative = std::stod(fields[9]);
            QCOMPARE(relative,
                m_data.tensors[i].plan.metrics ? m_data.tensors[i].plan.metrics->relativeError : 0.0); // bit-exact
            QCOMPARE(std::stoull(fields[7]), m_data.tensors[i].storedBytes);
        }
    }

    void hdf5ReadsBackWithTheLabsReader()
    {
        QTemporaryDir dir;
        const std::filesystem::path path = QDir(dir.path()).filePath(QStringLiteral("report.h5")).toStdString();
        writeReport(m_data, path);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1); // no temporary left
        const auto file = openCheckpoint(path);
        const auto index = file->indexOf("tensors/relative_error");
        QVERIFY(index);
        const auto values = file->tensor(*index).toFloats();
        QCOMPARE(values.size(), m_data.tensors.size());
        for (std::size_t i = 0; i < values.size(); ++i) {
            const double expected = m_data.tensors[i].plan.metrics ? m_data.tensors[i].plan.metrics->relativeError : 0;
            QVERIFY(std::abs(double(values[i]) - expected) <= 1e-7 * std::max(1.0, expected));
        }
        const auto counts = file->indexOf("histograms/original");
        QVERIFY(counts);
        QCOMPARE(
            file->tensors()[*counts].elementCount(), std::uint64_t(m_data.worstHistograms->original.counts.size()));
        QVERIFY(file->indexOf("estimate/vram_total_bytes"));
        QVERIFY(file->indexOf("curves/0"));
        QVERIFY(!file->indexOf("quality/mean_kld")); // not measured
    }

    void htmlEscapesAndDrawsEveryChart()
    {
        ReportData data = m_data;
        data.tensors.front().plan.sourceName = "odd<name>&\"x\"";
        const std::string html = reportHtml(data);
        QVERIFY(html.rfind("<!DOCTYPE html>", 0) == 0);
        QVERIFY(html.find("odd&lt;name&gt;&amp;&quot;x&quot;") != std::string::npos);
        QVERIFY(html.find("odd<name>") == std::string::npos);
        std::size_t svgs = 0;
        for (auto at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1))
            ++svgs;
        QCOMPARE(svgs, reportCharts(data).size());
        QCOMPARE(svgs, std::size_t(4)); // no layer chart without quality
        QVERIFY(html.find("Not measured: " + data.qualityUnavailable) != std::string::npos);
    }

    void qualityIsTheEvaluatorsAndReachesEveryFormat()
    {
        const ReportData& data = withQuality();
        QVERIFY(data.quality);
        const MeasuredQuality& q = *data.quality;
        QCOMPARE(q.replacedTensors, std::size_t(29));
        QCOMPARE(q.original.tokens, std::int64_t(256));
        QVERIFY(q.compressed.compared.perplexity > q.original.perplexity); // int4 costs something…
        QVERIFY(q.compressed.compared.perplexity < 1.15 * q.original.perplexity); // …but little
        QCOMPARE(q.bitSweep.size(), std::size_t(7));
        QVERIFY(q.bitSweep.front().quality.meanKld > q.bitSweep.back().quality.meanKld); // int2 is the cliff
        QCOMPARE(q.layerSensitivity.size(), std::size_t(4));
        const auto charts = reportCharts(data);
        QCOMPARE(charts.size(), std::size_t(5));
        QCOMPARE(charts[2].spec.series.size(), std::size_t(3)); // rule + two measured series
        QCOMPARE(charts[2].spec.series[1].points.size(), std::size_t(7));
        QCOMPARE(charts[2].spec.series[1].points.front().first, 2.0);
        const std::string html = reportHtml(data);
        QVERIFY(html.find(number(q.compressed.compared.perplexity, 5)) != std::string::npos);

        QTemporaryDir dir;
        const std::filesystem::path path = QDir(dir.path()).filePath(QStringLiteral("q.h5")).toStdString();
        writeReport(data, path);
        const auto file = openCheckpoint(path);
        const auto kld = file->indexOf("quality/bit_sweep/mean_kld");
        QVERIFY(kld);
        const auto values = file->tensor(*kld).toFloats();
        QCOMPARE(values.size(), std::size_t(7));
        QVERIFY(
            std::abs(double(values[2]) - q.bitSweep[2].quality.meanKld) < 1e-6 * q.bitSweep[2].quality.meanKld + 1e-12);
    }

    void pdfIsReadableByPoppler()
    {
        const ReportData& data = withQuality();
        const std::string pdf = reportPdf(data);
        QVERIFY(pdf.rfind("%PDF-1.4", 0) == 0);
        QTemporaryDir dir;
        const QString path = QDir(dir.path()).filePath(QStringLiteral("report.pdf"));
        writeReport(data, path.toStdString());
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (pdftotext.isEmpty())
            QSKIP("pdftotext (poppler-utils) not installed");
        QProcess process;
        process.start(pdftotext, {path, QStringLiteral("-")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        const QString text = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY(text.contains(QStringLiteral("Compression report: model.safetensors")));
        QVERIFY(text.contains(QStringLiteral("Every tensor, measured")));
        QVERIFY(text.contains(QStringLiteral("Quality against bits per weight")));
        QVERIFY(text.contains(QString::fromStdString(shortTensorName(rowsWorstFirst(data).front()->plan.sourceName))));
        QVERIFY(text.contains(QString::fromStdString(number(data.quality->compressed.compared.perplexity, 5))));
        QVERIFY(process.readAllStandardError().isEmpty());
    }

    void failedWritesLeaveNothing()
    {
        QVERIFY(reportFormatFor("a.HTML") == ReportFormat::Html);
        QVERIFY(reportFormatFor("a.hdf5") == ReportFormat::Hdf5);
        QVERIFY(!reportFormatFor("a.txt"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, writeReport(m_data, "/tmp/report.docx"));
        QTemporaryDir dir;
        for (const char* name : {"missing/r.html", "missing/r.h5"}) {
            const std::filesystem::path path = QDir(dir.path()).filePath(QString::fromLatin1(name)).toStdString();
            QVERIFY_THROWS_EXCEPTION(CheckpointError, writeReport(m_data, path));
        }
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
