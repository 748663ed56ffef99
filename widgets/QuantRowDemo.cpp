#include "QuantRowDemo.h"

#include "ChartPalette.h"
#include "EstimateChartView.h"
#include "Format.h"
#include "JobRunner.h"
#include "io/Checkpoint.h"
#include "prune/WeightMatrix.h"
#include "quant/QuantGrid.h"
#include "quant/TensorQuantizer.h"
#include "recipe/Progress.h"

#include <QChart>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QSlider>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace complab {

QuantRowLadder quantRowLadder(const Checkpoint& checkpoint, std::size_t tensorIndex, std::stop_token stop)
{
    const auto view = checkpoint.tensor(tensorIndex);
    if (view.info().shape.size() != 2)
        throw std::invalid_argument("tensor '" + view.info().name + "' is not a matrix: it has no rows to quantise");
    const Eigen::MatrixXf weight = loadWeightMatrix(view);
    throwIfStopped(stop);
    QuantRowLadder ladder;
    ladder.tensorName = view.info().name;
    ladder.rowCount = std::size_t(weight.rows());
    // The row of median largest magnitude: a typical row, neither the calmest nor the one with the outlier.
    std::vector<std::pair<float, Eigen::Index>> largest(std::size_t(weight.rows()));
    for (Eigen::Index r = 0; r < weight.rows(); ++r)
        largest[std::size_t(r)] = {weight.row(r).cwiseAbs().maxCoeff(), r};
    const auto middle = largest.begin() + std::ptrdiff_t(largest.size() / 2);
    std::nth_element(largest.begin(), middle, largest.end());
    ladder.row = std::size_t(middle->second);
    ladder.original.resize(std::size_t(weight.cols()));
    for (Eigen::Index c = 0; c < weight.cols(); ++c)
        ladder.original[std::size_t(c)] = weight(Eigen::Index(ladder.row), c);
    const std::size_t n = ladder.original.size();
    for (int bits = QuantRowLadder::fewestBits; bits <= QuantRowLadder::mostBits; ++bits) {
        throwIfStopped(stop);
        QuantRowLadder::Step step;
        step.bits = bits;
        step.quantised.resize(n);
        const IntGrid grid = IntGrid::fit(ladder.original.data(), n, bits, false);
        grid.apply(ladder.original.data(), n, step.quantised.data());
        const auto spec = QuantSpec::perChannel(QuantFormat::Int, bits, false);
        step.levels = quantGroupGrid(spec, ladder.original.data(), 1, n).levels;
        double squares = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const double difference = double(ladder.original[i]) - double(step.quantised[i]);
            squares += difference * difference;
        }
        step.rmsError = std::sqrt(squares / double(n));
        ladder.steps.push_back(std::move(step));
    }
    return ladder;
}

int defaultDemoTensor(const Checkpoint& checkpoint)
{
    int firstMatrix = -1;
    const auto& tensors = checkpoint.tensors();
    for (std::size_t i = 0; i < tensors.size(); ++i) {
        if (tensors[i].shape.size() != 2 || !tensors[i].supported || tensors[i].shape[1] < 8)
            continue;
        if (tensors[i].name.find("layers") != std::string::npos || tensors[i].name.find("blk.") != std::string::npos)
            return int(i);
        if (firstMatrix < 0)
            firstMatrix = int(i);
    }
    return firstMatrix;
}

