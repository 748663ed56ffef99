#include "io/Llama2cCheckpoint.h"

#include "io/CheckpointError.h"
#include "io/MappedFile.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace complab {

namespace {

// The seven header fields in file order, with the names llama2.c's Config struct gives them.
constexpr const char* fieldNames[7]
    = {"dim", "hidden_dim", "n_layers", "n_heads", "n_kv_heads", "vocab_size", "seq_len"};

std::uint64_t checkedProduct(
    const std::filesystem::path& path, const std::string& what, std::initializer_list<std::uint64_t> factors)
{
    std::uint64_t product = 1;
    for (const auto factor : factors) {
        if (__builtin_mul_overflow(product, factor, &product))
            throw CheckpointError(path, "the size of " + what + " overflows 64 bits; the header is corrupt");
    }
    return product;
}

std::uint64_t checkedSum(const std::filesystem::path& path, std::uint64_t a, std::uint64_t b)
{
    std::uint64_t sum = 0;
    if (__builtin_add_overflow(a, b, &sum))
        throw CheckpointError(path, "the weights' total size overflows 64 bits; the header is corrupt");
    return sum;
}

} // namespace

Llama2cCheckpoint::Llama2cCheckpoint(const std::filesystem::path& path)
    : Checkpoint(path)
    , m_file(std::make_shared<MappedFile>(path))
{
    const auto fileSize = m_file->size();
    m_fileBytes = fileSize;
    if (fileSize < headerBytes)
        throw CheckpointError(path,
            "file is " + std::to_string(fileSize) + " bytes, too small to hold the " + std::to_string(headerBytes)
                + "-byte llama2.c header");
    std::int32_t fields[7] = {};
    std::memcpy(fields, m_file->bytes().data(), headerBytes);
    m_header = {fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6]};

    for (int i = 0; i < 7; ++i) {
        if (i == 5) // vocab_size: its sign says whether the classifier is shared, but it cannot be 0
            continue;
        if (fields[i] <= 0)
            throw CheckpointError(path,
                std::string("header field ") + fieldNames[i] + " is " + std::to_string(fields[i])
                    + "; it must be positive (is this a llama2.c checkpoint?)");
    }
    if (m_header.vocabSize == 0 || m_header.vocabSize == INT32_MIN)
        throw CheckpointError(path,
            "header field vocab_size is " + std::to_string(m_header.vocabSize)
                + "; it must be a non-zero vocabulary size (negative when the classifier is stored separately)");
    if (m_header.dim % m_header.heads != 0)
        throw CheckpointError(path,
            "header field dim " + std::to_string(m_header.dim) + " is not divisible by n_heads "
                + std::to_string(m_header.heads));
    if (m_header.heads % m_header.kvHeads != 0)
        throw CheckpointError(path,
            "header field n_heads " + std::to_string(m_header.heads) + " is not divisible by n_kv_heads "
                + std::to_string(m_header.kvHeads));
    const std::uint64_t dim = static_cast<std::uint64_t>(m_header.dim);
    const std::uint64_t hidden = static_cast<std::uint64_t>(m_header.hiddenDim);
    const std::uint64_t layers = static_cast<std::uint64_t>(m_header.layers);
    const std::uint64_t heads = static_cast<std::uint64_t>(m_header.heads);
    const std::uint64_t kvHeads = static_cast<std::uint64_t>(m_header.kvHeads);
    const std::uint64_t vocab = static_cast<std::uint64_t>(std::abs(static_cast<std::int64_t>(m_header.vocabSize)));
    const std::uint64_t seqLen = static_cast<std::uint64_t>(m_header.seqLen);
    const std::uint64_t headDim = dim / heads;
    if (headDim % 2 != 0)
        throw CheckpointError(
            path, "head size " + std::to_string(headDim) + " (dim / n_heads) is odd; RoPE rotates pairs of values");
    const std::uint64_t qRows = heads * headDim; // == dim
    const std::uint64_t kvRows = kvHeads * headDim;

    // Lay the tensors out in file order, every size overflow-checked, before looking at the length.
    std::uint64_t offset = headerBytes;
    const auto add = [&](std::string name, std::vector<std::uint64_t> shape) {
        TensorInfo info;
        info.name = std::move(name);
        info.dtype = DType::F32;
        std::uint64_t elements = 1;
        for (const auto dimension : shape) {
            if (__builtin_mul_overflow(elements, dimension, &elements))
                throw CheckpointError(path, info.name, "its size overflows 64 bits; the header is corrupt");
            info.shape.push_back(static_cast<std::int64_t>(dimension));
        }
        if (__builtin_mul_overflow(elements, sizeof(float), &info.byteSize))
            throw CheckpointError(path, info.name, "its size overflows 64 bits; the header is corrupt");
        info.fileOffset = offset;
        offset = checkedSum(path, offset, info.byteSize);
        m_tensors.push_back(std::move(info));
    };
    // A layer takes more than 40 bytes: a hostile n_layers must not make the loops below push
    // billions of tensor infos before the length check refuses the file.
    if (layers > fileSize / 40)
        throw CheckpointError(path,
            "header field n_layers " + std::to_string(layers) + " cannot fit in a " + std::to_string(fileSize)
                + "-byte file");

    const auto perLayer = [&](const char* kind, std::vector<std::uint64_t> shape) {
        for (std::uint64_t layer = 0; layer < layers; ++layer)
            add("model.layers." + std::to_string(layer) + "." + kind, shape);
    };
    add("model.embed_tokens.weight", {vocab, dim});
    perLayer("input_layernorm.weight", {dim});
    perLayer("self_attn.q_proj.weight", {qRows, dim});
    perLayer("self_attn.k_proj.weight", {kvRows, dim});
    perLayer("self_attn.v_proj.weight", {kvRows, dim});
    perLayer("self_attn.o_proj.weight", {dim, qRows});
    perLayer("post_attention_layernorm.weight", {dim});
    perLayer("mlp.gate_proj.weight", {hidden, dim});
    perLayer("mlp.down_proj.weight", {dim, hidden});
    perLayer("mlp.up_proj.weight", {hidden, dim});
    add("model.norm.weight", {dim});
    // freq_cis_real and freq_cis_imag, [seq_len, head_dim / 2] each, skipped (see the header).
    const std::uint64_t ropeTablesOffset = offset;
    offset = checkedSum(path, offset, checkedProduct(path, "the RoPE tables", {2, seqLen, headDim / 2, 4}));
    const std::uint64_t sharedBytes = offset;
    const std::uint64_t separateBytes = checkedSum(path, offset, checkedProduct(path, "lm_head", {vocab, dim, 4}));

    const bool shared = sharedClassifier();
    const std::uint64_t expected = shared ? sharedBytes : separateBytes;
    if (fileSize != expected) {
        std::string problem = "file is " + std::to_string(fileSize) + " bytes but its header implies "
            + std::to_string(expected) + " bytes with a " + (shared ? "shared" : "separate") + " classifier ("
            + std::to_string(shared ? separateBytes : sharedBytes) + " with a " + (shared ? "separate" : "shared")
            + " one)";
        if (fileSize == (shared ? separateBytes : sharedBytes))
            problem += shared ? "; the file holds a separate classifier, but vocab_size is positive (shared)"
                              : "; the file holds no separate classifier, but vocab_size is negative (separate)";
        else if (fileSize < expected)
            problem += "; the file is truncated or its header is wrong";
        else
            problem += "; " + std::to_string(fileSize - expected) + " trailing bytes follow the weights";
        throw CheckpointError(path, problem);
    }
    if (!shared)
        add("lm_head.weight", {vocab, dim});

    m_metadata["rope_layout"] = "interleaved";
    m_metadata["classifier"] = shared ? "shared" : "separate";
    m_metadata["rope_tables"] = "freq_cis_real, freq_cis_imag [" + std::to_string(seqLen) + ", "
        + std::to_string(headDim / 2) + "] F32 at byte " + std::to_string(ropeTablesOffset) + " (not exposed)";
    for (int i = 0; i < 7; ++i)
        m_metadata[std::string("llama2c.") + fieldNames[i]] = std::to_string(fields[i]);
    fillConfig();
    findTokenizer();
}

