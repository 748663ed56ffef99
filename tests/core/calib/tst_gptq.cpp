// GPTQ: on a tiny layer it equals a direct, unblocked computation (OBQ-style elimination of one
// column at a time with an explicit inverse Hessian, written here in double); with an identity
// Hessian it is exactly RTN; on real layers of lab-tinystories it beats RTN at the same bits on
// the layer output for calibration inputs shaped like real activations.
#include "calib/Gptq.h"
#include "calib/Hessian.h"
#include "calib/LayerError.h"
#include "quant/TensorQuantizer.h"

#include "CalibrationInputs.h"

#include <Eigen/Cholesky>
#include <QTest>

#include <chrono>

using namespace complab;
using namespace complab::test;

namespace {

// The paper's equations directly: quantise column j, spread (w_j − q_j)/[H⁻¹]_jj along row j of
// H⁻¹, then remove j from H⁻¹ by one step of Gaussian elimination. Groups fitted on the current
// values when their first column comes up.
Eigen::MatrixXf naiveGptq(const Eigen::MatrixXf& weight, const Eigen::MatrixXf& inputs, const QuantSpec& spec)
{
    const Eigen::Index n = weight.cols();
    Eigen::MatrixXd hessian = 2.0 * inputs.cast<double>().transpose() * inputs.cast<double>() / inputs.rows();
    hessian.diagonal().array() += 0.01 * hessian.diagonal().mean();
    Eigen::MatrixXd inverse = hessian.llt().solve(Eigen::MatrixXd::Identity(n, n));
    Eigen::MatrixXd w = weight.cast<double>();
    std::vector<IntGrid> grids(static_cast<std::size_t>(weight.rows()));
    const Eigen::Index groupSize = spec.granularity == Granularity::PerGroup ? spec.groupSize : n;
    for (Eigen::Index j = 0; j < n; ++j) {
        if (j % groupSize == 0) {
            for (Eigen::Index r = 0; r < w.rows(); ++r) {
                const Eigen::VectorXf group = w.row(r).segment(j, groupSize).cast<float>().transpose();
                grids[static_cast<std::size_t>(r)]
                    = IntGrid::fit(group.data(), group.size(), spec.bits, spec.symmetric);
            }
        }
        for (Eigen::Index r = 0; r < w.rows(); ++r) {
            const double q = grids[static_cast<std::size_t>(r)].quantize(static_cast<float>(w(r, j)));
            const double error = (w(r, j) - q) / inverse(j, j);
            w.row(r).tail(n - j - 1) -= error * inverse.row(j).tail(n - j - 1);
            w(r, j) = q;
        }
        const Eigen::VectorXd pivotColumn = inverse.col(j);
        inverse -= pivotColumn * pivotColumn.transpose() / pivotColumn[j];
    }
    return w.cast<float>();
}

} // namespace

