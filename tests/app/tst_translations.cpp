// The translations embedded in complab_app's resources: each compiled language loads from :/i18n,
// the German one reaches the window's menus and the recipe notes (so the contexts lupdate wrote are
// the ones the code asks for, plural forms included), numbers follow QLocale::setDefault, and
// View ▸ Language keeps the choice in the settings and says that it applies from the next start.
// The texts core keeps in English (data tables, constants, fixed phrases) are translated too.
#include "ConstantsModel.h"
#include "DecisionGuidePanel.h"
#include "EstimateChartView.h"
#include "Format.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "RecipeDocument.h"
#include "RecipePane.h"
#include "TableText.h"
#include "WorkshopView.h"
#include "estimate/DecisionGuide.h"
#include "estimate/EstimatorConstants.h"
#include "estimate/HardwareTierTable.h"
#include "estimate/LandscapeTable.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QListWidget>
#include <QLocale>
#include <QLogValueAxis>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTranslator>
#include <QValueAxis>

#include <algorithm>

using namespace complab;

namespace {

QMenu* menuTitled(const QList<QAction*>& actions, const QString& title)
{
    for (QAction* action : actions)
        if (action->menu() && action->text() == title)
            return action->menu();
    return nullptr;
}

// Restores the default locale a test changed.
struct DefaultLocale
{
    QLocale saved;
    ~DefaultLocale() { QLocale::setDefault(saved); }
};

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("compression-lab-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_translations"));
        QSettings().clear();
    }

    void eachLanguageLoads_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("file");
        QTest::addRow("de") << QStringLiteral("de") << QStringLiteral("&Datei");
        QTest::addRow("fr") << QStringLiteral("fr") << QString();
    }

    void eachLanguageLoads()
    {
        QFETCH(QString, language);
        QFETCH(QString, file);
        const QStringList compiled = QStringLiteral(COMPLAB_UI_LANGUAGES).split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (!compiled.contains(language))
            QSKIP("translations/compression-lab_<language>.ts is missing (scripts/check-translations.sh fails on it)");
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/compression-lab_") + language + QStringLiteral(".qm")));
        QVERIFY(!translator.isEmpty());
        QCOMPARE(QLocale(translator.language()).language(), QLocale(language).language());
        const QString translated = translator.translate("complab::MainWindow", "&File");
        QVERIFY(!translated.isEmpty());
        QVERIFY(translated != QStringLiteral("&File"));
        if (!file.isEmpty())
            QCOMPARE(translated, file);
    }

    void eachLanguageTranslatesCoreTexts_data() { eachLanguageLoads_data(); }

    // Every text of the bundled tables, every constant's label, kind and sources, and each fixed
    // phrase core reports has a translation: a row or constant added in core without one (or a
    // table edited without running scripts/table-strings.py) fails here.
    void eachLanguageTranslatesCoreTexts()
    {
        QFETCH(QString, language);
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/compression-lab_") + language + QStringLiteral(".qm")));
        QStringList missing;
        int differing = 0;
        int total = 0;
        const auto check = [&](const char* context, std::string_view english) {
            const std::string key(english);
            const QString translation = translator.translate(context, key.c_str());
            ++total;
            if (translation.isEmpty())
                missing << QStringLiteral("[%1] %2").arg(QLatin1String(context), QString::fromStdString(key));
            else if (translation != QString::fromStdString(key))
                ++differing;
        };
        for (const auto& entry : defaultDecisionGuide().rows()) {
            check(tabletext::decisionGuide, entry.situation);
            check(tabletext::decisionGuide, entry.firstReach);
            check(tabletext::decisionGuide, entry.caveat);
        }
        for (const auto& tier : defaultHardwareTierTable().rows()) {
            check(tabletext::hardwareTiers, tier.name);
            check(tabletext::hardwareTiers, tier.examples);
            check(tabletext::hardwareTiers, tier.source);
        }
        for (const auto& entry : defaultLandscapeTable().rows())
            check(tabletext::landscape, entry.source);
        for (const auto& description : constantDescriptions()) {
            check(tabletext::constants, description.label);
            check(tabletext::constants, description.kind);
            check(tabletext::constants, description.sources);
        }
        for (const char* phrase : tabletext::knownPhrases())
            check(tabletext::phrases, phrase);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
        // Product names ("RTX 4090") stay as they are, but most texts are sentences and do change.
        QVERIFY2(differing > total / 2,
            qPrintable(QStringLiteral("%1 of %2 translated differently").arg(differing).arg(total)));
    }

    // The translations reach what a person sees: the decision guide's list and the constants table.
    void germanReachesTheTables()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/compression-lab_de.qm")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        {
            const auto& first = defaultDecisionGuide().rows().front();
            DecisionGuidePanel guide(nullptr);
            const QString situation = guide.situations()->item(0)->text();
            QCOMPARE(situation, translator.translate(tabletext::decisionGuide, first.situation.c_str()));
            QVERIFY(situation != QString::fromStdString(first.situation));

            ConstantsModel constants;
            const QString label = constants.data(constants.index(0, ConstantsModel::LabelColumn)).toString();
            QVERIFY2(label != QString::fromUtf8(constantDescriptions().front().label.data()), qPrintable(label));
            QVERIFY(constants.data(constants.index(0, ConstantsModel::KindColumn)).toString()
                != QString::fromUtf8(constantDescriptions().front().kind.data()));
            // The key is an identifier and stays as it is.
            QCOMPARE(constants.data(constants.index(0, 0), ConstantsModel::KeyRole).toString(),
                QStringLiteral("quality.fp32"));

            QCOMPARE(tabletext::step("writing model.norm.weight"),
                translator.translate(tabletext::phrases, "writing %1").arg(QStringLiteral("model.norm.weight")));
            QVERIFY(tabletext::step("writing model.norm.weight") != QStringLiteral("writing model.norm.weight"));
            // A phrase without a translation is shown as it is.
            QCOMPARE(tabletext::step("something new"), QStringLiteral("something new"));
        }
        QVERIFY(QCoreApplication::removeTranslator(&translator));
    }

    void germanReachesTheWindowAndTheRecipeNotes()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/compression-lab_de.qm")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        {
            MainWindow window;
            const QList<QAction*> menus = window.menuBar()->actions();
            QVERIFY(menuTitled(menus, QStringLiteral("&Datei")));
            QMenu* view = menuTitled(menus, QStringLiteral("&Ansicht"));
            QVERIFY(view);
            QVERIFY(menuTitled(view->actions(), QStringLiteral("&Sprache")));

            // RecipeDocument's notes, with both German plural forms.
            Recipe recipe;
            recipe.rules.push_back({TensorRule::Syntax::Glob, "*.attn_v.weight", {"q6_k", 128, false}});
            recipe.calibration = CalibrationSettings{"calib.txt", {}, 64, 256};
            QStringList notes = fromRecipeDocument(recipe, LabRecipe{}).notes;
            QVERIFY2(notes.contains(
                         QStringLiteral("1 tensorbezogene Regel bleibt im Rezept erhalten, wird aber auf den Reglern "
                                        "nicht angezeigt.")),
                qPrintable(notes.join(QLatin1Char('\n'))));
            QVERIFY(notes.contains(QStringLiteral("Der Kalibrierungstext calib.txt bleibt im Rezept erhalten.")));
            recipe.rules.push_back({TensorRule::Syntax::Glob, "*.attn_k.weight", {"q6_k", 128, false}});
            notes = fromRecipeDocument(recipe, LabRecipe{}).notes;
            QVERIFY2(
                notes.contains(QStringLiteral("2 tensorbezogene Regeln bleiben im Rezept erhalten, werden aber auf den "
                                              "Reglern nicht angezeigt.")),
                qPrintable(notes.join(QLatin1Char('\n'))));
        }
        QVERIFY(QCoreApplication::removeTranslator(&translator));
    }

    void numbersFollowTheDefaultLocale()
    {
        const DefaultLocale restore;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(format::integer(3672320), QStringLiteral("3.672.320"));
        QCOMPARE(format::bytes(7'300'000), QStringLiteral("7,3 MB"));
        QCOMPARE(format::percent(0.125), QStringLiteral("12,5 %"));
        // Chart tick labels follow it too.
        auto* chart = new QChart;
        const EstimateChartView view(chart);
        QVERIFY(chart->localizeNumbers());
        QCOMPARE(chart->locale().toString(0.25, 'f', 2), QStringLiteral("0,25"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(format::integer(3672320), QStringLiteral("3,672,320"));
        QCOMPARE(format::bytes(7'300'000), QStringLiteral("7.3 MB"));
        // The C locale (the test suite's other tests pin it) prints no group separators.
        QLocale::setDefault(QLocale::c());
        QCOMPARE(format::integer(3672320), QStringLiteral("3672320"));
        QCOMPARE(format::bytes(7'300'000), QStringLiteral("7.3 MB"));
    }

    // Every language fits the 1600 × 1000 screen the screenshots use, with the sample open: a longer
    // translation must not push the window wider than the screen (the right-hand docks would be cut
    // off). On failure the message names the widgets that ask for the most width.
    void eachLanguageFitsTheScreen_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addRow("en") << QString();
        for (const QString& language : QStringLiteral(COMPLAB_UI_LANGUAGES).split(QLatin1Char(','), Qt::SkipEmptyParts))
            QTest::addRow("%s", qPrintable(language)) << language;
    }

    void eachLanguageFitsTheScreen()
    {
        QFETCH(QString, language);
        QTranslator translator;
        if (!language.isEmpty()) {
            QVERIFY(translator.load(QStringLiteral(":/i18n/compression-lab_") + language + QStringLiteral(".qm")));
            QVERIFY(QCoreApplication::installTranslator(&translator));
        }
        {
            MainWindow window;
            QSignalSpy opened(&window, &MainWindow::checkpointOpened);
            window.openPath(QStringLiteral(COMPLAB_SAMPLE_DIR));
            QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 20000);
            window.resize(1600, 1000);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QCoreApplication::processEvents();
            const int width = window.minimumSizeHint().width();
            QStringList widest;
            if (width > 1600) {
                QList<QWidget*> widgets = window.findChildren<QWidget*>();
                std::sort(widgets.begin(), widgets.end(), [](const QWidget* a, const QWidget* b) {
                    return a->minimumSizeHint().width() > b->minimumSizeHint().width();
                });
                for (const QWidget* widget : widgets.mid(0, 40))
                    widest << QStringLiteral("%1 %2 %3")
                                  .arg(QString::number(widget->minimumSizeHint().width()),
                                      QString::fromLatin1(widget->metaObject()->className()), widget->objectName());
            }
            // Localised tick labels (QChart::localizeNumbers): Qt Charts 6.4 prints nothing for a label
            // format without a precision ("%g", "%d"), which emptied the log axes in German.
            const QRegularExpression localisable(QStringLiteral("^[^%]*%\\.\\d+[defgiEG][^%]*$"));
            int axes = 0;
            for (const auto* chart : window.findChildren<QChartView*>()) {
                QVERIFY(chart->chart()->localizeNumbers());
                for (const QAbstractAxis* axis : chart->chart()->axes()) {
                    QString labelFormat;
                    if (const auto* value = qobject_cast<const QValueAxis*>(axis))
                        labelFormat = value->labelFormat();
                    else if (const auto* log = qobject_cast<const QLogValueAxis*>(axis))
                        labelFormat = log->labelFormat();
                    else
                        continue;
                    ++axes;
                    QVERIFY2(labelFormat.isEmpty() || localisable.match(labelFormat).hasMatch(),
                        qPrintable(QStringLiteral("%1: axis '%2' has label format %3")
                                       .arg(chart->chart()->title(), axis->titleText(), labelFormat)));
                }
            }
            QVERIFY(axes > 20);
            QVERIFY2(width <= 1600,
                qPrintable(
                    QStringLiteral("minimum width %1 px; widest: ").arg(width) + widest.join(QStringLiteral("; "))));

            // The recipe pane scrolls only vertically: a row wider than its dock would be cut off.
            const auto* recipe = window.findChild<RecipePane*>();
            QVERIFY(recipe && recipe->parentWidget());
            const int available = recipe->parentWidget()->width(); // the scroll area's viewport
            QStringList rows;
            if (recipe->minimumSizeHint().width() > available)
                for (const QWidget* child : recipe->findChildren<QWidget*>())
                    if (child->minimumSizeHint().width() > available / 3)
                        rows << QStringLiteral("%1 %2 '%3'")
                                    .arg(QString::number(child->minimumSizeHint().width()),
                                        QString::fromLatin1(child->metaObject()->className()),
                                        child->property("text").toString());
            QVERIFY2(recipe->minimumSizeHint().width() <= available,
                qPrintable(QStringLiteral("the recipe pane needs %1 px of %2: ")
                               .arg(recipe->minimumSizeHint().width())
                               .arg(available)
                    + rows.join(QStringLiteral("; "))));
        }
        if (!language.isEmpty())
            QVERIFY(QCoreApplication::removeTranslator(&translator));
    }

    // The workshop in presentation mode fits a 1600 × 1000 screen in every language: no chapter (and
    // no tab of the techniques chapter) needs to scroll or is wider than the screen.
    void eachLanguagePresentsTheWorkshop_data() { eachLanguageFitsTheScreen_data(); }

    void eachLanguagePresentsTheWorkshop()
    {
        QFETCH(QString, language);
        QTranslator translator;
        if (!language.isEmpty()) {
            QVERIFY(translator.load(QStringLiteral(":/i18n/compression-lab_") + language + QStringLiteral(".qm")));
            QVERIFY(QCoreApplication::installTranslator(&translator));
        }
        {
            MainWindow window;
            QSignalSpy opened(&window, &MainWindow::checkpointOpened);
            window.openPath(QStringLiteral(COMPLAB_SAMPLE_DIR));
            QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 20000);
            window.showWorkshop(0, true);
            WorkshopView* workshop = window.workshop();
            QVERIFY(QTest::qWaitForWindowExposed(workshop));
            QTest::qWait(100); // the full-screen state settles
            // The offscreen platform's screen is 800 × 800: keep the large type, take the CI screen's size.
            workshop->setWindowState(Qt::WindowNoState);
            workshop->setGeometry(0, 0, 1600, 1000);
            QTRY_COMPARE(workshop->size(), QSize(1600, 1000));
            auto* pages = workshop->findChild<QStackedWidget*>();
            QVERIFY(pages);
            QStringList problems;
            for (int chapter = 0; chapter < WorkshopView::ChapterCount; ++chapter) {
                workshop->setChapter(chapter);
                const int tabs = chapter == WorkshopView::TechniquesChapter ? workshop->techniqueTabs()->count() : 1;
                for (int tab = 0; tab < tabs; ++tab) {
                    if (chapter == WorkshopView::TechniquesChapter)
                        workshop->techniqueTabs()->setCurrentIndex(tab);
                    QTest::qWait(50);
                    auto* scroll = qobject_cast<QScrollArea*>(pages->currentWidget());
                    QVERIFY(scroll);
                    const QString where = QStringLiteral("chapter %1 tab %2").arg(chapter + 1).arg(tab + 1);
                    if (scroll->verticalScrollBar()->maximum() > 0)
                        problems << where
                                + QStringLiteral(" scrolls by %1 px").arg(scroll->verticalScrollBar()->maximum());
                    if (scroll->widget()->minimumSizeHint().width() > scroll->viewport()->width())
                        problems << where
                                + QStringLiteral(" needs %1 px of width")
                                      .arg(scroll->widget()->minimumSizeHint().width());
                }
            }
            QVERIFY(workshop->minimumSizeHint().width() <= 1600);
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
            workshop->setPresenting(false);
        }
        if (!language.isEmpty())
            QVERIFY(QCoreApplication::removeTranslator(&translator));
    }

    void languageMenuKeepsTheChoice()
    {
        MainWindow window;
        QMenu* view = menuTitled(window.menuBar()->actions(), QStringLiteral("&View"));
        QVERIFY(view);
        QMenu* language = menuTitled(view->actions(), QStringLiteral("&Language"));
        QVERIFY(language);
        const QList<QAction*> choices = language->actions();
        QStringList labels;
        for (QAction* choice : choices) {
            labels << choice->text();
            QVERIFY(choice->isCheckable());
            QVERIFY(choice->actionGroup() && choice->actionGroup()->isExclusive());
        }
        QCOMPARE(labels,
            QStringList({QStringLiteral("Follow the &System"), QStringLiteral("&English"), QStringLiteral("&Deutsch"),
                QStringLiteral("&Français")}));
        QVERIFY(choices.front()->isChecked()); // "system" by default

        choices.at(2)->trigger();
        QCOMPARE(QSettings().value(QStringLiteral("view/language")).toString(), QStringLiteral("de"));
        QVERIFY(choices.at(2)->isChecked());
        QCOMPARE(
            window.messageBar()->text(), QStringLiteral("The language changes the next time Compression Lab starts."));

        // A new window shows the stored choice.
        MainWindow reopened;
        QMenu* reopenedLanguage = menuTitled(
            menuTitled(reopened.menuBar()->actions(), QStringLiteral("&View"))->actions(), QStringLiteral("&Language"));
        QVERIFY(reopenedLanguage->actions().at(2)->isChecked());
        QSettings().remove(QStringLiteral("view/language"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
