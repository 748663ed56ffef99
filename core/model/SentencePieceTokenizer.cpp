#include "model/SentencePieceTokenizer.h"

#include "io/CheckpointError.h"
#include "io/MappedFile.h"
#include "model/ProtobufReader.h"

namespace complab {

namespace {

// Field numbers of sentencepiece_model.proto's ModelProto and its nested messages.
namespace model_field {
constexpr std::uint32_t pieces = 1, trainerSpec = 2, normalizerSpec = 3;
}
namespace piece_field {
constexpr std::uint32_t piece = 1, score = 2, type = 3;
}
namespace trainer_field {
constexpr std::uint32_t modelType = 3, treatWhitespaceAsSuffix = 24, byteFallback = 35, unkId = 40, bosId = 41,
                        eosId = 42;
}
namespace normalizer_field {
constexpr std::uint32_t name = 1, precompiledCharsmap = 2, addDummyPrefix = 3, removeExtraWhitespaces = 4,
                        escapeWhitespaces = 5;
}
constexpr std::int32_t modelTypeBpe = 2;

std::string modelTypeName(std::int32_t type)
{
    switch (type) {
    case 1:
        return "unigram";
    case 2:
        return "BPE";
    case 3:
        return "word";
    case 4:
        return "char";
    default:
        return "type " + std::to_string(type);
    }
}

// The fields the encoder needs, with sentencepiece_model.proto's defaults.
struct ModelFields
{
    ScoreMergeTokenizer::Vocabulary vocabulary;
    std::int32_t modelType = 1; // UNIGRAM unless trainer_spec says otherwise
    bool treatWhitespaceAsSuffix = false;
    bool byteFallback = false;
    std::int32_t unkId = 0;
    std::int32_t bosId = 1;
    std::int32_t eosId = 2;
    std::string normalizerName;
    std::size_t charsmapBytes = 0;
    bool addDummyPrefix = true;
    bool removeExtraWhitespaces = true;
    bool escapeWhitespaces = true;
};

ProtobufReader nested(const ProtobufReader::Field& field, const char* what)
{
    if (field.wireType != ProtobufReader::WireType::LengthDelimited)
        throw ProtobufError(std::string(what) + " is not a length-delimited message");
    return ProtobufReader(field.bytes);
}

void readPiece(const ProtobufReader::Field& message, ModelFields& model)
{
    auto reader = nested(message, "the piece");
    std::string piece;
    float score = 0.0f;
    std::int32_t type = 1; // NORMAL
    ProtobufReader::Field field;
    while (reader.next(field)) {
        if (field.number == piece_field::piece) {
            if (field.wireType != ProtobufReader::WireType::LengthDelimited)
                throw ProtobufError("piece text is not a string");
            piece.assign(field.text());
        } else if (field.number == piece_field::score) {
            score = field.asFloat();
        } else if (field.number == piece_field::type) {
            type = field.asInt32();
        }
    }
    if (piece.empty())
        throw ProtobufError("empty piece");
    if (type < 1 || type > 6)
        throw ProtobufError("type " + std::to_string(type) + " (1..6 expected)");
    model.vocabulary.pieces.push_back(std::move(piece));
    model.vocabulary.scores.push_back(score);
    model.vocabulary.types.push_back(static_cast<TokenType>(type));
}

void readTrainerSpec(const ProtobufReader::Field& message, ModelFields& model)
{
    auto reader = nested(message, "trainer_spec");
    ProtobufReader::Field field;
    while (reader.next(field)) {
        switch (field.number) {
        case trainer_field::modelType:
            model.modelType = field.asInt32();
            break;
        case trainer_field::treatWhitespaceAsSuffix:
            model.treatWhitespaceAsSuffix = field.asBool();
            break;
        case trainer_field::byteFallback:
            model.byteFallback = field.asBool();
            break;
        case trainer_field::unkId:
            model.unkId = field.asInt32();
            break;
        case trainer_field::bosId:
            model.bosId = field.asInt32();
            break;
        case trainer_field::eosId:
            model.eosId = field.asInt32();
            break;
        default:
            break;
        }
    }
}

void readNormalizerSpec(const ProtobufReader::Field& message, ModelFields& model)
{
    auto reader = nested(message, "normalizer_spec");
    ProtobufReader::Field field;
    while (reader.next(field)) {
        switch (field.number) {
        case normalizer_field::name:
            if (field.wireType != ProtobufReader::WireType::LengthDelimited)
                throw ProtobufError("normalizer name is not a string");
            model.normalizerName.assign(field.text());
            break;
        case normalizer_field::precompiledCharsmap:
            if (field.wireType != ProtobufReader::WireType::LengthDelimited)
                throw ProtobufError("precompiled_charsmap is not bytes");
            model.charsmapBytes = field.bytes.size();
            break;
        case normalizer_field::addDummyPrefix:
            model.addDummyPrefix = field.asBool();
            break;
        case normalizer_field::removeExtraWhitespaces:
            model.removeExtraWhitespaces = field.asBool();
            break;
        case normalizer_field::escapeWhitespaces:
            model.escapeWhitespaces = field.asBool();
            break;
        default:
            break;
        }
    }
}

ModelFields readModel(const std::filesystem::path& path)
{
    const MappedFile file(path);
    ModelFields model;
    ProtobufReader reader(file.bytes());
    ProtobufReader::Field field;
    std::string where = "ModelProto";
    try {
        while (reader.next(field)) {
            if (field.number == model_field::pieces) {
                where = "piece " + std::to_string(model.vocabulary.pieces.size());
                readPiece(field, model);
            } else if (field.number == model_field::trainerSpec) {
                where = "trainer_spec";
                readTrainerSpec(field, model);
            } else if (field.number == model_field::normalizerSpec) {
                where = "normalizer_spec";
                readNormalizerSpec(field, model);
            }
            where = "ModelProto";
        }
    } catch (const ProtobufError& error) {
        throw CheckpointError(path, "SentencePiece model: " + where + ": " + error.what());
    }
    return model;
}

} // namespace

namespace {

std::pair<ScoreMergeTokenizer::Vocabulary, ScoreMergeTokenizer::Options> validate(
    const std::filesystem::path& path, ModelFields model)
{
    const auto count = static_cast<std::int64_t>(model.vocabulary.pieces.size());
    if (count == 0)
        throw CheckpointError(path, "SentencePiece model: no pieces (not a tokenizer.model?)");
    const auto checkId = [&](const char* name, std::int32_t id, bool optional) {
        if ((optional && id == -1) || (id >= 0 && id < count))
            return;
        throw CheckpointError(path,
            "SentencePiece model: trainer_spec." + std::string(name) + " " + std::to_string(id)
                + " is not a piece id below " + std::to_string(count));
    };
    checkId("unk_id", model.unkId, false);
    checkId("bos_id", model.bosId, true);
    checkId("eos_id", model.eosId, true);
    if (model.modelType != modelTypeBpe)
        throw UnsupportedTokenizerError(path,
            "SentencePiece " + modelTypeName(model.modelType)
                + " model: not supported (the lab encodes SentencePiece BPE models)");
    if (model.treatWhitespaceAsSuffix)
        throw UnsupportedTokenizerError(path, "SentencePiece model with treat_whitespace_as_suffix: not supported");
    if (model.charsmapBytes > 0)
        throw UnsupportedTokenizerError(path,
            "SentencePiece normalizer '" + model.normalizerName
                + "' applies a precompiled character map, which the lab does not implement (only 'identity')");
    std::pair<ScoreMergeTokenizer::Vocabulary, ScoreMergeTokenizer::Options> parsed;
    parsed.first = std::move(model.vocabulary);
    auto& options = parsed.second;
    options.description = "SentencePiece tokenizer.model (BPE)";
    options.bosId = model.bosId;
    options.eosId = model.eosId;
    options.unknownId = model.unkId;
    options.metaSpace = model.escapeWhitespaces;
    options.addDummyPrefix = model.addDummyPrefix;
    options.removeExtraWhitespace = model.removeExtraWhitespaces;
    options.byteFallback = model.byteFallback ? ScoreMergeTokenizer::ByteFallback::BytePieces
                                              : ScoreMergeTokenizer::ByteFallback::UnknownToken;
    options.mergeIntoAnyPiece = false;
    return parsed;
}

} // namespace

SentencePieceTokenizer::SentencePieceTokenizer(const std::filesystem::path& path)
    : SentencePieceTokenizer(validate(path, readModel(path)))
{ }

SentencePieceTokenizer::SentencePieceTokenizer(std::pair<Vocabulary, Options> parsed)
    : ScoreMergeTokenizer(std::move(parsed.first), std::move(parsed.second))
{ }

} // namespace complab
