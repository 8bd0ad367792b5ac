"""ResNeXt as a `keras.Sequential`: each bottleneck is a `Residual` layer whose branch (with its
grouped 3x3) and shortcut are `keras.Sequential` sub-stacks, followed by its ReLU."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.layers import Residual
from kerasnets.zoo import primitives
from kerasnets.zoo.heads import classifier_layers
from kerasnets.zoo.resnext import spec


def conv_bn(filters, kernel_size, strides=1, padding="same", groups=1, relu=True, *, name):
    """A convolution (without bias) and its BatchNormalization, then a ReLU."""
    return primitives.conv_bn(filters, kernel_size, strides, padding, groups=groups, epsilon=spec.BN_EPSILON,
                              activation="relu" if relu else None, name=name)


def grouped_conv_bn(filters, strides, groups, *, name):
    """The 3x3 in `groups` groups; when strided, padded by one on every side, as PyTorch does
    ("same" would pad only the bottom and right of an even map)."""
    if strides == 1:
        return conv_bn(filters, 3, groups=groups, name=name)
    return [layers.ZeroPadding2D(1, name=f"{name}_pad"), *conv_bn(filters, 3, strides, "valid", groups, name=name)]


def bottleneck_block(planes, strides, project, cardinality, width, *, name):
    """Figure 3(c): 1x1 to the block's width, a 3x3 in `cardinality` groups (strided), 1x1 to
    4 x planes, beside the shortcut (projected if `project`), then a ReLU."""
    inner = cardinality * width * planes // 64
    branch = keras.Sequential([
        *conv_bn(inner, 1, name=f"{name}_1"),
        *grouped_conv_bn(inner, strides, cardinality, name=f"{name}_2"),
        *conv_bn(4 * planes, 1, relu=False, name=f"{name}_3"),
    ], name=f"{name}_branch")
    shortcut = None
    if project:
        shortcut = keras.Sequential(conv_bn(4 * planes, 1, strides, relu=False, name=f"{name}_0"),
                                    name=f"{name}_shortcut")
    return [Residual(branch, shortcut, name=f"{name}_add"), layers.Activation("relu", name=f"{name}_out")]


def stage(in_channels, planes, depth, strides, cardinality, width, *, name):
    """One row of Table 1: `depth` blocks; the first is strided, and projects its shortcut."""
    project = strides != 1 or in_channels != 4 * planes
    blocks = bottleneck_block(planes, strides, project, cardinality, width, name=f"{name}_block1")
    for index in range(2, depth + 1):
        blocks += bottleneck_block(planes, 1, False, cardinality, width, name=f"{name}_block{index}")
    return blocks


def resnext(variant, *, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
            classifier_activation="softmax", name=None):
    """The ResNeXt `variant` (a key of `spec.VARIANTS`) as a `keras.Sequential`, 224x224 by default."""
    args, _ = resolve_spec(spec, variant, locals())
    table = spec.VARIANTS[variant]
    depths, groups, width = table["depths"], table["cardinality"], table["width"]
    stack = [
        keras.Input(shape=args.input_shape, name="input"),
        layers.ZeroPadding2D(3, name="conv1_pad"),
        *conv_bn(64, 7, strides=2, padding="valid", name="conv1"),
        layers.ZeroPadding2D(1, name="pool1_pad"),
        layers.MaxPooling2D(3, strides=2, name="pool1_pool"),
        *stage(64, 64, depths[0], 1, groups, width, name="conv2"),
        *stage(256, 128, depths[1], 2, groups, width, name="conv3"),
        *stage(512, 256, depths[2], 2, groups, width, name="conv4"),
        *stage(1024, 512, depths[3], 2, groups, width, name="conv5"),
        *classifier_layers(args),
    ]
    return load_weights(keras.Sequential(stack, name=args.name), args)


def resnext50_32x4d(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                    classifier_activation="softmax", name=None):
    """ResNeXt-50 (32x4d), Table 1, as a `keras.Sequential`."""
    return resnext("resnext50_32x4d", **locals())


def resnext101_32x8d(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                     classifier_activation="softmax", name=None):
    """ResNeXt-101 (32x8d), Table 1, as a `keras.Sequential`."""
    return resnext("resnext101_32x8d", **locals())


def resnext101_64x4d(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                     classifier_activation="softmax", name=None):
    """ResNeXt-101 (64x4d), Table 1, as a `keras.Sequential`."""
    return resnext("resnext101_64x4d", **locals())
