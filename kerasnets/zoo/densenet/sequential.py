"""DenseNet as a `keras.Sequential`: each dense layer is a `Parallel` layer of the identity
beside a `keras.Sequential` that makes the new feature maps, concatenated."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.layers import Parallel
from kerasnets.zoo.densenet import spec
from kerasnets.zoo.heads import classifier_layers


def bn_relu(*, name):
    return [layers.BatchNormalization(epsilon=spec.BN_EPSILON, name=f"{name}_bn"),
            layers.Activation("relu", name=f"{name}_relu")]


def dense_layer(growth_rate, *, name):
    """BN-ReLU-1x1 to 4 x growth_rate, BN-ReLU-3x3 to growth_rate, concatenated to the input."""
    return Parallel([
        layers.Identity(name=f"{name}_identity"),
        keras.Sequential([
            *bn_relu(name=f"{name}_0"),
            layers.Conv2D(spec.BOTTLENECK * growth_rate, 1, use_bias=False, name=f"{name}_1_conv"),
            *bn_relu(name=f"{name}_1"),
            layers.Conv2D(growth_rate, 3, padding="same", use_bias=False, name=f"{name}_2_conv"),
        ], name=f"{name}_new"),
    ], name=f"{name}_concat")


def dense_block(size, growth_rate, *, name):
    """`size` dense layers: every one sees all the feature maps before it in the block."""
    return [dense_layer(growth_rate, name=f"{name}_block{index}") for index in range(1, size + 1)]


def transition(channels, compression, *, name):
    """BN-ReLU-1x1 convolution keeping `compression` of the `channels`, then 2x2 average pooling."""
    return [
        *bn_relu(name=name),
        layers.Conv2D(int(channels * compression), 1, use_bias=False, name=f"{name}_conv"),
        layers.AveragePooling2D(2, strides=2, name=f"{name}_pool"),
    ]


def densenet(variant, *, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
             classifier_activation="softmax", name=None, growth_rate=None, compression=0.5):
    """The DenseNet `variant` (a key of `spec.VARIANTS`) as a `keras.Sequential`, 224x224 by default.

    growth_rate: the feature maps each dense layer adds (None: the variant's, 32 or 48).
    compression: the share of channels a transition keeps.
    """
    args, _ = resolve_spec(spec, variant, locals())
    table = spec.VARIANTS[variant]
    growth_rate = growth_rate or table["growth_rate"]
    stack = [
        keras.Input(shape=args.input_shape, name="input"),
        layers.ZeroPadding2D(3, name="conv1_pad"),
        layers.Conv2D(table["stem"], 7, strides=2, use_bias=False, name="conv1_conv"),
        *bn_relu(name="conv1"),
        layers.ZeroPadding2D(1, name="pool1_pad"),
        layers.MaxPooling2D(3, strides=2, name="pool1"),
    ]
    channels = table["stem"]  # a stack has no tensor to read the width from: count it
    for stage, size in enumerate(table["blocks"], start=2):
        stack += dense_block(size, growth_rate, name=f"conv{stage}")
        channels += size * growth_rate
        if stage < 5:
            stack += transition(channels, compression, name=f"pool{stage}")
            channels = int(channels * compression)
    stack += [
        layers.BatchNormalization(epsilon=spec.BN_EPSILON, name="bn"),
        layers.Activation("relu", name="relu"),
        *classifier_layers(args),
    ]
    return load_weights(keras.Sequential(stack, name=args.name), args)


def densenet121(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                classifier_activation="softmax", name=None, growth_rate=None, compression=0.5):
    """DenseNet-121 (Table 1) as a `keras.Sequential`."""
    return densenet("densenet121", **locals())


def densenet161(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                classifier_activation="softmax", name=None, growth_rate=None, compression=0.5):
    """DenseNet-161 (growth 48) (Table 1) as a `keras.Sequential`."""
    return densenet("densenet161", **locals())


def densenet169(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                classifier_activation="softmax", name=None, growth_rate=None, compression=0.5):
    """DenseNet-169 (Table 1) as a `keras.Sequential`."""
    return densenet("densenet169", **locals())


def densenet201(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                classifier_activation="softmax", name=None, growth_rate=None, compression=0.5):
    """DenseNet-201 (Table 1) as a `keras.Sequential`."""
    return densenet("densenet201", **locals())


def densenet264(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                classifier_activation="softmax", name=None, growth_rate=None, compression=0.5):
    """DenseNet-264 (Table 1) as a `keras.Sequential`."""
    return densenet("densenet264", **locals())
