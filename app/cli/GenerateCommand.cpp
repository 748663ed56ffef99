#include "GenerateCommand.h"

#include "CommandErrors.h"
#include "EvalCommand.h"

#include "model/QualitySweep.h"
#include "model/Tokenizer.h"
#include "model/Transformer.h"

#include <CLI/CLI.hpp>

#include <ostream>

namespace complab::cli {

CLI::App* addGenerateCommand(CLI::App& app, GenerateOptions& options)
{
    auto* command = app.add_subcommand("generate", "Continue a prompt with greedy decoding");
    command->add_option("MODEL", options.model, "Checkpoint file or folder the lab can run (Llama family)")->required();
    command->add_option("--tokenizer", options.tokenizer, "Tokenizer file (default: the one beside or inside MODEL)");
    command->add_option("--prompt", options.prompt, "Text to continue (may be empty: start from BOS)")->required();
    command->add_option("--tokens", options.tokens, "Tokens to generate at most")->check(CLI::Range(1, 1 << 20));
    command->add_option("--scheme", options.scheme, "Generate with the model quantised with this scheme");
    command->add_option("--group-size", options.groupSize, "Group size of intN schemes (32, 64, 128, 256)")
        ->check(CLI::IsMember({32, 64, 128, 256}));
    command->add_flag("--asym", options.asymmetric, "intN with a zero point per group");
    return command;
}

int runGenerate(const GenerateOptions& options, std::ostream& out, std::ostream& err)
{
    return runReportingErrors(options.model, err, [&] {
        std::optional<QuantSpec> spec;
        if (!options.scheme.empty()) {
            spec = QuantSpec::parse(options.scheme, options.groupSize, options.asymmetric);
            if (!spec)
                throw UsageError("unknown scheme '" + options.scheme + "'");
        }
        const auto runnable = loadRunnableModel(options.model, options.tokenizer);
        auto weights = runnable.weights;
        if (spec)
            weights = quantizedWeights(*weights, *spec, {}, {});
        const Transformer model(weights);
        const auto& tokenizer = *runnable.tokenizer;
        const auto prompt = tokenizer.encode(options.prompt, true);
        if (static_cast<std::int64_t>(prompt.size()) >= model.shape().contextLength)
            throw UsageError("the prompt has " + std::to_string(prompt.size()) + " tokens, the model's context is "
                + std::to_string(model.shape().contextLength));
        // llama2.c's run.c also stops at BOS, which its models emit between stories.
        std::vector<std::int32_t> stops;
        for (const auto id : {tokenizer.eosId(), tokenizer.bosId()})
            if (id >= 0)
                stops.push_back(id);
        const auto generated = model.generateGreedy(prompt, options.tokens, stops);
        std::string text = options.prompt;
        std::int32_t previous = prompt.back();
        for (const auto token : generated) {
            text += tokenizer.decodeToken(previous, token);
            previous = token;
        }
        out << text << '\n';
        return 0;
    });
}

} // namespace complab::cli
