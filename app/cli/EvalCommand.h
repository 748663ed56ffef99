// `compression-lab-cli eval MODEL --text FILE ...`: perplexity of a model on a text per the lab's
// protocol, and with --compare-scheme the quality of the model quantised with a scheme against the
// original on the same tokens (KLD, same-top, ΔPPL), optionally the bit sweep, sensitivity ranking
// and a mixed-precision proposal. Also the model loading `generate` shares.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>

namespace CLI {
class App;
}

namespace complab {
class Checkpoint;
class ModelWeights;
class Tokenizer;
} // namespace complab

namespace complab::cli {

struct EvalOptions
{
    std::string model;
    std::string tokenizer;
    std::string text;
    std::string separator;
    std::int64_t skipDocuments = 0;
    std::int64_t maxDocuments = -1;
    std::int64_t tokens = 0; // 0: all
    std::int64_t context = 0; // 0: the model's
    std::string compareScheme;
    int groupSize = 128;
    bool asymmetric = false;
    bool sweepBits = false;
    bool sweepPrune = false;
    bool sweepLowRank = false;
    bool sensitivity = false;
    double mixedBudget = 0.0;
    bool json = false;
};

CLI::App* addEvalCommand(CLI::App& app, EvalOptions& options);
int runEval(const EvalOptions& options, std::ostream& out, std::ostream& err);

// A checkpoint the forward pass can run, with its tokenizer: --tokenizer when given, else the one
// that comes with the model. Throws CheckpointError naming what is missing.
struct RunnableModel
{
    std::shared_ptr<const Checkpoint> checkpoint;
    std::shared_ptr<const ModelWeights> weights;
    std::shared_ptr<const Tokenizer> tokenizer;
};
RunnableModel loadRunnableModel(const std::string& model, const std::string& tokenizer);

} // namespace complab::cli
