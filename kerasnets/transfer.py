"""`transfer_weights`: move the weights of one style's model into another style's model.

The three styles nest the same primitive layers differently (flat in the functional
graph; inside combinator layers in the Sequential stack; inside block layers in the
subclass), but every primitive layer has the same unique name in all three. A weight is
therefore known by its layer's name and its own ("conv2_block1_1_conv/kernel"), the last
two parts of its path, whatever the nesting above them.
"""

import collections


def weight_key(variable):
    """`<layer name>/<weight name>`: the part of a weight's path that no style changes."""
    return "/".join(variable.path.split("/")[-2:])


def keyed_weights(model):
    """The model's weights (trainable and not) by style-independent key."""
    keyed = collections.OrderedDict()
    for variable in model.weights:
        key = weight_key(variable)
        if key in keyed:
            raise ValueError(
                f"Model {model.name!r} has two weights named {key!r}: transfer_weights needs "
                "unique layer names."
            )
        keyed[key] = variable
    return keyed


def transfer_weights(src, dst):
    """Copies every weight of `src` into `dst`, two styles of one architecture and variant.

    Raises ValueError, changing nothing, when the two models do not have the same weights
    (another architecture or variant, a different head) or when a shape differs.
    Returns `dst`.
    """
    values = {key: variable.value for key, variable in keyed_weights(src).items()}
    return assign_by_key(dst, values, f"the weights of {src.name!r}",
                         hint="transfer_weights needs two styles of one architecture and variant, with the same "
                              "head, class count and input size.")


def assign_by_key(model, values, source, hint=""):
    """Assigns `values` ({weight key: array}) to every weight of `model`, or to none.

    Raises ValueError, changing nothing, naming the weights that `values` (which came from
    `source`, a phrase for the message) lacks, holds in excess, or holds in the wrong shape.
    """
    weights = keyed_weights(model)
    missing, left_over = sorted(set(weights) - set(values)), sorted(set(values) - set(weights))
    wrong = [f"{key}: {tuple(values[key].shape)} for {tuple(weights[key].shape)}"
             for key in weights if key in values and tuple(values[key].shape) != tuple(weights[key].shape)]
    if missing or left_over or wrong:
        raise ValueError(
            f"Cannot load {source} into {model.name!r}: missing {missing[:5]}{' ...' if len(missing) > 5 else ''}; "
            f"left over {left_over[:5]}{' ...' if len(left_over) > 5 else ''}; wrong shape {wrong[:5]}. {hint}"
        )
    for key, variable in weights.items():
        variable.assign(values[key])
    return model
