// Drives the real lab window with simulated keyboard input, as a person would:
//   lab_driver bench            steps every recipe slider end to end (each chart tab in turn) and
//                               reports the worst event-loop gap per step: input handled, estimate
//                               recomputed, cards and the visible chart repainted;
//   lab_driver show <scenario>  sets a scenario by keyboard and keeps the window up for a screenshot
//                               (scenarios: default, seed, 70b-128k; add --dark, --tab N, --seconds S);
//   lab_driver run [scheme]     presses Run (q4_k by default) and reports the worst gap between the
//                               ticks of a 1 ms heartbeat timer on the GUI thread while the whole model
//                               is compressed and then evaluated, with the wall time of each phase;
//   lab_driver preview          times the measured charts' preview and scheme sweep of every matrix.
// --model PATH opens that checkpoint instead of the bundled sample; --synthetic DIR writes (once) and
// opens a two-layer model with Llama-3-8B's layer shapes, for the 4096 x 4096 preview and the Run's
// memory. `run` also reports the anonymous memory (heap, not the mapped checkpoint) before and at peak.
// A harness, not a test: it reports timings and never fails on them.
#include "Appearance.h"
#include "EstimateCharts.h"
#include "JobRunner.h"
#include "MainWindow.h"
#include "MeasuredCharts.h"
#include "RecipePane.h"
#include "RunPanel.h"
#include "SamplePaths.h"
#include "SyntheticLlama.h"
#include "io/Checkpoint.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>

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

void waitForModel(MainWindow& window, const QString& path)
{
    QSignalSpy opened(&window, &MainWindow::checkpointOpened);
    window.openPath(path);
    opened.wait(60000);
}

// Ticks every millisecond on the GUI thread; the worst gap between ticks is how long the event loop
// was kept from running.
class Heartbeat
{
public:
    Heartbeat()
    {
        m_timer.setInterval(1);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const double cpu = threadCpuMs();
            const double gap = double(now - m_last) / 1e6;
            if (gap > m_worst) {
                m_worst = gap;
                m_worstCpu = cpu - m_lastCpu;
            }
            m_last = now;
            m_lastCpu = cpu;
        });
    }
    void restart()
    {
        m_worst = 0;
        m_worstCpu = 0;
        m_clock.start();
        m_last = 0;
        m_lastCpu = threadCpuMs();
        m_timer.start();
    }
    double worstMs() const { return m_worst; }
    // The GUI thread's own CPU time within that worst gap: the rest was waiting for a core.
    double worstCpuMs() const { return m_worstCpu; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    double m_worst = 0;
    double m_worstCpu = 0;
    double m_lastCpu = 0;
};

// Kilobytes of one line of /proc/self/status ("RssAnon", "VmHWM"), 0 where absent.
long statusKilobytes(const char* key)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray prefix = QByteArray(key) + ':';
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLong();
    return 0;
}

// The largest anonymous resident memory (heap, not the memory-mapped checkpoint) seen every 20 ms.
class MemoryWatch
{
public:
    MemoryWatch()
    {
        m_timer.setInterval(20);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { sample(); });
    }
    void start()
    {
        m_start = statusKilobytes("RssAnon");
        m_peak = m_start;
        m_timer.start();
    }
    void sample() { m_peak = std::max(m_peak, statusKilobytes("RssAnon")); }
    double startMb() const { return double(m_start) / 1024.0; }
    double peakMb() const { return double(m_peak) / 1024.0; }

private:
    QTimer m_timer;
    long m_start = 0;
    long m_peak = 0;
};

