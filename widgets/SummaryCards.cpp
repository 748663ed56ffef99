#include "SummaryCards.h"

#include "Format.h"
#include "LabState.h"
#include "TableText.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <cmath>

namespace complab {

namespace {

QString bytes(double value)
{
    return format::bytes(static_cast<std::uint64_t>(std::llround(std::max(value, 0.0))));
}

QString bandText(QualityBand band)
{
    switch (band) {
    case QualityBand::NearLossless:
        return SummaryCards::tr("near-lossless");
    case QualityBand::Minor:
        return SummaryCards::tr("minor loss");
    case QualityBand::NoticeableDrift:
        return SummaryCards::tr("noticeable drift");
    case QualityBand::Significant:
        return SummaryCards::tr("significant loss");
    case QualityBand::Broken:
        return SummaryCards::tr("broken");
    }
    return {};
}

} // namespace

SummaryCards::SummaryCards(LabState* state, QWidget* parent)
    : QWidget(parent)
    , m_state(state)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(addCard(QStringLiteral("disk"), tr("Weights on disk"),
        tr("Size of the weights file: surviving parameters × bits per weight ÷ 8, scales included.")));
    layout->addWidget(addCard(QStringLiteral("vram"), tr("VRAM required"),
        tr("Graphics memory needed to run the model: the weights, plus the KV cache for every token in context, plus "
           "working buffers.")));
    layout->addWidget(addCard(QStringLiteral("quality"), tr("Quality retained"),
        tr("Rule-of-thumb share of the original model's quality: one factor each for precision, pruning and "
           "distillation, multiplied.")));
    layout->addWidget(addCard(QStringLiteral("tier"), tr("Hardware tier"),
        tr("The smallest common device whose usable memory, less a 5 % safety margin, holds the VRAM estimate.")));
    connect(m_state, &LabState::changed, this, &SummaryCards::showEstimate);
    fixHeight();
    showEstimate();
}

void SummaryCards::fixHeight()
{
    // A fixed height (room for the longest card), so a detail that wraps onto one more line never
    // resizes the charts below: that relayout cost more than the whole estimate.
    setFixedHeight(fontMetrics().lineSpacing() * 10 + 24);
}

void SummaryCards::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        fixHeight(); // zoom
}

QWidget* SummaryCards::addCard(const QString& name, const QString& title, const QString& toolTip)
{
    auto* card = new QFrame(this);
    card->setFrameShape(QFrame::StyledPanel);
    // Equal shares of the row whatever the text: a long tier name wraps instead of widening the window.
    card->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    card->setMinimumWidth(card->fontMetrics().averageCharWidth() * 18);
    card->setToolTip(toolTip);
    card->setAccessibleName(title);
    auto* layout = new QVBoxLayout(card);
    layout->setSpacing(2);
    auto* header = new QHBoxLayout;
    auto* titleLabel = new QLabel(title, card);
    QFont titleFont = titleLabel->font();
    titleFont.setBold(true);
    titleLabel->setFont(titleFont);
    auto* kind = new QLabel(tr("estimate"), card);
    kind->setToolTip(tr("Computed by the rule-of-thumb model, not measured on the checkpoint."));
    QFont kindFont = kind->font();
    kindFont.setItalic(true);
    kindFont.setPointSizeF(kindFont.pointSizeF() * 0.85);
    kind->setFont(kindFont);
    kind->setForegroundRole(QPalette::PlaceholderText);
    header->addWidget(titleLabel);
    header->addStretch(1);
    header->addWidget(kind);
    layout->addLayout(header);

    auto* value = new QLabel(card);
    QFont valueFont = value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.9);
    valueFont.setBold(true);
    value->setFont(valueFont);
    value->setWordWrap(true);
    layout->addWidget(value);
    auto* detail = new QLabel(card);
    detail->setWordWrap(true);
    layout->addWidget(detail);
    m_fields[name] = value;
    m_fields[name + QStringLiteral("Detail")] = detail;
    m_fields[name + QStringLiteral("Kind")] = kind;
    if (name == QStringLiteral("vram")) {
        auto* other = new QLabel(card);
        other->setWordWrap(true);
        other->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(other);
        m_fields[QStringLiteral("vramOther")] = other;
    }
    if (name == QStringLiteral("quality")) {
        auto* measured = new QLabel(card);
        measured->setWordWrap(true);
        measured->setToolTip(tr("Measured by the Run tab: the compressed model against the original on held-out "
                                "text. Removed when the recipe changes."));
        measured->hide();
        layout->addWidget(measured);
        m_fields[QStringLiteral("qualityMeasured")] = measured;
    }
    layout->addStretch(1);
    return card;
}

