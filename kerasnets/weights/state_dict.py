"""`load_state_dict`: a PyTorch model's weights, as NumPy arrays by parameter name, in any style.

    state_dict = {name: tensor.numpy() for name, tensor in torch_model.state_dict().items()}
    kerasnets.weights.load_state_dict(kerasnets.sequential.resnet18(), state_dict)

The names say where each array goes (`torch_names`); the layouts differ only by axes: a
convolution's kernel is (out, in / groups, rows, cols) in PyTorch and (rows, cols, in / groups,
out) in Keras, a depthwise one's (channels x multiplier, 1, rows, cols) and (rows, cols,
channels, multiplier); a linear layer's is (out, in) and (in, out). A convolution that kerasnets writes
as a Dense layer (VGG's fc1, 7x7 over the last map, and fc2, 1x1) flattens in Keras' order:
rows, then columns, then channels.
"""

import numpy as np

from kerasnets.transfer import assign_by_key, keyed_weights
from kerasnets.weights.torch_names import convention_of

PARAMETERS = {"kernel": "weight", "bias": "bias", "gamma": "weight", "beta": "bias", "moving_mean": "running_mean",
              "moving_variance": "running_var"}


def keras_layout(value, shape):
    """The PyTorch array `value` laid out as a Keras weight of `shape`, or None when no layout
    change can give that shape."""
    shape = tuple(shape)
    if value.ndim == 4 and len(shape) == 4:
        kernel = value.transpose(2, 3, 1, 0)  # (out, in / groups, rows, cols) -> (rows, cols, in / groups, out)
        if kernel.shape != shape and value.shape[1] == 1 and value.size == np.prod(shape):
            # depthwise (groups = channels): (channels x multiplier, 1, r, c) -> (r, c, channels, multiplier)
            kernel = value.transpose(2, 3, 0, 1).reshape(shape)
        value = kernel
    elif value.ndim == 4 and len(shape) == 2:  # a convolution over the whole map, as a Dense layer
        value = value.transpose(2, 3, 1, 0).reshape(-1, value.shape[0])
    elif value.ndim == 2 and len(shape) == 2:
        value = value.T
    return value if value.shape == shape else None


def load_state_dict(model, state_dict):
    """Fills every weight of `model` (any style) from `state_dict`: {PyTorch parameter name:
    NumPy array} of a timm, torchvision or pretrainedmodels model of the same network.

    Raises ValueError, changing nothing, naming the parameters that are missing, left over or
    of the wrong shape. A model without a top leaves the source's classifier unused. Returns `model`.
    """
    arrays = {name: np.asarray(value) for name, value in state_dict.items()
              if not name.endswith("num_batches_tracked")}  # a counter, not a weight
    convention = convention_of(arrays)
    weights = keyed_weights(model)
    modules = convention.modules(list(dict.fromkeys(key.split("/")[0] for key in weights)))
    values, missing, wrong, used = {}, [], [], set()
    for key, variable in weights.items():
        layer, weight = key.split("/")
        name = f"{modules[layer]}.{PARAMETERS.get(weight)}" if modules[layer] else None
        if name not in arrays:
            missing.append(f"{key} ({name or 'no counterpart'})")
            continue
        used.add(name)
        value = keras_layout(arrays[name], variable.shape)
        if value is None:
            wrong.append(f"{name} {arrays[name].shape} for {key} {tuple(variable.shape)}")
        values[key] = value
    has_top = any(f"{module}.".startswith(convention.head) for module in filter(None, modules.values()))
    left_over = [name for name in arrays if name not in used and (has_top or not name.startswith(convention.head))]
    if missing or left_over or wrong:
        raise ValueError(
            f"The {convention.title} state dict does not fit {model.name!r}: "
            f"missing {missing[:5]}{' ...' if len(missing) > 5 else ''} ({len(missing)}); "
            f"left over {left_over[:5]}{' ...' if len(left_over) > 5 else ''} ({len(left_over)}); "
            f"wrong shape {wrong[:5]}{' ...' if len(wrong) > 5 else ''} ({len(wrong)}). Nothing was loaded."
        )
    return assign_by_key(model, values, f"the {convention.title} state dict")
