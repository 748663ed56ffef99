// The Compression Lab main window: model pane (drop zone, model card, filterable tensor tree)
// beside the selected tensor's statistics. Opening a model runs as a background job.
#pragma once

#include <QMainWindow>

#include <memory>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QSplitter;
class QTabWidget;
class QTableView;
class QTreeView;

namespace complab {

class Checkpoint;
class JobRunner;
class MessageBar;
class MetadataModel;
class ModelCardWidget;
class TensorStatsWidget;
class TensorTreeModel;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a checkpoint file or folder in the background; errors appear in the message bar.
    void openPath(const QString& path);

    std::shared_ptr<const Checkpoint> checkpoint() const { return m_checkpoint; }
    QTreeView* tensorTree() const { return m_tree; }
    TensorTreeModel* tensorModel() const { return m_model; }
    TensorStatsWidget* statsWidget() const { return m_stats; }
    ModelCardWidget* modelCard() const { return m_card; }
    MessageBar* messageBar() const { return m_messages; }
    MetadataModel* metadataModel() const { return m_metadata; }
    JobRunner* openRunner() const { return m_openRunner; }

Q_SIGNALS:
    void checkpointOpened();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void chooseFile();
    void chooseFolder();
    void setCheckpoint(std::shared_ptr<const Checkpoint> checkpoint, qint64 milliseconds);
    void selectTensor(const QModelIndex& proxyIndex);

    std::shared_ptr<const Checkpoint> m_checkpoint;
    JobRunner* m_openRunner;
    MessageBar* m_messages;
    ModelCardWidget* m_card;
    QLabel* m_dropHint;
    QLineEdit* m_filter;
    TensorTreeModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTreeView* m_tree;
    MetadataModel* m_metadata;
    QSortFilterProxyModel* m_metadataProxy;
    QTableView* m_metadataView;
    QTabWidget* m_tabs;
    TensorStatsWidget* m_stats;
    QSplitter* m_splitter;
};

} // namespace complab