void SummaryCards::setMeasuredQuality(const QString& text)
{
    QLabel* measured = m_fields.at(QStringLiteral("qualityMeasured"));
    measured->setText(text);
    measured->setVisible(!text.isEmpty());
}

QString SummaryCards::field(const QString& name) const
{
    const auto found = m_fields.find(name);
    return found == m_fields.end() ? QString() : found->second->text();
}

void SummaryCards::showEstimate()
{
    const Estimate& e = m_state->estimate();
    const bool firstOrder = m_state->input().runtime == RuntimeProfile::FirstOrder;
    m_fields.at(QStringLiteral("disk"))->setText(bytes(e.diskBytes));
    QString diskDetail = tr("%1 smaller than FP32").arg(format::percent(e.fractionSmallerThanFp32, 0));
    QLabel* diskKind = m_fields.at(QStringLiteral("diskKind"));
    if (const auto& planned = m_state->plannedStorage()) {
        // Bits per weight from the open model's tensors: kept norms and per-tensor rules counted.
        diskDetail += tr("; %1 bits/weight over this model's %2 tensors (%3 quantised)")
                          .arg(format::number(planned->bitsPerWeight, 3))
                          .arg(planned->tensors)
                          .arg(planned->quantised);
        if (planned->rules == 1)
            diskDetail += tr(", 1 per-tensor rule");
        else if (planned->rules > 1)
            diskDetail += tr(", %1 per-tensor rules").arg(planned->rules);
        diskKind->setText(tr("planned"));
        diskKind->setToolTip(tr("Bits per weight planned from the open model's own tensors: the type the recipe "
                                "gives each (per-tensor rules included, small tensors kept in their own type), "
                                "scales counted. Pruning and distillation still follow the rule of thumb."));
    } else {
        diskKind->setText(tr("estimate"));
        diskKind->setToolTip(tr("Computed by the rule-of-thumb model, not measured on the checkpoint."));
    }
    m_fields.at(QStringLiteral("diskDetail"))->setText(diskDetail);

    const VramBreakdown& v = e.vram;
    m_fields.at(QStringLiteral("vram"))->setText(bytes(v.totalBytes()));
    QString terms = tr("weights %1 + KV cache %2 + %3 %4")
                        .arg(bytes(v.weightBytes), bytes(v.kvCacheBytes),
                            firstOrder ? tr("activations") : tr("compute buffer"), bytes(v.activationBytes));
    if (!firstOrder)
        terms += tr(" + runtime %1").arg(bytes(v.runtimeOverheadBytes));
    m_fields.at(QStringLiteral("vramDetail"))->setText(terms);
    const double other = m_state->otherProfileEstimate().vram.totalBytes();
    m_fields.at(QStringLiteral("vramOther"))
        ->setText(firstOrder ? tr("llama.cpp would allocate %1").arg(bytes(other))
                             : tr("first-order sum: %1").arg(bytes(other)));

    m_fields.at(QStringLiteral("quality"))->setText(format::percent(e.quality, 1));
    m_fields.at(QStringLiteral("qualityDetail"))->setText(bandText(e.qualityBand));

    if (e.tier) {
        m_fields.at(QStringLiteral("tier"))->setText(tabletext::translated(tabletext::hardwareTiers, e.tier->name));
        QString detail = tabletext::translated(tabletext::hardwareTiers, e.tier->examples);
        // A CPU-only device answers "what is the smallest thing this runs on"; name the GPU too.
        if (e.tier->backend == Backend::Cpu && e.acceleratorTier)
            detail = tr("%1; smallest GPU or Mac: %2")
                         .arg(detail, tabletext::translated(tabletext::hardwareTiers, e.acceleratorTier->name));
        m_fields.at(QStringLiteral("tierDetail"))->setText(detail);
    } else {
        m_fields.at(QStringLiteral("tier"))->setText(tr("none fits"));
        m_fields.at(QStringLiteral("tierDetail"))->setText(tr("larger than every device in the table"));
    }
    if (!m_state->error().isEmpty())
        m_fields.at(QStringLiteral("tierDetail"))->setText(tr("Cannot estimate: %1").arg(m_state->error()));
}

} // namespace complab
