#include "TableText.h"

#include <QCoreApplication>

#include <array>
#include <string>

namespace complab::tabletext {

namespace {

// The estimator's constants (core/estimate/EstimatorConstants.cpp): labels, kinds and sources.
// tst_translations checks that every description there has a translation, so a constant added in
// core without one here fails the test.
// clang-format off
[[maybe_unused]] const char* const constantTexts[] = {
    QT_TRANSLATE_NOOP("EstimatorConstants", "Quality at FP32"),
    QT_TRANSLATE_NOOP("EstimatorConstants", "Quality at FP16/BF16"),
    QT_TRANSLATE_NOOP("EstimatorConstants", "Quality at FP8/INT8"),
    QT_TRANSLATE_NOOP("EstimatorConstants", "Quality at INT4"),
    QT_TRANSLATE_NOOP("EstimatorConstants", "Quality at INT2"),
    QT_TRANSLATE_NOOP("EstimatorConstants", "Pruning loss, linear term"),
    QT_TRANSLATE_NOOP("EstimatorConstants", "Pruning loss, cubic term"),
    QT_TRANSLATE_NOOP("EstimatorConstants", "Distillation loss per halving"),
    QT_TRANSLATE_NOOP("EstimatorConstants", "Near-lossless from"),
    QT_TRANSLATE_NOOP("EstimatorConstants", "Minor loss from"),
    QT_TRANSLATE_NOOP("EstimatorConstants", "Noticeable drift from"),
    QT_TRANSLATE_NOOP("EstimatorConstants", "Significant loss from (below: broken)"),
    QT_TRANSLATE_NOOP("EstimatorConstants", "first-order activations, bytes per hidden value"),
    QT_TRANSLATE_NOOP("EstimatorConstants", "CUDA runtime overhead per device (bytes)"),
    QT_TRANSLATE_NOOP("EstimatorConstants", "ROCm runtime overhead per device (bytes)"),
    QT_TRANSLATE_NOOP("EstimatorConstants", "Metal runtime overhead (bytes)"),
    QT_TRANSLATE_NOOP("EstimatorConstants", "Tier headroom (fraction of usable memory)"),
    QT_TRANSLATE_NOOP("EstimatorConstants", "rule of thumb, calibrated from published results"),
    QT_TRANSLATE_NOOP("EstimatorConstants", "runtime behaviour, measured"),
    QT_TRANSLATE_NOOP("EstimatorConstants", "seed article 'Model Compression' (section 03); GPTQ (Frantar et al. 2022), AWQ (Lin et al. 2023), LLM.int8() (Dettmers et al. 2022), FP8 formats (Micikevicius et al. 2022), k-quant perplexity tables in llama.cpp PR #1684"),
    QT_TRANSLATE_NOOP("EstimatorConstants", "seed article (section 03); SparseGPT (Frantar & Alistarh 2023), Wanda (Sun et al. 2023)"),
    QT_TRANSLATE_NOOP("EstimatorConstants", "seed article (section 03: 'a 4x student keeps about 92%'); DistilBERT (Sanh et al. 2019), MiniLLM (Gu et al. 2023), Minitron (Muralidharan et al. 2024)"),
    QT_TRANSLATE_NOOP("EstimatorConstants", "Compression Lab convention; INT4 (0.94) reads 'noticeable drift' as in the seed"),
    QT_TRANSLATE_NOOP("EstimatorConstants", "chosen so the seed's 8B INT4 8K example reads 5.2 GB (one F32 hidden state per token in context)"),
    QT_TRANSLATE_NOOP("EstimatorConstants", "Ollama's per-GPU reserve for the CUDA context and cuBLAS (cudaMinimumMemory = 457 MiB, ollama/ollama discover/gpu.go)"),
    QT_TRANSLATE_NOOP("EstimatorConstants", "Ollama's rocmMinimumMemory = 457 MiB"),
    QT_TRANSLATE_NOOP("EstimatorConstants", "none beyond recommendedMaxWorkingSetSize, which the Apple tiers already apply"),
    QT_TRANSLATE_NOOP("EstimatorConstants", "Compression Lab convention: keep 5% free for fragmentation and the prompt's growth"),
};
// clang-format on

// Steps of the form "<prefix><name>": the translated pattern takes the name as %1.
struct StepPattern
{
    const char* prefix;
    const char* pattern;
};
const std::array<StepPattern, 3> stepPatterns{{
    {"statistics of ", QT_TRANSLATE_NOOP("CoreText", "statistics of %1")},
    {"writing ", QT_TRANSLATE_NOOP("CoreText", "writing %1")},
    {"sensitivity at ", QT_TRANSLATE_NOOP("CoreText", "sensitivity at %1")},
}};

QString fromUtf8(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace

QString translated(const char* context, std::string_view english)
{
    const std::string key(english);
    return QCoreApplication::translate(context, key.c_str());
}

QString step(std::string_view english)
{
    for (const auto& pattern : stepPatterns) {
        const std::string_view prefix(pattern.prefix);
        if (english.size() > prefix.size() && english.substr(0, prefix.size()) == prefix)
            return QCoreApplication::translate(phrases, pattern.pattern).arg(fromUtf8(english.substr(prefix.size())));
    }
    return translated(phrases, english);
}

const std::vector<const char*>& knownPhrases()
{
    static const std::vector<const char*> list = [] {
        std::vector<const char*> phrasesList{
            // Progress steps of the evaluator, the calibration capture and the report.
            QT_TRANSLATE_NOOP("CoreText", "perplexity"),
            QT_TRANSLATE_NOOP("CoreText", "original model"),
            QT_TRANSLATE_NOOP("CoreText", "compressed model"),
            QT_TRANSLATE_NOOP("CoreText", "capturing activations"),
            QT_TRANSLATE_NOOP("CoreText", "quality"),
            // Why the recipe keeps a tensor as it is (core/recipe/Pipeline.cpp).
            QT_TRANSLATE_NOOP("CoreText", "the recipe says keep"),
            QT_TRANSLATE_NOOP("CoreText", "a vector (norms and biases stay as they are)"),
            QT_TRANSLATE_NOOP("CoreText", "not floating-point values"),
        };
        for (const auto& pattern : stepPatterns)
            phrasesList.push_back(pattern.pattern);
        return phrasesList;
    }();
    return list;
}

} // namespace complab::tabletext
