// The model card: what a checkpoint is at a glance (format, tensors, parameters, bytes on disk,
// dtypes and, when a config.json is beside it, the architecture).
#pragma once

#include <QWidget>

#include <memory>

class QFormLayout;
class QLabel;

namespace complab {

class Checkpoint;

class ModelCardWidget : public QWidget
{
    Q_OBJECT
public:
    explicit ModelCardWidget(QWidget* parent = nullptr);

    void setCheckpoint(const std::shared_ptr<const Checkpoint>& checkpoint);
    // The text of a row, by its field name ("format", "tensors", ...); for tests.
    QString field(const QString& name) const;

private:
    QLabel* addRow(const QString& name, const QString& label, const QString& toolTip);

    QLabel* m_title;
    QFormLayout* m_form;
    std::vector<std::pair<QString, QLabel*>> m_fields;
};

} // namespace complab
