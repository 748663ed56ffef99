#include "PruneMaskView.h"

#include "Format.h"
#include "JobRunner.h"
#include "io/Checkpoint.h"
#include "prune/MagnitudePruner.h"
#include "prune/StructuredPruner.h"
#include "prune/WeightMatrix.h"

#include <QGridLayout>
#include <QLabel>
#include <QPixmap>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace complab {

namespace {

// Kept weights from light to dark blue by |w| (square root, so small ones still show); removed ones white.
QImage maskImage(const Eigen::MatrixXf& weight, const PruneMask& keep, std::size_t firstRow, std::size_t firstColumn,
    int rows, int columns)
{
    float largest = 0.0f;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c)
            largest = std::max(largest, std::abs(weight(Eigen::Index(firstRow) + r, Eigen::Index(firstColumn) + c)));
    QImage image(columns, rows, QImage::Format_RGB32);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c) {
            const auto row = Eigen::Index(firstRow) + r;
            const auto column = Eigen::Index(firstColumn) + c;
            if (!keep(row, column)) {
                image.setPixel(c, r, qRgb(255, 255, 255));
                continue;
            }
            const double shade = largest > 0 ? std::sqrt(std::abs(weight(row, column)) / largest) : 0.0;
            image.setPixel(c, r, qRgb(int(200 - 170 * shade), int(220 - 160 * shade), int(255 - 100 * shade)));
        }
    return image;
}

} // namespace

PruneMaskPictures pruneMaskPictures(
    const Checkpoint& checkpoint, std::size_t tensorIndex, double fraction, std::stop_token stop)
{
    const auto view = checkpoint.tensor(tensorIndex);
    const Eigen::MatrixXf weight = loadWeightMatrix(view);
    PruneMaskPictures pictures;
    pictures.tensorName = view.info().name;
    pictures.fraction = fraction;
    const int rows = int(std::min<Eigen::Index>(PruneMaskPictures::regionRows, weight.rows()));
    const int columns = int(std::min<Eigen::Index>(PruneMaskPictures::regionColumns, weight.cols()));
    Eigen::Index largestRow = 0;
    Eigen::Index largestColumn = 0;
    weight.cwiseAbs().maxCoeff(&largestRow, &largestColumn);
    pictures.firstRow = std::size_t(std::clamp<Eigen::Index>(largestRow - rows / 2, 0, weight.rows() - rows));
    pictures.firstColumn
        = std::size_t(std::clamp<Eigen::Index>(largestColumn - columns / 2, 0, weight.cols() - columns));
    // 2:4 groups start at multiples of four.
    pictures.firstColumn -= pictures.firstColumn % 4;

    Progress silent;
    const std::array<PruneSpec, 2> specs{PruneSpec::unstructured(fraction), PruneSpec::nOfM(2, 4)};
    for (std::size_t method = 0; method < specs.size(); ++method) {
        const auto why = specs[method].whyNotApplicable(std::uint64_t(weight.rows()), std::uint64_t(weight.cols()));
        if (!why.empty()) {
            pictures.notApplicable[method] = why;
            pictures.relativeError[method] = NAN;
            continue;
        }
        const auto result = pruneMagnitude(weight, specs[method], silent, stop);
        pictures.images[method]
            = maskImage(weight, result.keep, pictures.firstRow, pictures.firstColumn, rows, columns);
        pictures.relativeError[method] = result.metrics.relativeError;
        pictures.sparsity[method] = result.metrics.sparsity;
    }
    throwIfStopped(stop);
    const auto structured = pruneStructured({StructuredPart{&weight, StructuredAxis::Rows}}, 1, fraction, silent, stop);
    const auto& part = structured.parts.front();
    pictures.images[2] = maskImage(weight, part.keep, pictures.firstRow, pictures.firstColumn, rows, columns);
    pictures.relativeError[2] = part.metrics.relativeError;
    pictures.sparsity[2] = part.metrics.sparsity;
    return pictures;
}

PruneMaskView::PruneMaskView(QWidget* parent)
    : QWidget(parent)
    , m_runner(new JobRunner(this))
    , m_debounce(new QTimer(this))
    , m_status(new QLabel(this))
{
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(200);
    connect(m_debounce, &QTimer::timeout, this, [this] {
        if (isVisible())
            start();
    });
    m_status->setWordWrap(true);
    auto* grid = new QGridLayout;
    for (int method = 0; method < 3; ++method) {
        m_images[std::size_t(method)] = new QLabel(this);
        m_images[std::size_t(method)]->setAlignment(Qt::AlignCenter);
        m_images[std::size_t(method)]->setMinimumSize(PruneMaskPictures::regionColumns, PruneMaskPictures::regionRows);
        m_images[std::size_t(method)]->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        m_captions[std::size_t(method)] = new QLabel(this);
        m_captions[std::size_t(method)]->setAlignment(Qt::AlignCenter);
        m_captions[std::size_t(method)]->setWordWrap(true);
        grid->addWidget(m_images[std::size_t(method)], 0, method);
        grid->addWidget(m_captions[std::size_t(method)], 1, method);
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_status);
    layout->addLayout(grid);
    connect(m_runner, &JobRunner::failed, this,
        [this](const QString& message) { m_status->setText(format::errorHtml(message)); });
    m_status->setText(tr("Select a weight matrix to see which of its weights each pruning method removes."));
}

