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
    const QCommandLineOption tensorOption(QStringLiteral("tensor"),
        QApplication::translate(
            "main", "Select this tensor once the checkpoint is open (e.g. model.layers.0.mlp.up_proj.weight)."),
        QStringLiteral("name"));
    parser.addOption(tensorOption);
    const QCommandLineOption recipeOption(QStringLiteral("recipe"),
        QApplication::translate("main", "Set the sliders from this recipe file (compression-lab-recipe JSON)."),
        QStringLiteral("file"));
    parser.addOption(recipeOption);
    const QCommandLineOption compareOption(QStringLiteral("compare"),
        QApplication::translate(
            "main", "Compare the checkpoint with this second one of the same model (compare mode)."),
        QStringLiteral("file"));
    parser.addOption(compareOption);
    parser.process(app);

    complab::applyAppearance(complab::parseAppearance(QSettings().value(QStringLiteral("view/appearance")).toString()));
    complab::MainWindow window;
    if (parser.isSet(compareOption))
        window.compareOnOpen(parser.value(compareOption));
    if (parser.isSet(tensorOption))
        window.selectTensorOnOpen(parser.value(tensorOption));
    window.show();
    const QStringList arguments = parser.positionalArguments();
    const QString path = arguments.isEmpty() ? complab::bundledSamplePath() : arguments.front();
    if (!path.isEmpty())
        QTimer::singleShot(0, &window, [&window, path] { window.openPath(path); });
    if (parser.isSet(recipeOption)) {
        const QString recipe = parser.value(recipeOption);
        QTimer::singleShot(0, &window, [&window, recipe] { window.openRecipe(recipe); });
    }
    return QApplication::exec();
}
