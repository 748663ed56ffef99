// The metadata table: one row per key, in key order, checked by Qt's model tester.
#include "MetadataModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace complab;

class TestMetadataModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rows()
    {
        MetadataModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setMetadata({{"general.architecture", "llama"}, {"a.key", "[1, 2, … (9 int32 values)]"}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), 2);
        QCOMPARE(model.index(0, MetadataModel::KeyColumn).data().toString(), QStringLiteral("a.key"));
        QCOMPARE(model.index(1, MetadataModel::ValueColumn).data().toString(), QStringLiteral("llama"));
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Key"));
        QCOMPARE(model.rowCount(model.index(0, 0)), 0);
        model.setMetadata({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestMetadataModel)
#include "tst_metadatamodel.moc"
