// bench_quant's scale run: a synthetic Llama-3-8B checkpoint (SyntheticLlama.h) quantised whole, in
// a child process each time (so its peak RSS is its own), through quantizeCheckpoint as the CLI's
// `quantize` runs it; reports wall time, GB/s and peak RSS against 2 x largest tensor + 300 MB.
#pragma once

#include <string>
#include <vector>

namespace complab::bench {

// Writes the checkpoint into dir (or reuses the one a previous --keep run left there), quantises it to
// each of `schemes` (int4 = int4 g128 into .safetensors, GGUF schemes into .gguf), prints the numbers
// and deletes what it wrote unless keep. Returns 0, or 2 when a run broke the RSS bound.
int runScale(const std::string& dir, bool keep, const std::vector<std::string>& schemes);

// The child: quantise the checkpoint at `input` with `scheme` into `output`, as the CLI does.
int runScaleChild(const std::string& input, const std::string& scheme, const std::string& output);

} // namespace complab::bench
