// The workshop's distillation demo: the open model, as the teacher, predicts the next token of a
// prompt, and its distribution is softened by a temperature from 1 to 10 — the soft targets a student
// is trained on (Hinton, Vinyals and Dean 2015). The forward pass runs once per prompt in a background
// job; moving the temperature only re-normalises the logits (microseconds), so it follows the slider.
#pragma once

#include <QWidget>

#include <cstdint>
#include <memory>
#include <vector>

class QBarCategoryAxis;
class QBarSet;
class QChart;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QValueAxis;

namespace complab {

class Checkpoint;
class EstimateChartView;
class JobRunner;
class ModelWeights;
class Tokenizer;

// What the teacher said about a prompt: its logits for the next token and the tokens worth drawing.
struct TeacherPrediction
{
    static constexpr int shownTokens = 10;
    // Kept so that the next prompt reads neither the model nor its vocabulary again.
    std::shared_ptr<const ModelWeights> weights;
    std::shared_ptr<const Tokenizer> tokenizer;
    std::vector<float> logits; // one per vocabulary entry
    std::vector<std::int32_t> top; // the most likely tokens, most likely first
    std::vector<std::string> texts; // their text as it would follow the prompt
    std::size_t promptTokens = 0;
};

class TemperatureDemo : public QWidget
{
    Q_OBJECT
public:
    explicit TemperatureDemo(QWidget* parent = nullptr);
    ~TemperatureDemo() override;

    // The model to ask (it is run when the demo is shown); one the lab cannot run leaves the reason.
    void setCheckpoint(std::shared_ptr<const Checkpoint> checkpoint);
    void setPrompt(const QString& prompt);
    // Runs the teacher on the prompt (a job).
    void ask();
    // Temperature in tenths: 10 … 100.
    void setTemperature(double temperature);
    double temperature() const;
    JobRunner* runner() const { return m_runner; }
    const TeacherPrediction* prediction() const { return m_prediction ? m_prediction.get() : nullptr; }
    // The probabilities drawn at the current temperature, in the order of prediction()->top.
    const std::vector<double>& shownProbabilities() const { return m_shown; }
    double entropy() const { return m_entropy; }
    QString summaryText() const;
    QBarSet* softenedSet() const { return m_softened; }
    EstimateChartView* chartView() const { return m_view; }

Q_SIGNALS:
    void drawn();

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void draw();

    std::shared_ptr<const Checkpoint> m_checkpoint;
    std::shared_ptr<const ModelWeights> m_weights;
    std::shared_ptr<const Tokenizer> m_tokenizer;
    JobRunner* m_runner;
    std::unique_ptr<TeacherPrediction> m_prediction;
    std::vector<double> m_shown;
    double m_entropy = 0;
    QLineEdit* m_prompt;
    QPushButton* m_ask;
    QSlider* m_temperature;
    QLabel* m_temperatureLabel;
    QLabel* m_summary;
    QChart* m_chart;
    QBarCategoryAxis* m_axisX;
    QValueAxis* m_axisY;
    QBarSet* m_original;
    QBarSet* m_softened;
    EstimateChartView* m_view;
};

} // namespace complab
