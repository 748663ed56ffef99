// The chart view's exports: CSV with one row per point or bar under the axis titles, and PNG and
// SVG images of the chart; hover texts come from the formatter a chart installs.
#include "EstimateChartView.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLineSeries>
#include <QTest>
#include <QValueAxis>

using namespace complab;

class TestEstimateChartView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void csvOfLines()
    {
        auto* chart = new QChart;
        auto* series = new QLineSeries;
        series->setName(QStringLiteral("Total VRAM, KV cache f16"));
        series->append({{0.5, 4.5}, {8, 5.25}});
        chart->addSeries(series);
        auto* x = new QValueAxis;
        x->setTitleText(QStringLiteral("Context length (K tokens, log scale)"));
        auto* y = new QValueAxis;
        y->setTitleText(QStringLiteral("Memory (GB)"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(y);
        EstimateChartView view(chart);
        QCOMPARE(QString::fromUtf8(view.csvBytes()),
            QStringLiteral("series,\"Context length (K tokens, log scale)\",Memory (GB)\n"
                           "\"Total VRAM, KV cache f16\",0.5,4.5\n"
                           "\"Total VRAM, KV cache f16\",8,5.25\n"));
    }

    void csvOfBarsAndImages()
    {
        auto* chart = new QChart;
        chart->setTitle(QStringLiteral("Footprint"));
        auto* bars = new QBarSeries;
        auto* set = new QBarSet(QStringLiteral("Weights on disk"));
        *set << 32 << 4;
        bars->append(set);
        chart->addSeries(bars);
        auto* categories = new QBarCategoryAxis;
        categories->append({QStringLiteral("FP32"), QStringLiteral("INT4")});
        categories->setTitleText(QStringLiteral("Precision"));
        auto* values = new QValueAxis;
        values->setTitleText(QStringLiteral("GB"));
        chart->addAxis(categories, Qt::AlignBottom);
        chart->addAxis(values, Qt::AlignLeft);
        bars->attachAxis(categories);
        bars->attachAxis(values);
        EstimateChartView view(chart);
        view.resize(400, 300);
        QCOMPARE(QString::fromUtf8(view.csvBytes()),
            QStringLiteral("series,Precision,GB\nWeights on disk,FP32,32\nWeights on disk,INT4,4\n"));
        const QByteArray png = view.pngBytes();
        QVERIFY(png.startsWith("\x89PNG"));
        const QByteArray svg = view.svgBytes();
        QVERIFY(svg.contains("<svg"));
        QVERIFY(svg.contains("Footprint"));
    }
};

QTEST_MAIN(TestEstimateChartView)
#include "tst_estimatechartview.moc"
