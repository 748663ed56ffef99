// The four summary cards under the charts' title: weights on disk, VRAM required (with its terms,
// under both runtime profiles), quality retained with its band, and the smallest hardware tier that
// holds the recipe. Each is marked "estimate": the rule of thumb, not a measurement ("planned" for
// the weights when they are summed over the open model's tensors); a Run's measured quality joins
// the quality card while the recipe stays the one that was run.
#pragma once

#include <QWidget>

#include <map>

class QLabel;

namespace complab {

class LabState;

class SummaryCards : public QWidget
{
    Q_OBJECT
public:
    explicit SummaryCards(LabState* state, QWidget* parent = nullptr);

    // The text of one line of a card, for tests: "disk", "diskDetail", "vram", "vramDetail",
    // "vramOther", "quality", "qualityDetail", "tier", "tierDetail", and "diskKind" ... the badges.
    QString field(const QString& name) const;
    // A measurement of the current recipe on the open model, shown under the rule of thumb on the
    // quality card ("qualityMeasured"); an empty text removes it.
    void setMeasuredQuality(const QString& text);

protected:
    void changeEvent(QEvent* event) override;

private:
    void fixHeight();
    QWidget* addCard(const QString& name, const QString& title, const QString& toolTip);
    void showEstimate();

    LabState* m_state;
    std::map<QString, QLabel*> m_fields;
};

} // namespace complab
