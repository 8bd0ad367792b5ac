"""Weights from keras.applications: its ImageNet weights (its own download, cache and file
checks), or any model of it, moved into a kerasnets functional model of the same network.

The layers that hold weights are paired by name where kerasnets uses keras.applications'
layer names (VGG, ResNet, DenseNet, Xception), else by position in the graph (Inception-v3
and Inception-ResNet-v2, whose keras.applications layers are partly named automatically:
conv2d_17, ...). Every pair must hold the same weights in the same shapes, with one
exception: a convolution bias that kerasnets does not carry (ResNet with conv_bias=False)
is folded into the BatchNormalization that follows, exactly: BN(conv(x) + b) with moving
mean m is BN(conv(x)) with moving mean m - b.
"""

import os

import keras

from kerasnets.transfer import assign_by_key, weight_key


def keras_cache():
    """Where Keras' `get_file` keeps the files it downloaded."""
    return os.path.join(os.environ.get("KERAS_HOME", os.path.join("~", ".keras")), "models")


def fetch(pretrained, include_top):
    """keras.applications' model with its ImageNet weights, downloaded once and cached by Keras."""
    application = getattr(keras.applications, pretrained.model)
    try:
        return application(weights="imagenet", include_top=include_top)
    except Exception as error:  # Keras' get_file raises a bare Exception when the fetch fails
        raise OSError(
            f"Could not get keras.applications' {pretrained.model} ImageNet weights "
            f"(include_top={include_top}): {error}. Keras downloads them once and keeps them in "
            f"{keras_cache()}; go online once, or copy the file there."
        ) from error


def weighted_layers(model):
    return [layer for layer in model.layers if layer.weights]


def paired_layers(source, graph):
    """(keras.applications layer, kerasnets layer) pairs: by name when the names agree, else in order."""
    theirs, ours = weighted_layers(source), weighted_layers(graph)
    if len(theirs) != len(ours):
        raise ValueError(
            f"{source.name} has {len(theirs)} layers with weights and {graph.name} has {len(ours)}: "
            "not the same network."
        )
    by_name = {layer.name: layer for layer in theirs}
    if set(by_name) == {layer.name for layer in ours}:
        return [(by_name[layer.name], layer) for layer in ours]
    return list(zip(theirs, ours))


def output_producers(model):
    """{id of a layer's output tensor: the layer}, for the functional `model`."""
    producers = {}
    for layer in model.layers:
        try:
            producers[id(layer.output)] = layer
        except (AttributeError, ValueError):  # a layer called more than once has no single output
            pass
    return producers


def values_by_key(source, graph):
    """{kerasnets weight key: value} for every weight of `graph`, from `source`'s weights.

    Raises ValueError, naming the layers, when a pair does not hold the same weights.
    """
    pairs = paired_layers(source, graph)
    values, biases = {}, {}  # biases: of source convolutions whose counterpart has none
    for theirs, ours in pairs:
        source_weights = {weight.name: weight for weight in theirs.weights}
        for weight in ours.weights:
            match = source_weights.pop(weight.name, None)
            if match is None or tuple(match.shape) != tuple(weight.shape):
                raise ValueError(
                    f"{graph.name}'s {weight_key(weight)} {tuple(weight.shape)} has no counterpart in "
                    f"{source.name}'s {theirs.name} ({[(name, tuple(w.shape)) for name, w in source_weights.items()]})."
                )
            values[weight_key(weight)] = keras.ops.convert_to_numpy(match)
        if set(source_weights) == {"bias"} and isinstance(ours, keras.layers.Conv2D):
            biases[theirs.name] = keras.ops.convert_to_numpy(source_weights.pop("bias"))
        if source_weights:
            raise ValueError(f"{source.name}'s {theirs.name} has weights {sorted(source_weights)} "
                             f"that {graph.name}'s {ours.name} lacks.")
    producers = output_producers(source)
    for theirs, ours in pairs:  # fold each such bias into the BatchNormalization that takes its output
        producer = producers.get(id(theirs.input)) if isinstance(theirs, keras.layers.BatchNormalization) else None
        if producer is not None and producer.name in biases:
            values[weight_key(ours.moving_mean)] -= biases.pop(producer.name)
    if biases:
        raise ValueError(f"{source.name}'s convolutions {sorted(biases)[:5]} have biases that {graph.name} "
                         "lacks, and no BatchNormalization right after them to fold them into.")
    return values


def load_keras_application(model, source):
    """Moves every weight of `source`, a keras.applications model, into `model`, a kerasnets
    functional model of the same network (`transfer_weights` then takes them to the other
    styles). Raises ValueError, changing nothing, when the two are not the same network.
    Returns `model`."""
    return assign_by_key(model, values_by_key(source, model), f"keras.applications' {source.name}")
