#include "RecipePane.h"

#include "Format.h"
#include "LabState.h"
#include "estimate/ArchitectureTable.h"
#include "estimate/PrecisionLadder.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace complab {

namespace {

// "32 layers, 8 KV heads × 128" and, where they apply, the sliding window and the experts
// (Architecture::shapeSummary() in the interface's language).
QString shapeText(const Architecture& a)
{
    QString text = RecipePane::tr("%1 layers, %2 KV heads × %3")
                       .arg(QString::number(a.layers), QString::number(a.keyValueHeads), QString::number(a.headDim));
    if (a.slidingWindow > 0)
        text += RecipePane::tr(", sliding window %1 on %2 layers")
                    .arg(format::integer(std::uint64_t(a.slidingWindow)), QString::number(a.slidingWindowLayers()));
    if (a.experts > 0)
        text += RecipePane::tr(", %1 experts (%2 per token)")
                    .arg(QString::number(a.experts), QString::number(a.expertsPerToken));
    return text;
}

QString kvTypeLabel(KvCacheType type)
{
    switch (type) {
    case KvCacheType::F32:
        return RecipePane::tr("F32 (4 bytes per value)");
    case KvCacheType::F16:
        return RecipePane::tr("F16 (2 bytes, the default)");
    case KvCacheType::BF16:
        return RecipePane::tr("BF16 (2 bytes)");
    case KvCacheType::Fp8:
        return RecipePane::tr("FP8 (1 byte)");
    case KvCacheType::Q8_0:
        return RecipePane::tr("Q8_0 (≈1.06 bytes, llama.cpp)");
    case KvCacheType::Q4_0:
        return RecipePane::tr("Q4_0 (≈0.56 bytes, llama.cpp)");
    }
    return {};
}

} // namespace

RecipePane::RecipePane(LabState* state, QWidget* parent)
    : QWidget(parent)
    , m_state(state)
    , m_grid(new QGridLayout)
    , m_asLoaded(new QCheckBox(tr("Use the &loaded model"), this))
    , m_architecture(new QLabel(this))
    , m_pruneMethod(new QComboBox(this))
    , m_batch(new QSpinBox(this))
    , m_kvType(new QComboBox(this))
    , m_runtime(new QComboBox(this))
    , m_flashAttention(new QCheckBox(tr("Fl&ash attention"), this))
{
    m_grid->setColumnStretch(0, 1);
    // Long entries must not widen the pane beyond its dock: combo boxes size to a few characters.
    for (QComboBox* box : {m_pruneMethod, m_kvType, m_runtime}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(14);
    }
    m_grid->setVerticalSpacing(2);

    auto* size = addSlider(QStringLiteral("size"), tr("Model &size"), static_cast<int>(modelSizeSteps().size()) - 1,
        tr("How many weights the model has. Memory grows in proportion; the slider is logarithmic, from 0.5 to "
           "405 billion."));
    m_asLoaded->setToolTip(tr("Estimate for the checkpoint that is open, with its own parameter count and shape, "
                              "instead of a model of the size on the slider."));
    m_grid->addWidget(m_asLoaded, m_row++, 0, 1, 2);
    m_focusOrder.push_back(m_asLoaded);
    m_architecture->setWordWrap(true);
    m_architecture->setToolTip(tr("The layer and attention shape the KV-cache estimate uses. With only a size, the "
                                  "lab borrows the shape of the nearest real model."));
    QFont small = m_architecture->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_architecture->setFont(small);
    m_grid->addWidget(m_architecture, m_row++, 0, 1, 2);
    Q_UNUSED(size);

    addSlider(QStringLiteral("precision"), tr("&Precision (weight format)"),
        static_cast<int>(precisionLadder().size()) - 1,
        tr("How many bits store each weight. Fewer bits make the file smaller but round every weight to a coarser "
           "grid, which costs quality."));
    addSlider(QStringLiteral("groupSize"), tr("&Group size"), static_cast<int>(integerGroupSizes().size()) - 1,
        tr("Integer formats share one scale between a group of weights; smaller groups follow the weights more "
           "closely but store more scales. The k-quants and float formats have their own fixed blocks."));
    addSlider(QStringLiteral("prune"), tr("P&runing"), 90,
        tr("Share of the weights removed. The first third costs little; past about 60 % quality falls off a cliff "
           "unless the model is fine-tuned afterwards."));
    for (const auto& method : pruneMethods())
        m_pruneMethod->addItem(QCoreApplication::translate("LabRecipe", method.label), QString::fromLatin1(method.id));
    addRow(tr("Pruning &method"), m_pruneMethod,
        tr("How the weights to remove are chosen. The rule-of-thumb estimate uses one curve for all methods; "
           "measuring them on the checkpoint shows how they differ."));
    addSlider(QStringLiteral("distill"), tr("&Distillation"), static_cast<int>(distillSteps().size()) - 1,
        tr("Train a smaller student model to imitate this one. 4× means the student has a quarter of the weights; "
           "each halving costs a small, steady amount of quality."));
    addSlider(QStringLiteral("lowRank"), tr("Lo&w-rank energy kept"), 50,
        tr("Replace each weight matrix by two thin ones that keep this share of its energy (squared singular "
           "values). 100 % means no factorisation."));
    addSlider(QStringLiteral("context"), tr("&Context length"), static_cast<int>(contextSteps().size()) - 1,
        tr("How many tokens the model keeps in view. The KV cache grows in proportion and dominates memory at long "
           "contexts."));

    m_batch->setRange(1, 256);
    addRow(tr("&Batch (sequences)"), m_batch,
        tr("How many conversations run at once. Each one needs its own KV cache, so memory for the cache "
           "multiplies."));
    for (const auto& info : kvCacheTypes())
        m_kvType->addItem(kvTypeLabel(info.type), static_cast<int>(info.type));
    addRow(tr("&KV cache type"), m_kvType,
        tr("The number format of the attention cache (keys and values of every past token). Quantising it is the "
           "main lever at long contexts."));
    m_runtime->addItem(tr("First-order (the seed's arithmetic)"), static_cast<int>(RuntimeProfile::FirstOrder));
    m_runtime->addItem(tr("llama.cpp (its real allocations)"), static_cast<int>(RuntimeProfile::LlamaCpp));
    addRow(tr("R&untime profile"), m_runtime,
        tr("Which memory model the VRAM figure follows: the simple textbook sum, or what llama.cpp actually "
           "allocates (compute buffers, per-GPU overhead)."));
    m_flashAttention->setToolTip(tr("llama.cpp's fused attention: smaller compute buffers, and required before it "
                                    "will store a quantised V cache."));
    m_grid->addWidget(m_flashAttention, m_row++, 0, 1, 2);
    m_focusOrder.push_back(m_flashAttention);
    // Children were created in another order; Tab must walk the pane top to bottom.
    for (std::size_t i = 1; i < m_focusOrder.size(); ++i)
        setTabOrder(m_focusOrder[i - 1], m_focusOrder[i]);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(m_grid);
    layout->addStretch(1);

    for (const auto& [name, pair] : m_sliders)
        connect(pair.first, &QSlider::valueChanged, this, [this, slider = pair.first] {
            if (slider == m_sliders.at(QStringLiteral("size")).first && !m_syncing)
                m_asLoaded->setChecked(false); // moving the size slider asks about a size, not the file
            readControls();
        });
    connect(m_asLoaded, &QCheckBox::toggled, this, &RecipePane::readControls);
    connect(m_pruneMethod, &QComboBox::currentIndexChanged, this, &RecipePane::readControls);
    connect(m_batch, &QSpinBox::valueChanged, this, &RecipePane::readControls);
    connect(m_kvType, &QComboBox::currentIndexChanged, this, &RecipePane::readControls);
    connect(m_runtime, &QComboBox::currentIndexChanged, this, &RecipePane::readControls);
    connect(m_flashAttention, &QCheckBox::toggled, this, &RecipePane::readControls);
    connect(m_state, &LabState::changed, this, &RecipePane::showState);
    showState();
}

