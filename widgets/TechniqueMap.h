// The workshop's first chapter: the map of compression techniques — the umbrella and its four
// families — with what each would do to the open model under the lab's current recipe (from the
// estimator, so each line is an estimate) and a button that opens the family's demo.
#pragma once

#include <QWidget>

#include <map>

class QLabel;

namespace complab {

class LabState;

class TechniqueMap : public QWidget
{
    Q_OBJECT
public:
    enum Technique { Quantisation, Pruning, Distillation, LowRank, TechniqueCount };
    explicit TechniqueMap(LabState* state, QWidget* parent = nullptr);
    // The live line of a box: "umbrella" or the technique's id ("quantisation", "pruning", ...).
    QString liveText(const QString& box) const;

Q_SIGNALS:
    void demoRequested(int technique);

private:
    void showState();
    QWidget* addBox(const QString& id, const QString& title, const QString& subtitle, int technique);

    LabState* m_state;
    std::map<QString, QLabel*> m_live;
};

} // namespace complab
