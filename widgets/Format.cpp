#include "Format.h"

#include "recipe/LlamaTensorNames.h"
#include "util/Units.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>
#include <vector>

namespace complab::format {

namespace {
QString scaled(const ScaledValue& value)
{
    const QString number = QLocale().toString(value.value, 'f', value.decimals);
    const QString unit = QString::fromLatin1(value.unit);
    return unit.isEmpty() ? number : number + QLatin1Char(' ') + unit;
}
} // namespace

QString bytes(std::uint64_t amount)
{
    return scaled(scaleBytes(amount));
}

QString count(std::uint64_t amount)
{
    return scaled(scaleCount(amount));
}

QString integer(std::uint64_t value)
{
    return QLocale().toString(static_cast<qulonglong>(value));
}

QString percent(double fraction, int decimals)
{
    return QLocale().toString(fraction * 100.0, 'f', decimals) + QStringLiteral(" %");
}

QString number(double value, int significantDigits)
{
    if (std::isnan(value))
        return QStringLiteral("—");
    return QLocale().toString(value, 'g', significantDigits);
}

QString errorHtml(const QString& message)
{
    return QStringLiteral("<span style='color:#c62828'>%1</span>").arg(message.toHtmlEscaped());
}

QString shape(const std::vector<std::int64_t>& dimensions)
{
    if (dimensions.empty())
        return QCoreApplication::translate("complab::format", "scalar");
    QStringList parts;
    for (const auto dimension : dimensions)
        parts << QString::number(dimension);
    return parts.join(QStringLiteral(" × "));
}

QString tensorLabel(const std::string& name)
{
    return QString::fromStdString(shortTensorName(name));
}

} // namespace complab::format
