#include "MetadataModel.h"

namespace complab {

MetadataModel::MetadataModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void MetadataModel::setMetadata(const std::map<std::string, std::string>& metadata)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(metadata.size());
    for (const auto& [key, value] : metadata)
        m_rows.emplace_back(QString::fromStdString(key), QString::fromStdString(value));
    endResetModel();
}

int MetadataModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int MetadataModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MetadataModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(m_rows.size()))
        return {};
    const auto& [key, value] = m_rows[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole || role == Qt::EditRole)
        return index.column() == KeyColumn ? key : value;
    if (role == Qt::ToolTipRole)
        return value;
    return {};
}

QVariant MetadataModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == KeyColumn ? tr("Key") : section == ValueColumn ? tr("Value") : QVariant();
}

} // namespace complab
