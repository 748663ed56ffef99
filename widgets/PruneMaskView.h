// The pruning mask of a region of the selected tensor, three ways side by side: magnitude
// (unstructured), 2:4 (two of every four consecutive weights of a row) and structured (whole rows —
// output neurons — by L2 norm), each at the recipe's pruning fraction (one half when the recipe does
// not prune). The masks come from core/prune on the whole tensor, in a background job; the picture
// shows 32 rows × 64 columns around the tensor's largest weight, kept weights shaded by magnitude.
#pragma once

#include "recipe/Recipe.h"

#include <QImage>
#include <QWidget>

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>

class QLabel;
class QTimer;

namespace complab {

class Checkpoint;
class JobRunner;

struct PruneMaskPictures
{
    static constexpr int regionRows = 32;
    static constexpr int regionColumns = 64;
    std::string tensorName;
    double fraction = 0.5;
    std::size_t firstRow = 0;
    std::size_t firstColumn = 0;
    std::array<QImage, 3> images; // magnitude, 2:4, structured rows; one pixel per weight
    std::array<double, 3> relativeError{}; // over the whole tensor; NaN when the method does not apply
    std::array<double, 3> sparsity{};
    std::array<std::string, 3> notApplicable; // why, when a method cannot take the shape
};

// The job: the three masks of one tensor (throws std::invalid_argument for a non-matrix).
PruneMaskPictures pruneMaskPictures(
    const Checkpoint& checkpoint, std::size_t tensorIndex, double fraction, std::stop_token stop);

class PruneMaskView : public QWidget
{
    Q_OBJECT
public:
    explicit PruneMaskView(QWidget* parent = nullptr);
    ~PruneMaskView() override;

    void setRecipeProvider(std::function<Recipe()> provider);
    void setCheckpoint(std::shared_ptr<const Checkpoint> checkpoint);
    void setTensor(int tensorIndex);
    void recipeChanged();
    void measureNow();

    JobRunner* runner() const { return m_runner; }
    const PruneMaskPictures* pictures() const { return m_pictures ? &*m_pictures : nullptr; }
    QString captionText(int method) const;

Q_SIGNALS:
    void drawn();

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void start();
    void draw(const PruneMaskPictures& pictures);
    void fitImages();

    std::function<Recipe()> m_recipeProvider;
    std::shared_ptr<const Checkpoint> m_checkpoint;
    int m_tensorIndex = -1;
    bool m_dirty = false;
    JobRunner* m_runner;
    QTimer* m_debounce;
    QLabel* m_status;
    std::array<QLabel*, 3> m_images{};
    std::array<QLabel*, 3> m_captions{};
    std::optional<PruneMaskPictures> m_pictures;
};

} // namespace complab
