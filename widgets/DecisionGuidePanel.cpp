#include "DecisionGuidePanel.h"

#include "Format.h"
#include "LabRecipe.h"
#include "LabState.h"
#include "TableText.h"
#include "estimate/DecisionGuide.h"
#include "estimate/PrecisionLadder.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace complab {

namespace {

// A text of the decision guide's table, in the interface's language and escaped for rich text.
QString text(const std::string& value)
{
    return tabletext::translated(tabletext::decisionGuide, value).toHtmlEscaped();
}

} // namespace

DecisionGuidePanel::DecisionGuidePanel(LabState* state, QWidget* parent)
    : QWidget(parent)
    , m_state(state)
    , m_list(new QListWidget(this))
    , m_text(new QLabel(this))
    , m_apply(new QPushButton(tr("&Use this recipe"), this))
{
    for (const auto& entry : defaultDecisionGuide().rows())
        m_list->addItem(tabletext::translated(tabletext::decisionGuide, entry.situation));
    m_list->setToolTip(tr("Common situations and what people reach for first. Choose one, then press “Use this "
                          "recipe” (or double-click) to load it into the sliders."));
    m_list->setAccessibleName(tr("Situations"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_apply->setToolTip(tr("Set the sliders to this situation's recipe; the model size stays as it is."));
    m_apply->setEnabled(false);
    auto* layout = new QVBoxLayout(this);
    auto* label = new QLabel(tr("&Situation"), this);
    label->setBuddy(m_list);
    layout->addWidget(label);
    layout->addWidget(m_list);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_apply);
    connect(m_list, &QListWidget::currentRowChanged, this, &DecisionGuidePanel::showSituation);
    connect(m_list, &QListWidget::itemActivated, this,
        [this](QListWidgetItem* item) { applySituation(m_list->row(item)); });
    connect(m_apply, &QPushButton::clicked, this, [this] { applySituation(m_list->currentRow()); });
}

QString DecisionGuidePanel::explanation() const
{
    return m_text->text();
}

void DecisionGuidePanel::showSituation(int row)
{
    const auto& rows = defaultDecisionGuide().rows();
    m_apply->setEnabled(row >= 0 && row < static_cast<int>(rows.size()));
    if (!m_apply->isEnabled()) {
        m_text->clear();
        return;
    }
    const auto& entry = rows[static_cast<std::size_t>(row)];
    m_text->setText(tr("<p><b>First reach for:</b> %1</p><p><b>Caveat:</b> %2</p>")
                        .arg(text(entry.firstReach), text(entry.caveat)));
}

void DecisionGuidePanel::applySituation(int row)
{
    const auto& rows = defaultDecisionGuide().rows();
    if (row < 0 || row >= static_cast<int>(rows.size()))
        return;
    const auto& entry = rows[static_cast<std::size_t>(row)];
    LabRecipe recipe = m_state->recipe();
    QString schemeText = tr("unchanged");
    if (entry.scheme) {
        schemeText = QString::fromLatin1(entry.scheme->label.data(), static_cast<int>(entry.scheme->label.size()));
        if (const auto position = ladderPosition(*entry.scheme)) {
            recipe.precisionStep = position->step;
            recipe.groupSize = position->groupSize;
        }
    }
    recipe.pruneFraction = entry.pruneFraction;
    recipe.distillFactor = distillSteps()[static_cast<std::size_t>(nearestStep(distillSteps(), entry.distillFactor))];
    recipe.context = contextSteps()[static_cast<std::size_t>(nearestStep(contextSteps(), entry.context))];
    recipe.kvType = entry.kvType;
    m_state->setRecipe(recipe);
    m_text->setText(tr("<p><b>First reach for:</b> %1</p><p><b>Caveat:</b> %2</p><p><b>Recipe set:</b> %3; pruning "
                       "%4; student %5× smaller; context %6 tokens; KV cache %7.</p><p><i>Source: %8</i></p>")
                        .arg(text(entry.firstReach), text(entry.caveat), schemeText.toHtmlEscaped(),
                            format::percent(entry.pruneFraction, 0), QString::number(entry.distillFactor),
                            contextText(recipe.context), QString::fromLatin1(kvCacheTypeInfo(entry.kvType).id.data()),
                            text(entry.source)));
}

} // namespace complab
