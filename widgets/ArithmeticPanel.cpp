#include "ArithmeticPanel.h"

#include "ConstantsPanel.h"
#include "Format.h"
#include "LabState.h"
#include "estimate/QualityModel.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace complab {

ArithmeticPanel::ArithmeticPanel(LabState* state, QWidget* parent)
    : QWidget(parent)
    , m_state(state)
    , m_constants(new ConstantsPanel(state, this))
{
    auto* outer = new QHBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* layout = new QVBoxLayout;
    outer->addLayout(layout, 1);
    const std::array<QString, 3> titles{
        tr("1 · Footprint"), tr("2 · Effective parameters"), tr("3 · Quality retained")};
    const std::array<QString, 3> morals{
        tr("Precision is a multiplier on memory: halve the bits, halve the bytes, whatever the architecture."),
        tr("Pruning subtracts a fraction of the weights; distillation divides their number. Different routes to a "
           "similar place."),
        tr("One factor per technique, multiplied: each is below one, so stacking techniques loses faster than any one "
           "of them.")};
    for (std::size_t i = 0; i < 3; ++i) {
        auto* frame = new QFrame(this);
        frame->setFrameShape(QFrame::StyledPanel);
        auto* inner = new QVBoxLayout(frame);
        auto* title = new QLabel(QStringLiteral("<b>%1</b>").arg(titles[i].toHtmlEscaped()), frame);
        m_equations[i] = new QLabel(frame);
        m_equations[i]->setTextFormat(Qt::RichText);
        m_equations[i]->setWordWrap(true);
        m_equations[i]->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto* moral = new QLabel(morals[i], frame);
        moral->setWordWrap(true);
        inner->addWidget(title);
        inner->addWidget(m_equations[i]);
        inner->addWidget(moral);
        layout->addWidget(frame);
    }
    layout->addStretch(1);
    auto* right = new QVBoxLayout;
    auto* heading = new QLabel(tr("<b>The constants</b> — rules of thumb, each with its source. Edit one and the "
                                  "equations, the cards and the charts follow."),
        this);
    heading->setWordWrap(true);
    right->addWidget(heading);
    right->addWidget(m_constants, 1);
    outer->addLayout(right, 1);
    connect(m_state, &LabState::changed, this, &ArithmeticPanel::showState);
    showState();
}

QString ArithmeticPanel::equationText(int equation) const
{
    return m_equations.at(std::size_t(equation))->text();
}

void ArithmeticPanel::showState()
{
    const auto& input = m_state->input();
    const auto& estimate = m_state->estimate();
    const auto& constants = m_state->constants();
    const auto n = [](double value) { return format::number(value, 4); };
    const QString parameters = format::count(std::uint64_t(input.parameters));
    const QString effective = format::count(std::uint64_t(estimate.effectiveParameters));
    m_equations[0]->setText(
        tr("disk = N<sub>eff</sub> × bits ÷ 8 = %1 × %2 ÷ 8 = <b>%3</b>")
            .arg(effective, n(input.bitsPerWeight), format::bytes(std::uint64_t(estimate.diskBytes))));
    m_equations[1]->setText(tr("N<sub>eff</sub> = N × (1 − p) ÷ d = %1 × (1 − %2) ÷ %3 = <b>%4</b>")
                                .arg(parameters, n(input.pruneFraction), n(input.distillFactor), effective));
    const double bits = quantisationQuality(input.weightBits, constants);
    const double pruning = pruningQuality(input.pruneFraction, constants);
    const double distillation = distillationQuality(input.distillFactor, constants);
    m_equations[2]->setText(
        tr("q = q<sub>bits</sub> × (1 − (%1·p + %2·p³)) × (1 − %3·log₂ d) = %4 × %5 × %6 = <b>%7</b>")
            .arg(n(constants.pruneLinear), n(constants.pruneCubic), n(constants.distillPerHalving), n(bits), n(pruning),
                n(distillation), format::percent(estimate.quality, 1)));
}

} // namespace complab
