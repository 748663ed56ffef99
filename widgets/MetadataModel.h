// The checkpoint's own key/value metadata (GGUF keys, safetensors __metadata__, index metadata)
// as a two-column table: key and value (long arrays shown by their first items and length).
#pragma once

#include <QAbstractTableModel>

#include <map>
#include <string>
#include <vector>

namespace complab {

class MetadataModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { KeyColumn, ValueColumn, ColumnCount };

    explicit MetadataModel(QObject* parent = nullptr);

    void setMetadata(const std::map<std::string, std::string>& metadata);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<std::pair<QString, QString>> m_rows;
};

} // namespace complab
