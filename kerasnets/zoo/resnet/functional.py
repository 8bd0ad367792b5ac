"""ResNet in the functional API: `residual_block(x, block)` adds one block's layers."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.zoo.heads import classifier_layers
from kerasnets.zoo.inputs import apply_in_order, input_shape_of, model_inputs
from kerasnets.zoo.resnet import spec
from kerasnets.zoo.resnet.layers import main_path, shortcut_path, stem


def residual_block(x, block, conv_bias):
    shortcut = shortcut_path(block, conv_bias)
    identity = x if shortcut is None else apply_in_order(shortcut, x)
    x = layers.Add(name=f"{block.name}_add")([apply_in_order(main_path(block, conv_bias), x), identity])
    return layers.Activation("relu", name=f"{block.name}_out")(x)


def build(variant, input_tensor=None, **kwargs):
    kwargs["input_shape"] = input_shape_of(input_tensor, kwargs.get("input_shape"))
    args, options = resolve_spec(spec, variant, kwargs)
    inputs, x = model_inputs(args, input_tensor)
    x = apply_in_order(stem(options["conv_bias"]), x)
    for block in spec.blocks(variant):
        x = residual_block(x, block, options["conv_bias"])
    x = apply_in_order(classifier_layers(args), x)
    return load_weights(keras.Model(inputs, x, name=args.name), args)
