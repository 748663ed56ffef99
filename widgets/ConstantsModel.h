// The estimator's constants as an editable table: what each one is, its value (editable), its
// default, what kind of number it is and where it comes from. Edits that would make the model
// impossible (quality above 1, bands out of order) are refused with the estimator's own message.
#pragma once

#include "estimate/EstimatorConstants.h"

#include <QAbstractTableModel>

namespace complab {

class ConstantsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { LabelColumn, ValueColumn, DefaultColumn, KindColumn, SourcesColumn, ColumnCount };
    enum Role { KeyRole = Qt::UserRole + 1, SortRole };

    explicit ConstantsModel(QObject* parent = nullptr);

    const EstimatorConstants& constants() const { return m_constants; }
    void setConstants(const EstimatorConstants& constants);
    // Why the last edit was refused; empty after an accepted one.
    const QString& lastError() const { return m_lastError; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // After an accepted edit or a reset.
    void constantsEdited(const complab::EstimatorConstants& constants);
    void editRefused(const QString& message);

private:
    EstimatorConstants m_constants;
    QString m_lastError;
};

} // namespace complab
