// The checkpoint's tensors as a tree grouped by layer prefix: "model.layers.3.mlp.up_proj.weight"
// sits under layers ▸ 3 as "mlp.up_proj.weight". Groups show the sums of their tensors.
#pragma once

#include "io/TensorInfo.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace complab {

class TensorTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ShapeColumn, DTypeColumn, ParametersColumn, BytesColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, // numbers for numeric columns, never formatted strings
        TensorIndexRole, // index into the checkpoint's tensor list, -1 for groups
        FullNameRole, // the tensor's full name (groups: their prefix)
    };

    explicit TensorTreeModel(QObject* parent = nullptr);
    ~TensorTreeModel() override;

    // Takes a snapshot of the tensor list (no file access).
    void setTensors(const std::vector<TensorInfo>& tensors);
    // The model index of the tensor with this checkpoint index (column 0), or invalid.
    QModelIndex indexForTensor(int tensorIndex) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Splits a tensor name into its group path and its leaf label (exposed for tests).
    static std::pair<QStringList, QString> groupPath(const QString& name);

    struct Node; // opaque tree node

private:
    const Node* nodeOf(const QModelIndex& index) const;

    std::unique_ptr<Node> m_root;
    std::vector<TensorInfo> m_tensors;
    std::vector<const Node*> m_leafOfTensor;
};

} // namespace complab
