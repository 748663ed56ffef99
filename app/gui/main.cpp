// compression-lab: the GUI. With no argument it opens the bundled sample model.
#include "Appearance.h"
#include "MainWindow.h"
#include "SamplePaths.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSettings>
#include <QTimer>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("compression-lab"));
    QApplication::setOrganizationName(QStringLiteral("compression-lab"));
    QApplication::setApplicationDisplayName(QStringLiteral("Compression Lab"));
    QApplication::setApplicationVersion(QStringLiteral(COMPLAB_VERSION));
    // The installed .desktop entry and icon (packaging/), so the window is grouped under them.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.compressionlab.CompressionLab"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("compression-lab")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "A laboratory for compressing language models."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("checkpoint"),
        QApplication::translate("main", "Checkpoint file or folder to open (default: the bundled sample)."),
        QStringLiteral("[checkpoint]"));
    parser.process(app);

    complab::applyAppearance(complab::parseAppearance(QSettings().value(QStringLiteral("view/appearance")).toString()));
    complab::MainWindow window;
    window.show();
    const QStringList arguments = parser.positionalArguments();
    const QString path = arguments.isEmpty() ? complab::bundledSamplePath() : arguments.front();
    if (!path.isEmpty())
        QTimer::singleShot(0, &window, [&window, path] { window.openPath(path); });
    return QApplication::exec();
}
