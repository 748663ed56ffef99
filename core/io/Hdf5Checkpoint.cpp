#include "io/Hdf5Checkpoint.h"

#include "io/CheckpointError.h"
#include "io/IsolatedCall.h"

#include <H5Cpp.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <new>
#include <optional>
#include <set>
#include <stdexcept>

namespace complab {

namespace {

constexpr std::uint64_t oneMebibyte = 1024 * 1024;

// The most specific descriptions of the last failure HDF5 reported, captured when it happens:
// by the time a C++ exception reaches a catch block, closing the objects it unwound through has
// cleared HDF5's error stack. Guarded by Hdf5Checkpoint::libraryMutex().
std::string& lastLibraryError()
{
    static std::string text;
    return text;
}

herr_t collectDescription(unsigned, const H5E_error2_t* error, void* data)
{
    if (error && error->desc && *error->desc)
        static_cast<std::vector<std::string>*>(data)->emplace_back(error->desc);
    return 0;
}

// Installed instead of HDF5's printing handler: records the failure, prints nothing.
herr_t recordError(hid_t stack, void*)
{
    std::vector<std::string> descriptions; // most specific first
    H5Ewalk2(stack, H5E_WALK_UPWARD, collectDescription, &descriptions);
    std::string text;
    for (std::size_t i = std::min<std::size_t>(descriptions.size(), 2); i-- > 0;)
        text += (text.empty() ? "" : ": ") + descriptions[i];
    lastLibraryError() = text;
    return 0;
}

// Call with the library mutex held, before any other HDF5 call.
void prepareLibrary()
{
    static bool prepared = false;
    if (!prepared) {
        H5::Exception::dontPrint();
        H5Eset_auto2(H5E_DEFAULT, recordError, nullptr);
        prepared = true;
    }
    lastLibraryError().clear();
}

std::string describe(const H5::Exception& exception)
{
    std::string text = lastLibraryError();
    if (text.empty())
        text = exception.getDetailMsg();
    lastLibraryError().clear();
    return text;
}

std::string shapeText(const std::vector<std::int64_t>& shape)
{
    TensorInfo info;
    info.shape = shape;
    return info.shapeString();
}

// How a dataset's element type maps to a DType, or why it does not.
struct TypeMapping
{
    std::optional<DType> dtype;
    std::string unsupportedReason;
};

std::optional<DType> integerType(std::size_t size, bool isSigned)
{
    switch (size) {
    case 1:
        return isSigned ? DType::I8 : DType::U8;
    case 2:
        return isSigned ? DType::I16 : DType::U16;
    case 4:
        return isSigned ? DType::I32 : DType::U32;
    case 8:
        return isSigned ? DType::I64 : DType::U64;
    default:
        return std::nullopt;
    }
}

// A 16-bit float of IEEE half or bfloat16 layout; anything else (a custom minifloat) is not mapped.
std::optional<DType> halfType(hid_t type)
{
    std::size_t signPosition = 0, exponentPosition = 0, exponentBits = 0, mantissaPosition = 0, mantissaBits = 0;
    if (H5Tget_fields(type, &signPosition, &exponentPosition, &exponentBits, &mantissaPosition, &mantissaBits) < 0
        || H5Tget_precision(type) != 16 || H5Tget_offset(type) != 0 || H5Tget_norm(type) != H5T_NORM_IMPLIED
        || signPosition != 15 || mantissaPosition != 0)
        return std::nullopt;
    const auto bias = H5Tget_ebias(type);
    if (exponentPosition == 10 && exponentBits == 5 && mantissaBits == 10 && bias == 15)
        return DType::F16;
    if (exponentPosition == 7 && exponentBits == 8 && mantissaBits == 7 && bias == 127)
        return DType::BF16;
    return std::nullopt;
}

bool isLittleEndianOrByte(hid_t type)
{
    return H5Tget_size(type) == 1 || H5Tget_order(type) == H5T_ORDER_LE;
}

// h5py stores numpy bool as an enum of int8 with FALSE = 0 and TRUE = 1.
bool isBoolEnum(hid_t type, hid_t base)
{
    if (H5Tget_size(base) != 1 || H5Tget_nmembers(type) != 2)
        return false;
    for (unsigned i = 0; i < 2; ++i) {
        char* name = H5Tget_member_name(type, i);
        std::int8_t value = -1;
        const bool valueRead = H5Tget_member_value(type, i, &value) >= 0;
        const bool expected = name && valueRead && std::string(name) == (i == 0 ? "FALSE" : "TRUE") && value == int(i);
        if (name)
            H5free_memory(name);
        if (!expected)
            return false;
    }
    return true;
}

TypeMapping mapType(hid_t type)
{
    const auto size = H5Tget_size(type);
    switch (H5Tget_class(type)) {
    case H5T_INTEGER:
        if (const auto dtype = integerType(size, H5Tget_sign(type) == H5T_SGN_2))
            return {dtype, {}};
        return {std::nullopt, std::to_string(size) + "-byte integers"};
    case H5T_FLOAT:
        // HDF5 converts any float layout of 4 or 8 bytes to native float or double on reading.
        if (size == 8)
            return {DType::F64, {}};
        if (size == 4)
            return {DType::F32, {}};
        if (size == 2 && (H5Tget_order(type) == H5T_ORDER_LE || H5Tget_order(type) == H5T_ORDER_BE)) {
            if (const auto dtype = halfType(type))
                return {dtype, {}};
        }
        return {std::nullopt, std::to_string(size) + "-byte floating point of a layout the lab does not know"};
    case H5T_ENUM: {
        const hid_t base = H5Tget_super(type);
        if (base < 0)
            return {std::nullopt, "an enumeration whose base type cannot be read"};
        TypeMapping mapping{std::nullopt, "an enumeration of a non-integer or big-endian base type"};
        if (H5Tget_class(base) == H5T_INTEGER && isLittleEndianOrByte(base)) {
            if (isBoolEnum(type, base))
                mapping = {DType::Bool, {}};
            else if (const auto dtype = integerType(H5Tget_size(base), H5Tget_sign(base) == H5T_SGN_2))
                mapping = {dtype, {}};
        }
        H5Tclose(base);
        return mapping;
    }
    case H5T_STRING:
        return {std::nullopt, "strings"};
    case H5T_COMPOUND:
        return {std::nullopt, "compound records"};
    case H5T_VLEN:
        return {std::nullopt, "variable-length sequences"};
    case H5T_REFERENCE:
        return {std::nullopt, "object or region references"};
    case H5T_OPAQUE:
        return {std::nullopt, "opaque bytes"};
    case H5T_ARRAY:
        return {std::nullopt, "fixed-size arrays per element"};
    case H5T_BITFIELD:
        return {std::nullopt, "bit fields"};
    case H5T_TIME:
        return {std::nullopt, "time values"};
    default:
        return {std::nullopt, "an element type HDF5 could not describe"};
    }
}

// The type HDF5 converts a dataset's elements to when reading it into a tensor's buffer.
H5::DataType memoryType(DType dtype, const H5::DataType& fileType)
{
    H5::DataType type;
    switch (dtype) {
    case DType::F64:
        type.copy(H5::PredType::NATIVE_DOUBLE);
        break;
    case DType::F32:
        type.copy(H5::PredType::NATIVE_FLOAT);
        break;
    case DType::F16:
    case DType::BF16:
        // Same layout as in the file, little-endian (HDF5 swaps a big-endian one).
        type.copy(fileType);
        if (H5Tset_order(type.getId(), H5T_ORDER_LE) < 0)
            throw H5::DataTypeIException("H5Tset_order", "cannot set byte order");
        break;
    default:
        if (fileType.getClass() == H5T_ENUM) {
            type.copy(fileType); // little-endian, checked by mapType(); no conversion from enum to integer
            break;
        }
        static const std::pair<DType, const H5::PredType*> integers[]
            = {{DType::I8, &H5::PredType::NATIVE_INT8}, {DType::I16, &H5::PredType::NATIVE_INT16},
                {DType::I32, &H5::PredType::NATIVE_INT32}, {DType::I64, &H5::PredType::NATIVE_INT64},
                {DType::U8, &H5::PredType::NATIVE_UINT8}, {DType::U16, &H5::PredType::NATIVE_UINT16},
                {DType::U32, &H5::PredType::NATIVE_UINT32}, {DType::U64, &H5::PredType::NATIVE_UINT64}};
        for (const auto& [integer, predefined] : integers) {
            if (integer == dtype)
                type.copy(*predefined);
        }
        break;
    }
    return type;
}

std::uint64_t saturatingLimit(std::uint64_t fileSize, std::uint64_t factor)
{
    std::uint64_t limit = 0;
    if (__builtin_mul_overflow(fileSize, factor, &limit) || __builtin_add_overflow(limit, oneMebibyte, &limit))
        return UINT64_MAX;
    return limit;
}

// Everything about one dataset, read from its object header only. Throws CheckpointError for a
// dataset whose declared size is impossible, and H5::Exception for one HDF5 cannot describe.
TensorInfo describeDataset(
    const H5::DataSet& dataset, const std::string& name, const std::filesystem::path& path, std::uint64_t fileSize)
{
    TensorInfo info;
    info.name = name;
    const H5::DataType fileType = dataset.getDataType();
    const auto mapping = mapType(fileType.getId());
    if (mapping.dtype) {
        info.dtype = *mapping.dtype;
    } else {
        info.dtype = DType::U8;
        info.supported = false;
        info.unsupportedReason = "its elements are " + mapping.unsupportedReason + ", not numbers";
    }

    const H5::DataSpace space = dataset.getSpace();
    const auto spaceClass = space.getSimpleExtentType();
    if (spaceClass == H5S_NULL) {
        info.shape = {0};
        if (info.supported) {
            info.supported = false;
            info.unsupportedReason = "it holds no value at all (a null dataspace)";
        }
    } else if (spaceClass == H5S_SIMPLE) {
        const int rank = space.getSimpleExtentNdims();
        if (rank < 0 || rank > H5S_MAX_RANK)
            throw CheckpointError(path, name, "dataspace has " + std::to_string(rank) + " dimensions");
        std::vector<hsize_t> dimensions(static_cast<std::size_t>(rank));
        space.getSimpleExtentDims(dimensions.data());
        for (const auto dimension : dimensions) {
            if (dimension > static_cast<hsize_t>(INT64_MAX))
                throw CheckpointError(path, name, "dimension " + std::to_string(dimension) + " is too large");
            info.shape.push_back(static_cast<std::int64_t>(dimension));
        }
    } else if (spaceClass != H5S_SCALAR) {
        throw CheckpointError(path, name, "dataspace of unknown kind");
    }

    std::uint64_t elements = 1;
    for (const auto dimension : info.shape) {
        if (__builtin_mul_overflow(elements, static_cast<std::uint64_t>(dimension), &elements))
            throw CheckpointError(
                path, name, "shape " + shapeText(info.shape) + " overflows: its element count cannot be represented");
    }

    const H5::DSetCreatPropList creation = dataset.getCreatePlist();
    const auto layout = creation.getLayout();
    if (info.supported && layout == H5D_VIRTUAL) {
        info.supported = false;
        info.unsupportedReason = "it is a virtual dataset whose data lives in other files";
    }
    if (info.supported && layout != H5D_VIRTUAL && creation.getExternalCount() > 0) {
        info.supported = false;
        info.unsupportedReason = "its data is stored in external files, outside the checkpoint";
    }
    if (!info.supported) {
        info.byteSize = dataset.getStorageSize();
        return info;
    }

    const auto bytes = dtypeStorageBytes(info.dtype, elements);
    if (!bytes)
        throw CheckpointError(path, name,
            "shape " + shapeText(info.shape) + " of " + std::string(dtypeName(info.dtype))
                + " overflows: its size in bytes cannot be represented");
    info.byteSize = *bytes;

    // A hostile header must not make tensor() allocate terabytes: the dataset's size is checked
    // against what a file of this size can hold (compressed: can expand to).
    const bool filtered = creation.getNfilters() > 0;
    const auto limit = saturatingLimit(fileSize, filtered ? Hdf5Checkpoint::maxCompressionRatio : 2);
    const auto refuseSize = [&](const std::string& what, std::uint64_t declared) {
        throw CheckpointError(path, name,
            what + " declares " + std::to_string(declared) + " bytes, more than a " + std::to_string(fileSize)
                + "-byte file can hold" + (filtered ? " even compressed" : ""));
    };
    if (info.byteSize > limit)
        refuseSize("shape " + shapeText(info.shape) + " of " + std::string(dtypeName(info.dtype)), info.byteSize);
    if (layout == H5D_CHUNKED) {
        std::vector<hsize_t> chunk(H5S_MAX_RANK, 0);
        const int chunkRank = creation.getChunk(H5S_MAX_RANK, chunk.data());
        std::uint64_t chunkBytes = fileType.getSize();
        for (int i = 0; i < chunkRank; ++i) {
            if (__builtin_mul_overflow(chunkBytes, chunk[static_cast<std::size_t>(i)], &chunkBytes))
                chunkBytes = UINT64_MAX;
        }
        if (chunkBytes > limit)
            refuseSize("its chunk", chunkBytes);
    }
    const auto offset = H5Dget_offset(dataset.getId());
    info.fileOffset = offset == HADDR_UNDEF ? 0 : offset;
    return info;
}

// Walks the file's groups depth first, in name order, following hard links only (soft and
// external links could point anywhere, including other files), each object once.
class StructureWalker
{
public:
    StructureWalker(const std::filesystem::path& path, std::uint64_t fileSize, std::vector<TensorInfo>& tensors)
        : m_path(path)
        , m_fileSize(fileSize)
        , m_tensors(tensors)
    { }

