#include "SamplePaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace complab {

QString bundledSamplePath()
{
    const QString relative = QStringLiteral("share/compression-lab/samples/lab-tinystories/model.safetensors");
    QDir directory(QCoreApplication::applicationDirPath());
    // build/app/compression-lab -> build/share; /usr/bin/compression-lab -> /usr/share; tests live deeper.
    for (int level = 0; level < 4; ++level) {
        if (!directory.cdUp())
            break;
        const QString candidate = directory.filePath(relative);
        if (QFileInfo::exists(candidate))
            return candidate;
    }
    return {};
}

} // namespace complab
