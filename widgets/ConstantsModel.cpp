#include "ConstantsModel.h"

#include "TableText.h"

#include <QFont>
#include <QLocale>

#include <stdexcept>

namespace complab {

namespace {

// A description's text (label, kind, sources) in the interface's language.
QString text(std::string_view value)
{
    return tabletext::translated(tabletext::constants, value);
}

} // namespace

ConstantsModel::ConstantsModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void ConstantsModel::setConstants(const EstimatorConstants& constants)
{
    m_constants = constants;
    m_lastError.clear();
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, ValueColumn), index(rowCount() - 1, ValueColumn));
    Q_EMIT constantsEdited(m_constants);
}

int ConstantsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(constantDescriptions().size());
}

int ConstantsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConstantsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConstantDescription& description = constantDescriptions()[static_cast<std::size_t>(index.row())];
    static const EstimatorConstants defaults;
    const double value = m_constants.*description.member;
    const double fallback = defaults.*description.member;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case LabelColumn:
            return text(description.label);
        case ValueColumn:
            return QLocale().toString(value, 'g', 6);
        case DefaultColumn:
            return QLocale().toString(fallback, 'g', 6);
        case KindColumn:
            return text(description.kind);
        case SourcesColumn:
            return text(description.sources);
        }
        return {};
    case Qt::EditRole:
        return index.column() == ValueColumn ? QVariant(value) : data(index, Qt::DisplayRole);
    case Qt::ToolTipRole:
        return tr("%1 (%2)\nSources: %3")
            .arg(text(description.label),
                QString::fromLatin1(description.key.data(), qsizetype(description.key.size())),
                text(description.sources));
    case Qt::FontRole:
        if (index.column() == ValueColumn && value != fallback) {
            QFont font;
            font.setBold(true); // changed from its default
            return font;
        }
        return {};
    case KeyRole:
        return QString::fromLatin1(description.key.data(), qsizetype(description.key.size()));
    case SortRole:
        return index.column() == ValueColumn  ? QVariant(value)
            : index.column() == DefaultColumn ? QVariant(fallback)
                                              : data(index, Qt::DisplayRole);
    }
    return {};
}

bool ConstantsModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || index.column() != ValueColumn)
        return false;
    bool ok = false;
    const double number
        = value.typeId() == QMetaType::QString ? QLocale().toDouble(value.toString(), &ok) : value.toDouble(&ok);
    const ConstantDescription& description = constantDescriptions()[static_cast<std::size_t>(index.row())];
    EstimatorConstants edited = m_constants;
    edited.*description.member = number;
    try {
        if (!ok)
            throw std::invalid_argument("\"" + value.toString().toStdString() + "\" is not a number");
        edited.validate();
    } catch (const std::exception& error) {
        m_lastError = tr("%1 not changed: %2").arg(text(description.label), QString::fromStdString(error.what()));
        Q_EMIT editRefused(m_lastError);
        return false;
    }
    m_constants = edited;
    m_lastError.clear();
    Q_EMIT dataChanged(index, index);
    Q_EMIT constantsEdited(m_constants);
    return true;
}

Qt::ItemFlags ConstantsModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == ValueColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant ConstantsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LabelColumn:
        return tr("Constant");
    case ValueColumn:
        return tr("Value");
    case DefaultColumn:
        return tr("Default");
    case KindColumn:
        return tr("Kind");
    case SourcesColumn:
        return tr("Sources");
    }
    return {};
}

} // namespace complab