    void walk(const H5::Group& group, const std::string& prefix, int depth)
    {
        if (depth > Hdf5Checkpoint::maxGroupDepth)
            throw CheckpointError(m_path,
                "group '" + prefix + "' is nested more than " + std::to_string(Hdf5Checkpoint::maxGroupDepth)
                    + " levels deep");
        std::vector<std::pair<std::string, H5L_type_t>> links;
        const auto collect = [](hid_t, const char* name, const H5L_info_t* info, void* data) -> herr_t {
            static_cast<std::vector<std::pair<std::string, H5L_type_t>>*>(data)->emplace_back(name, info->type);
            return 0;
        };
        if (H5Literate(group.getId(), H5_INDEX_NAME, H5_ITER_INC, nullptr, collect, &links) < 0)
            throw H5::GroupIException("H5Literate", "cannot list the members of group '/" + prefix + "'");
        for (const auto& [name, linkType] : links) {
            const std::string childPath = prefix.empty() ? name : prefix + "/" + name;
            if (linkType != H5L_TYPE_HARD) {
                ++m_skippedLinks;
                continue;
            }
            H5O_info_t object{};
            lastLibraryError().clear();
            if (H5Oget_info_by_name2(group.getId(), name.c_str(), &object, H5O_INFO_BASIC, H5P_DEFAULT) < 0)
                throw CheckpointError(m_path, childPath, "cannot read its object header: " + takeError());
            if (!m_visited.insert(object.addr).second)
                continue; // a second hard link to an object already listed (or a cycle)
            if (m_visited.size() > Hdf5Checkpoint::maxObjects)
                throw CheckpointError(m_path,
                    "file holds more than " + std::to_string(Hdf5Checkpoint::maxObjects) + " groups and datasets");
            try {
                if (object.type == H5O_TYPE_GROUP) {
                    walk(group.openGroup(name), childPath, depth + 1);
                } else if (object.type == H5O_TYPE_DATASET) {
                    m_tensors.push_back(describeDataset(group.openDataSet(name), childPath, m_path, m_fileSize));
                }
                // Named datatypes hold no data.
            } catch (const H5::Exception& exception) {
                throw CheckpointError(m_path, childPath,
                    std::string(object.type == H5O_TYPE_GROUP ? "group" : "dataset")
                        + " cannot be read: " + describe(exception));
            }
        }
    }