QuantRowDemo::QuantRowDemo(QWidget* parent)
    : QWidget(parent)
    , m_runner(new JobRunner(this))
    , m_bits(new QSlider(Qt::Horizontal, this))
    , m_bitsLabel(new QLabel(this))
    , m_error(new QLabel(this))
    , m_ladderText(new QLabel(this))
    , m_caption(new QLabel(this))
    , m_chart(new QChart)
    , m_axisX(new QValueAxis)
    , m_axisY(new QValueAxis)
    , m_original(new QLineSeries)
    , m_quantised(new QLineSeries)
{
    m_bits->setRange(QuantRowLadder::fewestBits, QuantRowLadder::mostBits);
    m_bits->setValue(4);
    m_bits->setPageStep(1);
    m_bits->setTickPosition(QSlider::TicksBelow);
    m_bits->setAccessibleName(tr("Bits per weight"));
    m_bits->setToolTip(tr("How many bits each weight keeps: 2^bits levels between the row's smallest and largest "
                          "weight"));
    QFont big = m_error->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_error->setFont(big);
    m_caption->setWordWrap(true);
    m_ladderText->setWordWrap(true);

    m_chart->setTitle(tr("One row of weights, before and after rounding"));
    m_axisX->setTitleText(tr("Column of the row"));
    m_axisX->setLabelFormat(QStringLiteral("%.0f"));
    m_axisX->setTickType(QValueAxis::TicksDynamic);
    m_axisX->setTickAnchor(0);
    m_axisX->setTickInterval(8);
    m_axisY->setTitleText(tr("Weight value"));
    m_axisY->setLabelFormat(QStringLiteral("%.3f"));
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);
    m_original->setName(tr("Original (as stored in the checkpoint)"));
    m_quantised->setName(tr("Rounded to the grid"));
    QPen originalPen(QColor(0x1e, 0x88, 0xe5));
    originalPen.setWidthF(2.0);
    m_original->setPen(originalPen);
    QPen quantisedPen(QColor(0xe5, 0x39, 0x35));
    quantisedPen.setWidthF(2.0);
    m_quantised->setPen(quantisedPen);
    for (QLineSeries* series : {m_original, m_quantised}) {
        m_chart->addSeries(series);
        series->attachAxis(m_axisX);
        series->attachAxis(m_axisY);
    }
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_view = new EstimateChartView(m_chart, this);
    m_view->setMinimumHeight(260);
    m_view->addHoverText(m_original, [](const QPointF& p) {
        return tr("Column %1: %2").arg(QString::number(p.x(), 'f', 0), format::number(p.y()));
    });

    auto* controls = new QGridLayout;
    controls->addWidget(new QLabel(tr("Bits per weight"), this), 0, 0);
    controls->addWidget(m_bits, 0, 1);
    controls->addWidget(m_bitsLabel, 0, 2);
    controls->addWidget(new QLabel(tr("RMS reconstruction error"), this), 1, 0);
    controls->addWidget(m_error, 1, 1, 1, 2);
    controls->setColumnStretch(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_ladderText);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_caption);

    connect(m_bits, &QSlider::valueChanged, this, &QuantRowDemo::draw);
    connect(m_runner, &JobRunner::failed, this, [this](const QString& message) {
        m_ladder.reset();
        m_caption->setText(format::errorHtml(message));
        draw();
    });
    applyPaletteToChart(m_chart, palette());
    draw();
}

QuantRowDemo::~QuantRowDemo() = default;

void QuantRowDemo::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) // View ▸ Appearance
        applyPaletteToChart(m_chart, palette());
}

void QuantRowDemo::setCheckpoint(std::shared_ptr<const Checkpoint> checkpoint)
{
    m_runner->cancel();
    m_checkpoint = std::move(checkpoint);
    m_ladder.reset();
    m_tensorIndex = -1;
    start();
}

void QuantRowDemo::setTensor(int tensorIndex)
{
    if (!m_checkpoint)
        return;
    const auto& tensors = m_checkpoint->tensors();
    // Vectors have no row to show: keep the current matrix.
    if (tensorIndex >= 0
        && (std::size_t(tensorIndex) >= tensors.size() || tensors[std::size_t(tensorIndex)].shape.size() != 2))
        return;
    if (tensorIndex == m_tensorIndex && m_ladder)
        return;
    m_tensorIndex = tensorIndex;
    start();
}

void QuantRowDemo::setBits(int bits)
{
    m_bits->setValue(bits);
}

int QuantRowDemo::bits() const
{
    return m_bits->value();
}

QString QuantRowDemo::errorText() const
{
    return m_error->text();
}

