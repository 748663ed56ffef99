// AWQ: α = 0 is RTN, the search never loses to RTN on its calibration inputs, the scales fold so
// that the float layer is unchanged, and on real layers of lab-tinystories with outlier input
// channels it beats RTN at the same bits on held-out inputs of the same distribution.
#include "calib/Awq.h"
#include "calib/LayerError.h"

#include "CalibrationInputs.h"

#include <QTest>

#include <chrono>

using namespace complab;
using namespace complab::test;

class TestAwq : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void searchIncludesRtnAndFoldsExactly()
    {
        const Eigen::MatrixXf weight = normalMatrix(32, 256, 1) * 0.05f;
        const Eigen::MatrixXf inputs = realisticInputs(256, 256, 2, 3);
        const auto spec = QuantSpec::integer(4, 64);
        Progress progress;
        const auto result = awqQuantize(weight, inputs, spec, {}, progress, {});
        QCOMPARE(result.outputErrorByAlpha.size(), std::size_t(21));
        const Eigen::MatrixXf rtn = roundToNearest(weight, spec, progress, {});
        const double rtnError = outputRelativeError(weight, rtn, inputs);
        // Grid point 0 is RTN (s = 1 after centring).
        QVERIFY(std::abs(std::sqrt(result.outputErrorByAlpha.front()) - rtnError) < 1e-4 * rtnError + 1e-7);
        QVERIFY(outputRelativeError(weight, result.weight, inputs) <= rtnError);
        // Folding: (W diag(s)) (diag(s)⁻¹ X) is the float layer itself.
        const Eigen::MatrixXf scaledInputs = inputs * result.scales.cwiseInverse().asDiagonal();
        const Eigen::MatrixXf scaledWeight = weight * result.scales.asDiagonal();
        QVERIFY(((inputs * weight.transpose()) - (scaledInputs * scaledWeight.transpose())).norm()
            < 1e-4 * (inputs * weight.transpose()).norm());
        // And the stored Q(W diag(s)) fed the folded inputs gives exactly what `weight` computes.
        QVERIFY((scaledInputs * result.scaledQuantised.transpose() - inputs * result.weight.transpose()).norm()
            < 1e-4 * (inputs * weight.transpose()).norm());
    }

    void refusesMismatchedInputs()
    {
        Progress progress;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
            awqQuantize(normalMatrix(4, 128, 1), normalMatrix(8, 100, 2), QuantSpec::integer(4), {}, progress, {}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
            awqQuantize(normalMatrix(4, 100, 1), normalMatrix(8, 100, 2), QuantSpec::integer(4), {}, progress, {}));
    }

    void beatsRtnOnRealLayers_data() { addQuantizedLayerRows(); }

    void beatsRtnOnRealLayers()
    {
        QFETCH(QString, tensor);
        QFETCH(int, bits);
        QFETCH(bool, captured);
        std::string why;
        const auto layer = layerCase(tensor.toStdString(), captured, why);
        if (!layer)
            QSKIP(why.c_str());
        const Eigen::MatrixXf* weight = &layer->weight;
        const Eigen::MatrixXf& calibration = layer->calibration;
        const Eigen::MatrixXf& heldOut = layer->heldOut;
        const Eigen::MatrixXf& judged = layer->judged();
        const auto spec = QuantSpec::integer(bits, 128);
        Progress progress;
        const auto start = std::chrono::steady_clock::now();
        const auto awq = awqQuantize(*weight, calibration, spec, {}, progress, {});
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double awqError = outputRelativeError(*weight, awq.weight, judged);
        const double awqHeldOut = outputRelativeError(*weight, awq.weight, heldOut);
        const Eigen::MatrixXf rtn = roundToNearest(*weight, spec, progress, {});
        const double rtnError = outputRelativeError(*weight, rtn, judged);
        const double rtnHeldOut = outputRelativeError(*weight, rtn, heldOut);
        qInfo("%s int%d g128: output error on judged X: RTN %.4f, AWQ %.4f; on held-out X: RTN %.4f, AWQ %.4f "
              "(alpha %.2f, %.3f s)",
            qPrintable(tensor), bits, rtnError, awqError, rtnHeldOut, awqHeldOut, awq.alpha, seconds);
        QVERIFY(awq.alpha > 0.0);
        QVERIFY(awqError < rtnError);
    }
};

QTEST_GUILESS_MAIN(TestAwq)
#include "tst_awq.moc"
