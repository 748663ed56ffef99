#include "TemperatureDemo.h"

#include "ChartPalette.h"
#include "EstimateChartView.h"
#include "EvaluationSetup.h"
#include "Format.h"
#include "JobRunner.h"
#include "io/Checkpoint.h"
#include "io/CheckpointError.h"
#include "model/ModelWeights.h"
#include "model/TemperatureSoftmax.h"
#include "model/Tokenizer.h"
#include "model/Transformer.h"
#include "recipe/Progress.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLegend>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <numeric>

namespace complab {

namespace {

// weights and tokenizer: those of an earlier prompt, or null to read them from the checkpoint.
TeacherPrediction predictNextToken(const Checkpoint& checkpoint, std::shared_ptr<const ModelWeights> weights,
    std::shared_ptr<const Tokenizer> tokenizer, const std::string& prompt, std::stop_token stop)
{
    if (!tokenizer) {
        QString whyNot;
        tokenizer = evaluationTokenizer(checkpoint, &whyNot);
        if (!tokenizer)
            throw CheckpointError(checkpoint.path(), whyNot.toStdString());
    }
    if (!weights)
        weights = ModelWeights::load(checkpoint);
    throwIfStopped(stop);
    if (tokenizer->vocabularySize() != std::int32_t(weights->shape().vocabSize))
        throw CheckpointError(checkpoint.path(), "the tokenizer's vocabulary does not match the model's");
    const Transformer model(weights);
    const auto tokens = tokenizer->encode(prompt, true);
    if (tokens.empty())
        throw CheckpointError(checkpoint.path(), "the prompt gives no tokens and the vocabulary has no BOS");
    if (std::int64_t(tokens.size()) >= model.shape().contextLength)
        throw CheckpointError(checkpoint.path(),
            "the prompt has " + std::to_string(tokens.size()) + " tokens, the model's context is "
                + std::to_string(model.shape().contextLength));
    auto cache = model.newCache(std::int64_t(tokens.size()));
    const auto logits = model.forward(tokens, cache, nullptr, true);
    TeacherPrediction prediction;
    prediction.weights = weights;
    prediction.tokenizer = tokenizer;
    prediction.promptTokens = tokens.size();
    prediction.logits.assign(logits.data(), logits.data() + logits.cols());
    std::vector<std::int32_t> order(prediction.logits.size());
    std::iota(order.begin(), order.end(), 0);
    const auto count = std::min<std::size_t>(TeacherPrediction::shownTokens, order.size());
    std::partial_sort(
        order.begin(), order.begin() + std::ptrdiff_t(count), order.end(), [&](std::int32_t a, std::int32_t b) {
            return prediction.logits[std::size_t(a)] > prediction.logits[std::size_t(b)];
        });
    prediction.top.assign(order.begin(), order.begin() + std::ptrdiff_t(count));
    for (const auto token : prediction.top)
        prediction.texts.push_back(tokenizer->decodeToken(tokens.back(), token));
    return prediction;
}

// A token's text as a bar label: spaces and line breaks made visible.
QString visibleToken(const std::string& text)
{
    QString label = QString::fromStdString(text);
    label.replace(QLatin1Char(' '), QChar(0x2423)).replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return label.isEmpty() ? QStringLiteral("∅") : label;
}

} // namespace

TemperatureDemo::TemperatureDemo(QWidget* parent)
    : QWidget(parent)
    , m_runner(new JobRunner(this))
    , m_prompt(new QLineEdit(this))
    , m_ask(new QPushButton(tr("Ask the teacher"), this))
    , m_temperature(new QSlider(Qt::Horizontal, this))
    , m_temperatureLabel(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_chart(new QChart)
    , m_axisX(new QBarCategoryAxis)
    , m_axisY(new QValueAxis)
    , m_original(new QBarSet(tr("T = 1: the teacher's own prediction")))
    , m_softened(new QBarSet(tr("Softened at the chosen T: what the student learns from")))
{
    m_prompt->setText(tr("Once upon a time, there was a little"));
    m_prompt->setAccessibleName(tr("Prompt"));
    m_prompt->setToolTip(tr("The text whose next token the teacher predicts"));
    m_temperature->setRange(10, 100);
    m_temperature->setValue(20);
    m_temperature->setPageStep(10);
    m_temperature->setTickInterval(10);
    m_temperature->setTickPosition(QSlider::TicksBelow);
    m_temperature->setAccessibleName(tr("Temperature"));
    m_temperature->setToolTip(tr("Divides the logits before the softmax: 1 keeps the model's distribution, higher "
                                 "values spread probability onto the less likely tokens"));
    m_summary->setWordWrap(true);

    m_chart->setTitle(tr("Next-token probabilities of the ten likeliest tokens"));
    m_original->setColor(QColor(0x90, 0xa4, 0xae));
    m_softened->setColor(QColor(0xfb, 0x8c, 0x00));
    auto* series = new QBarSeries;
    series->append(m_original);
    series->append(m_softened);
    m_chart->addSeries(series);
    m_axisX->setTitleText(tr("Next token (␣ is a space)"));
    m_axisY->setTitleText(tr("Probability (%)"));
    m_axisY->setLabelFormat(QStringLiteral("%.0f"));
    m_axisY->setRange(0, 100);
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);
    series->attachAxis(m_axisX);
    series->attachAxis(m_axisY);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_view = new EstimateChartView(m_chart, this);
    m_view->setMinimumHeight(260);
    m_view->addHoverText(m_softened, [this](int index) {
        if (!m_prediction || index < 0 || std::size_t(index) >= m_shown.size())
            return QString();
        return tr("%1: %2 at T = %3")
            .arg(visibleToken(m_prediction->texts[std::size_t(index)]), format::percent(m_shown[std::size_t(index)], 2),
                QLocale().toString(temperature(), 'f', 1));
    });

    auto* controls = new QGridLayout;
    controls->addWidget(new QLabel(tr("Prompt"), this), 0, 0);
    controls->addWidget(m_prompt, 0, 1);
    controls->addWidget(m_ask, 0, 2);
    controls->addWidget(new QLabel(tr("Temperature"), this), 1, 0);
    controls->addWidget(m_temperature, 1, 1);
    controls->addWidget(m_temperatureLabel, 1, 2);
    controls->setColumnStretch(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);

    connect(m_ask, &QPushButton::clicked, this, &TemperatureDemo::ask);
    connect(m_prompt, &QLineEdit::returnPressed, this, &TemperatureDemo::ask);
    connect(m_temperature, &QSlider::valueChanged, this, &TemperatureDemo::draw);
    connect(m_runner, &JobRunner::failed, this, [this](const QString& message) {
        m_prediction.reset();
        draw();
        m_summary->setText(format::errorHtml(message));
    });
    applyPaletteToChart(m_chart, palette());
    draw();
}

TemperatureDemo::~TemperatureDemo() = default;

void TemperatureDemo::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) // View ▸ Appearance
        applyPaletteToChart(m_chart, palette());
}

