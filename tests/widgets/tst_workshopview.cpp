// Workshop mode on the bundled sample: seven chapters with working navigation (buttons, Page Up/Down,
// the arrow keys only while presenting), a quantised row whose error halves with each bit and whose
// values all lie on the grid, the teacher's softened distribution from the model's own logits, the
// arithmetic's equations carrying the cards' numbers and following an edited constant, the decision
// guide setting the recipe, and presentation mode scaling type (charts included) without compounding
// and fitting each chapter on a 1600 × 1000 screen.
#include "ArithmeticPanel.h"
#include "DecisionGuidePanel.h"
#include "JobRunner.h"
#include "LabState.h"
#include "QuantRowDemo.h"
#include "SummaryCards.h"
#include "TechniqueMap.h"
#include "TemperatureDemo.h"
#include "WorkshopView.h"
#include "io/Checkpoint.h"
#include "model/ModelWeights.h"
#include "model/TemperatureSoftmax.h"
#include "model/Tokenizer.h"
#include "model/Transformer.h"

#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QListWidget>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSlider>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTest>

#include <cmath>

using namespace complab;

namespace {

std::shared_ptr<const Checkpoint> sample()
{
    static const std::shared_ptr<const Checkpoint> checkpoint = openCheckpoint(COMPLAB_SAMPLE_DIR);
    return checkpoint;
}

} // namespace

