#include "ModelPane.h"

#include "MetadataModel.h"
#include "ModelCardWidget.h"
#include "TensorTreeModel.h"
#include "io/Checkpoint.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace complab {

ModelPane::ModelPane(QWidget* parent)
    : QWidget(parent)
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
{
    m_dropHint->setText(tr("Drop a checkpoint (.safetensors, .gguf, .h5, llama2.c .bin) or a model folder anywhere on "
                           "this window, or use File ▸ Open."));
    m_dropHint->setWordWrap(true);
    m_dropHint->setAlignment(Qt::AlignCenter);
    // Border and text from the palette's mid tones, so the hint reads in dark and light themes alike.
    m_dropHint->setStyleSheet(
        QStringLiteral("QLabel { border: 2px dashed palette(mid); border-radius: 6px; padding: 8px; }"));

    m_filter->setPlaceholderText(tr("Filter by name (e.g. mlp, layers.3, q_proj, tokenizer)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Show only tensors whose full name contains this text."));
    m_filter->setAccessibleName(tr("Tensor filter"));

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
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& current) {
        const int tensorIndex = current.isValid() ? current.data(TensorTreeModel::TensorIndexRole).toInt() : -1;
        if (tensorIndex >= 0) // a group keeps showing the last tensor
            Q_EMIT tensorSelected(tensorIndex);
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_card);
    layout->addWidget(m_dropHint);
    layout->addWidget(m_filter);
    m_tabs->addTab(m_tree, tr("Tensors"));
    m_tabs->addTab(m_metadataView, tr("Metadata"));
    m_tabs->setTabToolTip(1, tr("Key/value information stored in the file: GGUF keys, safetensors __metadata__."));
    layout->addWidget(m_tabs, 1);
}

void ModelPane::setCheckpoint(const std::shared_ptr<const Checkpoint>& checkpoint)
{
    m_card->setCheckpoint(checkpoint);
    m_model->setTensors(checkpoint->tensors());
    m_metadata->setMetadata(checkpoint->metadata());
    m_tabs->setTabText(1, tr("Metadata (%1)").arg(checkpoint->metadata().size()));
    m_metadataView->resizeColumnToContents(MetadataModel::KeyColumn);
    m_tree->expandToDepth(0);
    // Show something at once: the first matrix (usually the embedding table).
    for (std::size_t i = 0; i < checkpoint->tensors().size(); ++i) {
        if (checkpoint->tensors()[i].shape.size() == 2) {
            m_tree->setCurrentIndex(m_proxy->mapFromSource(m_model->indexForTensor(static_cast<int>(i))));
            break;
        }
    }
    m_tensorNames.clear();
    for (const auto& info : checkpoint->tensors())
        m_tensorNames << QString::fromStdString(info.name);
}

bool ModelPane::selectTensor(const QString& name)
{
    const auto position = m_tensorNames.indexOf(name);
    if (position < 0)
        return false;
    const QModelIndex source = m_model->indexForTensor(static_cast<int>(position));
    if (!m_proxy->mapFromSource(source).isValid())
        m_filter->clear();
    const QModelIndex shown = m_proxy->mapFromSource(source);
    m_tree->scrollTo(shown);
    m_tree->setCurrentIndex(shown);
    return shown.isValid();
}

} // namespace complab
