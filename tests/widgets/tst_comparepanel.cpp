// Compare mode: the bundled sample against a GGUF quantised from it fills the table worst first with
// core's numbers and draws the selected pair; a file that is not a checkpoint is named in the message.
#include "ComparePanel.h"
#include "EstimateChartView.h"
#include "Format.h"
#include "JobRunner.h"
#include "io/Checkpoint.h"

#include <QChart>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>

using namespace complab;

namespace {

const QString sampleModel = QStringLiteral(COMPLAB_SAMPLE_DIR "/model.safetensors");
const QString q4k = QStringLiteral(COMPLAB_SHARED_DATA_DIR "/models/lab-tinystories-gguf/lab-tinystories-q4_k.gguf");

} // namespace

class TestComparePanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void comparesWithAQuantisedGguf()
    {
        if (!std::filesystem::exists(q4k.toStdString()))
            QSKIP("shared data not present");
        const std::shared_ptr<const Checkpoint> reference = openCheckpoint(sampleModel.toStdString());
        ComparePanel panel;
        panel.resize(1000, 500);
        panel.show();
        panel.setReference(reference);
        QSignalSpy compared(&panel, &ComparePanel::compared);
        panel.compareWith(q4k);
        QTRY_COMPARE_WITH_TIMEOUT(compared.count(), 1, 60000);

        Progress progress;
        const auto expected = compareCheckpoints(*reference, *openCheckpoint(q4k.toStdString()), 96, progress, {});
        QCOMPARE(panel.table()->rowCount(), int(expected.tensors.size()));
        QCOMPARE(panel.table()->rowCount(), 38);
        QCOMPARE(panel.comparison()->relativeError, expected.relativeError);
        QCOMPARE(panel.table()->item(0, ComparePanel::TensorColumn)->text(),
            format::tensorLabel(expected.tensors.front().referenceName));
        QVERIFY(panel.table()
                    ->item(0, ComparePanel::TensorColumn)
                    ->toolTip()
                    .startsWith(QString::fromStdString(expected.tensors.front().referenceName)));
        QVERIFY(panel.table()->item(0, ComparePanel::TypesColumn)->text().contains(QStringLiteral("→")));
        // The worst pair is drawn: two outlines of 96 bins each.
        QCOMPARE(panel.referenceSeries()->count(), 2 * 96);
        QCOMPARE(panel.otherSeries()->count(), 2 * 96);
        QVERIFY(panel.summaryText().contains(QStringLiteral("38 tensors compared")));
        // Another row draws its pair.
        panel.table()->setCurrentCell(5, 0);
        QVERIFY(
            panel.chartView()->chart()->title().contains(QString::fromStdString(expected.tensors[5].referenceName)));
    }

    void badFileIsNamed()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("broken.gguf"));
        std::ofstream(bad.toStdString()) << "not a gguf file at all";
        ComparePanel panel;
        panel.setReference(openCheckpoint(sampleModel.toStdString()));
        QSignalSpy failed(panel.runner(), &JobRunner::failed);
        panel.compareWith(bad);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
        QVERIFY2(panel.summaryText().contains(QStringLiteral("broken.gguf")), qPrintable(panel.summaryText()));
        QVERIFY(!panel.comparison().has_value());
    }
};

QTEST_MAIN(TestComparePanel)
#include "tst_comparepanel.moc"