Llama2cCheckpoint::~Llama2cCheckpoint() = default;

void Llama2cCheckpoint::fillConfig()
{
    ModelConfig config;
    config.modelType = "llama";
    config.architecture = "LlamaForCausalLM";
    config.torchDtype = "float32";
    config.hiddenSize = m_header.dim;
    config.intermediateSize = m_header.hiddenDim;
    config.layerCount = m_header.layers;
    config.attentionHeads = m_header.heads;
    config.keyValueHeads = m_header.kvHeads;
    config.headDim = m_header.dim / m_header.heads;
    config.vocabSize = std::abs(static_cast<std::int64_t>(m_header.vocabSize));
    config.contextLength = m_header.seqLen;
    config.tiedEmbeddings = sharedClassifier();
    // Not stored in the file: run.c hard-codes both.
    config.rmsNormEps = 1e-5;
    config.ropeTheta = 10000.0;
    m_config = config;
}

void Llama2cCheckpoint::findTokenizer()
{
    const auto folder = m_path.parent_path().empty() ? std::filesystem::path(".") : m_path.parent_path();
    std::error_code error;
    if (std::filesystem::is_regular_file(folder / "tokenizer.bin", error)) {
        m_tokenizerPath = folder / "tokenizer.bin";
    } else {
        std::vector<std::filesystem::path> candidates;
        for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
            const auto name = entry.path().filename().string();
            if (entry.is_regular_file(error) && name.rfind("tok", 0) == 0 && entry.path().extension() == ".bin"
                && entry.path().filename() != m_path.filename())
                candidates.push_back(entry.path());
        }
        std::sort(candidates.begin(), candidates.end());
        if (!candidates.empty())
            m_tokenizerPath = candidates.front();
    }
    if (!m_tokenizerPath.empty())
        m_metadata["tokenizer"] = m_tokenizerPath.string();
}

TensorView Llama2cCheckpoint::tensor(std::size_t index) const
{
    if (index >= m_tensors.size())
        throw std::out_of_range("tensor index " + std::to_string(index) + " out of range");
    const auto& info = m_tensors[index];
    return TensorView(info, m_file->bytes().subspan(info.fileOffset, info.byteSize), m_file, true);
}

} // namespace complab
