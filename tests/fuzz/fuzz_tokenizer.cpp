// libFuzzer harness for the tokenizer readers (llama2.c tokenizer.bin, SentencePiece tokenizer.model):
// the input is written to a file (the readers memory-map files), loaded, and a fixed text plus the
// input's own first bytes are encoded and decoded. Any outcome but success or CheckpointError is a
// finding, as is an id outside the vocabulary. Build with the `fuzz` preset.
#include "io/CheckpointError.h"
#include "model/Llama2cTokenizer.h"
#include "model/SentencePieceTokenizer.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#ifndef COMPLAB_FUZZ_EXTENSION
#error "define COMPLAB_FUZZ_EXTENSION, \".bin\" or \".model\""
#endif

namespace {

std::shared_ptr<const complab::Tokenizer> load(const std::filesystem::path& path)
{
    if (path.extension() == ".model")
        return std::make_shared<const complab::SentencePieceTokenizer>(path);
    return std::make_shared<const complab::Llama2cTokenizer>(path);
}

void check(const complab::Tokenizer& tokenizer, std::string_view text)
{
    const auto ids = tokenizer.encode(text, true);
    for (const auto id : ids)
        if (id < 0 || id >= tokenizer.vocabularySize())
            __builtin_trap();
    const auto decoded = tokenizer.decode(ids);
    // Bounded: every token decodes to at most its piece's bytes (or one byte for <0xXX>).
    if (decoded.size() > ids.size() * 65536 + text.size() * 4)
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const std::filesystem::path path = std::filesystem::temp_directory_path()
        / ("complab-fuzz-tokenizer-" + std::to_string(::getpid()) + COMPLAB_FUZZ_EXTENSION);
    {
        std::ofstream file(path, std::ios::binary | std::ios::trunc);
        file.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    try {
        const auto tokenizer = load(path);
        check(*tokenizer, "Once upon a time, there was a little girl.\n  Caf\xC3\xA9 \xE2\x82\xAC 42");
        check(*tokenizer, std::string_view(reinterpret_cast<const char*>(data), std::min<std::size_t>(size, 256)));
        for (std::int32_t id = -1; id <= tokenizer->vocabularySize() && id < 1024; ++id)
            (void)tokenizer->decodeToken(1, id);
    } catch (const complab::CheckpointError&) { }
    return 0;
}
