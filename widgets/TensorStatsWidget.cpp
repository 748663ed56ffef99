#include "TensorStatsWidget.h"

#include "ChartPalette.h"
#include "Format.h"
#include "JobRunner.h"
#include "io/Checkpoint.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace complab {

TensorStatsWidget::TensorStatsWidget(QWidget* parent)
    : QWidget(parent)
    , m_runner(new JobRunner(this))
    , m_title(new QLabel(tr("Select a tensor to see its values"), this))
    , m_form(new QFormLayout)
    , m_chart(new QChart)
    , m_chartView(new QChartView(m_chart, this))
    , m_series(new QLineSeries)
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_status(new QLabel(this))
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* left = new QFormLayout;
    auto* right = new QFormLayout;
    m_form = left;
    addField(QStringLiteral("count"), tr("Elements"), tr("Number of values in the tensor."));
    addField(QStringLiteral("min"), tr("Minimum"), tr("Smallest finite value."));
    addField(QStringLiteral("max"), tr("Maximum"), tr("Largest finite value."));
    addField(QStringLiteral("mean"), tr("Mean"), tr("Average of the finite values."));
    addField(QStringLiteral("std"), tr("Std. deviation"),
        tr("Typical distance of a value from the mean: the width of the bell in the histogram."));
    m_form = right;
    addField(QStringLiteral("absmax"), tr("Largest magnitude"),
        tr("The largest |value|. A quantiser's grid must reach it, so one outlier coarsens the grid for all."));
    addField(
        QStringLiteral("zeros"), tr("Exact zeros"), tr("Values that are exactly 0 (pruned weights show up here)."));
    addField(QStringLiteral("nan"), tr("NaN"), tr("Not-a-number values: a damaged or badly converted tensor."));
    addField(QStringLiteral("inf"), tr("Infinite"), tr("Infinite values: overflow in a conversion or in training."));
    auto* fields = new QHBoxLayout;
    fields->addLayout(left);
    fields->addSpacing(24);
    fields->addLayout(right);
    fields->addStretch(1);

    m_series->setName(tr("Number of weights"));
    auto* area = new QAreaSeries(m_series);
    area->setName(tr("Weights per value bin"));
    area->setColor(QColor(0x4c, 0x78, 0xa8, 170));
    area->setBorderColor(QColor(0x2f, 0x4b, 0x7c));
    m_chart->setLocalizeNumbers(true); // tick labels in the interface language's number format
    m_chart->setLocale(QLocale());
    m_chart->addSeries(area);
    auto* axisX = new QValueAxis;
    axisX->setTitleText(tr("Weight value"));
    axisX->setLabelFormat(QStringLiteral("%.3g"));
    auto* axisY = new QValueAxis;
    axisY->setTitleText(tr("Number of weights"));
    axisY->setLabelFormat(QStringLiteral("%.0f"));
    m_chart->addAxis(axisX, Qt::AlignBottom);
    m_chart->addAxis(axisY, Qt::AlignLeft);
    area->attachAxis(axisX);
    area->attachAxis(axisY);
    m_chart->legend()->hide();
    m_chart->setTitle(tr("Distribution of values"));
    applyPaletteToChart(m_chart, palette());
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(260);

    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(true);
    m_cancel->setToolTip(tr("Stop computing the statistics of this tensor"));
    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    progressRow->addWidget(m_status, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(fields);
    layout->addLayout(progressRow);
    layout->addWidget(m_chartView, 1);

    m_progress->hide();
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, m_runner, &JobRunner::cancel);
    connect(m_runner, &JobRunner::started, this, [this] {
        m_progress->setValue(0);
        m_progress->show();
        m_cancel->show();
        m_status->clear();
    });
    connect(m_runner, &JobRunner::progressChanged, this, [this](double fraction, const QString&) {
        m_progress->setValue(static_cast<int>(std::lround(fraction * 1000.0)));
    });
    connect(m_runner, &JobRunner::finished, this, [this] {
        m_progress->hide();
        m_cancel->hide();
    });
    connect(m_runner, &JobRunner::cancelled, this, [this] { m_status->setText(tr("Cancelled.")); });
    connect(m_runner, &JobRunner::failed, this,
        [this](const QString& message) { m_status->setText(tr("Could not read this tensor: %1").arg(message)); });
}

TensorStatsWidget::~TensorStatsWidget() = default;