QSlider* RecipePane::addSlider(const QString& name, const QString& label, int maximum, const QString& toolTip)
{
    auto* slider = new QSlider(Qt::Horizontal, this);
    slider->setObjectName(name);
    slider->setRange(0, maximum);
    slider->setPageStep(std::max(1, maximum / 8));
    slider->setToolTip(toolTip);
    slider->setAccessibleName(QString(label).remove(QLatin1Char('&')));
    auto* title = new QLabel(label, this);
    title->setBuddy(slider);
    title->setToolTip(toolTip);
    auto* value = new QLabel(this);
    value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    value->setTextFormat(Qt::PlainText);
    QFont bold = value->font();
    bold.setBold(true);
    value->setFont(bold);
    m_grid->addWidget(title, m_row, 0);
    m_grid->addWidget(value, m_row++, 1);
    m_grid->addWidget(slider, m_row++, 0, 1, 2);
    m_grid->setRowMinimumHeight(m_row++, 6);
    m_sliders[name] = {slider, value};
    m_focusOrder.push_back(slider);
    return slider;
}

void RecipePane::addRow(const QString& label, QWidget* field, const QString& toolTip)
{
    auto* title = new QLabel(label, this);
    title->setBuddy(field);
    title->setToolTip(toolTip);
    field->setToolTip(toolTip);
    m_grid->addWidget(title, m_row, 0);
    m_grid->addWidget(field, m_row++, 1);
    m_focusOrder.push_back(field);
}

QSlider* RecipePane::slider(const QString& name) const
{
    const auto found = m_sliders.find(name);
    return found == m_sliders.end() ? nullptr : found->second.first;
}

QStringList RecipePane::sliderNames() const
{
    QStringList names;
    for (const auto& [name, pair] : m_sliders)
        names << name;
    return names;
}

QString RecipePane::valueText(const QString& name) const
{
    if (name == QStringLiteral("architecture"))
        return m_architecture->text();
    const auto found = m_sliders.find(name);
    return found == m_sliders.end() ? QString() : found->second.second->text();
}

