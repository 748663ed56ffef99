// The model pane: the open checkpoint's card, a drop hint, and its tensors (a filterable tree) and
// file metadata (a table) in tabs. Selecting a tensor emits its index; the window shows its statistics.
#pragma once

#include <QStringList>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTreeView;

namespace complab {

class Checkpoint;
class MetadataModel;
class ModelCardWidget;
class TensorTreeModel;

class ModelPane : public QWidget
{
    Q_OBJECT
public:
    explicit ModelPane(QWidget* parent = nullptr);

    void setCheckpoint(const std::shared_ptr<const Checkpoint>& checkpoint);
    // Selects the tensor of that name (clearing the filter if it hides it); false when there is none.
    bool selectTensor(const QString& name);

    QTreeView* tensorTree() const { return m_tree; }
    TensorTreeModel* tensorModel() const { return m_model; }
    ModelCardWidget* modelCard() const { return m_card; }
    MetadataModel* metadataModel() const { return m_metadata; }

Q_SIGNALS:
    void tensorSelected(int tensorIndex);

private:
    ModelCardWidget* m_card;
    QLabel* m_dropHint;
    QLineEdit* m_filter;
    QStringList m_tensorNames; // checkpoint order
    TensorTreeModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTreeView* m_tree;
    MetadataModel* m_metadata;
    QSortFilterProxyModel* m_metadataProxy;
    QTableView* m_metadataView;
    QTabWidget* m_tabs;
};

} // namespace complab
