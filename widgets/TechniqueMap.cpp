#include "TechniqueMap.h"

#include "Format.h"
#include "LabState.h"
#include "estimate/PrecisionLadder.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace complab {

TechniqueMap::TechniqueMap(LabState* state, QWidget* parent)
    : QWidget(parent)
    , m_state(state)
{
    auto* grid = new QGridLayout(this);
    grid->setSpacing(12);
    grid->addWidget(addBox(QStringLiteral("umbrella"), tr("Model compression"),
                        tr("The umbrella: anything that makes a model smaller or cheaper to run while keeping its "
                           "behaviour"),
                        -1),
        0, 0, 1, 4);
    grid->addWidget(addBox(QStringLiteral("quantisation"), tr("Quantisation"),
                        tr("Fewer bits per weight: a coarser grid for the same network"), Quantisation),
        1, 0);
    grid->addWidget(addBox(QStringLiteral("pruning"), tr("Pruning"),
                        tr("Remove weights, or whole rows and heads, that contribute little"), Pruning),
        1, 1);
    grid->addWidget(addBox(QStringLiteral("distillation"), tr("Distillation"),
                        tr("Train a smaller student to imitate a larger teacher"), Distillation),
        1, 2);
    grid->addWidget(addBox(QStringLiteral("lowRank"), tr("Low-rank factorisation"),
                        tr("Replace a matrix by the product of two thin ones (SVD)"), LowRank),
        1, 3);
    for (int column = 0; column < 4; ++column)
        grid->setColumnStretch(column, 1);
    grid->setRowStretch(2, 1);
    connect(m_state, &LabState::changed, this, &TechniqueMap::showState);
    showState();
}

QWidget* TechniqueMap::addBox(const QString& id, const QString& title, const QString& subtitle, int technique)
{
    auto* box = new QFrame(this);
    box->setFrameShape(QFrame::StyledPanel);
    box->setObjectName(id);
    auto* layout = new QVBoxLayout(box);
    auto* heading = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), box);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    heading->setFont(font);
    auto* what = new QLabel(subtitle, box);
    what->setWordWrap(true);
    auto* live = new QLabel(box);
    live->setWordWrap(true);
    live->setToolTip(tr("Estimated for the open model under the lab's current recipe (the rules of chapter 3)"));
    m_live[id] = live;
    layout->addWidget(heading);
    layout->addWidget(what);
    layout->addWidget(live);
    layout->addStretch(1);
    if (technique >= 0) {
        auto* demo = new QPushButton(tr("See it work ▸"), box);
        demo->setObjectName(id + QStringLiteral("Demo"));
        connect(demo, &QPushButton::clicked, this, [this, technique] { Q_EMIT demoRequested(technique); });
        layout->addWidget(demo, 0, Qt::AlignLeft);
    }
    return box;
}

QString TechniqueMap::liveText(const QString& box) const
{
    const auto found = m_live.find(box);
    return found == m_live.end() ? QString() : found->second->text();
}

void TechniqueMap::showState()
{
    const auto& recipe = m_state->recipe();
    const auto& input = m_state->input();
    const auto& estimate = m_state->estimate();
    const QString model = m_state->hasLoadedModel() && recipe.useLoadedModel
        ? m_state->loadedName()
        : tr("a %1-parameter model").arg(parameterCountText(input.parameters));
    const double fp32 = input.parameters * 4.0;
    m_live.at(QStringLiteral("umbrella"))
        ->setText(tr("Now, for %1: %2 on disk instead of %3 at FP32, %4 of the quality kept (estimates).")
                      .arg(model, format::bytes(std::uint64_t(estimate.diskBytes)), format::bytes(std::uint64_t(fp32)),
                          format::percent(estimate.quality, 1)));
    const auto steps = precisionLadder();
    const QString precision = recipe.precisionStep >= 0 && std::size_t(recipe.precisionStep) < steps.size()
        ? QString::fromUtf8(steps[std::size_t(recipe.precisionStep)].label.data(),
            qsizetype(steps[std::size_t(recipe.precisionStep)].label.size()))
        : QStringLiteral("?");
    m_live.at(QStringLiteral("quantisation"))
        ->setText(
            tr("In the lab: %1, %2 bits per weight — %3 of FP32's bytes.")
                .arg(precision, format::number(input.bitsPerWeight, 3), format::percent(input.bitsPerWeight / 32, 1)));
    m_live.at(QStringLiteral("pruning"))
        ->setText(recipe.pruneFraction > 0
                ? tr("In the lab: %1 of the weights removed.").arg(format::percent(recipe.pruneFraction, 0))
                : tr("In the lab: off. Try 50 %: the quality rule barely moves until about 60 %."));
    m_live.at(QStringLiteral("distillation"))
        ->setText(recipe.distillFactor > 1
                ? tr("In the lab: a student %1× smaller, %2 parameters.")
                      .arg(format::number(recipe.distillFactor, 3),
                          format::count(std::uint64_t(estimate.effectiveParameters)))
                : tr("In the lab: off (1×). Distillation needs training, so the lab estimates it only."));
    m_live.at(QStringLiteral("lowRank"))
        ->setText(recipe.lowRankEnergy < 1 ? tr("In the lab: rank kept to %1 of each matrix's energy.")
                                                 .arg(format::percent(recipe.lowRankEnergy, 0))
                                           : tr("In the lab: off (100 % of the energy kept)."));
}

} // namespace complab
