// Drives the real lab window with simulated keyboard input, as a person would:
//   lab_driver bench            steps every recipe slider end to end (each chart tab in turn) and
//                               reports the worst event-loop gap per step: input handled, estimate
//                               recomputed, cards and the visible chart repainted;
//   lab_driver show <scenario>  sets a scenario by keyboard and keeps the window up for a screenshot
//                               (scenarios: default, seed, 70b-128k; add --dark, --tab N, --seconds S).
// A harness, not a test: it reports timings and never fails on them.
#include "Appearance.h"
#include "EstimateCharts.h"
#include "MainWindow.h"
#include "RecipePane.h"
#include "SamplePaths.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace complab;

namespace {

// Keyboard only: Home, then Right until the slider shows the wanted stop.
void moveSlider(QSlider* slider, int position)
{
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Home);
    for (int i = 0; i < position; ++i)
        QTest::keyClick(slider, Qt::Key_Right);
}

void chooseItem(QComboBox* box, int index)
{
    box->setFocus();
    QTest::keyClick(box, Qt::Key_Home);
    for (int i = 0; i < index; ++i)
        QTest::keyClick(box, Qt::Key_Down);
}

// CPU time of this thread: the machine may be shared, and waiting for a core is not the GUI's own cost.
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

void waitForSample(MainWindow& window)
{
    QSignalSpy opened(&window, &MainWindow::checkpointOpened);
    window.openPath(bundledSamplePath());
    opened.wait(20000);
}

int bench(MainWindow& window)
{
    RecipePane* recipe = window.recipePane();
    double worstOverall = 0;
    double worstCpuOverall = 0;
    std::printf("%-12s %-10s %6s %10s %10s %12s %12s\n", "tab", "slider", "steps", "worst ms", "mean ms", "handling ms",
        "worst cpu ms");
    for (int tab = 0; tab < EstimateCharts::TabCount; ++tab) {
        window.charts()->setCurrentIndex(tab);
        QApplication::processEvents();
        for (const QString& name : recipe->sliderNames()) {
            QSlider* slider = recipe->slider(name);
            if (!slider->isEnabled())
                continue;
            slider->setFocus();
            QTest::keyClick(slider, Qt::Key_Home);
            QApplication::processEvents();
            double worst = 0;
            double worstHandling = 0; // estimate and widget updates, before the repaint
            double worstCpu = 0; // the GUI thread's own CPU time for a whole step
            double total = 0;
            int steps = 0;
            for (int i = slider->minimum(); i < slider->maximum(); ++i) {
                QElapsedTimer timer;
                timer.start();
                const double cpuStart = threadCpuMs();
                QTest::keyClick(slider, Qt::Key_Right);
                const double handled = timer.nsecsElapsed() / 1e6;
                QApplication::processEvents(); // the repaint the move caused
                const double ms = timer.nsecsElapsed() / 1e6;
                worstHandling = std::max(worstHandling, handled);
                worstCpu = std::max(worstCpu, threadCpuMs() - cpuStart);
                worst = std::max(worst, ms);
                total += ms;
                ++steps;
            }
            worstOverall = std::max(worstOverall, worst);
            worstCpuOverall = std::max(worstCpuOverall, worstCpu);
            std::printf("%-12s %-10s %6d %10.2f %10.2f %12.2f %12.2f\n",
                qPrintable(window.charts()->tabText(tab).remove(QLatin1Char('&')).left(12)), qPrintable(name), steps,
                worst, steps ? total / steps : 0.0, worstHandling, worstCpu);
        }
    }
    std::printf("worst event-loop gap over all sliders and tabs: %.2f ms wall clock, %.2f ms GUI-thread CPU\n",
        worstOverall, worstCpuOverall);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("compression-lab-driver"));
    QApplication::setApplicationName(QStringLiteral("lab_driver"));
    const QStringList arguments = QApplication::arguments();
    const QString mode = arguments.value(1, QStringLiteral("bench"));
    const QString scenario = arguments.value(2, QStringLiteral("default"));
    const auto option = [&](const char* name, int fallback) {
        const int at = static_cast<int>(arguments.indexOf(QLatin1String(name)));
        return at > 0 && at + 1 < arguments.size() ? arguments[at + 1].toInt() : fallback;
    };
    QSettings().clear(); // every run starts from the defaults
    if (arguments.contains(QStringLiteral("--dark")))
        applyAppearance(Appearance::Dark);

    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        std::fprintf(stderr, "window not exposed\n");
    waitForSample(window);
    if (mode == QStringLiteral("bench"))
        return bench(window);

    RecipePane* recipe = window.recipePane();
    if (scenario == QStringLiteral("seed")) {
        moveSlider(recipe->slider(QStringLiteral("size")), 11); // 8 B
        moveSlider(recipe->slider(QStringLiteral("precision")), 8); // INT4
        moveSlider(recipe->slider(QStringLiteral("context")), 8); // 8K
        chooseItem(recipe->runtimeBox(), 0); // first-order
    } else if (scenario == QStringLiteral("70b-128k")) {
        moveSlider(recipe->slider(QStringLiteral("size")), 24); // 70 B
        moveSlider(recipe->slider(QStringLiteral("context")), 16); // 128K
    }
    window.charts()->setCurrentIndex(option("--tab", 0));
    QTimer::singleShot(option("--seconds", 12) * 1000, &app, &QApplication::quit);
    return QApplication::exec();
}
