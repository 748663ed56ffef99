// `compression-lab-cli tokenize MODEL_OR_TOKENIZER --text TEXT [--no-bos] [--json]`: the ids and pieces
// the lab's tokenizer gives a text (the model's own vocabulary, found as findTokenizerFor does, or a
// tokenizer file given directly), to check what the evaluator will feed the model.
#pragma once

#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace complab::cli {

struct TokenizeOptions
{
    std::string path;
    std::string text;
    bool noBos = false;
    bool json = false;
};

CLI::App* addTokenizeCommand(CLI::App& app, TokenizeOptions& options);
// Returns the exit code: 0, or 2 with one "error: ..." line (no tokenizer, malformed file).
int runTokenize(const TokenizeOptions& options, std::ostream& out, std::ostream& err);

} // namespace complab::cli
