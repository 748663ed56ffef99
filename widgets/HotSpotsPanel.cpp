#include "HotSpotsPanel.h"

#include "Format.h"
#include "JobRunner.h"
#include "io/Checkpoint.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace complab {

RecipeScheme promotedScheme(const RecipeScheme& scheme)
{
    RecipeScheme promoted = scheme;
    const std::string& name = scheme.scheme;
    if (name.size() == 4 && name.rfind("int", 0) == 0 && name[3] >= '2' && name[3] <= '7') {
        promoted.scheme = "int8";
    } else if (name == "q2_k" || name == "q3_k" || name == "q4_k" || name == "q5_k") {
        promoted.scheme = "q6_k";
    } else if (name == "q6_k" || name == "q4_0" || name == "q4_1" || name == "q5_0" || name == "q5_1") {
        promoted.scheme = "q8_0";
    } else if (name == "nf4" || name == "mxfp4") {
        promoted.scheme = "int8";
        promoted.groupSize = 128;
        promoted.asymmetric = false;
    } else {
        promoted = RecipeScheme{};
        promoted.scheme = "keep";
    }
    return promoted;
}

namespace {

// A cell that sorts by a number while showing text.
QTableWidgetItem* numberItem(const QString& text, double value)
{
    auto* item = new QTableWidgetItem(text);
    item->setData(Qt::UserRole, value);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

QTableWidgetItem* textItem(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

} // namespace

HotSpotsPanel::HotSpotsPanel(QWidget* parent)
    : QWidget(parent)
    , m_runner(new JobRunner(this))
    , m_debounce(new QTimer(this))
    , m_summary(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_table(new QTableWidget(0, ColumnCount, this))
{
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, [this] {
        if (isVisible())
            start();
    });

    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(200);
    m_progress->hide();
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, m_runner, &JobRunner::cancel);

    m_table->setHorizontalHeaderLabels(
        {tr("#"), tr("Tensor"), tr("Stored as"), tr("Bits/weight"), tr("Relative error"), tr("SQNR"), QString()});
    m_table->horizontalHeaderItem(ErrorColumn)
        ->setToolTip(tr("‖W − Ŵ‖ / ‖W‖: the share of the tensor's norm the recipe changes"));
    m_table->horizontalHeaderItem(SqnrColumn)->setToolTip(tr("Signal-to-quantisation-noise ratio, in dB"));
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideLeft); // the end of a name says what it is
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(TensorColumn, QHeaderView::Stretch);
    for (const int column : {RankColumn, SchemeColumn, BitsColumn, ErrorColumn, SqnrColumn, ActionColumn})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    auto* header = new QHBoxLayout;
    header->addWidget(m_summary, 1);
    header->addWidget(m_progress);
    header->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(header);
    layout->addWidget(m_table, 1);

    connect(m_runner, &JobRunner::started, this, [this] {
        m_progress->setValue(0);
        m_progress->show();
        m_cancel->show();
    });
    connect(m_runner, &JobRunner::progressChanged, this,
        [this](double fraction, const QString&) { m_progress->setValue(static_cast<int>(fraction * 1000)); });
    connect(m_runner, &JobRunner::finished, this, [this] {
        m_progress->hide();
        m_cancel->hide();
    });
    connect(m_runner, &JobRunner::failed, this,
        [this](const QString& message) { m_summary->setText(format::errorHtml(message)); });
    connect(m_runner, &JobRunner::cancelled, this, [this] {
        if (!m_runner->isRunning()) {
            m_dirty = true;
            m_summary->setText(tr("Measuring stopped; change the recipe or show this tab again to measure."));
        }
    });
    m_summary->setText(tr("Open a model to rank its tensors by the error the recipe leaves in them."));
}

HotSpotsPanel::~HotSpotsPanel() = default;

void HotSpotsPanel::setRecipeProvider(std::function<Recipe()> provider)
{
    m_recipeProvider = std::move(provider);
}

void HotSpotsPanel::setCheckpoint(std::shared_ptr<const Checkpoint> checkpoint)
{
    m_runner->cancel();
    m_checkpoint = std::move(checkpoint);
    m_ranking.clear();
    m_table->setRowCount(0);
    m_summary->setText(tr("Measuring every tensor under the recipe…"));
    recipeChanged();
}

void HotSpotsPanel::recipeChanged()
{
    m_dirty = true;
    m_debounce->start();
}

void HotSpotsPanel::setDebounceMilliseconds(int milliseconds)
{
    m_debounce->setInterval(milliseconds);
}

void HotSpotsPanel::measureNow()
{
    m_debounce->stop();
    start();
}

QString HotSpotsPanel::summaryText() const
{
    return m_summary->text();
}

void HotSpotsPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        m_debounce->start();
}

