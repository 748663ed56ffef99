#include "ConstantsPanel.h"

#include "ConstantsModel.h"
#include "Format.h"
#include "LabState.h"

#include <QButtonGroup>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace complab {

ConstantsPanel::ConstantsPanel(LabState* state, QWidget* parent)
    : QWidget(parent)
    , m_state(state)
    , m_model(new ConstantsModel(this))
    , m_view(new QTableView(this))
    , m_firstOrder(new QRadioButton(this))
    , m_llamaCpp(new QRadioButton(this))
    , m_message(new QLabel(this))
{
    auto* profiles = new QGroupBox(tr("Runtime profile of the VRAM estimate"), this);
    profiles->setToolTip(tr("First-order is the textbook sum (weights + KV cache + activations). llama.cpp adds what "
                            "it really allocates: compute buffers sized by its graph and a per-GPU runtime reserve."));
    auto* profileLayout = new QVBoxLayout(profiles);
    profileLayout->addWidget(m_firstOrder);
    profileLayout->addWidget(m_llamaCpp);
    auto* group = new QButtonGroup(this);
    group->addButton(m_firstOrder);
    group->addButton(m_llamaCpp);

    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    // Rows follow the font both ways (the workshop's presentation mode enlarges it, then restores it).
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setEditTriggers(
        QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_view->horizontalHeader()->setSectionResizeMode(ConstantsModel::LabelColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setToolTip(tr("Double-click a value (or press F2) to change it; the whole lab follows at once. Bold "
                          "values differ from their defaults."));
    auto* tableLabel = new QLabel(tr("Rule-of-thumb &constants"), this);
    tableLabel->setBuddy(m_view);

    auto* reset = new QPushButton(tr("&Reset to defaults"), this);
    reset->setToolTip(tr("Put every constant back to the value from the seed article and the published results."));
    m_message->setWordWrap(true);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_message, 1);
    buttons->addWidget(reset);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(profiles);
    layout->addWidget(tableLabel);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(reset, &QPushButton::clicked, this, [this] { m_model->setConstants(EstimatorConstants()); });
    connect(m_model, &ConstantsModel::constantsEdited, this, [this](const EstimatorConstants& constants) {
        m_message->clear();
        m_state->setConstants(constants);
    });
    connect(m_model, &ConstantsModel::editRefused, m_message, &QLabel::setText);
    const auto setProfile = [this](RuntimeProfile profile) {
        LabRecipe recipe = m_state->recipe();
        recipe.runtime = profile;
        m_state->setRecipe(recipe);
    };
    connect(m_firstOrder, &QRadioButton::clicked, this, [setProfile] { setProfile(RuntimeProfile::FirstOrder); });
    connect(m_llamaCpp, &QRadioButton::clicked, this, [setProfile] { setProfile(RuntimeProfile::LlamaCpp); });
    connect(m_state, &LabState::changed, this, &ConstantsPanel::showState);
    showState();
}

QString ConstantsPanel::message() const
{
    return m_message->text();
}

void ConstantsPanel::showState()
{
    if (m_model->constants() != m_state->constants())
        m_model->setConstants(m_state->constants());
    const bool firstOrder = m_state->input().runtime == RuntimeProfile::FirstOrder;
    const auto total = [](const Estimate& e) {
        return format::bytes(static_cast<std::uint64_t>(std::llround(e.vram.totalBytes())));
    };
    const Estimate& chosen = m_state->estimate();
    const Estimate& other = m_state->otherProfileEstimate();
    m_firstOrder->setText(tr("&First-order (the seed's sum): %1").arg(total(firstOrder ? chosen : other)));
    m_llamaCpp->setText(tr("&llama.cpp (its allocations): %1").arg(total(firstOrder ? other : chosen)));
    m_firstOrder->setChecked(firstOrder);
    m_llamaCpp->setChecked(!firstOrder);
}

} // namespace complab
