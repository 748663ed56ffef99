#include "FitPanel.h"

#include "EstimateChartData.h"
#include "Format.h"
#include "LabRecipe.h"
#include "LabState.h"
#include "TableText.h"
#include "estimate/FitQuestions.h"
#include "estimate/PrecisionLadder.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace complab {

FitPanel::FitPanel(LabState* state, QWidget* parent)
    : QWidget(parent)
    , m_state(state)
    , m_device(new QComboBox(this))
    , m_form(new QFormLayout)
{
    // Tier names grow in translation ("GPU de station de travail 48 GB"): the box keeps a fixed
    // width and the open list shows every name whole, so the dock does not widen the window.
    m_device->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_device->setMinimumContentsLength(18);
    const auto& tiers = defaultHardwareTierTable().rows();
    for (std::size_t i = 0; i < tiers.size(); ++i) {
        m_device->addItem(tabletext::translated(tabletext::hardwareTiers, tiers[i].name), static_cast<int>(i));
        m_device->setItemData(static_cast<int>(i),
            QString(tabletext::translated(tabletext::hardwareTiers, tiers[i].examples) + QLatin1Char('\n')
                + tabletext::translated(tabletext::hardwareTiers, tiers[i].source)),
            Qt::ToolTipRole);
    }
    m_device->setToolTip(tr("The device to plan for. Its usable memory is what one program may allocate on it, less "
                            "a safety margin."));
    auto* deviceLabel = new QLabel(tr("D&evice"), this);
    deviceLabel->setBuddy(m_device);
    m_form->addRow(deviceLabel, m_device);
    addField(QStringLiteral("verdict"), tr("This recipe"),
        tr("Green: fits with room to spare (at most 85 % of the budget). Amber: fits, but tightly. Red: does not "
           "fit."));
    addField(QStringLiteral("budget"), tr("Memory budget"),
        tr("Usable memory of the device less the headroom constant: the most an estimate may need to fit."));
    addField(QStringLiteral("context"), tr("Longest context that fits"),
        tr("With everything else as in the recipe, how many tokens of context the device can hold."), true);
    addField(QStringLiteral("scheme"), tr("Best scheme that fits"),
        tr("The weight format of highest estimated quality that fits at the recipe's context."), true);
    addField(QStringLiteral("model"), tr("Largest model that fits"),
        tr("The biggest real model in the lab's table that fits with this recipe's precision, pruning and context."),
        true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addStretch(1);

    connect(m_device, &QComboBox::currentIndexChanged, this, [this](int index) {
        const auto& rows = defaultHardwareTierTable().rows();
        m_state->setFitDevice(index >= 0 ? &rows[static_cast<std::size_t>(index)] : nullptr);
    });
    connect(m_state, &LabState::changed, this, &FitPanel::showAnswers);
    showAnswers();
}

QLabel* FitPanel::addField(const QString& name, const QString& label, const QString& toolTip, bool withUseButton)
{
    auto* value = new QLabel(this);
    value->setWordWrap(true);
    value->setToolTip(toolTip);
    if (name == QStringLiteral("verdict")) {
        QFont bold = value->font();
        bold.setBold(true);
        value->setFont(bold);
    }
    auto* title = new QLabel(label, this);
    title->setToolTip(toolTip);
    if (withUseButton) {
        auto* row = new QWidget(this);
        auto* layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(value, 1);
        auto* use = new QPushButton(tr("Use"), row);
        use->setToolTip(tr("Put this answer into the recipe."));
        use->setAccessibleName(tr("Use: %1").arg(label));
        layout->addWidget(use, 0, Qt::AlignTop);
        connect(use, &QPushButton::clicked, this, [this, name] { useAnswer(name); });
        m_useButtons[name] = use;
        m_form->addRow(title, row);
    } else {
        m_form->addRow(title, value);
    }
    m_fields[name] = value;
    return value;
}

QPushButton* FitPanel::useButton(const QString& name) const
{
    const auto found = m_useButtons.find(name);
    return found == m_useButtons.end() ? nullptr : found->second;
}

void FitPanel::useAnswer(const QString& name)
{
    LabRecipe recipe = m_state->recipe();
    if (name == QStringLiteral("context") && m_answerContext > 0) {
        // The largest stop of the context slider that still fits.
        std::int64_t chosen = 0;
        for (const std::int64_t stop : contextSteps())
            if (stop <= m_answerContext)
                chosen = stop;
        if (chosen == 0)
            return;
        recipe.context = chosen;
    } else if (name == QStringLiteral("scheme") && m_answerScheme) {
        const auto position = ladderPosition(*m_answerScheme);
        if (!position)
            return;
        recipe.precisionStep = position->step;
        recipe.groupSize = position->groupSize;
    } else if (name == QStringLiteral("model") && m_answerModel) {
        recipe.useLoadedModel = false;
        recipe.parameters = m_answerModel->parameters;
    } else {
        return;
    }
    m_state->setRecipe(recipe);
}

QString FitPanel::field(const QString& name) const
{
    const auto found = m_fields.find(name);
    return found == m_fields.end() ? QString() : found->second->text();
}

void FitPanel::showAnswers()
{
    const HardwareTier* device = m_state->fitDevice();
    const auto& rows = defaultHardwareTierTable().rows();
    if (device) {
        const int index = static_cast<int>(device - rows.data());
        if (m_device->currentIndex() != index)
            m_device->setCurrentIndex(index);
    }
    m_answerContext = 0;
    m_answerScheme = nullptr;
    m_answerModel = nullptr;
    const auto enableUseButtons = [this] {
        const LabRecipe& recipe = m_state->recipe();
        std::int64_t stop = 0;
        for (const std::int64_t step : contextSteps())
            if (step <= m_answerContext)
                stop = step;
        m_useButtons.at(QStringLiteral("context"))->setEnabled(stop > 0 && stop != recipe.context);
        bool schemeDiffers = false;
        if (m_answerScheme) {
            if (const auto position = ladderPosition(*m_answerScheme)) {
                const bool integerGrid = precisionLadder()[static_cast<std::size_t>(position->step)].integerBits > 0;
                schemeDiffers = position->step != recipe.precisionStep
                    || (integerGrid && position->groupSize != recipe.groupSize);
            }
        }
        m_useButtons.at(QStringLiteral("scheme"))->setEnabled(schemeDiffers);
        m_useButtons.at(QStringLiteral("model"))
            ->setEnabled(m_answerModel && (recipe.useLoadedModel || m_answerModel->parameters != recipe.parameters));
    };
    if (!device || !m_state->error().isEmpty()) {
        for (auto& [name, label] : m_fields)
            label->setText(QStringLiteral("—"));
        enableUseButtons();
        return;
    }
    const EstimateInput& input = m_state->input();
    const EstimatorConstants& constants = m_state->constants();
    const double budget = device->budgetBytes(constants.tierHeadroom);
    const VramBreakdown vram = vramOnTier(input, *m_state->estimate().architecture, *device, constants);
    const auto bytes = [](double value) { return format::bytes(static_cast<std::uint64_t>(std::llround(value))); };
    const auto status = chartdata::fitStatus(vram.totalBytes(), budget);
    QString verdict;
    QColor colour;
    switch (status) {
    case chartdata::FitStatus::Comfortable:
        verdict = tr("fits comfortably (%1 of the budget)");
        colour = QColor(0x2e, 0x9e, 0x44);
        break;
    case chartdata::FitStatus::Tight:
        verdict = tr("fits, but tightly (%1 of the budget)");
        colour = QColor(0xe0, 0x9a, 0x12);
        break;
    case chartdata::FitStatus::TooBig:
        verdict = tr("does not fit (%1 of the budget)");
        colour = QColor(0xd6, 0x3a, 0x3a);
        break;
    }
    const double share = vram.totalBytes() / budget;
    m_fields.at(QStringLiteral("verdict"))->setText(verdict.arg(format::percent(share, share < 0.1 ? 1 : 0)));
    QLabel* verdictLabel = m_fields.at(QStringLiteral("verdict"));
    // A palette, not a style sheet: re-polishing on every slider step would repaint the window.
    if (verdictLabel->palette().color(QPalette::WindowText) != colour) {
        QPalette palette = verdictLabel->palette();
        palette.setColor(QPalette::WindowText, colour);
        verdictLabel->setPalette(palette);
    }
    m_fields.at(QStringLiteral("budget"))->setText(tr("%1 of %2 usable").arg(bytes(vram.totalBytes()), bytes(budget)));

    const ContextFit context = longestContextThatFits(input, *device, constants);
    m_answerContext = context.longestContext;
    m_fields.at(QStringLiteral("context"))
        ->setText(context.longestContext == 0 ? tr("none: not even one token fits")
                : context.limitedByModel
                ? tr("%1 tokens (the model's own maximum)").arg(QLocale().toString(qlonglong(context.longestContext)))
                : tr("%1 tokens").arg(QLocale().toString(qlonglong(context.longestContext))));
    const QuantScheme* scheme = bestSchemeThatFits(input, *device, constants);
    m_answerScheme = scheme;
    m_fields.at(QStringLiteral("scheme"))
        ->setText(scheme ? QString::fromLatin1(scheme->label.data(), static_cast<int>(scheme->label.size()))
                         : tr("none fits"));
    const Architecture* model = largestModelThatFits(input, *device, constants);
    m_answerModel = model;
    m_fields.at(QStringLiteral("model"))
        ->setText(model ? tr("%1 (%2 parameters)")
                              .arg(QString::fromStdString(model->name), parameterCountText(model->parameters))
                        : tr("none fits"));
    enableUseButtons();
}

} // namespace complab
