#include "TokenizeCommand.h"

#include "CommandErrors.h"

#include "io/Checkpoint.h"
#include "io/CheckpointError.h"
#include "model/Tokenizer.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <ostream>

namespace complab::cli {

namespace {

// Tokenizer files by name; anything else is opened as a checkpoint whose tokenizer is then looked up.
bool looksLikeTokenizerFile(const std::filesystem::path& path)
{
    const auto name = path.filename().string();
    const auto extension = path.extension().string();
    return extension == ".model" || extension == ".json" || name.rfind("tok", 0) == 0;
}

// Pieces shown in a terminal: control characters and invalid bytes escaped.
std::string printable(const std::string& piece)
{
    std::string text;
    for (const char c : piece) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\n') {
            text += "\\n";
        } else if (c == '\\') {
            text += "\\\\";
        } else if (byte < 0x20 || byte == 0x7F) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02X", byte);
            text += escaped;
        } else {
            text += c;
        }
    }
    return text;
}

} // namespace

CLI::App* addTokenizeCommand(CLI::App& app, TokenizeOptions& options)
{
    auto* command = app.add_subcommand("tokenize", "Show the token ids and pieces of a text");
    command
        ->add_option("MODEL_OR_TOKENIZER", options.path,
            "Checkpoint file or folder (its own tokenizer), or a tokenizer.bin / tokenizer.model / tokenizer.json")
        ->required();
    command->add_option("--text", options.text, "The text to encode (UTF-8)")->required();
    command->add_flag("--no-bos", options.noBos, "Do not put the BOS token first");
    command->add_flag("--json", options.json, "Print one JSON object instead of a table");
    return command;
}

int runTokenize(const TokenizeOptions& options, std::ostream& out, std::ostream& err)
{
    return runReportingErrors(options.path, err, [&] {
        const std::filesystem::path path = options.path;
        std::shared_ptr<const Tokenizer> tokenizer;
        std::error_code error;
        if (std::filesystem::is_regular_file(path, error) && looksLikeTokenizerFile(path)) {
            tokenizer = loadTokenizer(path);
        } else {
            const auto checkpoint = openCheckpoint(path);
            std::string whyNot;
            tokenizer = findTokenizerFor(*checkpoint, &whyNot);
            if (!tokenizer)
                throw CheckpointError(checkpoint->path(), whyNot);
        }
        const auto ids = tokenizer->encode(options.text, !options.noBos);
        if (options.json) {
            nlohmann::json pieces = nlohmann::json::array();
            for (const auto id : ids)
                pieces.push_back(tokenizer->piece(id));
            const nlohmann::json root
                = {{"tokenizer",
                       {{"description", tokenizer->description()}, {"vocabulary_size", tokenizer->vocabularySize()},
                           {"bos_id", tokenizer->bosId()}, {"eos_id", tokenizer->eosId()}}},
                    {"count", ids.size()}, {"ids", ids}, {"pieces", pieces}, {"decoded", tokenizer->decode(ids)}};
            out << root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
            return 0;
        }
        out << "tokenizer: " << tokenizer->description() << ", " << tokenizer->vocabularySize() << " tokens\n"
            << ids.size() << " tokens\n";
        char line[64];
        for (const auto id : ids) {
            std::snprintf(line, sizeof line, "%8d  ", id);
            out << line << printable(tokenizer->piece(id)) << '\n';
        }
        return 0;
    });
}

} // namespace complab::cli