int runBench(MainWindow& window, const QString& scheme)
{
    RunPanel* run = window.runPanel();
    window.measuredCharts()->tabs()->setCurrentWidget(run);
    run->setRecipeProvider([scheme] {
        Recipe recipe;
        recipe.quantization.scheme = scheme.toStdString();
        return recipe;
    });
    QSignalSpy finished(run, &RunPanel::runFinished);
    QSignalSpy evaluated(run, &RunPanel::evaluated);
    QSignalSpy evaluationEnded(run->evaluationRunner(), &JobRunner::finished);
    // Let the opened model's first previews and the Run tab's first paint finish: they are not the run's.
    std::printf("anonymous memory after opening: %.0f MB\n", double(statusKilobytes("RssAnon")) / 1024.0);
    QTest::qWait(1500);
    MeasuredCharts* charts = window.measuredCharts();
    for (int waited = 0; waited < 600 && (charts->previewRunner()->isRunning() || charts->sweepRunner()->isRunning());
         ++waited)
        QTest::qWait(1000);
    std::printf("anonymous memory after the first tensor's preview and sweep: %.0f MB\n",
        double(statusKilobytes("RssAnon")) / 1024.0);
    Heartbeat heartbeat;
    Heartbeat whole; // never restarted, and read 200 ms after the end: it counts the handling of each
                     // phase's last result too
    QElapsedTimer clock;
    heartbeat.restart();
    whole.restart();
    MemoryWatch memory;
    memory.start();
    clock.start();
    const auto monotonic = [] {
        timespec now{};
        clock_gettime(CLOCK_MONOTONIC, &now);
        return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
    };
    const double runStart = monotonic();
    run->run();
    if (!finished.wait(3600 * 1000)) {
        std::fprintf(stderr, "the run did not finish: %s\n", qPrintable(run->summaryText()));
        return 1;
    }
    const double runSeconds = double(clock.nsecsElapsed()) / 1e9;
    const double runWorst = heartbeat.worstMs();
    const double runWorstCpu = heartbeat.worstCpuMs();
    if (qEnvironmentVariableIsSet("LAB_DRIVER_PHASES")) // for perf report --time
        std::fprintf(stderr, "compress phase, CLOCK_MONOTONIC: %.6f,%.6f\n", runStart, monotonic());
    heartbeat.restart();
    clock.restart();
    evaluationEnded.wait(3600 * 1000);
    const double evaluationSeconds = double(clock.nsecsElapsed()) / 1e9;
    QTest::qWait(200);
    std::printf("model %s, scheme %s, %zu tensors\n", window.checkpoint()->path().c_str(), qPrintable(scheme),
        run->result().size());
    std::printf(
        "compress the whole model: %8.2f s wall, worst GUI-thread gap %7.2f ms (%.2f ms of it GUI-thread CPU)\n",
        runSeconds, runWorst, runWorstCpu);
    std::printf(
        "evaluate against original: %7.2f s wall, worst GUI-thread gap %7.2f ms (%.2f ms of it GUI-thread CPU; %s)\n",
        evaluationSeconds, heartbeat.worstMs(), heartbeat.worstCpuMs(),
        evaluated.isEmpty() ? "no evaluation" : "evaluated");
    std::printf("the whole Run, results shown:  worst GUI-thread gap %7.2f ms (%.2f ms of it GUI-thread CPU)\n",
        whole.worstMs(), whole.worstCpuMs());
    memory.sample();
    std::uint64_t largest = 0;
    std::uint64_t checkpointBytes = 0;
    for (const auto& info : window.checkpoint()->tensors()) {
        largest = std::max<std::uint64_t>(largest, info.elementCount());
        checkpointBytes += info.byteSize;
    }
    std::printf("anonymous memory (RssAnon): %.0f MB before, %.0f MB peak during the Run; largest tensor %.0f MB as "
                "F32; checkpoint %.0f MB\n",
        memory.startMb(), memory.peakMb(), double(largest) * 4 / 1048576.0, double(checkpointBytes) / 1048576.0);
    return 0;
}