void QuantRowDemo::start()
{
    if (!m_checkpoint)
        return;
    if (m_tensorIndex < 0)
        m_tensorIndex = defaultDemoTensor(*m_checkpoint);
    if (m_tensorIndex < 0) {
        m_caption->setText(tr("This checkpoint has no weight matrix to take a row from."));
        return;
    }
    const auto checkpoint = m_checkpoint;
    const auto index = std::size_t(m_tensorIndex);
    const QString name = QString::fromStdString(checkpoint->tensors()[index].name);
    m_caption->setText(tr("Reading a row of %1…").arg(name));
    m_runner->start<QuantRowLadder>(
        tr("Rounding a row of %1").arg(name),
        [checkpoint, index](Progress&, std::stop_token stop) { return quantRowLadder(*checkpoint, index, stop); },
        [this](const QuantRowLadder& ladder) {
            m_ladder = std::make_unique<QuantRowLadder>(ladder);
            draw();
        });
}

void QuantRowDemo::draw()
{
    const int bits = m_bits->value();
    m_bitsLabel->setText(tr("%1 bits · %2 levels").arg(bits).arg(1 << bits));
    for (QLineSeries* line : m_levelLines) {
        m_chart->removeSeries(line);
        delete line;
    }
    m_levelLines.clear();
    if (!m_ladder) {
        m_original->clear();
        m_quantised->clear();
        m_error->setText(QStringLiteral("—"));
        m_ladderText->clear();
        return;
    }
    const auto& step = m_ladder->step(bits);
    m_error->setText(format::number(step.rmsError, 3));
    QStringList ladder;
    for (const auto& each : m_ladder->steps)
        ladder << tr("%1 bits: %2").arg(each.bits).arg(format::number(each.rmsError, 3));
    m_ladderText->setText(tr("RMS error at each width — each bit removed roughly doubles it: %1")
                              .arg(ladder.join(QStringLiteral(" · "))));
    const int shown = std::min<int>(shownColumns, int(m_ladder->original.size()));
    QList<QPointF> original;
    QList<QPointF> quantised;
    float low = 0;
    float high = 0;
    for (int c = 0; c < shown; ++c) {
        const float value = m_ladder->original[std::size_t(c)];
        const float rounded = step.quantised[std::size_t(c)];
        original << QPointF(c, value);
        // A step per column: the stored value holds across the column's width.
        quantised << QPointF(c - 0.5, rounded) << QPointF(c + 0.5, rounded);
        low = std::min({low, value, rounded});
        high = std::max({high, value, rounded});
    }
    m_original->replace(original);
    m_quantised->replace(quantised);
    const float margin = std::max(1e-6f, (high - low) * 0.05f);
    m_axisX->setRange(-0.5, shown - 0.5);
    m_axisY->setRange(low - margin, high + margin);
    m_axisY->applyNiceNumbers(); // ticks at round values (0.10, not 0.103)
    // The grid itself, while there are few enough levels to tell apart.
    if (step.levels.size() <= 16) {
        QColor gridColour = palette().color(QPalette::Text);
        gridColour.setAlpha(70);
        QPen pen(gridColour);
        pen.setStyle(Qt::DotLine);
        for (const float level : step.levels) {
            if (level < low - margin || level > high + margin)
                continue;
            auto* line = new QLineSeries;
            line->setPen(pen);
            line->append(-0.5, level);
            line->append(shown - 0.5, level);
            m_chart->addSeries(line);
            line->attachAxis(m_axisX);
            line->attachAxis(m_axisY);
            m_chart->legend()->markers(line).first()->setVisible(false);
            m_levelLines.push_back(line);
        }
    }
    m_caption->setText(tr("Row %1 of %2 in %3 (the row whose largest weight is the median of all rows); the first "
                          "%4 of its %5 columns are drawn, the error is over the whole row. Dotted lines: the levels "
                          "the grid allows.")
                           .arg(m_ladder->row)
                           .arg(m_ladder->rowCount)
                           .arg(QString::fromStdString(m_ladder->tensorName))
                           .arg(shown)
                           .arg(m_ladder->original.size()));
    Q_EMIT drawn();
}

} // namespace complab
