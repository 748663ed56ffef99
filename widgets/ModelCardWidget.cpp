#include "ModelCardWidget.h"

#include "Format.h"
#include "io/Checkpoint.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace complab {

ModelCardWidget::ModelCardWidget(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(tr("No model open"), this))
    , m_form(new QFormLayout)
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form->setLabelAlignment(Qt::AlignLeft);
    m_form->setContentsMargins(0, 0, 0, 0);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addLayout(m_form);

    addRow(QStringLiteral("format"), tr("Format"), tr("The file format the checkpoint is stored in."));
    addRow(QStringLiteral("architecture"), tr("Architecture"),
        tr("The network's shape, from the config.json beside the weights."));
    addRow(QStringLiteral("tensors"), tr("Tensors"), tr("How many named weight arrays the checkpoint holds."));
    addRow(QStringLiteral("parameters"), tr("Parameters"),
        tr("Total number of weights: the model size quoted as 8B, 70B, ..."));
    addRow(QStringLiteral("bytes"), tr("Size on disk"), tr("Bytes the checkpoint occupies on disk, header included."));
    addRow(QStringLiteral("dtypes"), tr("Number types"),
        tr("How the weights are stored: BF16 and F16 use 2 bytes a weight, F32 uses 4."));
}

QLabel* ModelCardWidget::addRow(const QString& name, const QString& label, const QString& toolTip)
{
    auto* value = new QLabel(QStringLiteral("—"), this);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* caption = new QLabel(label, this);
    caption->setToolTip(toolTip);
    value->setToolTip(toolTip);
    m_form->addRow(caption, value);
    m_fields.emplace_back(name, value);
    return value;
}

QString ModelCardWidget::field(const QString& name) const
{
    for (const auto& [key, label] : m_fields)
        if (key == name)
            return label->text();
    return {};
}

void ModelCardWidget::setCheckpoint(const std::shared_ptr<const Checkpoint>& checkpoint)
{
    const auto set = [this](const QString& name, const QString& text) {
        for (const auto& [key, label] : m_fields)
            if (key == name)
                label->setText(text);
    };
    if (!checkpoint) {
        m_title->setText(tr("No model open"));
        for (const auto& [key, label] : m_fields)
            label->setText(QStringLiteral("—"));
        return;
    }
    const QString path = QString::fromStdString(checkpoint->path().string());
    const auto folder = checkpoint->path().parent_path().filename().string();
    const auto file = checkpoint->path().filename().string();
    m_title->setText(QString::fromStdString(folder.empty() ? file : folder + "/" + file));
    m_title->setToolTip(path);

    set(QStringLiteral("format"), QString::fromStdString(checkpoint->formatName()));
    if (const auto& config = checkpoint->config()) {
        QStringList parts;
        if (!config->modelType.empty())
            parts << QString::fromStdString(config->modelType);
        if (config->layerCount)
            parts << tr("%n layers", nullptr, static_cast<int>(*config->layerCount));
        if (config->hiddenSize)
            parts << tr("width %1").arg(*config->hiddenSize);
        if (config->attentionHeads)
            parts << tr("%1 heads (%2 key/value)").arg(*config->attentionHeads).arg(config->keyValueHeads.value_or(0));
        if (config->vocabSize)
            parts << tr("vocabulary %1").arg(format::integer(static_cast<std::uint64_t>(*config->vocabSize)));
        if (config->contextLength)
            parts << tr("context %1").arg(*config->contextLength);
        set(QStringLiteral("architecture"), parts.join(QStringLiteral(", ")));
    } else {
        set(QStringLiteral("architecture"), tr("unknown (no config.json beside the file)"));
    }
    set(QStringLiteral("tensors"), format::integer(checkpoint->tensors().size()));
    set(QStringLiteral("parameters"),
        tr("%1 (%2)").arg(
            format::count(checkpoint->totalParameters()), format::integer(checkpoint->totalParameters())));
    set(QStringLiteral("bytes"), format::bytes(checkpoint->fileBytes()));
    QStringList dtypes;
    for (const auto& [dtype, count] : checkpoint->dtypeCounts())
        dtypes << tr("%1 (%n tensors)", nullptr, static_cast<int>(count))
                      .arg(QString::fromLatin1(dtypeName(dtype).data(), dtypeName(dtype).size()));
    set(QStringLiteral("dtypes"), dtypes.join(QStringLiteral(", ")));
}

} // namespace complab
