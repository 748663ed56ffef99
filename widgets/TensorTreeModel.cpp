#include "TensorTreeModel.h"

#include "Format.h"

#include <algorithm>

namespace complab {

struct TensorTreeModel::Node
{
    QString label;
    QString fullName;
    int tensorIndex = -1;
    std::uint64_t parameters = 0;
    std::uint64_t bytes = 0;
    Node* parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;

    Node* childGroup(const QString& name)
    {
        for (auto& child : children)
            if (child->tensorIndex < 0 && child->label == name)
                return child.get();
        auto group = std::make_unique<Node>();
        group->label = name;
        group->parent = this;
        group->fullName = fullName.isEmpty() ? name : fullName + QLatin1Char('.') + name;
        children.push_back(std::move(group));
        return children.back().get();
    }
};

namespace {

bool isNumber(const QString& text)
{
    bool ok = false;
    text.toLongLong(&ok);
    return ok;
}

void finalize(TensorTreeModel::Node* node)
{
    // Numbered groups (layers 0, 1, ..., 10) in numeric order, not the header's alphabetical one.
    const bool allNumbered = !node->children.empty()
        && std::all_of(node->children.begin(), node->children.end(),
            [](const auto& child) { return child->tensorIndex < 0 && isNumber(child->label); });
    if (allNumbered) {
        std::stable_sort(node->children.begin(), node->children.end(),
            [](const auto& a, const auto& b) { return a->label.toLongLong() < b->label.toLongLong(); });
    }
    for (std::size_t i = 0; i < node->children.size(); ++i) {
        auto* child = node->children[i].get();
        child->row = static_cast<int>(i);
        if (child->tensorIndex < 0) {
            finalize(child);
            child->parameters = 0;
            child->bytes = 0;
            for (const auto& grandChild : child->children) {
                child->parameters += grandChild->parameters;
                child->bytes += grandChild->bytes;
            }
        }
    }
}

} // namespace

TensorTreeModel::TensorTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{ }

TensorTreeModel::~TensorTreeModel() = default;

std::pair<QStringList, QString> TensorTreeModel::groupPath(const QString& name)
{
    QStringList parts = name.split(QLatin1Char('.'));
    // "model." adds nothing a person needs in a tree that already shows one model.
    if (parts.size() > 2 && parts.front() == QLatin1String("model"))
        parts.removeFirst();
    const auto firstNumber = std::find_if(parts.begin(), parts.end(), isNumber);
    if (firstNumber == parts.end() || firstNumber + 1 == parts.end())
        return {{}, parts.join(QLatin1Char('.'))};
    const auto split = static_cast<qsizetype>(firstNumber - parts.begin()) + 1;
    return {parts.mid(0, split), parts.mid(split).join(QLatin1Char('.'))};
}

void TensorTreeModel::setTensors(const std::vector<TensorInfo>& tensors)
{
    beginResetModel();
    m_tensors = tensors;
    m_root = std::make_unique<Node>();
    m_leafOfTensor.assign(m_tensors.size(), nullptr);
    for (std::size_t i = 0; i < m_tensors.size(); ++i) {
        const auto& info = m_tensors[i];
        const QString name = QString::fromStdString(info.name);
        const auto [groups, label] = groupPath(name);
        Node* node = m_root.get();
        for (const auto& group : groups)
            node = node->childGroup(group);
        auto leaf = std::make_unique<Node>();
        leaf->label = label;
        leaf->fullName = name;
        leaf->tensorIndex = static_cast<int>(i);
        leaf->parameters = info.elementCount();
        leaf->bytes = info.byteSize;
        leaf->parent = node;
        m_leafOfTensor[i] = leaf.get();
        node->children.push_back(std::move(leaf));
    }
    finalize(m_root.get());
    endResetModel();
}

const TensorTreeModel::Node* TensorTreeModel::nodeOf(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<const Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex TensorTreeModel::indexForTensor(int tensorIndex) const
{
    if (tensorIndex < 0 || static_cast<std::size_t>(tensorIndex) >= m_leafOfTensor.size())
        return {};
    const Node* leaf = m_leafOfTensor[static_cast<std::size_t>(tensorIndex)];
    return createIndex(leaf->row, 0, const_cast<Node*>(leaf));
}

QModelIndex TensorTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    const Node* node = nodeOf(parent);
    if (static_cast<std::size_t>(row) >= node->children.size())
        return {};
    return createIndex(row, column, node->children[static_cast<std::size_t>(row)].get());
}

QModelIndex TensorTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    const Node* parentNode = nodeOf(child)->parent;
    if (!parentNode || parentNode == m_root.get())
        return {};
    return createIndex(parentNode->row, 0, const_cast<Node*>(parentNode));
}

int TensorTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return static_cast<int>(nodeOf(parent)->children.size());
}

int TensorTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant TensorTreeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const Node* node = nodeOf(index);
    const TensorInfo* info = node->tensorIndex >= 0 ? &m_tensors[static_cast<std::size_t>(node->tensorIndex)] : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return node->label;
        case ShapeColumn:
            return info ? format::shape(info->shape) : QString();
        case DTypeColumn:
            if (!info)
                return QString();
            // Block formats carry their scales inside the blocks: show what a weight really costs.
            if (isBlockFormat(info->dtype))
                return tr("%1 (%2 bits)")
                    .arg(QString::fromLatin1(dtypeName(info->dtype).data(), dtypeName(info->dtype).size()))
                    .arg(format::number(dtypeBitsPerWeight(info->dtype), 3));
            return QString::fromLatin1(dtypeName(info->dtype).data(), dtypeName(info->dtype).size());
        case ParametersColumn:
            return format::integer(node->parameters);
        case BytesColumn:
            return format::bytes(node->bytes);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            // Numbered groups sort by number, everything else by its position in the file.
            return node->tensorIndex >= 0 ? QVariant(node->tensorIndex) : QVariant(node->row);
        case ShapeColumn:
            return info ? QVariant(static_cast<qulonglong>(info->elementCount())) : QVariant(0);
        case DTypeColumn:
            return info ? QVariant(static_cast<int>(info->dtype)) : QVariant(-1);
        case ParametersColumn:
            return static_cast<qulonglong>(node->parameters);
        case BytesColumn:
            return static_cast<qulonglong>(node->bytes);
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == ParametersColumn || index.column() == BytesColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        if (info)
            return tr("%1\n%2, shape %3, %4 parameters, %5")
                .arg(node->fullName, QString::fromLatin1(dtypeName(info->dtype).data(), dtypeName(info->dtype).size()),
                    format::shape(info->shape), format::integer(node->parameters), format::bytes(node->bytes));
        return tr("%1: %n entries", nullptr, static_cast<int>(node->children.size())).arg(node->fullName);
    case TensorIndexRole:
        return node->tensorIndex;
    case FullNameRole:
        return node->fullName;
    }
    return {};
}

QVariant TensorTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Name");
        case ShapeColumn:
            return tr("Shape");
        case DTypeColumn:
            return tr("Type");
        case ParametersColumn:
            return tr("Parameters");
        case BytesColumn:
            return tr("Bytes");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ShapeColumn:
            return tr("Rows × columns of the weight matrix (a vector has one dimension).");
        case DTypeColumn:
            return tr("The number format each weight is stored in.");
        case ParametersColumn:
            return tr("Number of weights in the tensor or group.");
        case BytesColumn:
            return tr("Storage the tensor or group takes in the file.");
        }
    }
    return {};
}

} // namespace complab
