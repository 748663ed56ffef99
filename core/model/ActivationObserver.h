// A hook into the forward pass: called with the input of every linear layer (tokens × in_features,
// row-major) just before it is multiplied, keyed by the weight's checkpoint tensor name. This is
// how calibration (GPTQ, AWQ, Wanda) sees the activations without the forward pass knowing about it.
#pragma once

#include "model/ModelWeights.h"

#include <string>

namespace complab {

class ActivationObserver
{
public:
    virtual ~ActivationObserver() = default;
    // q, k and v of a layer see the same input (as do gate and up); each is reported under its own
    // name. The classifier's input is reported under the classifier's name (the embedding's when tied).
    // Called from the thread running forward(), never concurrently for one forward call.
    virtual void observeLinearInput(const std::string& tensorName, const RowMajorMatrix& inputs) = 0;
};

} // namespace complab
