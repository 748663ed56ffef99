#include "recipe/RecipeCalibration.h"

#include "calib/CalibrationCapture.h"
#include "io/CheckpointError.h"
#include "util/Sha256.h"

#include <filesystem>
#include <limits>
#include <mutex>

namespace complab {

namespace {

struct CachedCapture
{
    std::weak_ptr<const Checkpoint> checkpoint;
    CalibrationSettings settings;
    bool gram = false;
    std::shared_ptr<const CalibrationActivations> activations;
};

std::mutex& cacheMutex()
{
    static std::mutex mutex;
    return mutex;
}

CachedCapture& cache()
{
    static CachedCapture last;
    return last;
}

} // namespace

void requireCalibrationText(const CalibrationSettings& settings)
{
    const std::filesystem::path path(settings.path);
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error))
        throw CheckpointError(path, "the recipe's calibration text does not exist or is not a file");
    if (!settings.sha256.empty()) {
        const auto size = std::filesystem::file_size(path, error);
        if (error)
            throw CheckpointError(path, "cannot read the calibration text: " + error.message());
        if (Sha256::ofFilePrefix(path, size) != settings.sha256)
            throw CheckpointError(path,
                "the calibration text differs from the one the recipe was made with (sha256 " + settings.sha256
                    + "); restore it, or remove \"sha256\" from the recipe's calibration to accept this text");
    }
}

std::shared_ptr<const CalibrationActivations> recipeCalibration(const std::shared_ptr<const Checkpoint>& checkpoint,
    const CalibrationSettings& settings, bool gram, std::stop_token stop)
{
    const std::lock_guard lock(cacheMutex());
    CachedCapture& last = cache();
    if (last.activations && last.checkpoint.lock() == checkpoint && last.settings == settings && (last.gram || !gram))
        return last.activations;
    requireCalibrationText(settings);
    CaptureOptions options;
    const auto budget = static_cast<long double>(settings.samples) * static_cast<long double>(settings.sequenceLength);
    options.maxTokens = budget > static_cast<long double>(std::numeric_limits<std::int32_t>::max())
        ? std::numeric_limits<std::int32_t>::max()
        : settings.samples * settings.sequenceLength;
    options.keepInputs = false;
    options.accumulateGram = gram;
    Progress silent;
    auto activations = std::make_shared<const CalibrationActivations>(
        captureCalibration(*checkpoint, settings.path, options, silent, stop));
    last = {checkpoint, settings, gram, activations};
    return activations;
}

} // namespace complab
