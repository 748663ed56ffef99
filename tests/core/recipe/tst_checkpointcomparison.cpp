// compareCheckpoints(): the sample's safetensors against the GGUF files made from it — f32 exact once
// the q/k rows are in one order, Q8_0 < Q6_K < Q4_K in error — itself (zero), and another model
// (nothing matched silently: names and shapes that differ are listed).
#include "io/Checkpoint.h"
#include "recipe/CheckpointComparison.h"

#include <QTest>

#include <filesystem>

using namespace complab;

namespace {

const std::filesystem::path modelsDir = std::filesystem::path(COMPLAB_SHARED_DATA_DIR) / "models";
const std::filesystem::path hfModel = modelsDir / "lab-tinystories/model.safetensors";

CheckpointComparison compare(const std::filesystem::path& a, const std::filesystem::path& b)
{
    Progress progress;
    return compareCheckpoints(*openCheckpoint(a), *openCheckpoint(b), 64, progress, {});
}

} // namespace

class TestCheckpointComparison : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        if (!std::filesystem::exists(hfModel))
            QSKIP("shared data not present");
    }

    void againstItselfIsExact()
    {
        const auto result = compare(hfModel, hfModel);
        QCOMPARE(result.tensors.size(), std::size_t(38));
        QVERIFY(result.onlyInReference.empty() && result.onlyInOther.empty() && result.notCompared.empty());
        QCOMPARE(result.relativeError, 0.0);
        QCOMPARE(result.comparedWeights, std::uint64_t(3672320));
        for (const auto& tensor : result.tensors) {
            QVERIFY(!tensor.reordered);
            QCOMPARE(tensor.referenceHistogram.counts, tensor.otherHistogram.counts);
        }
    }

    // The f32 GGUF holds the same numbers in llama.cpp's names and q/k order: exact after reordering.
    void ggufF32IsExactAfterReordering()
    {
        const auto result = compare(hfModel, modelsDir / "lab-tinystories-gguf/lab-tinystories-f32.gguf");
        QCOMPARE(result.tensors.size(), std::size_t(38));
        QVERIFY(result.notCompared.empty());
        std::size_t reordered = 0;
        for (const auto& tensor : result.tensors) {
            QVERIFY2(tensor.metrics.relativeError == 0.0, tensor.referenceName.c_str());
            reordered += tensor.reordered;
        }
        QCOMPARE(reordered, std::size_t(8)); // q and k of four layers
        // Either file may be the reference.
        const auto reversed = compare(modelsDir / "lab-tinystories-gguf/lab-tinystories-f32.gguf", hfModel);
        QCOMPARE(reversed.relativeError, 0.0);
        QCOMPARE(reversed.tensors.size(), std::size_t(38));
    }

    void quantisedFilesRankByError()
    {
        double previous = 0.0;
        for (const char* file :
            {"lab-tinystories-q8_0.gguf", "lab-tinystories-q6_k.gguf", "lab-tinystories-q4_k.gguf"}) {
            const auto result = compare(hfModel, modelsDir / "lab-tinystories-gguf" / file);
            QCOMPARE(result.tensors.size(), std::size_t(38));
            QVERIFY2(result.relativeError > previous, file);
            QVERIFY2(result.relativeError < 0.12, file);
            previous = result.relativeError;
            for (std::size_t i = 1; i < result.tensors.size(); ++i)
                QVERIFY(result.tensors[i].metrics.relativeError <= result.tensors[i - 1].metrics.relativeError);
        }
    }

    void anotherModelIsListedNotMatched()
    {
        const auto other = modelsDir / "stories260K-hf-f32";
        std::filesystem::path file;
        for (const auto& entry : std::filesystem::directory_iterator(other))
            if (entry.path().extension() == ".safetensors")
                file = entry.path();
        if (file.empty())
            QSKIP("stories260K-hf-f32 has no safetensors file");
        const auto result = compare(hfModel, file);
        QVERIFY(!result.notCompared.empty());
        QVERIFY(result.notCompared.front().find("shape") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestCheckpointComparison)
#include "tst_checkpointcomparison.moc"