PruneMaskView::~PruneMaskView() = default;

void PruneMaskView::setRecipeProvider(std::function<Recipe()> provider)
{
    m_recipeProvider = std::move(provider);
}

void PruneMaskView::setCheckpoint(std::shared_ptr<const Checkpoint> checkpoint)
{
    m_runner->cancel();
    m_checkpoint = std::move(checkpoint);
    m_tensorIndex = -1;
    m_pictures.reset();
    for (QLabel* label : m_images)
        label->clear();
    for (QLabel* label : m_captions)
        label->clear();
}

void PruneMaskView::setTensor(int tensorIndex)
{
    m_tensorIndex = tensorIndex;
    recipeChanged();
}

void PruneMaskView::recipeChanged()
{
    m_dirty = true;
    m_debounce->start();
}

void PruneMaskView::measureNow()
{
    m_debounce->stop();
    start();
}

void PruneMaskView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        m_debounce->start();
}

QString PruneMaskView::captionText(int method) const
{
    return m_captions[std::size_t(method)]->text();
}

void PruneMaskView::start()
{
    if (!m_checkpoint || m_tensorIndex < 0 || std::size_t(m_tensorIndex) >= m_checkpoint->tensors().size())
        return;
    m_dirty = false;
    const auto& info = m_checkpoint->tensors()[std::size_t(m_tensorIndex)];
    if (info.shape.size() != 2) {
        m_runner->cancel();
        m_pictures.reset();
        for (QLabel* label : m_images)
            label->clear();
        for (QLabel* label : m_captions)
            label->clear();
        m_status->setText(tr("%1 is not a weight matrix: nothing to prune.").arg(QString::fromStdString(info.name)));
        return;
    }
    const Recipe recipe = m_recipeProvider ? m_recipeProvider() : Recipe{};
    const double fraction = recipe.pruning && recipe.pruning->fraction > 0 ? recipe.pruning->fraction : 0.5;
    const auto checkpoint = m_checkpoint;
    const auto index = std::size_t(m_tensorIndex);
    m_status->setText(tr("Pruning %1…").arg(QString::fromStdString(info.name)));
    m_runner->start<PruneMaskPictures>(
        tr("Pruning masks of %1").arg(QString::fromStdString(info.name)),
        [checkpoint, index, fraction](
            Progress&, std::stop_token stop) { return pruneMaskPictures(*checkpoint, index, fraction, stop); },
        [this](const PruneMaskPictures& pictures) { draw(pictures); });
}

void PruneMaskView::draw(const PruneMaskPictures& pictures)
{
    m_pictures = pictures;
    const QString percent = format::percent(pictures.fraction, 0);
    const std::array<QString, 3> titles{tr("Magnitude, %1 removed").arg(percent), tr("2:4 (half of every four)"),
        tr("Structured: %1 of the rows (neurons)").arg(percent)};
    for (std::size_t method = 0; method < 3; ++method) {
        if (!pictures.notApplicable[method].empty()) {
            m_images[method]->clear();
            m_captions[method]->setText(
                QStringLiteral("<b>%1</b><br>%2")
                    .arg(titles[method], QString::fromStdString(pictures.notApplicable[method])));
            continue;
        }
        m_captions[method]->setText(tr("<b>%1</b><br>whole tensor: %2 removed, relative error %3")
                                        .arg(titles[method], format::percent(pictures.sparsity[method], 1),
                                            format::percent(pictures.relativeError[method], 1)));
    }
    const int rows = pictures.images[2].height();
    const int columns = pictures.images[2].width();
    m_status->setText(tr("<b>%1</b>, rows %2–%3, columns %4–%5 (around its largest weight); one square per weight: "
                         "darker = larger |w|, white = removed. %6")
                          .arg(QString::fromStdString(pictures.tensorName).toHtmlEscaped())
                          .arg(pictures.firstRow)
                          .arg(pictures.firstRow + std::size_t(rows) - 1)
                          .arg(pictures.firstColumn)
                          .arg(pictures.firstColumn + std::size_t(columns) - 1)
                          .arg(tr("The fraction is the recipe's pruning slider (one half while it is at 0 %).")));
    fitImages();
    Q_EMIT drawn();
}

void PruneMaskView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitImages();
}

// Whole squares per weight, as large as the label allows (never blurred).
void PruneMaskView::fitImages()
{
    if (!m_pictures)
        return;
    for (std::size_t method = 0; method < 3; ++method) {
        const QImage& image = m_pictures->images[method];
        if (image.isNull())
            continue;
        const QSize room = m_images[method]->contentsRect().size();
        const int scale = std::max(1, std::min(room.width() / image.width(), room.height() / image.height()));
        m_images[method]->setPixmap(QPixmap::fromImage(image.scaled(
            image.width() * scale, image.height() * scale, Qt::IgnoreAspectRatio, Qt::FastTransformation)));
    }
}

} // namespace complab