int previewBench(MainWindow& window)
{
    MeasuredCharts* charts = window.measuredCharts();
    charts->setDebounceMilliseconds(0);
    const auto& tensors = window.checkpoint()->tensors();
    std::printf("%-48s %14s %12s %12s %10s\n", "tensor", "shape", "preview ms", "sweep ms", "worst gap");
    double worstPreview = 0;
    for (std::size_t i = 0; i < tensors.size(); ++i) {
        if (tensors[i].shape.size() != 2)
            continue;
        QSignalSpy previewed(charts, &MeasuredCharts::previewDrawn);
        QSignalSpy swept(charts, &MeasuredCharts::sweepDrawn);
        Heartbeat heartbeat;
        QElapsedTimer clock;
        heartbeat.restart();
        clock.start();
        charts->setTensor(int(i));
        charts->measureNow();
        previewed.wait(600000);
        const double previewMs = double(clock.nsecsElapsed()) / 1e6;
        if (swept.isEmpty())
            swept.wait(600000);
        const double sweepMs = double(clock.nsecsElapsed()) / 1e6;
        worstPreview = std::max(worstPreview, previewMs);
        std::printf("%-48s %7lld x %-6lld %12.1f %12.1f %10.2f\n", tensors[i].name.c_str(),
            static_cast<long long>(tensors[i].shape[0]), static_cast<long long>(tensors[i].shape[1]), previewMs,
            sweepMs, heartbeat.worstMs());
    }
    std::printf("slowest preview: %.1f ms\n", worstPreview);
    return 0;
}

int sliderBench(MainWindow& window)
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

// With --slow-events, every event the GUI thread takes over 5 ms to handle is printed: which
// object, which event, how long. That names what a heartbeat gap was spent on.
class TimingApplication : public QApplication
{
public:
    using QApplication::QApplication;
    bool report = false;
    bool notify(QObject* receiver, QEvent* event) override
    {
        if (!report)
            return QApplication::notify(receiver, event);
        QElapsedTimer timer;
        timer.start();
        const int type = event->type();
        const bool handled = QApplication::notify(receiver, event);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (ms > 5.0)
            std::fprintf(stderr, "slow event: %6.2f ms, type %d, %s \"%s\"\n", ms, type,
                receiver->metaObject()->className(), qPrintable(receiver->objectName()));
        return handled;
    }
};

} // namespace

int main(int argc, char** argv)
{
    TimingApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("compression-lab-driver"));
    QApplication::setApplicationName(QStringLiteral("lab_driver"));
    const QStringList arguments = QApplication::arguments();
    const QString mode = arguments.value(1, QStringLiteral("bench"));
    QString scenario = arguments.value(2, QStringLiteral("default"));
    if (scenario.startsWith(QStringLiteral("--")))
        scenario = QStringLiteral("default");
    const auto option = [&](const char* name, int fallback) {
        const int at = static_cast<int>(arguments.indexOf(QLatin1String(name)));
        return at > 0 && at + 1 < arguments.size() ? arguments[at + 1].toInt() : fallback;
    };
    QSettings().clear(); // every run starts from the defaults
    app.report = arguments.contains(QStringLiteral("--slow-events"));
    if (arguments.contains(QStringLiteral("--dark")))
        applyAppearance(Appearance::Dark);

    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        std::fprintf(stderr, "window not exposed\n");
    const int modelAt = static_cast<int>(arguments.indexOf(QStringLiteral("--model")));
    QString modelPath = modelAt > 0 && modelAt + 1 < arguments.size() ? arguments[modelAt + 1] : bundledSamplePath();
    const int syntheticAt = static_cast<int>(arguments.indexOf(QStringLiteral("--synthetic")));
    if (syntheticAt > 0 && syntheticAt + 1 < arguments.size()) {
        // Llama-3-8B's layer shapes (4096 x 4096 attention, 14336 x 4096 MLP), two layers, a 32000 vocabulary.
        const std::filesystem::path folder = QFile::encodeName(arguments[syntheticAt + 1]).toStdString();
        if (!std::filesystem::exists(folder / "config.json")) {
            bench::SyntheticShape shape;
            shape.layers = 2;
            shape.vocabulary = 32000;
            std::printf("writing %.2f GB of synthetic BF16 weights to %s\n",
                double(bench::writeSyntheticLlama(folder, 42, shape)) / 1e9, folder.c_str());
        }
        modelPath = arguments[syntheticAt + 1];
    }
    waitForModel(window, modelPath);
    if (!window.checkpoint()) {
        std::fprintf(stderr, "could not open the model\n");
        return 1;
    }
    if (mode == QStringLiteral("bench"))
        return sliderBench(window);
    if (mode == QStringLiteral("run"))
        return runBench(window, scenario == QStringLiteral("default") ? QStringLiteral("q4_k") : scenario);
    if (mode == QStringLiteral("preview"))
        return previewBench(window);

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