void TemperatureDemo::setCheckpoint(std::shared_ptr<const Checkpoint> checkpoint)
{
    m_runner->cancel();
    m_checkpoint = std::move(checkpoint);
    m_weights.reset();
    m_tokenizer.reset();
    m_prediction.reset();
    draw();
    if (isVisible())
        ask();
}

void TemperatureDemo::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // The model is read and run only once somebody looks at the demo.
    if (m_checkpoint && !m_prediction && !m_runner->isRunning())
        ask();
}

void TemperatureDemo::setPrompt(const QString& prompt)
{
    m_prompt->setText(prompt);
}

void TemperatureDemo::ask()
{
    if (!m_checkpoint)
        return;
    const auto checkpoint = m_checkpoint;
    const auto weights = m_weights;
    const auto tokenizer = m_tokenizer;
    const std::string prompt = m_prompt->text().toStdString();
    m_summary->setText(tr("The teacher reads the prompt…"));
    m_runner->start<TeacherPrediction>(
        tr("Predicting the next token"),
        [checkpoint, weights, tokenizer, prompt](Progress&, std::stop_token stop) {
            return predictNextToken(*checkpoint, weights, tokenizer, prompt, stop);
        },
        [this](const TeacherPrediction& prediction) {
            m_weights = prediction.weights;
            m_tokenizer = prediction.tokenizer;
            m_prediction = std::make_unique<TeacherPrediction>(prediction);
            draw();
        });
}

void TemperatureDemo::setTemperature(double temperature)
{
    m_temperature->setValue(int(std::lround(temperature * 10)));
}

double TemperatureDemo::temperature() const
{
    return m_temperature->value() / 10.0;
}

QString TemperatureDemo::summaryText() const
{
    return m_summary->text();
}

void TemperatureDemo::draw()
{
    const double t = temperature();
    m_temperatureLabel->setText(tr("T = %1").arg(QLocale().toString(t, 'f', 1)));
    m_original->remove(0, m_original->count());
    m_softened->remove(0, m_softened->count());
    m_shown.clear();
    if (!m_prediction) {
        m_axisX->clear();
        if (!m_checkpoint)
            m_summary->setText(tr("Open a model the lab can run (the sample model is one) to ask it as a teacher."));
        return;
    }
    const auto cold = softmaxAtTemperature(m_prediction->logits, 1.0);
    const auto soft = softmaxAtTemperature(m_prediction->logits, t);
    QStringList categories;
    double largest = 0;
    for (std::size_t i = 0; i < m_prediction->top.size(); ++i) {
        const auto token = std::size_t(m_prediction->top[i]);
        // Two tokens can print alike (a piece and its byte fallback): the category needs a unique name.
        QString label = visibleToken(m_prediction->texts[i]);
        while (categories.contains(label))
            label += QChar(0x200B);
        categories << label;
        *m_original << 100.0 * cold[token];
        *m_softened << 100.0 * soft[token];
        m_shown.push_back(soft[token]);
        largest = std::max({largest, cold[token], soft[token]});
    }
    m_axisX->clear();
    m_axisX->append(categories);
    m_axisY->setRange(0, std::min(100.0, std::ceil(largest * 10.0 + 0.5) * 10.0));
    m_entropy = entropyBits(soft);
    const double shownMass = std::accumulate(m_shown.begin(), m_shown.end(), 0.0);
    m_summary->setText(tr("At T = %1 the likeliest token gets %2 (at T = 1: %3). The distribution's entropy is %4 "
                          "bits — as unsure as a fair choice among %5 tokens; the ten tokens drawn hold %6 of the "
                          "probability, the other %7 tokens of the vocabulary the rest.")
                           .arg(QLocale().toString(t, 'f', 1), format::percent(m_shown.front(), 1),
                               format::percent(cold[std::size_t(m_prediction->top.front())], 1),
                               QLocale().toString(m_entropy, 'f', 2), format::number(effectiveChoices(soft), 3),
                               format::percent(shownMass, 1), format::integer(cold.size() - m_shown.size())));
    Q_EMIT drawn();
}

} // namespace complab
