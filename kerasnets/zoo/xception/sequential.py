"""Xception as a `keras.Sequential`: each module of Figure 5 is a `Residual` layer whose branch
(and, in the downsampling modules, projection) is a `keras.Sequential` sub-stack."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.layers import Residual
from kerasnets.zoo.heads import classifier_layers
from kerasnets.zoo.xception import spec


def separable_bn(filters, relu_first=True, *, name):
    """[ReLU], a depthwise separable 3x3 convolution, BatchNormalization."""
    unit = [layers.Activation("relu", name=f"{name}_act")] if relu_first else []
    return unit + [
        layers.SeparableConv2D(filters, 3, padding="same", use_bias=False, name=name),
        layers.BatchNormalization(name=f"{name}_bn"),
    ]


def downsampling_block(filters, relu_first=True, *, name):
    """The entry and exit flows' module: two separable convolutions and a 3x3/2 max pooling,
    plus a strided 1x1 projection of the input."""
    filters1, filters2 = filters
    return Residual(
        keras.Sequential([
            *separable_bn(filters1, relu_first, name=f"{name}_sepconv1"),
            *separable_bn(filters2, name=f"{name}_sepconv2"),
            layers.MaxPooling2D(3, strides=2, padding="same", name=f"{name}_pool"),
        ], name=f"{name}_branch"),
        keras.Sequential([
            layers.Conv2D(filters2, 1, strides=2, padding="same", use_bias=False, name=f"{name}_shortcut_conv"),
            layers.BatchNormalization(name=f"{name}_shortcut_bn"),
        ], name=f"{name}_shortcut"),
        name=f"{name}_add",
    )


def middle_block(*, name):
    """The middle flow's module: three 728-wide separable convolutions and the identity."""
    return Residual(keras.Sequential([
        *separable_bn(728, name=f"{name}_sepconv1"),
        *separable_bn(728, name=f"{name}_sepconv2"),
        *separable_bn(728, name=f"{name}_sepconv3"),
    ], name=f"{name}_branch"), name=f"{name}_add")


def xception(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
             classifier_activation="softmax", name=None, dropout=0.5):
    """Xception (Chollet, 2017) as a `keras.Sequential`, 299x299 by default.

    dropout: the rate before the classifier.
    """
    args, _ = resolve_spec(spec, "xception", locals())
    stack = [
        keras.Input(shape=args.input_shape, name="input"),
        # Entry flow
        layers.Conv2D(32, 3, strides=2, use_bias=False, name="block1_conv1"),
        layers.BatchNormalization(name="block1_conv1_bn"),
        layers.Activation("relu", name="block1_conv1_act"),
        layers.Conv2D(64, 3, use_bias=False, name="block1_conv2"),
        layers.BatchNormalization(name="block1_conv2_bn"),
        layers.Activation("relu", name="block1_conv2_act"),
        *[downsampling_block(filters, relu_first=block != "block2", name=block)  # block1 ends with a ReLU
          for block, filters in spec.ENTRY_FLOW.items()],
        # Middle flow
        *[middle_block(name=block) for block in spec.MIDDLE_FLOW],
        # Exit flow
        *[downsampling_block(filters, name=block) for block, filters in spec.EXIT_FLOW.items()],
        *separable_bn(1536, relu_first=False, name="block14_sepconv1"),
        layers.Activation("relu", name="block14_sepconv1_act"),
        *separable_bn(2048, relu_first=False, name="block14_sepconv2"),
        layers.Activation("relu", name="block14_sepconv2_act"),
        *classifier_layers(args, dropout=dropout),
    ]
    return load_weights(keras.Sequential(stack, name=args.name), args)
