// compression-lab: the GUI. With no argument it opens the bundled sample model.
#include "Appearance.h"
#include "MainWindow.h"
#include "SamplePaths.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <algorithm>

namespace {

// The interface language, from View ▸ Language ("view/language": "system", the default, or "en",
// "de", "fr"). Numbers follow the same choice: QLocale() is what complab::format and the widgets use.
void installLanguage(QApplication& app)
{
    const QString choice = QSettings().value(QStringLiteral("view/language"), QStringLiteral("system")).toString();
    const QStringList translated = {QStringLiteral("de"), QStringLiteral("fr")};
    QString language = QStringLiteral("en"); // the source language, which has no file
    if (choice == QStringLiteral("en") || translated.contains(choice)) {
        language = choice;
        // The system's region stays when the choice is the system's language (de_AT stays de_AT).
        if (QLocale(choice).language() != QLocale::system().language())
            QLocale::setDefault(QLocale(choice));
    } else {
        // The system's preferred languages in order, up to the first the program speaks: a person
        // whose list is "en_GB:de" gets English, not German.
        for (const QString& name : QLocale::system().uiLanguages()) {
            const QLocale locale(name);
            if (locale.language() == QLocale::English)
                break;
            const QString code = QLocale::languageToCode(locale.language());
            if (translated.contains(code)) {
                language = code;
                break;
            }
        }
    }
    if (language == QStringLiteral("en"))
        return;

    auto* translator = new QTranslator(&app);
    if (!translator->load(QStringLiteral("compression-lab_") + language, QStringLiteral(":/i18n"))) {
        delete translator;
        return;
    }
    QApplication::installTranslator(translator);
    // Qt's own dialogs and buttons in the same language, when Qt's translations are installed
    // (Debian: qt6-translations-l10n).
    auto* qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;
}

} // namespace

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
    installLanguage(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "A laboratory for compressing language models."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("checkpoint"),
        QApplication::translate("main", "Checkpoint file or folder to open (default: the bundled sample)."),
        QApplication::translate("main", "[checkpoint]"));
    const QCommandLineOption tensorOption(QStringLiteral("tensor"),
        QApplication::translate(
            "main", "Select this tensor once the checkpoint is open (e.g. model.layers.0.mlp.up_proj.weight)."),
        QApplication::translate("main", "name"));
    parser.addOption(tensorOption);
    const QCommandLineOption recipeOption(QStringLiteral("recipe"),
        QApplication::translate("main", "Set the sliders from this recipe file (compression-lab-recipe JSON)."),
        QApplication::translate("main", "file"));
    parser.addOption(recipeOption);
    const QCommandLineOption compareOption(QStringLiteral("compare"),
        QApplication::translate(
            "main", "Compare the checkpoint with this second one of the same model (compare mode)."),
        QApplication::translate("main", "file"));
    parser.addOption(compareOption);
    const QCommandLineOption workshopOption(QStringLiteral("workshop"),
        QApplication::translate("main", "Open the workshop at this chapter (1-7) once the checkpoint is open."),
        QApplication::translate("main", "chapter"));
    parser.addOption(workshopOption);
    const QCommandLineOption presentOption(QStringLiteral("present"),
        QApplication::translate("main", "Show the workshop in presentation mode (full screen, large type)."));
    parser.addOption(presentOption);
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
    if (parser.isSet(workshopOption) || parser.isSet(presentOption)) {
        const int chapter = std::clamp(parser.value(workshopOption).toInt(), 1, 7) - 1;
        const bool present = parser.isSet(presentOption);
        QObject::connect(
            &window, &complab::MainWindow::checkpointOpened, &window,
            [&window, chapter, present] { window.showWorkshop(chapter, present); }, Qt::SingleShotConnection);
    }
    return QApplication::exec();
}
