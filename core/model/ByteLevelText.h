// Text helpers for byte-level BPE (GPT-2 and the tokenizer.json files built like it): UTF-8 code
// points, GPT-2's reversible byte ↔ printable-character map, and its pre-tokenizer split.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace complab {

void appendUtf8(std::string& out, std::uint32_t codePoint);
// The code point at `at` and its length in bytes; a malformed sequence reads as one byte, U+FFFD.
std::pair<std::uint32_t, std::size_t> decodeUtf8(std::string_view text, std::size_t at);

// The printable character (UTF-8) GPT-2 writes for a byte, and back (-1 for other code points).
std::string_view byteLevelText(unsigned char byte);
int byteLevelByte(std::uint32_t codePoint);

// GPT-2's pattern 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+ as a
// scanner. Letters and numbers beyond ASCII come from glibc's C.UTF-8 classes (no ICU in the core).
std::vector<std::string_view> splitGpt2(std::string_view text);

} // namespace complab