void RecipePane::readControls()
{
    if (m_syncing)
        return;
    LabRecipe recipe = m_state->recipe();
    const auto value = [this](const char* name) { return m_sliders.at(QString::fromLatin1(name)).first->value(); };
    recipe.useLoadedModel = m_asLoaded->isChecked() && m_state->hasLoadedModel();
    recipe.parameters = modelSizeSteps()[static_cast<std::size_t>(value("size"))];
    recipe.precisionStep = value("precision");
    recipe.groupSize = integerGroupSizes()[static_cast<std::size_t>(value("groupSize"))];
    recipe.pruneFraction = value("prune") / 100.0;
    recipe.pruneMethod = m_pruneMethod->currentData().toString();
    recipe.distillFactor = distillSteps()[static_cast<std::size_t>(value("distill"))];
    recipe.lowRankEnergy = (50 + value("lowRank")) / 100.0;
    recipe.context = contextSteps()[static_cast<std::size_t>(value("context"))];
    recipe.batch = m_batch->value();
    recipe.kvType = static_cast<KvCacheType>(m_kvType->currentData().toInt());
    recipe.runtime = static_cast<RuntimeProfile>(m_runtime->currentData().toInt());
    recipe.flashAttention = m_flashAttention->isChecked();
    m_state->setRecipe(recipe);
}

void RecipePane::showState()
{
    m_syncing = true;
    const LabRecipe& recipe = m_state->recipe();
    const auto set = [this](const char* name, int position, const QString& text) {
        auto& [slider, label] = m_sliders.at(QString::fromLatin1(name));
        slider->setValue(position);
        label->setText(text);
    };
    const Estimate& estimate = m_state->estimate();
    const Architecture* architecture = estimate.architecture;

    m_asLoaded->setEnabled(m_state->hasLoadedModel());
    m_asLoaded->setChecked(recipe.useLoadedModel);
    const bool asLoaded = recipe.useLoadedModel && m_state->hasLoadedModel();
    set("size", nearestStep(modelSizeSteps(), recipe.parameters),
        asLoaded ? tr("as loaded: %1").arg(parameterCountText(m_state->loadedParameters()))
                 : tr("%1 weights").arg(parameterCountText(recipe.parameters)));
    if (architecture) {
        const QString shape = shapeText(*architecture);
        const QString name = QString::fromStdString(architecture->name);
        m_architecture->setText(estimate.architectureAssumed
                ? tr("assuming %1-like: %2").arg(name, shape)
                : tr("shape of %1 (from its config.json): %2").arg(name, shape));
    }

    const auto& step = precisionLadder()[static_cast<std::size_t>(recipe.precisionStep)];
    set("precision", recipe.precisionStep,
        tr("%1 · %2 bits/weight")
            .arg(QString::fromLatin1(step.label.data(), static_cast<int>(step.label.size())),
                // The scheme's own cost; the planned average over the open model's tensors is on the card.
                QLocale().toString(precisionStepScheme(recipe.precisionStep, recipe.groupSize).bitsPerWeight, 'g', 4)));
    const bool integer = step.integerBits > 0;
    int groupIndex = 0;
    for (std::size_t i = 0; i < integerGroupSizes().size(); ++i)
        if (integerGroupSizes()[i] == recipe.groupSize)
            groupIndex = static_cast<int>(i);
    set("groupSize", groupIndex,
        !integer                    ? tr("fixed by the format")
            : recipe.groupSize == 0 ? tr("no scales (seed)")
                                    : tr("%1 per scale").arg(recipe.groupSize));
    m_sliders.at(QStringLiteral("groupSize")).first->setEnabled(integer);

    set("prune", static_cast<int>(std::lround(recipe.pruneFraction * 100)),
        tr("%1 removed").arg(format::percent(recipe.pruneFraction, 0)));
    m_pruneMethod->setCurrentIndex(std::max(0, m_pruneMethod->findData(recipe.pruneMethod)));
    m_pruneMethod->setEnabled(recipe.pruneFraction > 0);
    set("distill", nearestStep(distillSteps(), recipe.distillFactor),
        recipe.distillFactor <= 1 ? tr("1× (none)")
                                  : tr("%1× smaller").arg(QLocale().toString(recipe.distillFactor, 'g', 3)));
    set("lowRank", static_cast<int>(std::lround(recipe.lowRankEnergy * 100)) - 50,
        recipe.lowRankEnergy >= 1.0 ? tr("100 % (off)")
                                    : tr("%1 (not estimated)").arg(format::percent(recipe.lowRankEnergy, 0)));
    set("context", nearestStep(contextSteps(), recipe.context), tr("%1 tokens").arg(contextText(recipe.context)));
    m_batch->setValue(static_cast<int>(recipe.batch));
    m_kvType->setCurrentIndex(m_kvType->findData(static_cast<int>(recipe.kvType)));
    m_runtime->setCurrentIndex(m_runtime->findData(static_cast<int>(recipe.runtime)));
    m_flashAttention->setChecked(recipe.flashAttention);
    m_flashAttention->setEnabled(recipe.runtime == RuntimeProfile::LlamaCpp);
    m_syncing = false;
}

} // namespace complab
