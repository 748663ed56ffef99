// Wanda and SparseGPT: exact sparsity and N:M masks, Wanda's score is |W|·‖X_j‖ (a channel with
// large inputs keeps its weights), SparseGPT with an identity Hessian is magnitude pruning, and on
// real layers of lab-tinystories both beat magnitude pruning at 50 % and 2:4 on the layer output.
#include "calib/Hessian.h"
#include "calib/LayerError.h"
#include "calib/SparseGpt.h"
#include "calib/Wanda.h"
#include "prune/MagnitudePruner.h"

#include "CalibrationInputs.h"

#include <QTest>

#include <chrono>

using namespace complab;
using namespace complab::test;

class TestCalibratedPruning : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void masksAreExact_data()
    {
        QTest::addColumn<bool>("sparseGpt");
        QTest::addColumn<bool>("twoFour");
        QTest::addRow("wanda 50 %%") << false << false;
        QTest::addRow("wanda 2:4") << false << true;
        QTest::addRow("sparsegpt 50 %%") << true << false;
        QTest::addRow("sparsegpt 2:4") << true << true;
    }

    void masksAreExact()
    {
        QFETCH(bool, sparseGpt);
        QFETCH(bool, twoFour);
        const Eigen::MatrixXf weight = normalMatrix(70, 256, 1);
        const Eigen::MatrixXf inputs = realisticInputs(300, 256, 2, 3);
        const auto spec = twoFour ? PruneSpec::nOfM(2, 4) : PruneSpec::unstructured(0.5, PruneScope::PerRow);
        Progress progress;
        const auto result = sparseGpt ? sparseGptPruneWithInputs(weight, inputs, spec, {}, progress, {})
                                      : wandaPrune(weight, inputs, spec, progress, {});
        QCOMPARE(result.metrics.pruned, std::uint64_t(70 * 128));
        for (Eigen::Index r = 0; r < weight.rows(); ++r) {
            QCOMPARE(result.keep.row(r).count(), Eigen::Index(128));
            if (twoFour)
                for (Eigen::Index first = 0; first < 256; first += 4)
                    QCOMPARE(result.keep.row(r).segment(first, 4).count(), Eigen::Index(2));
        }
        QVERIFY((result.keep || result.weight.array() == 0.0f).all());
        QVERIFY((!result.keep || result.weight.array() != 0.0f).all());
    }

    void wandaWeighsByInputNorm()
    {
        // Equal magnitudes; channel 3 sees inputs 10× larger, so every row keeps it.
        const Eigen::MatrixXf weight = Eigen::MatrixXf::Constant(5, 8, 0.1f);
        Eigen::MatrixXf inputs = normalMatrix(64, 8, 4);
        inputs.col(3) *= 10.0f;
        Progress progress;
        const auto result
            = wandaPrune(weight, inputs, PruneSpec::unstructured(0.875, PruneScope::PerRow), progress, {});
        for (Eigen::Index r = 0; r < 5; ++r) {
            QCOMPARE(result.keep.row(r).count(), Eigen::Index(1));
            QVERIFY(result.keep(r, 3));
        }
    }

    void sparseGptWithIdentityHessianIsMagnitude()
    {
        const Eigen::MatrixXf weight = normalMatrix(20, 256, 6);
        Progress progress;
        for (const auto& spec : {PruneSpec::unstructured(0.5, PruneScope::PerRow), PruneSpec::nOfM(2, 4)}) {
            SparseGptOptions options;
            options.blockSize = 256; // one block: the per-row choice over the whole row
            const auto ours = sparseGptPrune(weight, Eigen::MatrixXd::Identity(256, 256), spec, options, progress, {});
            const auto magnitude = pruneMagnitude(weight, spec, progress, {});
            QVERIFY((ours.keep == magnitude.keep).all());
            QVERIFY((ours.weight - magnitude.weight).cwiseAbs().maxCoeff() < 1e-6f);
        }
    }

    void refusesGlobal()
    {
        Progress progress;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
            sparseGptPrune(normalMatrix(4, 16, 1), Eigen::MatrixXd::Identity(16, 16),
                PruneSpec::unstructured(0.5, PruneScope::Global), {}, progress, {}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
            wandaPrune(normalMatrix(4, 18, 1), normalMatrix(8, 18, 2), PruneSpec::nOfM(2, 4), progress, {}));
    }

    void beatMagnitudeOnRealLayers_data()
    {
        QTest::addColumn<QString>("tensor");
        QTest::addColumn<bool>("twoFour");
        QTest::addColumn<bool>("captured");
        for (const bool captured : {false, true})
            for (const char* name : {"model.layers.1.mlp.up_proj.weight", "model.layers.1.mlp.down_proj.weight"}) {
                const char* source = captured ? "captured" : "synthetic";
                QTest::addRow("%s 50 %%, %s X", name, source) << QString::fromLatin1(name) << false << captured;
                QTest::addRow("%s 2:4, %s X", name, source) << QString::fromLatin1(name) << true << captured;
            }
    }

    void beatMagnitudeOnRealLayers()
    {
        QFETCH(QString, tensor);
        QFETCH(bool, twoFour);
        QFETCH(bool, captured);
        std::string why;
        const auto layer = layerCase(tensor.toStdString(), captured, why);
        if (!layer)
            QSKIP(why.c_str());
        const Eigen::MatrixXf* weight = &layer->weight;
        const Eigen::MatrixXf& calibration = layer->calibration;
        const Eigen::MatrixXf& heldOut = layer->heldOut;
        const Eigen::MatrixXf& judged = layer->judged();
        const auto spec = twoFour ? PruneSpec::nOfM(2, 4) : PruneSpec::unstructured(0.5, PruneScope::PerRow);
        Progress progress;
        const auto magnitude = pruneMagnitude(*weight, spec, progress, {});
        auto start = std::chrono::steady_clock::now();
        const auto wanda = wandaPrune(*weight, calibration, spec, progress, {});
        const double wandaSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        start = std::chrono::steady_clock::now();
        const auto sparseGpt = sparseGptPruneWithInputs(*weight, calibration, spec, {}, progress, {});
        const double sparseGptSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double magnitudeError = outputRelativeError(*weight, magnitude.weight, judged);
        const double magnitudeHeldOut = outputRelativeError(*weight, magnitude.weight, heldOut);
        const double wandaError = outputRelativeError(*weight, wanda.weight, judged);
        const double wandaHeldOut = outputRelativeError(*weight, wanda.weight, heldOut);
        const double sparseGptError = outputRelativeError(*weight, sparseGpt.weight, judged);
        const double sparseGptHeldOut = outputRelativeError(*weight, sparseGpt.weight, heldOut);
        qInfo("%s %s: output error on judged X: magnitude %.4f, Wanda %.4f (%.3f s), SparseGPT %.4f (%.3f s); on "
              "held-out "
              "X: %.4f, %.4f, %.4f",
            qPrintable(tensor), twoFour ? "2:4" : "50 %", magnitudeError, wandaError, wandaSeconds, sparseGptError,
            sparseGptSeconds, magnitudeHeldOut, wandaHeldOut, sparseGptHeldOut);
        QCOMPARE(sparseGpt.metrics.sparsity, 0.5);
        QVERIFY(wandaError < magnitudeError);
        QVERIFY(sparseGptError < magnitudeError);
    }
};

QTEST_GUILESS_MAIN(TestCalibratedPruning)
#include "tst_calibratedpruning.moc"