class TestWorkshopView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void navigation()
    {
        LabState state;
        WorkshopView view(&state);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.chapterList()->count(), int(WorkshopView::ChapterCount));
        for (int i = 0; i < WorkshopView::ChapterCount; ++i)
            QVERIFY(!view.chapterTitle(i).isEmpty());
        QCOMPARE(view.chapter(), 0);
        view.previousChapter();
        QCOMPARE(view.chapter(), 0);
        QSignalSpy changed(&view, &WorkshopView::chapterChanged);
        view.nextChapter();
        QCOMPARE(view.chapter(), 1);
        QCOMPARE(changed.count(), 1);
        QTest::keyClick(&view, Qt::Key_PageDown);
        QCOMPARE(view.chapter(), 2);
        QTest::keyClick(&view, Qt::Key_PageUp);
        QCOMPARE(view.chapter(), 1);
        // Outside presentation the arrow keys belong to the sliders.
        QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(view.chapter(), 1);
        view.setPresenting(true);
        QVERIFY(view.isPresenting());
        QVERIFY(!view.chapterList()->isVisible());
        QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(view.chapter(), 2);
        QTest::keyClick(&view, Qt::Key_Left);
        QTest::keyClick(&view, Qt::Key_Left);
        QCOMPARE(view.chapter(), 0);
        for (int i = 0; i < 10; ++i)
            QTest::keyClick(&view, Qt::Key_Space);
        QCOMPARE(view.chapter(), WorkshopView::ChapterCount - 1);
        QTest::keyClick(&view, Qt::Key_Escape);
        QVERIFY(!view.isPresenting());
        QVERIFY(view.chapterList()->isVisible());
        view.chapterList()->setCurrentRow(WorkshopView::ArithmeticChapter);
        QCOMPARE(view.chapter(), int(WorkshopView::ArithmeticChapter));
        // The map's buttons open the technique's demo.
        Q_EMIT view.map()->demoRequested(TechniqueMap::LowRank);
        QCOMPARE(view.chapter(), int(WorkshopView::TechniquesChapter));
        QCOMPARE(view.techniqueTabs()->currentIndex(), int(WorkshopView::LowRankDemo));
    }

    void quantisedRowHalvesItsErrorPerBit()
    {
        const auto checkpoint = sample();
        const int tensor = defaultDemoTensor(*checkpoint);
        QVERIFY(tensor >= 0);
        QVERIFY(
            QString::fromStdString(checkpoint->tensors()[std::size_t(tensor)].name).contains(QStringLiteral("layers")));
        const auto ladder = quantRowLadder(*checkpoint, std::size_t(tensor), {});
        QCOMPARE(ladder.steps.size(), std::size_t(7));
        const auto& original = ladder.original;
        QCOMPARE(original.size(), std::size_t(checkpoint->tensors()[std::size_t(tensor)].shape[1]));
        const float low = *std::min_element(original.begin(), original.end());
        const float high = *std::max_element(original.begin(), original.end());
        for (const auto& step : ladder.steps) {
            QVERIFY(step.levels.size() <= std::size_t(1) << step.bits);
            QVERIFY(step.levels.size() >= std::size_t(4));
            // Every stored value is a grid level, within half a grid step of the original.
            const double spacing = (double(high) - double(low)) / ((1 << step.bits) - 1);
            double squares = 0;
            for (std::size_t i = 0; i < original.size(); ++i) {
                QVERIFY(std::find(step.levels.begin(), step.levels.end(), step.quantised[i]) != step.levels.end());
                const double error = double(original[i]) - double(step.quantised[i]);
                QVERIFY2(std::abs(error) <= spacing * 0.51,
                    qPrintable(QStringLiteral("bits %1 column %2").arg(step.bits).arg(i)));
                squares += error * error;
            }
            QVERIFY(std::abs(std::sqrt(squares / double(original.size())) - step.rmsError) < 1e-9);
        }
        for (std::size_t i = 1; i < ladder.steps.size(); ++i) {
            const double ratio = ladder.steps[i - 1].rmsError / ladder.steps[i].rmsError;
            QVERIFY2(ratio > 1.6 && ratio < 2.6, qPrintable(QString::number(ratio)));
        }
        // A vector has no row to quantise.
        const auto norm = checkpoint->indexOf("model.norm.weight");
        QVERIFY(norm);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, quantRowLadder(*checkpoint, *norm, {}));
    }

    void quantRowDemoFollowsTheSlider()
    {
        QuantRowDemo demo;
        demo.resize(900, 600);
        demo.show();
        QSignalSpy drawn(&demo, &QuantRowDemo::drawn);
        demo.setCheckpoint(sample());
        QTRY_VERIFY_WITH_TIMEOUT(demo.ladder() != nullptr, 30000);
        demo.setBits(2);
        const auto* ladder = demo.ladder();
        QCOMPARE(demo.quantisedSeries()->count(), 2 * QuantRowDemo::shownColumns);
        QCOMPARE(demo.quantisedSeries()->at(0).y(), double(ladder->step(2).quantised[0]));
        QCOMPARE(demo.originalSeries()->at(5).y(), double(ladder->original[5]));
        QVERIFY(demo.errorText() != QStringLiteral("—"));
        const QString atTwo = demo.errorText();
        demo.setBits(8);
        QVERIFY(demo.errorText() != atTwo);
        QCOMPARE(demo.quantisedSeries()->at(0).y(), double(ladder->step(8).quantised[0]));
    }

    void teacherSoftensItsOwnLogits()
    {
        const auto checkpoint = sample();
        TemperatureDemo demo;
        demo.resize(900, 600);
        demo.setCheckpoint(checkpoint);
        demo.setPrompt(QStringLiteral("Once upon a time, there was a little"));
        demo.show(); // asks the teacher
        QTRY_VERIFY_WITH_TIMEOUT(demo.prediction() != nullptr, 60000);
        const auto* prediction = demo.prediction();
        QCOMPARE(prediction->top.size(), std::size_t(TeacherPrediction::shownTokens));
        // The same logits as the forward pass run here on the prompt with BOS.
        const auto tokenizer = findTokenizerFor(*checkpoint);
        QVERIFY(tokenizer);
        const auto tokens = tokenizer->encode("Once upon a time, there was a little", true);
        QCOMPARE(prediction->promptTokens, tokens.size());
        const Transformer model(ModelWeights::load(*checkpoint));
        auto cache = model.newCache();
        const auto logits = model.forward(tokens, cache, nullptr, true);
        QCOMPARE(std::size_t(logits.cols()), prediction->logits.size());
        for (Eigen::Index i = 0; i < logits.cols(); ++i)
            QCOMPARE(prediction->logits[std::size_t(i)], logits(0, i));
        // A story model continues "a little" with a noun it has seen often: the top token is a word.
        QVERIFY(!prediction->texts.front().empty());
        demo.setTemperature(1.0);
        const double coldTop = demo.shownProbabilities().front();
        const double coldEntropy = demo.entropy();
        QVERIFY(
            std::abs(coldTop - softmaxAtTemperature(prediction->logits, 1.0)[std::size_t(prediction->top[0])]) < 1e-12);
        demo.setTemperature(5.0);
        QVERIFY(demo.shownProbabilities().front() < coldTop);
        QVERIFY(demo.entropy() > coldEntropy);
        QCOMPARE(demo.softenedSet()->count(), TeacherPrediction::shownTokens);
        QVERIFY(std::abs(demo.softenedSet()->at(0) - 100.0 * demo.shownProbabilities().front()) < 1e-9);
        QVERIFY(demo.summaryText().contains(QStringLiteral("5.0")));
        // The order of the runners-up is kept: probabilities fall along the bars at any temperature.
        for (std::size_t i = 1; i < demo.shownProbabilities().size(); ++i)
            QVERIFY(demo.shownProbabilities()[i] <= demo.shownProbabilities()[i - 1]);
    }

    void arithmeticShowsTheCardsNumbers()
    {
        LabState state;
        const auto checkpoint = sample();
        state.setLoadedModel(std::nullopt, double(checkpoint->totalParameters()), QStringLiteral("sample"));
        LabRecipe recipe = state.recipe();
        recipe.pruneFraction = 0.5;
        recipe.distillFactor = 2;
        state.setRecipe(recipe);
        ArithmeticPanel panel(&state);
        SummaryCards cards(&state);
        QVERIFY(panel.equationText(0).contains(cards.field(QStringLiteral("disk"))));
        QVERIFY(panel.equationText(2).contains(cards.field(QStringLiteral("quality"))));
        QVERIFY(panel.equationText(1).contains(QStringLiteral("0.5")));
        const QString before = panel.equationText(2);
        auto constants = state.constants();
        constants.pruneCubic = 0.9;
        state.setConstants(constants);
        QVERIFY(panel.equationText(2) != before);
        QVERIFY(panel.equationText(2).contains(QStringLiteral("0.9")));
        QVERIFY(panel.equationText(2).contains(cards.field(QStringLiteral("quality"))));
    }

    void decisionGuideSetsTheRecipe()
    {
        LabState state;
        WorkshopView view(&state);
        const LabRecipe before = state.recipe();
        QVERIFY(!view.guide()->explanation().isEmpty()); // the first situation is described from the start
        QCOMPARE(state.recipe(), before); // ... but only the button loads it
        view.guide()->applySituation(1); // datacentre GPU: FP8 or INT8
        QVERIFY(!(state.recipe() == before));
        QCOMPARE(view.guideCards()->field(QStringLiteral("disk")), view.cards()->field(QStringLiteral("disk")));
    }

    void presentationScalesTypeOnce()
    {
        LabState state;
        WorkshopView view(&state);
        view.setCheckpoint(sample());
        view.resize(1400, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto* chart = view.quantRow()->findChild<QChartView*>()->chart();
        const double title = chart->titleFont().pointSizeF();
        const double text = view.font().pointSizeF();
        view.setPresenting(true);
        QVERIFY(chart->titleFont().pointSizeF() > title * 1.5);
        QVERIFY(view.font().pointSizeF() > text * 1.5);
        view.setPresenting(false);
        view.setPresenting(true);
        QVERIFY(std::abs(chart->titleFont().pointSizeF() - title * 1.6) < 0.01);
        view.setPresenting(false);
        QCOMPARE(chart->titleFont().pointSizeF(), title);
        QCOMPARE(view.font().pointSizeF(), text);
    }

    void eachChapterFitsTheScreenWhilePresenting()
    {
        LabState state;
        WorkshopView view(&state);
        view.setCheckpoint(sample());
        view.setPresenting(true);
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTest::qWait(100); // the full-screen state settles
        // The offscreen platform's screen is 800 × 800: keep the large type, take the CI screen's size.
        view.setWindowState(Qt::WindowNoState);
        view.setGeometry(0, 0, 1600, 1000);
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_COMPARE(view.size(), QSize(1600, 1000));
        auto* pages = view.findChild<QStackedWidget*>();
        QVERIFY(pages);
        QStringList tooTall;
        for (int chapter = 0; chapter < WorkshopView::ChapterCount; ++chapter) {
            view.setChapter(chapter);
            for (int tab = 0; tab < (chapter == WorkshopView::TechniquesChapter ? 4 : 1); ++tab) {
                if (chapter == WorkshopView::TechniquesChapter)
                    view.techniqueTabs()->setCurrentIndex(tab);
                QCoreApplication::processEvents();
                auto* scroll = qobject_cast<QScrollArea*>(pages->currentWidget());
                QVERIFY(scroll);
                QTest::qWait(50);
                const int room = scroll->viewport()->height();
                const int needed = room + scroll->verticalScrollBar()->maximum();
                if (needed > room)
                    tooTall << QStringLiteral("chapter %1 tab %2 needs %3 px, has %4")
                                   .arg(chapter + 1)
                                   .arg(tab)
                                   .arg(needed)
                                   .arg(room);
            }
        }
        view.setPresenting(false);
        QVERIFY2(tooTall.isEmpty(), qPrintable(tooTall.join(QStringLiteral("; "))));
    }
};

QTEST_MAIN(TestWorkshopView)
#include "tst_workshopview.moc"
