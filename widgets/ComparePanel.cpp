#include "ComparePanel.h"

#include "ChartPalette.h"
#include "EstimateChartView.h"
#include "Format.h"
#include "JobRunner.h"
#include "TensorStatsWidget.h"
#include "io/Checkpoint.h"

#include <QChart>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace complab {

namespace {

QTableWidgetItem* cell(const QString& text, double sortValue = NAN)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    if (!std::isnan(sortValue)) {
        item->setData(Qt::UserRole, sortValue);
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    return item;
}

QList<QPointF> outline(const Histogram& histogram)
{
    auto points = TensorStatsWidget::stepOutline(histogram);
    for (auto& point : points)
        point.setY(std::max(point.y(), 0.5));
    return points;
}

} // namespace

ComparePanel::ComparePanel(QWidget* parent)
    : QWidget(parent)
    , m_runner(new JobRunner(this))
    , m_choose(new QPushButton(tr("Compare with another checkpoint…"), this))
    , m_summary(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_chart(new QChart)
    , m_axisX(new QValueAxis)
    , m_axisY(new QLogValueAxis)
    , m_referenceSeries(new QLineSeries)
    , m_otherSeries(new QLineSeries)
    , m_view(nullptr)
{
    m_choose->setToolTip(tr("Open a second file of the same model (e.g. a GGUF quantised elsewhere) and measure "
                            "how far each of its tensors is from the open one"));
    m_choose->setEnabled(false);
    connect(m_choose, &QPushButton::clicked, this, &ComparePanel::chooseFile);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setText(tr("Compare mode: open a model, then a second checkpoint of the same model."));
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(200);
    m_progress->hide();
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, m_runner, &JobRunner::cancel);

    m_table->setHorizontalHeaderLabels({tr("Tensor"), tr("Types"), tr("Rel. error"), tr("SQNR"), tr("Max error")});
    m_table->horizontalHeaderItem(TypesColumn)->setToolTip(tr("Stored type in the open file → in the other file"));
    m_table->horizontalHeaderItem(ErrorColumn)->setToolTip(tr("‖A − B‖ / ‖A‖, A the open file's tensor"));
    m_table->horizontalHeaderItem(MaxErrorColumn)->setToolTip(tr("The largest difference of one weight"));
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideLeft); // the end of a name says what it is
    m_table->horizontalHeader()->setSectionResizeMode(TensorColumn, QHeaderView::Stretch);
    for (const int column : {TypesColumn, ErrorColumn, SqnrColumn, MaxErrorColumn})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) { showPair(row); });

    m_axisX->setTitleText(tr("Weight value"));
    m_axisX->setLabelFormat(QStringLiteral("%.2f"));
    m_axisX->setTickCount(5);
    m_axisY->setTitleText(tr("Weights"));
    m_axisY->setLabelFormat(QStringLiteral("%.6g"));
    m_axisY->setMinorTickCount(0);
    m_axisY->setRange(0.8, 10);
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);
    m_referenceSeries->setName(tr("Open checkpoint"));
    m_otherSeries->setName(tr("Other checkpoint"));
    m_otherSeries->setPen(QPen(QColor(214, 39, 40), 1.5));
    for (QLineSeries* series : {m_referenceSeries, m_otherSeries}) {
        m_chart->addSeries(series);
        series->attachAxis(m_axisX);
        series->attachAxis(m_axisY);
    }
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setTitle(tr("Histograms of the selected pair"));
    m_view = new EstimateChartView(m_chart, this);
    for (QLineSeries* series : {m_referenceSeries, m_otherSeries})
        m_view->addHoverText(series, [series](const QPointF& point) {
            return tr("%1\nvalue %2: %3 weights")
                .arg(series->name(), format::number(point.x(), 3), format::integer(std::uint64_t(point.y())));
        });
    applyPaletteToChart(m_chart, palette());
    connect(m_view, &EstimateChartView::exportRequested, this,
        [this](ChartExportFormat format) { Q_EMIT exportRequested(m_view, format); });

    auto* header = new QHBoxLayout;
    header->addWidget(m_choose);
    header->addWidget(m_summary, 1);
    header->addWidget(m_progress);
    header->addWidget(m_cancel);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_view);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(header);
    layout->addWidget(splitter, 1);

    connect(m_runner, &JobRunner::started, this, [this] {
        m_progress->setValue(0);
        m_progress->show();
        m_cancel->show();
    });
    connect(m_runner, &JobRunner::progressChanged, this,
        [this](double fraction, const QString&) { m_progress->setValue(int(fraction * 1000)); });
    connect(m_runner, &JobRunner::finished, this, [this] {
        m_progress->hide();
        m_cancel->hide();
    });
    connect(m_runner, &JobRunner::failed, this,
        [this](const QString& message) { m_summary->setText(format::errorHtml(message)); });
    connect(m_runner, &JobRunner::cancelled, this, [this] { m_summary->setText(tr("Comparison stopped.")); });
}

ComparePanel::~ComparePanel() = default;

void ComparePanel::setReference(std::shared_ptr<const Checkpoint> reference)
{
    m_runner->cancel();
    m_reference = std::move(reference);
    m_comparison.reset();
    m_table->setRowCount(0);
    m_referenceSeries->clear();
    m_otherSeries->clear();
    m_choose->setEnabled(m_reference != nullptr);
    m_summary->setText(tr("Compare %1 with a second checkpoint of the same model.")
                           .arg(QString::fromStdString(m_reference ? m_reference->path().filename().string() : "")));
}

QString ComparePanel::summaryText() const
{
    return m_summary->text();
}

