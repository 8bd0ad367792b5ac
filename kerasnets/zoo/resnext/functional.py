"""ResNeXt in the functional API: `bottleneck_block(x, ...)` is ResNet's, with a grouped 3x3."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.zoo.heads import classifier
from kerasnets.zoo.inputs import model_inputs
from kerasnets.zoo.resnext import spec


def conv_bn(x, filters, kernel_size, strides=1, padding="same", groups=1, relu=True, *, name):
    """A convolution (without bias) and its BatchNormalization, then a ReLU."""
    x = layers.Conv2D(filters, kernel_size, strides=strides, padding=padding, groups=groups, use_bias=False,
                      name=f"{name}_conv")(x)
    x = layers.BatchNormalization(epsilon=spec.BN_EPSILON, name=f"{name}_bn")(x)
    if relu:
        x = layers.Activation("relu", name=f"{name}_relu")(x)
    return x


def bottleneck_block(x, planes, strides, cardinality, width, *, name):
    """Figure 3(c): 1x1 to the block's width, a 3x3 in `cardinality` groups (strided), 1x1 to
    4 x planes, plus the shortcut, then a ReLU."""
    inner = cardinality * width * planes // 64
    shortcut = x
    if strides != 1 or x.shape[-1] != 4 * planes:
        shortcut = conv_bn(x, 4 * planes, 1, strides, relu=False, name=f"{name}_0")
    x = conv_bn(x, inner, 1, name=f"{name}_1")
    padding = "same"
    if strides != 1:  # pad by one on every side, as PyTorch does; "same" pads only bottom and right
        x = layers.ZeroPadding2D(1, name=f"{name}_2_pad")(x)
        padding = "valid"
    x = conv_bn(x, inner, 3, strides, padding, groups=cardinality, name=f"{name}_2")
    x = conv_bn(x, 4 * planes, 1, relu=False, name=f"{name}_3")
    x = layers.Add(name=f"{name}_add")([x, shortcut])
    return layers.Activation("relu", name=f"{name}_out")(x)


def stage(x, planes, depth, strides, cardinality, width, *, name):
    """One row of Table 1 (conv2_x ... conv5_x): `depth` blocks, the first one strided."""
    x = bottleneck_block(x, planes, strides, cardinality, width, name=f"{name}_block1")
    for index in range(2, depth + 1):
        x = bottleneck_block(x, planes, 1, cardinality, width, name=f"{name}_block{index}")
    return x


def resnext(variant, *, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None,
            classes=1000, classifier_activation="softmax", name=None):
    """The ResNeXt `variant` (a key of `spec.VARIANTS`) as a functional model, 224x224 by default."""
    args, _ = resolve_spec(spec, variant, locals())
    table = spec.VARIANTS[variant]
    depths, groups, width = table["depths"], table["cardinality"], table["width"]
    inputs, x = model_inputs(args)
    x = layers.ZeroPadding2D(3, name="conv1_pad")(x)
    x = conv_bn(x, 64, 7, strides=2, padding="valid", name="conv1")
    x = layers.ZeroPadding2D(1, name="pool1_pad")(x)
    x = layers.MaxPooling2D(3, strides=2, name="pool1_pool")(x)
    x = stage(x, 64, depths[0], 1, groups, width, name="conv2")
    x = stage(x, 128, depths[1], 2, groups, width, name="conv3")
    x = stage(x, 256, depths[2], 2, groups, width, name="conv4")
    x = stage(x, 512, depths[3], 2, groups, width, name="conv5")
    x = classifier(x, args)
    return load_weights(keras.Model(inputs, x, name=args.name), args)


def resnext50_32x4d(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None, classes=1000,
                    classifier_activation="softmax", name=None):
    """ResNeXt-50 (32x4d), Table 1, as a functional model."""
    return resnext("resnext50_32x4d", **locals())


def resnext101_32x8d(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None, classes=1000,
                     classifier_activation="softmax", name=None):
    """ResNeXt-101 (32x8d), Table 1, as a functional model."""
    return resnext("resnext101_32x8d", **locals())


def resnext101_64x4d(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None, classes=1000,
                     classifier_activation="softmax", name=None):
    """ResNeXt-101 (64x4d), Table 1, as a functional model."""
    return resnext("resnext101_64x4d", **locals())
