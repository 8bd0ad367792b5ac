"""ResNet as a `keras.Sequential`: each block of Figure 5 is a `Residual` layer, whose branch
and shortcut are `keras.Sequential` sub-stacks, followed by its ReLU."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.layers import Residual
from kerasnets.zoo import primitives
from kerasnets.zoo.heads import classifier_layers
from kerasnets.zoo.resnet import spec


def conv_bn(filters, kernel_size, strides=1, padding="same", conv_bias=False, relu=True, *, name):
    """A convolution and its BatchNormalization (`<name>_conv`, `<name>_bn`), then a ReLU."""
    return primitives.conv_bn(filters, kernel_size, strides, padding, use_bias=conv_bias,
                              epsilon=spec.BN_EPSILON, activation="relu" if relu else None, name=name)


def residual(branch, shortcut, name):
    """relu(branch(x) + shortcut(x)), the shortcut being the identity when it is None."""
    return [
        Residual(keras.Sequential(branch, name=f"{name}_branch"),
                 None if shortcut is None else keras.Sequential(shortcut, name=f"{name}_shortcut"),
                 name=f"{name}_add"),
        layers.Activation("relu", name=f"{name}_out"),
    ]


def basic_block(filters, strides, project, conv_bias, name):
    """Figure 5, left: two 3x3 convolutions beside the shortcut (projected if `project`)."""
    first = conv_bn(filters, 3, conv_bias=conv_bias, name=f"{name}_1")
    if strides != 1:  # pad by one on every side, as PyTorch does; "same" pads only bottom and right
        first = [layers.ZeroPadding2D(1, name=f"{name}_1_pad"),
                 *conv_bn(filters, 3, strides, "valid", conv_bias, name=f"{name}_1")]
    branch = [*first, *conv_bn(filters, 3, conv_bias=conv_bias, relu=False, name=f"{name}_2")]
    shortcut = conv_bn(filters, 1, strides, conv_bias=conv_bias, relu=False, name=f"{name}_0") if project else None
    return residual(branch, shortcut, name)


def bottleneck_block(filters, strides, project, conv_bias, name):
    """Figure 5, right: 1x1 (strided), 3x3 and 1x1 to 4 x filters beside the shortcut."""
    branch = [
        *conv_bn(filters, 1, strides, conv_bias=conv_bias, name=f"{name}_1"),
        *conv_bn(filters, 3, conv_bias=conv_bias, name=f"{name}_2"),
        *conv_bn(4 * filters, 1, conv_bias=conv_bias, relu=False, name=f"{name}_3"),
    ]
    shortcut = conv_bn(4 * filters, 1, strides, conv_bias=conv_bias, relu=False, name=f"{name}_0") if project else None
    return residual(branch, shortcut, name)


def stage(block, in_channels, filters, depth, strides, conv_bias, name):
    """One row of Table 1: `depth` blocks; the first is strided, and projects its shortcut
    when it changes the resolution or the width."""
    out_channels = filters * (1 if block is basic_block else 4)
    project = strides != 1 or in_channels != out_channels
    blocks = block(filters, strides, project, conv_bias, name=f"{name}_block1")
    for index in range(2, depth + 1):
        blocks += block(filters, 1, False, conv_bias, name=f"{name}_block{index}")
    return blocks, out_channels


def resnet(variant, *, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
           classifier_activation="softmax", name=None, conv_bias=False):
    """The ResNet `variant` (a key of `spec.VARIANTS`) as a `keras.Sequential`, 224x224 by default.

    conv_bias: give every convolution a bias, as keras.applications' ResNet50/101/152 do.
    """
    args, _ = resolve_spec(spec, variant, locals())
    kind, depths = spec.VARIANTS[variant]
    block = basic_block if kind == "basic" else bottleneck_block
    conv2, channels = stage(block, 64, 64, depths[0], 1, conv_bias, name="conv2")
    conv3, channels = stage(block, channels, 128, depths[1], 2, conv_bias, name="conv3")
    conv4, channels = stage(block, channels, 256, depths[2], 2, conv_bias, name="conv4")
    conv5, channels = stage(block, channels, 512, depths[3], 2, conv_bias, name="conv5")
    stack = [
        keras.Input(shape=args.input_shape, name="input"),
        layers.ZeroPadding2D(3, name="conv1_pad"),
        *conv_bn(64, 7, strides=2, padding="valid", conv_bias=conv_bias, name="conv1"),
        layers.ZeroPadding2D(1, name="pool1_pad"),
        layers.MaxPooling2D(3, strides=2, name="pool1_pool"),
        *conv2, *conv3, *conv4, *conv5,
        *classifier_layers(args),
    ]
    return load_weights(keras.Sequential(stack, name=args.name), args)


def resnet18(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
             classifier_activation="softmax", name=None, conv_bias=False):
    """ResNet-18 (Table 1) as a `keras.Sequential`; `conv_bias=True` is keras.applications' form."""
    return resnet("resnet18", **locals())


def resnet34(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
             classifier_activation="softmax", name=None, conv_bias=False):
    """ResNet-34 (Table 1) as a `keras.Sequential`; `conv_bias=True` is keras.applications' form."""
    return resnet("resnet34", **locals())


def resnet50(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
             classifier_activation="softmax", name=None, conv_bias=False):
    """ResNet-50 (Table 1) as a `keras.Sequential`; `conv_bias=True` is keras.applications' form."""
    return resnet("resnet50", **locals())


def resnet101(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
              classifier_activation="softmax", name=None, conv_bias=False):
    """ResNet-101 (Table 1) as a `keras.Sequential`; `conv_bias=True` is keras.applications' form."""
    return resnet("resnet101", **locals())


def resnet152(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
              classifier_activation="softmax", name=None, conv_bias=False):
    """ResNet-152 (Table 1) as a `keras.Sequential`; `conv_bias=True` is keras.applications' form."""
    return resnet("resnet152", **locals())