void ComparePanel::chooseFile()
{
    const QString start = m_reference ? QString::fromStdString(m_reference->path().parent_path().string()) : QString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Compare with"), start,
        tr("Checkpoints (*.safetensors *.gguf *.h5 *.hdf5 *.bin *.json);;All files (*)"));
    if (!path.isEmpty())
        compareWith(path);
}

void ComparePanel::compareWith(const QString& path)
{
    if (!m_reference)
        return;
    const auto reference = m_reference;
    const std::string native = QFile::encodeName(path).toStdString();
    const QString name = QFileInfo(path).fileName();
    m_summary->setText(tr("Comparing with %1…").arg(name));
    m_runner->start<CheckpointComparison>(
        tr("Comparing with %1").arg(name),
        [reference, native](Progress& progress, std::stop_token stop) {
            const auto other = openCheckpoint(native);
            return compareCheckpoints(*reference, *other, 96, progress, stop);
        },
        [this, name](const CheckpointComparison& comparison) { showComparison(comparison, name); });
}

void ComparePanel::showComparison(const CheckpointComparison& comparison, const QString& otherName)
{
    m_comparison = comparison;
    m_otherName = otherName;
    m_table->setRowCount(int(comparison.tensors.size()));
    for (int row = 0; row < int(comparison.tensors.size()); ++row) {
        const auto& tensor = comparison.tensors[std::size_t(row)];
        const auto& metrics = tensor.metrics;
        m_table->setItem(row, TensorColumn, cell(format::tensorLabel(tensor.referenceName)));
        QString tip = tr("%1\n%2 in the other file")
                          .arg(QString::fromStdString(tensor.referenceName), QString::fromStdString(tensor.otherName));
        if (tensor.reordered)
            tip += tr("; q/k rows put in one order before comparing (the files use different rotary layouts)");
        m_table->item(row, TensorColumn)->setToolTip(tip);
        m_table->setItem(row, TypesColumn,
            cell(QString::fromUtf8(dtypeName(tensor.referenceType)) + QStringLiteral(" → ")
                + QString::fromUtf8(dtypeName(tensor.otherType))));
        m_table->setItem(row, ErrorColumn, cell(format::percent(metrics.relativeError, 2), metrics.relativeError));
        m_table->setItem(row, SqnrColumn,
            cell(std::isfinite(metrics.sqnrDb) ? QLocale().toString(metrics.sqnrDb, 'f', 1) + QStringLiteral(" dB")
                                               : tr("identical"),
                metrics.sqnrDb));
        m_table->setItem(row, MaxErrorColumn, cell(format::number(metrics.maxAbsError, 3), metrics.maxAbsError));
    }
    QString text = tr("<b>%1 against %2</b>: %3 tensors compared (%4 weights), relative error %5 overall.")
                       .arg(otherName.toHtmlEscaped(),
                           QString::fromStdString(m_reference->path().filename().string()).toHtmlEscaped())
                       .arg(comparison.tensors.size())
                       .arg(format::count(comparison.comparedWeights))
                       .arg(format::percent(comparison.relativeError, 2));
    if (!comparison.tensors.empty())
        text += tr(" Worst: %1.").arg(QString::fromStdString(comparison.tensors.front().referenceName).toHtmlEscaped());
    const auto list = [](const std::vector<std::string>& names) {
        QStringList shown;
        for (std::size_t i = 0; i < std::min<std::size_t>(names.size(), 3); ++i)
            shown << QString::fromStdString(names[i]).toHtmlEscaped();
        if (names.size() > 3)
            shown << tr("%1 more").arg(names.size() - 3);
        return shown.join(QStringLiteral(", "));
    };
    if (!comparison.onlyInReference.empty())
        text += tr(" Only in the open file: %1.").arg(list(comparison.onlyInReference));
    if (!comparison.onlyInOther.empty())
        text += tr(" Only in %1: %2.").arg(otherName.toHtmlEscaped(), list(comparison.onlyInOther));
    if (!comparison.notCompared.empty())
        text += tr(" Not compared: %1.").arg(list(comparison.notCompared));
    m_summary->setText(text);
    if (!comparison.tensors.empty())
        m_table->setCurrentCell(0, TensorColumn);
    Q_EMIT compared();
}

void ComparePanel::showPair(int row)
{
    if (!m_comparison || row < 0 || row >= int(m_comparison->tensors.size()))
        return;
    const auto& tensor = m_comparison->tensors[std::size_t(row)];
    m_referenceSeries->replace(outline(tensor.referenceHistogram));
    m_otherSeries->replace(outline(tensor.otherHistogram));
    m_referenceSeries->setName(tr("open file"));
    m_otherSeries->setName(tr("other file"));
    m_axisX->setRange(tensor.referenceHistogram.lowest, tensor.referenceHistogram.highest);
    std::uint64_t tallest = 1;
    for (const auto* histogram : {&tensor.referenceHistogram, &tensor.otherHistogram})
        for (const auto count : histogram->counts)
            tallest = std::max(tallest, count);
    m_axisY->setRange(0.8, double(tallest) * 2.0);
    m_chart->setTitle(tr("%1<br>relative error %2, SQNR %3")
                          .arg(QString::fromStdString(tensor.referenceName).toHtmlEscaped(),
                              format::percent(tensor.metrics.relativeError, 2),
                              std::isfinite(tensor.metrics.sqnrDb)
                                  ? QLocale().toString(tensor.metrics.sqnrDb, 'f', 1) + QStringLiteral(" dB")
                                  : tr("identical")));
}

} // namespace complab
