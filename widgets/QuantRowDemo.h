// The workshop's "what quantisation does": one real row of a weight matrix from the open model,
// snapped to the uniform grids of 2 to 8 bits (one scale and zero point for the row, 2^bits levels
// from its smallest to its largest weight), with the RMS error of each. The row is the "typical" one
// — the row whose largest magnitude is the median over the tensor's rows — so outliers do not
// dominate the first picture. The ladder is computed by a background job; moving the bits slider
// only switches which step is drawn.
#pragma once

#include <QWidget>

#include <memory>
#include <stop_token>
#include <string>
#include <vector>

class QChart;
class QLabel;
class QLineSeries;
class QSlider;
class QValueAxis;

namespace complab {

class Checkpoint;
class EstimateChartView;
class JobRunner;

struct QuantRowLadder
{
    static constexpr int fewestBits = 2;
    static constexpr int mostBits = 8;
    std::string tensorName;
    std::size_t row = 0;
    std::size_t rowCount = 0;
    std::vector<float> original; // the whole row
    struct Step
    {
        int bits = 0;
        std::vector<float> quantised; // the whole row, dequantised
        std::vector<float> levels; // the grid's distinct values, ascending
        double rmsError = 0;
    };
    std::vector<Step> steps; // bits 2..8 in order
    const Step& step(int bits) const { return steps.at(std::size_t(bits - fewestBits)); }
};

// The ladder of one matrix tensor (throws std::invalid_argument for a vector or an unreadable tensor).
QuantRowLadder quantRowLadder(const Checkpoint& checkpoint, std::size_t tensorIndex, std::stop_token stop);
// The tensor the demo starts with when none is chosen: the first matrix of a transformer layer (the
// first matrix at all when no name says "layers"), or -1 when the checkpoint has no matrix.
int defaultDemoTensor(const Checkpoint& checkpoint);

class QuantRowDemo : public QWidget
{
    Q_OBJECT
public:
    // Columns of the row drawn (the RMS error is over the whole row).
    static constexpr int shownColumns = 64;

    explicit QuantRowDemo(QWidget* parent = nullptr);
    ~QuantRowDemo() override;

    void setCheckpoint(std::shared_ptr<const Checkpoint> checkpoint);
    // -1: the default tensor of the checkpoint.
    void setTensor(int tensorIndex);
    void setBits(int bits);
    int bits() const;
    QSlider* bitsSlider() const { return m_bits; }
    JobRunner* runner() const { return m_runner; }
    const QuantRowLadder* ladder() const { return m_ladder ? m_ladder.get() : nullptr; }
    QString errorText() const;
    QLineSeries* originalSeries() const { return m_original; }
    QLineSeries* quantisedSeries() const { return m_quantised; }
    EstimateChartView* chartView() const { return m_view; }

Q_SIGNALS:
    void drawn();

protected:
    void changeEvent(QEvent* event) override;

private:
    void start();
    void draw();

    std::shared_ptr<const Checkpoint> m_checkpoint;
    int m_tensorIndex = -1;
    JobRunner* m_runner;
    std::unique_ptr<QuantRowLadder> m_ladder;
    QSlider* m_bits;
    QLabel* m_bitsLabel;
    QLabel* m_error;
    QLabel* m_ladderText;
    QLabel* m_caption;
    QChart* m_chart;
    QValueAxis* m_axisX;
    QValueAxis* m_axisY;
    QLineSeries* m_original;
    QLineSeries* m_quantised;
    std::vector<QLineSeries*> m_levelLines;
    EstimateChartView* m_view;
};

} // namespace complab