void HotSpotsPanel::start()
{
    if (!m_checkpoint || !m_recipeProvider)
        return;
    m_dirty = false;
    Recipe recipe;
    try {
        recipe = m_recipeProvider();
    } catch (const std::exception& e) {
        m_summary->setText(tr("The recipe cannot be measured: %1").arg(QString::fromStdString(e.what())));
        return;
    }
    const auto checkpoint = m_checkpoint;
    m_runner->start<std::vector<TensorPlan>>(
        tr("Measuring every tensor under the recipe"),
        [checkpoint, recipe](Progress& progress, std::stop_token stop) {
            const Pipeline pipeline(checkpoint, recipe, PipelineOptions{});
            std::vector<TensorPlan> plans;
            const auto count = pipeline.plan().size();
            plans.reserve(count);
            for (std::size_t i = 0; i < count; ++i) {
                progress.setStep(pipeline.plan()[i].sourceName, static_cast<double>(i) / static_cast<double>(count));
                plans.push_back(pipeline.measure(i, stop));
            }
            return plans;
        },
        [this](const std::vector<TensorPlan>& plans) { showRanking(plans); });
}

void HotSpotsPanel::showRanking(std::vector<TensorPlan> plans)
{
    // Totals over the whole model, at each scheme's own storage (scales included).
    std::uint64_t parameters = 0;
    std::uint64_t storedBytes = 0;
    std::uint64_t sourceBytes = 0;
    for (const auto& plan : plans) {
        std::uint64_t elements = 1;
        for (const auto dimension : plan.shape)
            elements *= static_cast<std::uint64_t>(dimension);
        parameters += elements;
        sourceBytes += dtypeStorageBytes(plan.sourceType, elements).value_or(0);
        storedBytes
            += plan.metrics ? plan.metrics->storedBytes : dtypeStorageBytes(plan.storedAs, elements).value_or(0);
    }
    std::stable_sort(plans.begin(), plans.end(), [](const TensorPlan& a, const TensorPlan& b) {
        const double left = a.metrics ? a.metrics->relativeError : -1.0;
        const double right = b.metrics ? b.metrics->relativeError : -1.0;
        return left > right;
    });
    m_ranking.clear();
    for (const auto& plan : plans)
        if (plan.metrics)
            m_ranking.push_back(plan);

    const Recipe recipe = m_recipeProvider ? m_recipeProvider() : Recipe{};
    m_table->setSortingEnabled(false);
    m_table->setRowCount(static_cast<int>(m_ranking.size()));
    for (int row = 0; row < static_cast<int>(m_ranking.size()); ++row) {
        const auto& plan = m_ranking[static_cast<std::size_t>(row)];
        const auto& metrics = *plan.metrics;
        QString what
            = plan.spec ? QString::fromStdString(plan.spec->name()) : QString::fromUtf8(dtypeName(plan.storedAs));
        for (const auto& step : plan.steps)
            what = QString::fromStdString(step) + QStringLiteral(" + ") + what;
        m_table->setItem(row, RankColumn, numberItem(QString::number(row + 1), row + 1));
        m_table->setItem(row, TensorColumn, textItem(QString::fromStdString(plan.sourceName)));
        m_table->setItem(row, SchemeColumn, textItem(what));
        m_table->setItem(row, BitsColumn, numberItem(format::number(metrics.bitsPerWeight, 3), metrics.bitsPerWeight));
        m_table->setItem(
            row, ErrorColumn, numberItem(format::percent(metrics.relativeError, 2), metrics.relativeError));
        m_table->setItem(row, SqnrColumn,
            numberItem(std::isfinite(metrics.sqnrDb)
                    ? QLocale().toString(metrics.sqnrDb, 'f', 1) + QStringLiteral(" dB")
                    : tr("exact"),
                metrics.sqnrDb));
        std::vector<std::string> names{plan.sourceName};
        if (!plan.llamaCppName.empty())
            names.push_back(plan.llamaCppName);
        const RecipeScheme current = recipe.schemeFor(names);
        const RecipeScheme promoted = promotedScheme(current);
        const QString target = promoted.keeps()
            ? tr("keep as is")
            : QString::fromStdString(
                promoted.scheme == "int8" ? "int8 g" + std::to_string(promoted.groupSize) : promoted.scheme);
        auto* button = new QPushButton(tr("Keep at %1").arg(target), m_table);
        button->setToolTip(tr("Keep this tensor at higher precision: adds a rule to the recipe storing %1 as %2; the "
                              "ranking and charts are measured again.")
                               .arg(QString::fromStdString(plan.sourceName), target));
        const QString name = QString::fromStdString(plan.sourceName);
        connect(
            button, &QPushButton::clicked, this, [this, name, promoted] { Q_EMIT promoteRequested(name, promoted); });
        m_table->setCellWidget(row, ActionColumn, button);
    }

    const std::size_t kept = plans.size() - m_ranking.size();
    QString text
        = tr("<b>Whole model under this recipe</b>: %1 of %2 tensors changed, %3 instead of %4 (%5 bits/weight on "
             "average, scales included).")
              .arg(m_ranking.size())
              .arg(plans.size())
              .arg(format::bytes(storedBytes), format::bytes(sourceBytes),
                  format::number(
                      parameters ? 8.0 * static_cast<double>(storedBytes) / static_cast<double>(parameters) : 0.0, 3));
    if (!m_ranking.empty())
        text += tr(" Worst: %1 at %2 relative error.")
                    .arg(QString::fromStdString(m_ranking.front().sourceName).toHtmlEscaped(),
                        format::percent(m_ranking.front().metrics->relativeError, 1));
    if (kept > 0)
        text += tr(" %1 tensors are stored unchanged and not listed.").arg(kept);
    m_summary->setText(text + tr(" <i>Measured on this checkpoint.</i>"));
    Q_EMIT measured();
}

} // namespace complab
