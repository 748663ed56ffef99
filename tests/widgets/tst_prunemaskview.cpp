// Pruning masks: the three methods on a real tensor of the bundled sample — exact fractions, the 2:4
// pattern visible in the picture, whole white rows for structured pruning, errors ordered as theory
// says (magnitude ≤ 2:4 ≤ structured at one half) — and the recipe's fraction followed.
#include "JobRunner.h"
#include "PruneMaskView.h"
#include "io/Checkpoint.h"

#include <QSignalSpy>
#include <QTest>

using namespace complab;

namespace {

const QString sampleModel = QStringLiteral(COMPLAB_SAMPLE_DIR "/model.safetensors");
const std::string projection = "model.layers.1.mlp.up_proj.weight";

bool isRemoved(const QImage& image, int x, int y)
{
    return image.pixel(x, y) == qRgb(255, 255, 255);
}

} // namespace

class TestPruneMaskView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void threeMasks()
    {
        const auto checkpoint = openCheckpoint(sampleModel.toStdString());
        const auto pictures = pruneMaskPictures(*checkpoint, *checkpoint->indexOf(projection), 0.5, {});
        for (std::size_t method = 0; method < 3; ++method) {
            QVERIFY(pictures.notApplicable[method].empty());
            QVERIFY(std::abs(pictures.sparsity[method] - 0.5) < 1e-9);
            QCOMPARE(pictures.images[method].width(), PruneMaskPictures::regionColumns);
            QCOMPARE(pictures.images[method].height(), PruneMaskPictures::regionRows);
        }
        QVERIFY(pictures.relativeError[0] <= pictures.relativeError[1]);
        QVERIFY(pictures.relativeError[1] <= pictures.relativeError[2]);
        // 2:4: exactly two white squares in every aligned group of four.
        const QImage& nm = pictures.images[1];
        for (int y = 0; y < nm.height(); ++y)
            for (int x = 0; x < nm.width(); x += 4) {
                int removed = 0;
                for (int i = 0; i < 4; ++i)
                    removed += isRemoved(nm, x + i, y);
                QCOMPARE(removed, 2);
            }
        // Structured: each row wholly kept or wholly removed.
        const QImage& rows = pictures.images[2];
        int removedRows = 0;
        for (int y = 0; y < rows.height(); ++y) {
            int removed = 0;
            for (int x = 0; x < rows.width(); ++x)
                removed += isRemoved(rows, x, y);
            QVERIFY(removed == 0 || removed == rows.width());
            removedRows += removed == rows.width();
        }
        QVERIFY(removedRows > 0 && removedRows < rows.height());
        // A vector is refused with its name.
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument, pruneMaskPictures(*checkpoint, *checkpoint->indexOf("model.norm.weight"), 0.5, {}));
    }

    void followsTheRecipe()
    {
        const std::shared_ptr<const Checkpoint> checkpoint = openCheckpoint(sampleModel.toStdString());
        Recipe recipe;
        recipe.pruning = PruningSettings{"magnitude", 0.3, "unstructured", {}};
        PruneMaskView view;
        view.setRecipeProvider([&recipe] { return recipe; });
        view.setCheckpoint(checkpoint);
        view.setTensor(int(*checkpoint->indexOf(projection)));
        QSignalSpy drawn(&view, &PruneMaskView::drawn);
        view.measureNow();
        QTRY_COMPARE_WITH_TIMEOUT(drawn.count(), 1, 30000);
        QVERIFY(std::abs(view.pictures()->sparsity[0] - 0.3) < 1e-4);
        QVERIFY(view.captionText(0).contains(QStringLiteral("30")));
    }
};

QTEST_MAIN(TestPruneMaskView)
#include "tst_prunemaskview.moc"