    // The root is visited before the walk starts, so a link back to it is not walked again.
    void markVisited(const H5::Group& group)
    {
        H5O_info_t object{};
        if (H5Oget_info2(group.getId(), &object, H5O_INFO_BASIC) < 0)
            throw CheckpointError(m_path, "cannot read the root group's object header: " + takeError());
        m_visited.insert(object.addr);
    }

    std::size_t skippedLinks() const { return m_skippedLinks; }

private:
    static std::string takeError()
    {
        auto text = lastLibraryError();
        lastLibraryError().clear();
        return text.empty() ? std::string("unknown HDF5 error") : text;
    }

    const std::filesystem::path& m_path;
    std::uint64_t m_fileSize;
    std::vector<TensorInfo>& m_tensors;
    std::set<haddr_t> m_visited;
    std::size_t m_skippedLinks = 0;
};

H5::H5File openFile(const std::filesystem::path& path)
{
    H5::FileAccPropList access;
    // Closing the file closes everything still open in it: nothing outlives the lock.
    access.setFcloseDegree(H5F_CLOSE_STRONG);
    return H5::H5File(path.string(), H5F_ACC_RDONLY, H5::FileCreatPropList::DEFAULT, access);
}

// Root attributes that are short strings ("keras_version", "backend") become metadata.
void readRootAttributes(const H5::H5File& file, std::map<std::string, std::string>& metadata)
{
    const H5::Group root = file.openGroup("/");
    const int count = root.getNumAttrs();
    for (int i = 0; i < count && i < 1000; ++i) {
        try {
            const H5::Attribute attribute = root.openAttribute(static_cast<unsigned>(i));
            if (attribute.getTypeClass() != H5T_STRING || attribute.getSpace().getSimpleExtentNpoints() != 1)
                continue;
            const H5::StrType type = attribute.getStrType();
            if (!type.isVariableStr() && type.getSize() > 4096)
                continue;
            std::string value;
            attribute.read(type, value);
            while (!value.empty() && value.back() == '\0')
                value.pop_back();
            if (value.size() <= 256)
                metadata[attribute.getName()] = value;
        } catch (const H5::Exception&) {
            // An unreadable attribute is metadata lost, not a reason to refuse the weights.
            lastLibraryError().clear();
        }
    }
}

} // namespace

std::mutex& Hdf5Checkpoint::libraryMutex()
{
    static std::mutex mutex;
    return mutex;
}

// libhdf5 runs only in child processes (IsolatedCall.h): Debian's 1.10.8 reads and writes out of
// bounds on some corrupted object headers, hangs on others, and neither may take the lab down.
// Children report CheckpointErrors as JSON so the parent can rethrow them with the tensor named.
namespace {

constexpr std::chrono::milliseconds structureTimeout{60000};

nlohmann::json errorToJson(const CheckpointError& error)
{
    return {{"error", {{"tensor", error.tensor()}, {"problem", error.problem()}}}};
}

void rethrowChildError(const std::filesystem::path& path, const nlohmann::json& answer)
{
    if (!answer.contains("error"))
        return;
    const auto& error = answer["error"];
    const auto tensor = error.value("tensor", std::string());
    const auto problem = error.value("problem", std::string("unknown problem"));
    if (tensor.empty())
        throw CheckpointError(path, problem);
    throw CheckpointError(path, tensor, problem);
}

std::string libraryFailure(const IsolatedCallError& error)
{
    if (error.kind() == IsolatedCallError::Kind::Unavailable)
        return "cannot run the HDF5 reader: " + std::string(error.what());
    return "libhdf5 failed on this file (" + std::string(error.what())
        + "); the file is corrupted or uses a feature the library cannot handle";
}

nlohmann::json tensorToJson(const TensorInfo& info)
{
    return {{"name", info.name}, {"dtype", static_cast<int>(info.dtype)}, {"shape", info.shape},
        {"offset", info.fileOffset}, {"bytes", info.byteSize}, {"supported", info.supported},
        {"reason", info.unsupportedReason}};
}

TensorInfo tensorFromJson(const nlohmann::json& json)
{
    TensorInfo info;
    info.name = json.at("name").get<std::string>();
    info.dtype = static_cast<DType>(json.at("dtype").get<int>());
    info.shape = json.at("shape").get<std::vector<std::int64_t>>();
    info.fileOffset = json.at("offset").get<std::uint64_t>();
    info.byteSize = json.at("bytes").get<std::uint64_t>();
    info.supported = json.at("supported").get<bool>();
    info.unsupportedReason = json.at("reason").get<std::string>();
    return info;
}

// In the child: the whole structure walk, as before isolation.
nlohmann::json readStructureHere(const std::filesystem::path& path, std::uint64_t fileBytes)
{
    prepareLibrary();
    std::vector<TensorInfo> tensors;
    std::map<std::string, std::string> metadata;
    std::optional<H5::H5File> file;
    try {
        file.emplace(openFile(path));
    } catch (const H5::Exception& exception) {
        throw CheckpointError(path, "cannot open as HDF5: " + describe(exception));
    }
    StructureWalker walker(path, fileBytes, tensors);
    try {
        const H5::Group root = file->openGroup("/");
        walker.markVisited(root);
        walker.walk(root, std::string(), 0);
        readRootAttributes(*file, metadata);
    } catch (const H5::Exception& exception) {
        throw CheckpointError(path, "cannot read the file's structure: " + describe(exception));
    }
    if (walker.skippedLinks() > 0)
        metadata["hdf5.skipped_links"] = std::to_string(walker.skippedLinks());
    nlohmann::json answer = {{"tensors", nlohmann::json::array()}, {"metadata", metadata}};
    for (const auto& info : tensors)
        answer["tensors"].push_back(tensorToJson(info));
    return answer;
}

// In the child: reads one dataset into the shared buffer, checking it still matches `info`.
void readTensorHere(const std::filesystem::path& path, const TensorInfo& info, std::span<std::byte> buffer)
{
    prepareLibrary();
    std::error_code error;
    const auto fileSize = std::filesystem::file_size(path, error);
    if (error)
        throw CheckpointError(path, info.name, "cannot read file size: " + error.message());
    try {
        const auto file = openFile(path);
        const auto dataset = file.openDataSet("/" + info.name);
        // The file may have been replaced since it was opened: what is read must still match.
        const auto current = describeDataset(dataset, info.name, path, fileSize);
        if (!current.supported || current.dtype != info.dtype || current.shape != info.shape
            || current.byteSize != info.byteSize)
            throw CheckpointError(path, info.name, "dataset changed since the file was opened");
        dataset.read(buffer.data(), memoryType(info.dtype, dataset.getDataType()));
    } catch (const H5::Exception& exception) {
        throw CheckpointError(path, info.name, "cannot read the dataset: " + describe(exception));
    }
}

std::string runChecked(const std::function<nlohmann::json()>& work)
{
    try {
        return work().dump();
    } catch (const CheckpointError& error) {
        return errorToJson(error).dump();
    }
}

} // namespace

Hdf5Checkpoint::Hdf5Checkpoint(const std::filesystem::path& path)
    : Checkpoint(path)
{
    std::error_code error;
    m_fileBytes = std::filesystem::file_size(path, error);
    if (error)
        throw CheckpointError(path, "cannot read file size: " + error.message());
    readStructure();
    loadSidecarConfig();
}

Hdf5Checkpoint::~Hdf5Checkpoint() = default;

void Hdf5Checkpoint::readStructure()
{
    std::string answerText;
    {
        // Held across the fork, so the child's copy of the library is not caught mid-call.
        const std::lock_guard lock(libraryMutex());
        try {
            answerText = runIsolated(
                [&] { return runChecked([&] { return readStructureHere(m_path, m_fileBytes); }); }, structureTimeout);
        } catch (const IsolatedCallError& error) {
            throw CheckpointError(m_path, libraryFailure(error));
        }
    }
    try {
        const auto answer = nlohmann::json::parse(answerText);
        rethrowChildError(m_path, answer);
        for (const auto& tensor : answer.at("tensors"))
            m_tensors.push_back(tensorFromJson(tensor));
        m_metadata = answer.at("metadata").get<std::map<std::string, std::string>>();
    } catch (const nlohmann::json::exception& exception) {
        throw CheckpointError(m_path, std::string("the HDF5 reader's answer is malformed: ") + exception.what());
    }
}

TensorView Hdf5Checkpoint::tensor(std::size_t index) const
{
    if (index >= m_tensors.size())
        throw std::out_of_range("tensor index " + std::to_string(index) + " out of range");
    const auto& info = m_tensors[index];
    if (!info.supported)
        throw CheckpointError(m_path, info.name, "cannot be read as a tensor: " + info.unsupportedReason);
    if (info.byteSize == 0)
        return TensorView(info, {}, nullptr);

    std::shared_ptr<SharedBuffer> buffer;
    try {
        buffer = std::make_shared<SharedBuffer>(static_cast<std::size_t>(info.byteSize));
    } catch (const std::bad_alloc&) {
        throw CheckpointError(m_path, info.name, "cannot allocate " + std::to_string(info.byteSize) + " bytes");
    }
    // A generous bound for decompressing: a minute, plus a second for every 20 MB.
    const std::chrono::milliseconds timeout{60000 + static_cast<std::int64_t>(info.byteSize / 20000)};
    std::string answerText;
    {
        const std::lock_guard lock(libraryMutex());
        try {
            answerText = runIsolated(
                [&] {
                    return runChecked([&] {
                        readTensorHere(m_path, info, buffer->bytes());
                        return nlohmann::json::object();
                    });
                },
                timeout);
        } catch (const IsolatedCallError& error) {
            throw CheckpointError(m_path, info.name, libraryFailure(error));
        }
    }
    try {
        rethrowChildError(m_path, nlohmann::json::parse(answerText));
    } catch (const nlohmann::json::exception& exception) {
        throw CheckpointError(
            m_path, info.name, std::string("the HDF5 reader's answer is malformed: ") + exception.what());
    }
    const auto bytes = buffer->bytes();
    return TensorView(info, {bytes.data(), bytes.size()}, buffer);
}

} // namespace complab
