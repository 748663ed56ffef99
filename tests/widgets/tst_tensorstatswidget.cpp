// The statistics pane: the histogram outline geometry, and a real tensor of the bundled sample
// computed in the background and shown with its numbers and chart.
#include "JobRunner.h"
#include "TensorStatsWidget.h"
#include "io/Checkpoint.h"

#include <QLineSeries>
#include <QSignalSpy>
#include <QTest>

using namespace complab;

class TestTensorStatsWidget : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stepOutline()
    {
        Histogram histogram{-1.0, 1.0, {3, 0, 5, 1}};
        const auto points = TensorStatsWidget::stepOutline(histogram);
        QCOMPARE(points.size(), 8);
        QCOMPARE(points[0], QPointF(-1.0, 3));
        QCOMPARE(points[1], QPointF(-0.5, 3));
        QCOMPARE(points[4], QPointF(0.0, 5));
        QCOMPARE(points[7], QPointF(1.0, 1));
    }

    void showsRealTensor()
    {
        const auto checkpoint = openCheckpoint(COMPLAB_SAMPLE_DIR "/model.safetensors");
        TensorStatsWidget widget;
        widget.resize(900, 700);
        widget.show();
        QSignalSpy ready(&widget, &TensorStatsWidget::statsReady);
        const auto index = static_cast<int>(*checkpoint->indexOf("model.layers.0.self_attn.q_proj.weight"));
        widget.setTensor(checkpoint, index);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 20000);
        QCOMPARE(widget.field(QStringLiteral("count")), QLocale().toString(65536));
        QCOMPARE(widget.field(QStringLiteral("nan")), QStringLiteral("0"));
        QVERIFY(widget.field(QStringLiteral("std")) != QStringLiteral("—"));
        const auto points = widget.histogramSeries()->points();
        QCOMPARE(points.size(), 256);
        double total = 0;
        for (qsizetype i = 0; i < points.size(); i += 2)
            total += points[i].y();
        QCOMPARE(total, 65536.0);
    }

    void cancelLeavesWidgetConsistent()
    {
        const auto checkpoint = openCheckpoint(COMPLAB_SAMPLE_DIR "/model.safetensors");
        TensorStatsWidget widget;
        QSignalSpy finished(widget.runner(), &JobRunner::finished);
        widget.setTensor(checkpoint, 0);
        widget.runner()->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QVERIFY(!widget.runner()->isRunning());
        // Selecting again after a cancel works.
        QSignalSpy ready(&widget, &TensorStatsWidget::statsReady);
        widget.setTensor(checkpoint, 0);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 20000);
        QCOMPARE(widget.histogramSeries()->points().size(), 256);
    }
};

QTEST_MAIN(TestTensorStatsWidget)
#include "tst_tensorstatswidget.moc"