class TestGptq : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matchesDirectComputation_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<int>("groupSize");
        QTest::addColumn<bool>("asymmetric");
        QTest::addColumn<int>("columns");
        QTest::addRow("int4 g64") << "int4" << 64 << false << 384;
        QTest::addRow("int3 g32 asym") << "int3" << 32 << true << 384;
        QTest::addRow("int4 g128") << "int4" << 128 << false << 384;
        QTest::addRow("int2 g256 (groups span blocks)") << "int2" << 256 << false << 512;
    }

    void matchesDirectComputation()
    {
        QFETCH(QString, scheme);
        QFETCH(int, groupSize);
        QFETCH(bool, asymmetric);
        QFETCH(int, columns);
        const auto spec = *QuantSpec::parse(scheme.toStdString(), groupSize, asymmetric);
        const Eigen::MatrixXf weight = normalMatrix(12, columns, 5) * 0.05f; // several blocks of 128
        const Eigen::MatrixXf inputs = realisticInputs(600, columns, 6, 7);
        Progress progress;
        const Eigen::MatrixXf ours = gptqQuantizeWithInputs(weight, inputs, spec, {}, progress, {});
        const Eigen::MatrixXf direct = naiveGptq(weight, inputs, spec);
        // The same decisions up to float rounding: nearly every value identical, outputs alike.
        const Eigen::Index same = ((ours - direct).array().abs() < 1e-5f).count();
        QVERIFY2(same >= weight.size() * 99 / 100,
            qPrintable(QStringLiteral("%1 of %2 agree").arg(same).arg(weight.size())));
        const double oursError = outputRelativeError(weight, ours, inputs);
        const double directError = outputRelativeError(weight, direct, inputs);
        QVERIFY2(std::abs(oursError - directError) < 0.01 * directError,
            qPrintable(QStringLiteral("%1 vs %2").arg(oursError).arg(directError)));
        QVERIFY(oursError < outputRelativeError(weight, roundToNearest(weight, spec, progress, {}), inputs));
    }

    void identityHessianIsRtn_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<int>("granularity");
        QTest::addRow("int4 g64") << "int4" << int(Granularity::PerGroup);
        QTest::addRow("int8 per channel") << "int8" << int(Granularity::PerChannel);
        QTest::addRow("int4 per tensor") << "int4" << int(Granularity::PerTensor);
    }

    void identityHessianIsRtn()
    {
        QFETCH(QString, scheme);
        QFETCH(int, granularity);
        auto spec = *QuantSpec::parse(scheme.toStdString(), 64);
        spec.granularity = static_cast<Granularity>(granularity);
        const Eigen::MatrixXf weight = normalMatrix(40, 256, 9);
        Progress progress;
        for (const bool actOrder : {false, true}) {
            GptqOptions options;
            options.actOrder = actOrder;
            const Eigen::MatrixXf ours
                = gptqQuantize(weight, Eigen::MatrixXd::Identity(256, 256), spec, options, progress, {});
            QVERIFY(ours == roundToNearest(weight, spec, progress, {}));
        }
    }

    void actOrderAndDeadColumns()
    {
        const Eigen::MatrixXf weight = normalMatrix(16, 256, 3) * 0.05f;
        Eigen::MatrixXf inputs = realisticInputs(512, 256, 4, 5);
        inputs.col(17).setZero(); // a channel no token reaches
        Progress progress;
        GptqOptions options;
        options.actOrder = true;
        const auto spec = QuantSpec::integer(3, 128);
        const Eigen::MatrixXf ours = gptqQuantizeWithInputs(weight, inputs, spec, options, progress, {});
        QVERIFY(ours.col(17).isZero());
        // Groups keep their natural column ranges: each row's group holds at most 2³ levels.
        for (Eigen::Index r = 0; r < ours.rows(); ++r)
            for (Eigen::Index first = 0; first < ours.cols(); first += 128) {
                std::vector<float> levels;
                for (Eigen::Index c = first; c < first + 128; ++c)
                    levels.push_back(ours(r, c));
                std::sort(levels.begin(), levels.end());
                QVERIFY(std::unique(levels.begin(), levels.end()) - levels.begin() <= 8);
            }
        QVERIFY(outputRelativeError(weight, ours, inputs)
            < outputRelativeError(weight, roundToNearest(weight, spec, progress, {}), inputs));
    }

    void refusesWhatItCannotDo()
    {
        const Eigen::MatrixXf weight = normalMatrix(4, 128, 1);
        Progress progress;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
            gptqQuantize(
                weight, Eigen::MatrixXd::Identity(128, 128), QuantSpec::of(QuantFormat::NF4), {}, progress, {}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
            gptqQuantizeWithInputs(weight, normalMatrix(10, 64, 2), QuantSpec::integer(4), {}, progress, {}));
        Eigen::MatrixXf inputs = normalMatrix(10, 128, 2);
        inputs(3, 3) = NAN;
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument, gptqQuantizeWithInputs(weight, inputs, QuantSpec::integer(4), {}, progress, {}));
        std::stop_source source;
        source.request_stop();
        QVERIFY_THROWS_EXCEPTION(Cancelled,
            gptqQuantizeWithInputs(
                weight, normalMatrix(64, 128, 2), QuantSpec::integer(4), {}, progress, source.get_token()));
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
        const Eigen::MatrixXf gptq = gptqQuantizeWithInputs(*weight, calibration, spec, {}, progress, {});
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const Eigen::MatrixXf rtn = roundToNearest(*weight, spec, progress, {});
        const double gptqError = outputRelativeError(*weight, gptq, judged);
        const double gptqHeldOut = outputRelativeError(*weight, gptq, heldOut);
        const double rtnError = outputRelativeError(*weight, rtn, judged);
        const double rtnHeldOut = outputRelativeError(*weight, rtn, heldOut);
        qInfo("%s int%d g128: output error on held-out X: RTN %.4f, GPTQ %.4f; on calibration X: RTN %.4f, GPTQ %.4f "
              "(%.3f s)",
            qPrintable(tensor), bits, rtnHeldOut, gptqHeldOut, outputRelativeError(*weight, rtn, calibration),
            outputRelativeError(*weight, gptq, calibration), seconds);
        QVERIFY(gptqError < rtnError);
    }
};

QTEST_GUILESS_MAIN(TestGptq)
#include "tst_gptq.moc"
