// The constants table: every constant listed with its default and sources, values editable,
// impossible edits refused with the estimator's message, reset back to the defaults; checked by
// QAbstractItemModelTester throughout.
#include "ConstantsModel.h"
#include "ConstantsPanel.h"
#include "LabState.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

using namespace complab;

namespace {

int rowOf(const ConstantsModel& model, const QString& key)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row, 0).data(ConstantsModel::KeyRole).toString() == key)
            return row;
    return -1;
}

} // namespace

class TestConstantsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void listsEveryConstantWithSources()
    {
        ConstantsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), static_cast<int>(constantDescriptions().size()));
        QCOMPARE(model.columnCount(), int(ConstantsModel::ColumnCount));
        const int int4 = rowOf(model, QStringLiteral("quality.int4"));
        QVERIFY(int4 >= 0);
        QCOMPARE(model.index(int4, ConstantsModel::ValueColumn).data().toString(), QStringLiteral("0.94"));
        QCOMPARE(model.index(int4, ConstantsModel::DefaultColumn).data().toString(), QStringLiteral("0.94"));
        QVERIFY(model.index(int4, ConstantsModel::SourcesColumn).data().toString().contains(QStringLiteral("GPTQ")));
        QVERIFY(model.flags(model.index(int4, ConstantsModel::ValueColumn)) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(model.index(int4, ConstantsModel::LabelColumn)) & Qt::ItemIsEditable));
    }

    void edits_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("accepted");
        QTest::addRow("INT4 0.9") << "quality.int4"
                                  << "0.9" << true;
        QTest::addRow("INT4 above INT8") << "quality.int4"
                                         << "0.99" << false;
        QTest::addRow("not a number") << "quality.int4"
                                      << "lots" << false;
        QTest::addRow("cubic 0.8") << "quality.prune_cubic"
                                   << "0.8" << true;
        QTest::addRow("negative headroom") << "memory.tier_headroom"
                                           << "-0.5" << false;
    }
    void edits()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(bool, accepted);
        ConstantsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy edited(&model, &ConstantsModel::constantsEdited);
        const int row = rowOf(model, key);
        QVERIFY(row >= 0);
        const QModelIndex index = model.index(row, ConstantsModel::ValueColumn);
        QCOMPARE(model.setData(index, value), accepted);
        QCOMPARE(edited.count(), accepted ? 1 : 0);
        QCOMPARE(model.lastError().isEmpty(), accepted);
        if (accepted)
            QCOMPARE(index.data().toString(), value);
        else
            QCOMPARE(model.constants(), EstimatorConstants());
    }

    void panelEditsReachTheEstimateAndReset()
    {
        LabState state;
        ConstantsPanel panel(&state);
        QAbstractItemModelTester tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(state.estimate().quality, 0.94);
        const int row = rowOf(*panel.model(), QStringLiteral("quality.int4"));
        QVERIFY(panel.model()->setData(panel.model()->index(row, ConstantsModel::ValueColumn), 0.9));
        QCOMPARE(state.estimate().quality, 0.9);
        panel.model()->setConstants(EstimatorConstants());
        QCOMPARE(state.estimate().quality, 0.94);
        // Both VRAM figures are on the profile switch; choosing llama.cpp changes the recipe.
        QCOMPARE(panel.firstOrderButton()->text(), QStringLiteral("&First-order (the seed's sum): 5.2 GB"));
        QCOMPARE(panel.llamaCppButton()->text(), QStringLiteral("&llama.cpp (its allocations): 5.9 GB"));
        QVERIFY(panel.firstOrderButton()->isChecked());
        panel.llamaCppButton()->click();
        QCOMPARE(state.recipe().runtime, RuntimeProfile::LlamaCpp);
    }
};

QTEST_MAIN(TestConstantsModel)
#include "tst_constantsmodel.moc"
