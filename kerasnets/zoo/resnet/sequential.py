"""ResNet as a keras.Sequential: each block is a `Residual` layer (its main path and
shortcut are `keras.Sequential` sub-stacks) followed by its ReLU."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.layers import Residual
from kerasnets.zoo.heads import classifier_layers
from kerasnets.zoo.resnet import spec
from kerasnets.zoo.resnet.layers import main_path, shortcut_path, stem


def residual_block(block, conv_bias):
    shortcut = shortcut_path(block, conv_bias)
    return [
        Residual(
            keras.Sequential(main_path(block, conv_bias), name=f"{block.name}_main"),
            None if shortcut is None else keras.Sequential(shortcut, name=f"{block.name}_shortcut"),
            name=f"{block.name}_add",
        ),
        layers.Activation("relu", name=f"{block.name}_out"),
    ]


def build(variant, **kwargs):
    args, options = resolve_spec(spec, variant, kwargs)
    stack = [keras.Input(shape=args.input_shape, name="input"), *stem(options["conv_bias"])]
    for block in spec.blocks(variant):
        stack += residual_block(block, options["conv_bias"])
    stack += classifier_layers(args)
    return load_weights(keras.Sequential(stack, name=args.name), args)
