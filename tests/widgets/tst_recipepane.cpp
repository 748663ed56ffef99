// The recipe pane drives the summary cards: each slider, moved by keyboard as a person would, changes
// the card values to what the estimator (and the estimate CLI) says, starting from the seed's lab
// example under the first-order profile (8B, INT4, 8K -> 4.0 GB, 88 % smaller, 5.2 GB, 94.0 %,
// "noticeable drift", Apple Silicon 8 GB).
#include "LabState.h"
#include "RecipePane.h"
#include "SummaryCards.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLocale>
#include <QSlider>
#include <QSpinBox>
#include <QTest>

using namespace complab;

namespace {

void moveTo(QSlider* slider, int position)
{
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Home);
    for (int i = 0; i < position; ++i)
        QTest::keyClick(slider, Qt::Key_Right);
    QCOMPARE(slider->value(), position);
}

QString gb(double value)
{
    return QLocale().toString(value, 'f', 1) + QStringLiteral(" GB");
}

QString percent(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals) + QStringLiteral(" %");
}

} // namespace

class TestRecipePane : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void seedExampleByDefault()
    {
        LabState state;
        RecipePane pane(&state);
        SummaryCards cards(&state);
        QCOMPARE(cards.field(QStringLiteral("disk")), QStringLiteral("4.0 GB"));
        QCOMPARE(cards.field(QStringLiteral("diskDetail")), QStringLiteral("88 % smaller than FP32"));
        QCOMPARE(cards.field(QStringLiteral("vram")), QStringLiteral("5.2 GB"));
        QCOMPARE(cards.field(QStringLiteral("quality")), QStringLiteral("94.0 %"));
        QCOMPARE(cards.field(QStringLiteral("qualityDetail")), QStringLiteral("noticeable drift"));
        QCOMPARE(cards.field(QStringLiteral("tier")), QStringLiteral("Apple Silicon 8 GB"));
        QCOMPARE(cards.field(QStringLiteral("tierDetail")), QStringLiteral("M-series unified memory, RTX 3060 8GB"));
        QCOMPARE(cards.field(QStringLiteral("diskKind")), QStringLiteral("estimate"));
        QCOMPARE(cards.field(QStringLiteral("vramKind")), QStringLiteral("estimate"));
        QVERIFY(
            cards.field(QStringLiteral("vramDetail")).startsWith(QStringLiteral("weights 4.0 GB + KV cache 1.1 GB")));
        // Both profiles visible: llama.cpp's figure for the same recipe.
        QCOMPARE(cards.field(QStringLiteral("vramOther")), QStringLiteral("llama.cpp would allocate 5.9 GB"));
        QCOMPARE(pane.valueText(QStringLiteral("architecture")),
            QStringLiteral("assuming Llama-3.1-8B-like: 32 layers, 8 KV heads \u00D7 128"));
        QCOMPARE(pane.valueText(QStringLiteral("size")), QStringLiteral("8 B weights"));
        QCOMPARE(pane.valueText(QStringLiteral("precision")), QStringLiteral("INT4 · 4 bits/weight"));
        QCOMPARE(pane.valueText(QStringLiteral("context")), QStringLiteral("8K tokens"));
        QVERIFY(!pane.asLoadedBox()->isEnabled()); // no model open
    }

    void eachSliderMovesTheCards_data()
    {
        QTest::addColumn<QString>("slider");
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("disk");
        QTest::addColumn<QString>("smaller");
        QTest::addColumn<QString>("vram");
        QTest::addColumn<QString>("quality");
        QTest::addColumn<QString>("band");
        QTest::addColumn<QString>("tier");
        // Expected values as `compression-lab-cli estimate --runtime first-order` prints them.
        QTest::addRow("size 70B") << "size" << 24 << gb(35) << percent(88, 0) << gb(38) << percent(94, 1)
                                  << "noticeable drift"
                                  << "Workstation GPU 48 GB";
        QTest::addRow("precision FP16") << "precision" << 1 << gb(16) << percent(50, 0) << gb(17.2) << percent(99.9, 1)
                                        << "near-lossless"
                                        << "Apple Silicon 32 GB";
        QTest::addRow("group size 128") << "groupSize" << 3 << gb(4.1) << percent(87, 0) << gb(5.3) << percent(94, 1)
                                        << "noticeable drift"
                                        << "Apple Silicon 8 GB";
        QTest::newRow("pruning 50 %") << "prune" << 50 << gb(2) << percent(94, 0) << gb(3.2) << percent(84.6, 1)
                                      << "significant loss"
                                      << "Phone 8 GB";
        QTest::addRow("distillation 4x") << "distill" << 4 << gb(1) << percent(97, 0) << gb(1.3) << percent(86.5, 1)
                                         << "significant loss"
                                         << "Phone 6 GB";
        QTest::addRow("context 128K") << "context" << 16 << gb(4) << percent(88, 0) << gb(23.3) << percent(94, 1)
                                      << "noticeable drift"
                                      << "Consumer GPU 32 GB";
        // Low rank is measured on a checkpoint, not estimated: the cards must not pretend otherwise.
        QTest::newRow("low rank 80 %") << "lowRank" << 30 << gb(4) << percent(88, 0) << gb(5.2) << percent(94, 1)
                                       << "noticeable drift"
                                       << "Apple Silicon 8 GB";
    }
    void eachSliderMovesTheCards()
    {
        QFETCH(QString, slider);
        QFETCH(int, position);
        LabState state;
        RecipePane pane(&state);
        SummaryCards cards(&state);
        QSlider* control = pane.slider(slider);
        QVERIFY(control);
        QVERIFY(!control->toolTip().isEmpty());
        if (slider == QStringLiteral("groupSize"))
            QVERIFY(control->isEnabled()); // INT4 is an integer grid
        moveTo(control, position);
        QTEST(cards.field(QStringLiteral("disk")), "disk");
        QFETCH(QString, smaller);
        QCOMPARE(cards.field(QStringLiteral("diskDetail")), smaller + QStringLiteral(" smaller than FP32"));
        QTEST(cards.field(QStringLiteral("vram")), "vram");
        QTEST(cards.field(QStringLiteral("quality")), "quality");
        QTEST(cards.field(QStringLiteral("qualityDetail")), "band");
        QTEST(cards.field(QStringLiteral("tier")), "tier");
    }

    void choicesMoveTheCards_data()
    {
        QTest::addColumn<QString>("control");
        QTest::addColumn<int>("value");
        QTest::addColumn<QString>("vram");
        QTest::addRow("KV cache q8_0") << "kvType" << 4 << gb(4.7);
        QTest::addRow("batch 4") << "batch" << 4 << gb(8.8);
        QTest::addRow("llama.cpp profile") << "runtime" << 1 << gb(5.9);
    }
    void choicesMoveTheCards()
    {
        QFETCH(QString, control);
        QFETCH(int, value);
        LabState state;
        RecipePane pane(&state);
        SummaryCards cards(&state);
        if (control == QStringLiteral("kvType"))
            pane.kvTypeBox()->setCurrentIndex(value);
        else if (control == QStringLiteral("runtime"))
            pane.runtimeBox()->setCurrentIndex(value);
        else
            pane.batchBox()->setValue(value);
        QTEST(cards.field(QStringLiteral("vram")), "vram");
        if (control == QStringLiteral("runtime"))
            QCOMPARE(cards.field(QStringLiteral("vramOther")), QStringLiteral("first-order sum: 5.2 GB"));
    }

    void groupSizeOnlyForIntegerGrids()
    {
        LabState state;
        RecipePane pane(&state);
        moveTo(pane.slider(QStringLiteral("precision")), 7); // Q4_K: its own super-blocks
        QVERIFY(!pane.slider(QStringLiteral("groupSize"))->isEnabled());
        QCOMPARE(pane.valueText(QStringLiteral("precision")), QStringLiteral("Q4_K · 4.5 bits/weight"));
    }

    void loadedModelIsUsedUntilTheSizeSliderMoves()
    {
        LabState state;
        RecipePane pane(&state);
        SummaryCards cards(&state);
        Architecture tiny;
        tiny.name = "tiny";
        tiny.layers = 4;
        tiny.hiddenSize = 256;
        tiny.attentionHeads = 8;
        tiny.keyValueHeads = 4;
        tiny.headDim = 32;
        tiny.vocabSize = 2048;
        tiny.maxContext = 256;
        state.setLoadedModel(tiny, 3'672'320, QStringLiteral("model.safetensors"));
        QVERIFY(pane.asLoadedBox()->isChecked());
        QCOMPARE(pane.valueText(QStringLiteral("size")), QStringLiteral("as loaded: 3.67 M"));
        QVERIFY(pane.valueText(QStringLiteral("architecture")).startsWith(QStringLiteral("shape of tiny")));
        QCOMPARE(state.input().parameters, 3'672'320.0);
        QCOMPARE(cards.field(QStringLiteral("disk")), QStringLiteral("1.8 MB")); // 3.67 M x 4 bits
        moveTo(pane.slider(QStringLiteral("size")), 11);
        QVERIFY(!pane.asLoadedBox()->isChecked());
        QCOMPARE(cards.field(QStringLiteral("disk")), QStringLiteral("4.0 GB"));
        pane.asLoadedBox()->setChecked(true);
        QCOMPARE(cards.field(QStringLiteral("disk")), QStringLiteral("1.8 MB"));
    }

    void everyControlTeachesAndHasAName()
    {
        LabState state;
        RecipePane pane(&state);
        for (const QString& name : pane.sliderNames()) {
            QSlider* slider = pane.slider(name);
            QVERIFY2(slider->toolTip().endsWith(QLatin1Char('.')), qPrintable(name));
            QVERIFY2(!slider->accessibleName().isEmpty(), qPrintable(name));
        }
        for (QWidget* widget : {static_cast<QWidget*>(pane.kvTypeBox()), static_cast<QWidget*>(pane.runtimeBox()),
                 static_cast<QWidget*>(pane.pruneMethodBox()), static_cast<QWidget*>(pane.batchBox())})
            QVERIFY(!widget->toolTip().isEmpty());
    }
};

QTEST_MAIN(TestRecipePane)
#include "tst_recipepane.moc"
