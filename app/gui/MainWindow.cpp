#include "MainWindow.h"

#include "JobRunner.h"
#include "MessageBar.h"
#include "MetadataModel.h"
#include "ModelCardWidget.h"
#include "SamplePaths.h"
#include "TensorStatsWidget.h"
#include "TensorTreeModel.h"
#include "io/Checkpoint.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace complab {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_openRunner(new JobRunner(this))
    , m_messages(new MessageBar(this))
    , m_card(new ModelCardWidget(this))
    , m_dropHint(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_model(new TensorTreeModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_tree(new QTreeView(this))
    , m_metadata(new MetadataModel(this))
    , m_metadataProxy(new QSortFilterProxyModel(this))
    , m_metadataView(new QTableView(this))
    , m_tabs(new QTabWidget(this))
    , m_stats(new TensorStatsWidget(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    setWindowTitle(tr("Compression Lab"));
    setAcceptDrops(true);

    m_dropHint->setText(tr("Drop a checkpoint (.safetensors, .gguf, .h5, llama2.c .bin) or a model folder anywhere on "
                           "this window, or use File ▸ Open."));
    m_dropHint->setWordWrap(true);
    m_dropHint->setAlignment(Qt::AlignCenter);
    m_dropHint->setStyleSheet(
        QStringLiteral("QLabel { border: 2px dashed #9aa5b1; border-radius: 6px; padding: 8px; color: #52606d; }"));

    m_filter->setPlaceholderText(tr("Filter by name (e.g. mlp, layers.3, q_proj, tokenizer)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Show only tensors whose full name contains this text."));

    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterRole(TensorTreeModel::FullNameRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(TensorTreeModel::SortRole);
    m_tree->setModel(m_proxy);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(TensorTreeModel::NameColumn, Qt::AscendingOrder);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(TensorTreeModel::NameColumn, QHeaderView::Stretch);
    for (int column = TensorTreeModel::ShapeColumn; column < TensorTreeModel::ColumnCount; ++column)
        m_tree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_metadataProxy->setSourceModel(m_metadata);
    m_metadataProxy->setFilterKeyColumn(-1);
    m_metadataProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_metadataView->setModel(m_metadataProxy);
    m_metadataView->setSortingEnabled(true);
    m_metadataView->sortByColumn(MetadataModel::KeyColumn, Qt::AscendingOrder);
    m_metadataView->verticalHeader()->hide();
    m_metadataView->setWordWrap(false);
    m_metadataView->horizontalHeader()->setStretchLastSection(true);
    m_metadataView->setSelectionBehavior(QAbstractItemView::SelectRows);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterFixedString(text);
        m_metadataProxy->setFilterFixedString(text);
        if (!text.isEmpty())
            m_tree->expandAll();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex& current) { selectTensor(current); });

    auto* modelPane = new QWidget(this);
    auto* modelLayout = new QVBoxLayout(modelPane);
    modelLayout->addWidget(m_card);
    modelLayout->addWidget(m_dropHint);
    modelLayout->addWidget(m_filter);
    m_tabs->addTab(m_tree, tr("Tensors"));
    m_tabs->addTab(m_metadataView, tr("Metadata"));
    m_tabs->setTabToolTip(1, tr("Key/value information stored in the file: GGUF keys, safetensors __metadata__."));
    modelLayout->addWidget(m_tabs, 1);

    m_splitter->addWidget(modelPane);
    m_splitter->addWidget(m_stats);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);

    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(4, 4, 4, 4);
    centralLayout->addWidget(m_messages);
    centralLayout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    createMenus();
    statusBar()->showMessage(tr("Ready"));

    connect(m_openRunner, &JobRunner::started, this, [this](const QString& title) { statusBar()->showMessage(title); });
    connect(m_openRunner, &JobRunner::failed, this, [this](const QString& message) {
        m_messages->showMessage(message);
        statusBar()->showMessage(tr("Could not open the model"));
    });

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1400, 900);
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    auto* file = menuBar()->addMenu(tr("&File"));
    auto* open = file->addAction(tr("&Open Checkpoint File…"), this, &MainWindow::chooseFile);
    open->setShortcut(QKeySequence::Open);
    file->addAction(tr("Open Model &Folder…"), this, &MainWindow::chooseFolder);
    file->addAction(tr("Open the &Sample Model"), this, [this] {
        const QString sample = bundledSamplePath();
        if (sample.isEmpty())
            m_messages->showMessage(tr("The bundled sample model was not found next to the program."));
        else
            openPath(sample);
    });
    file->addSeparator();
    auto* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Compression Lab"), this, [this] {
        QMessageBox::about(this, tr("About Compression Lab"),
            tr("<h3>Compression Lab %1</h3><p>A laboratory for compressing language models: "
               "open a checkpoint, inspect its tensors, and see what quantisation, pruning and "
               "low-rank factorisation do to them.</p>")
                .arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::chooseFile()
{
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Checkpoint"),
        settings.value(QStringLiteral("lastDirectory")).toString(),
        tr("Checkpoints (*.safetensors *.safetensors.index.json *.gguf *.h5 *.bin);;All files (*)"));
    if (!path.isEmpty())
        openPath(path);
}

void MainWindow::chooseFolder()
{
    QSettings settings;
    const QString path = QFileDialog::getExistingDirectory(
        this, tr("Open Model Folder"), settings.value(QStringLiteral("lastDirectory")).toString());
    if (!path.isEmpty())
        openPath(path);
}

void MainWindow::openPath(const QString& path)
{
    m_messages->hide();
    QSettings().setValue(QStringLiteral("lastDirectory"), QFileInfo(path).absolutePath());
    const std::string nativePath = QFile::encodeName(path).toStdString();
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    m_openRunner->start<std::shared_ptr<const Checkpoint>>(
        tr("Opening %1…").arg(QFileInfo(path).fileName()),
        [nativePath](Progress&, std::stop_token) { return openCheckpoint(nativePath); },
        [this, timer](
            const std::shared_ptr<const Checkpoint>& checkpoint) { setCheckpoint(checkpoint, timer->elapsed()); });
}

void MainWindow::setCheckpoint(std::shared_ptr<const Checkpoint> checkpoint, qint64 milliseconds)
{
    m_stats->clear();
    m_checkpoint = std::move(checkpoint);
    m_card->setCheckpoint(m_checkpoint);
    m_model->setTensors(m_checkpoint->tensors());
    m_metadata->setMetadata(m_checkpoint->metadata());
    m_tabs->setTabText(1, tr("Metadata (%1)").arg(m_checkpoint->metadata().size()));
    m_metadataView->resizeColumnToContents(MetadataModel::KeyColumn);
    m_tree->expandToDepth(0);
    const QString name = QString::fromStdString(m_checkpoint->path().filename().string());
    setWindowTitle(tr("%1 — Compression Lab").arg(name));
    statusBar()->showMessage(tr("Opened %1 in %2 ms").arg(name).arg(milliseconds));
    // Show something at once: the first matrix (usually the embedding table).
    for (std::size_t i = 0; i < m_checkpoint->tensors().size(); ++i) {
        if (m_checkpoint->tensors()[i].shape.size() == 2) {
            const QModelIndex index = m_proxy->mapFromSource(m_model->indexForTensor(static_cast<int>(i)));
            m_tree->setCurrentIndex(index);
            break;
        }
    }
    Q_EMIT checkpointOpened();
}

void MainWindow::selectTensor(const QModelIndex& proxyIndex)
{
    const int tensorIndex = proxyIndex.isValid() ? proxyIndex.data(TensorTreeModel::TensorIndexRole).toInt() : -1;
    if (tensorIndex < 0)
        return; // a group: keep showing the last tensor
    m_stats->setTensor(m_checkpoint, tensorIndex);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.front().isLocalFile())
        return;
    event->acceptProposedAction();
    openPath(urls.front().toLocalFile());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    QMainWindow::closeEvent(event);
}

} // namespace complab
