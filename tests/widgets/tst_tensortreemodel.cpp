// The tensor tree: grouping by layer prefix, numeric order of layers, group sums, sort roles,
// recursive filtering, and Qt's own model tester watching every call.
#include "TensorTreeModel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace complab;

namespace {

TensorInfo tensor(const std::string& name, std::vector<std::int64_t> shape)
{
    TensorInfo info;
    info.name = name;
    info.dtype = DType::BF16;
    info.shape = std::move(shape);
    info.byteSize = info.elementCount() * 2;
    return info;
}

std::vector<TensorInfo> llamaLike(int layers)
{
    std::vector<TensorInfo> tensors{tensor("model.embed_tokens.weight", {100, 8})};
    // Alphabetical, as safetensors headers are: layers.10 comes before layers.2.
    std::vector<std::string> numbers;
    for (int layer = 0; layer < layers; ++layer)
        numbers.push_back(std::to_string(layer));
    std::sort(numbers.begin(), numbers.end());
    for (const auto& number : numbers) {
        tensors.push_back(tensor("model.layers." + number + ".mlp.up_proj.weight", {16, 8}));
        tensors.push_back(tensor("model.layers." + number + ".self_attn.q_proj.weight", {8, 8}));
    }
    tensors.push_back(tensor("model.norm.weight", {8}));
    tensors.push_back(tensor("lm_head.weight", {100, 8}));
    return tensors;
}

} // namespace

class TestTensorTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void groupPath_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("groups");
        QTest::addColumn<QString>("label");
        QTest::addRow("hf layer") << "model.layers.3.mlp.up_proj.weight"
                                  << QStringList{QStringLiteral("layers"), QStringLiteral("3")} << "mlp.up_proj.weight";
        QTest::addRow("gguf block") << "blk.12.attn_q.weight"
                                    << QStringList{QStringLiteral("blk"), QStringLiteral("12")} << "attn_q.weight";
        QTest::addRow("embedding") << "model.embed_tokens.weight" << QStringList{} << "embed_tokens.weight";
        QTest::addRow("head") << "lm_head.weight" << QStringList{} << "lm_head.weight";
        QTest::addRow("bare") << "weight" << QStringList{} << "weight";
        QTest::addRow("numbered leaf") << "layers.3" << QStringList{} << "layers.3";
    }

    void groupPath()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, groups);
        QFETCH(QString, label);
        const auto [actualGroups, actualLabel] = TensorTreeModel::groupPath(name);
        QCOMPARE(actualGroups, groups);
        QCOMPARE(actualLabel, label);
    }

    void treeShapeAndSums()
    {
        TensorTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTensors(llamaLike(12));
        // embed_tokens, layers, norm, lm_head
        QCOMPARE(model.rowCount(), 4);
        const QModelIndex layers = model.index(1, TensorTreeModel::NameColumn);
        QCOMPARE(layers.data().toString(), QStringLiteral("layers"));
        QCOMPARE(model.rowCount(layers), 12);
        for (int row = 0; row < 12; ++row)
            QCOMPARE(model.index(row, 0, layers).data().toString(), QString::number(row));
        const QModelIndex layer3 = model.index(3, 0, layers);
        QCOMPARE(model.rowCount(layer3), 2);
        QCOMPARE(model.index(0, 0, layer3).data().toString(), QStringLiteral("mlp.up_proj.weight"));
        QCOMPARE(model.index(0, 0, layer3).data(TensorTreeModel::FullNameRole).toString(),
            QStringLiteral("model.layers.3.mlp.up_proj.weight"));
        QCOMPARE(
            model.index(3, TensorTreeModel::ParametersColumn, layers).data(TensorTreeModel::SortRole).toULongLong(),
            16ull * 8 + 8 * 8);
        QCOMPARE(
            layers.siblingAtColumn(TensorTreeModel::ParametersColumn).data(TensorTreeModel::SortRole).toULongLong(),
            12ull * (16 * 8 + 8 * 8));
        QCOMPARE(layers.siblingAtColumn(TensorTreeModel::BytesColumn).data(TensorTreeModel::SortRole).toULongLong(),
            12ull * (16 * 8 + 8 * 8) * 2);
        QCOMPARE(layers.data(TensorTreeModel::TensorIndexRole).toInt(), -1);
        QCOMPARE(model.index(0, TensorTreeModel::ShapeColumn).data().toString(), QStringLiteral("100 × 8"));
        QCOMPARE(model.index(0, TensorTreeModel::DTypeColumn).data().toString(), QStringLiteral("BF16"));

        // indexForTensor finds every leaf and round-trips its tensor index.
        const auto tensors = llamaLike(12);
        for (int i = 0; i < static_cast<int>(tensors.size()); ++i) {
            const QModelIndex index = model.indexForTensor(i);
            QVERIFY(index.isValid());
            QCOMPARE(index.data(TensorTreeModel::TensorIndexRole).toInt(), i);
            QCOMPARE(index.data(TensorTreeModel::FullNameRole).toString(), QString::fromStdString(tensors[i].name));
        }
        QVERIFY(!model.indexForTensor(-1).isValid());
        QVERIFY(!model.indexForTensor(1000).isValid());

        // A second reset is watched by the tester too.
        model.setTensors(llamaLike(2));
        QCOMPARE(model.rowCount(model.index(1, 0)), 2);
        model.setTensors({});
        QCOMPARE(model.rowCount(), 0);
    }

    void sortAndFilterThroughProxy()
    {
        TensorTreeModel model;
        model.setTensors(llamaLike(4));
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setRecursiveFilteringEnabled(true);
        proxy.setFilterRole(TensorTreeModel::FullNameRole);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        proxy.setSortRole(TensorTreeModel::SortRole);

        proxy.sort(TensorTreeModel::ParametersColumn, Qt::DescendingOrder);
        // embed_tokens and lm_head (800 each) before layers (4 × 192 = 768) before norm (8).
        QCOMPARE(proxy.index(2, 0).data().toString(), QStringLiteral("layers"));
        QCOMPARE(proxy.index(3, 0).data().toString(), QStringLiteral("norm.weight"));

        proxy.setFilterFixedString(QStringLiteral("Q_PROJ"));
        QCOMPARE(proxy.rowCount(), 1); // only the layers group survives
        const QModelIndex layers = proxy.index(0, 0);
        QCOMPARE(proxy.rowCount(layers), 4);
        QCOMPARE(proxy.rowCount(proxy.index(0, 0, layers)), 1);
        proxy.setFilterFixedString(QStringLiteral("layers.2."));
        QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 1);
    }
};

QTEST_MAIN(TestTensorTreeModel)
#include "tst_tensortreemodel.moc"