QLabel* TensorStatsWidget::addField(const QString& name, const QString& label, const QString& toolTip)
{
    auto* value = new QLabel(QStringLiteral("—"), this);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setToolTip(toolTip);
    auto* caption = new QLabel(label, this);
    caption->setToolTip(toolTip);
    m_form->addRow(caption, value);
    m_fields.emplace_back(name, value);
    return value;
}

QString TensorStatsWidget::field(const QString& name) const
{
    for (const auto& [key, label] : m_fields)
        if (key == name)
            return label->text();
    return {};
}

void TensorStatsWidget::setFieldsEmpty()
{
    for (const auto& [key, label] : m_fields)
        label->setText(QStringLiteral("—"));
    m_series->clear();
}

void TensorStatsWidget::clear()
{
    m_runner->cancel();
    m_title->setText(tr("Select a tensor to see its values"));
    m_chart->setTitle(tr("Distribution of values"));
    setFieldsEmpty();
}

void TensorStatsWidget::setTensor(const std::shared_ptr<const Checkpoint>& checkpoint, int tensorIndex)
{
    if (!checkpoint || tensorIndex < 0 || static_cast<std::size_t>(tensorIndex) >= checkpoint->tensors().size()) {
        clear();
        return;
    }
    const auto& info = checkpoint->tensors()[static_cast<std::size_t>(tensorIndex)];
    m_tensorName = QString::fromStdString(info.name);
    m_title->setText(
        tr("%1 — %2, shape %3")
            .arg(m_tensorName, QString::fromLatin1(dtypeName(info.dtype).data(), dtypeName(info.dtype).size()),
                format::shape(info.shape)));
    m_chart->setTitle(tr("Distribution of values in %1").arg(m_tensorName));
    setFieldsEmpty();
    const auto index = static_cast<std::size_t>(tensorIndex);
    m_runner->start<TensorStats>(
        tr("Statistics of %1").arg(m_tensorName),
        [checkpoint, index](Progress& progress, std::stop_token stop) {
            return computeStats(checkpoint->tensor(index), progress, stop);
        },
        [this](const TensorStats& stats) { showStats(stats); });
}

QList<QPointF> TensorStatsWidget::stepOutline(const Histogram& histogram)
{
    QList<QPointF> points;
    points.reserve(static_cast<qsizetype>(histogram.counts.size() * 2));
    const double width = histogram.binWidth();
    for (std::size_t bin = 0; bin < histogram.counts.size(); ++bin) {
        const double left = histogram.lowest + static_cast<double>(bin) * width;
        const auto count = static_cast<double>(histogram.counts[bin]);
        points.append(QPointF(left, count));
        points.append(QPointF(left + width, count));
    }
    return points;
}

void TensorStatsWidget::showStats(const TensorStats& stats)
{
    const auto set = [this](const QString& name, const QString& text) {
        for (const auto& [key, label] : m_fields)
            if (key == name)
                label->setText(text);
    };
    set(QStringLiteral("count"), format::integer(stats.count));
    set(QStringLiteral("min"), format::number(stats.min));
    set(QStringLiteral("max"), format::number(stats.max));
    set(QStringLiteral("mean"), format::number(stats.mean));
    set(QStringLiteral("std"), format::number(stats.std));
    set(QStringLiteral("absmax"), format::number(stats.absMax));
    set(QStringLiteral("zeros"),
        tr("%1 (%2)").arg(format::integer(stats.zeroCount), format::percent(stats.zeroFraction(), 2)));
    set(QStringLiteral("nan"), format::integer(stats.nanCount));
    set(QStringLiteral("inf"), format::integer(stats.infCount()));

    const auto points = stepOutline(stats.histogram);
    m_series->replace(points);
    double peak = 0.0;
    for (const auto& point : points)
        peak = std::max(peak, point.y());
    const auto axes = m_chart->axes();
    for (auto* axis : axes) {
        auto* valueAxis = qobject_cast<QValueAxis*>(axis);
        if (!valueAxis)
            continue;
        if (axis->orientation() == Qt::Horizontal)
            valueAxis->setRange(stats.histogram.lowest, stats.histogram.highest);
        else
            valueAxis->setRange(0.0, std::max(1.0, peak * 1.05));
        valueAxis->applyNiceNumbers();
    }
    Q_EMIT statsReady();
}

void TensorStatsWidget::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPaletteToChart(m_chart, palette()); // dark or light, as the window
}

} // namespace complab
