"""ResNet in the functional API: a function per block of Figure 5, and one per stage of Table 1."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.zoo.heads import classifier
from kerasnets.zoo.inputs import model_inputs
from kerasnets.zoo.resnet import spec


def conv_bn(x, filters, kernel_size, strides=1, padding="same", conv_bias=False, relu=True, *, name):
    """A convolution and its BatchNormalization (`<name>_conv`, `<name>_bn`), then a ReLU."""
    x = layers.Conv2D(filters, kernel_size, strides=strides, padding=padding, use_bias=conv_bias,
                      name=f"{name}_conv")(x)
    x = layers.BatchNormalization(epsilon=spec.BN_EPSILON, name=f"{name}_bn")(x)
    if relu:
        x = layers.Activation("relu", name=f"{name}_relu")(x)
    return x


def basic_block(x, filters, strides, conv_bias, name):
    """Figure 5, left: relu(F(x) + x), F two 3x3 convolutions; the shortcut is projected
    where the block changes width or resolution."""
    shortcut = x
    if strides != 1 or x.shape[-1] != filters:
        shortcut = conv_bn(x, filters, 1, strides, conv_bias=conv_bias, relu=False, name=f"{name}_0")
    padding = "same"
    if strides != 1:  # pad by one on every side, as PyTorch does; "same" pads only bottom and right
        x = layers.ZeroPadding2D(1, name=f"{name}_1_pad")(x)
        padding = "valid"
    x = conv_bn(x, filters, 3, strides, padding, conv_bias, name=f"{name}_1")
    x = conv_bn(x, filters, 3, conv_bias=conv_bias, relu=False, name=f"{name}_2")
    x = layers.Add(name=f"{name}_add")([x, shortcut])
    return layers.Activation("relu", name=f"{name}_out")(x)


def bottleneck_block(x, filters, strides, conv_bias, name):
    """Figure 5, right: 1x1 (strided), 3x3 and 1x1 to 4 x filters, plus the shortcut, then a ReLU."""
    shortcut = x
    if strides != 1 or x.shape[-1] != 4 * filters:
        shortcut = conv_bn(x, 4 * filters, 1, strides, conv_bias=conv_bias, relu=False, name=f"{name}_0")
    x = conv_bn(x, filters, 1, strides, conv_bias=conv_bias, name=f"{name}_1")
    x = conv_bn(x, filters, 3, conv_bias=conv_bias, name=f"{name}_2")
    x = conv_bn(x, 4 * filters, 1, conv_bias=conv_bias, relu=False, name=f"{name}_3")
    x = layers.Add(name=f"{name}_add")([x, shortcut])
    return layers.Activation("relu", name=f"{name}_out")(x)


def stage(x, block, filters, depth, strides, conv_bias, name):
    """One row of Table 1 (conv2_x ... conv5_x): `depth` blocks, the first one strided."""
    x = block(x, filters, strides, conv_bias, name=f"{name}_block1")
    for index in range(2, depth + 1):
        x = block(x, filters, 1, conv_bias, name=f"{name}_block{index}")
    return x


def resnet(variant, *, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None,
           classes=1000, classifier_activation="softmax", name=None, conv_bias=False):
    """The ResNet `variant` (a key of `spec.VARIANTS`) as a functional model, 224x224 by default.

    conv_bias: give every convolution a bias, as keras.applications' ResNet50/101/152 do.
    """
    args, _ = resolve_spec(spec, variant, locals())
    kind, depths = spec.VARIANTS[variant]
    block = basic_block if kind == "basic" else bottleneck_block
    inputs, x = model_inputs(args)
    x = layers.ZeroPadding2D(3, name="conv1_pad")(x)
    x = conv_bn(x, 64, 7, strides=2, padding="valid", conv_bias=conv_bias, name="conv1")
    x = layers.ZeroPadding2D(1, name="pool1_pad")(x)
    x = layers.MaxPooling2D(3, strides=2, name="pool1_pool")(x)
    x = stage(x, block, 64, depths[0], 1, conv_bias, name="conv2")
    x = stage(x, block, 128, depths[1], 2, conv_bias, name="conv3")
    x = stage(x, block, 256, depths[2], 2, conv_bias, name="conv4")
    x = stage(x, block, 512, depths[3], 2, conv_bias, name="conv5")
    x = classifier(x, args)
    return load_weights(keras.Model(inputs, x, name=args.name), args)


def resnet18(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None, classes=1000,
             classifier_activation="softmax", name=None, conv_bias=False):
    """ResNet-18 (Table 1) as a functional model; `conv_bias=True` is keras.applications' form."""
    return resnet("resnet18", **locals())


def resnet34(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None, classes=1000,
             classifier_activation="softmax", name=None, conv_bias=False):
    """ResNet-34 (Table 1) as a functional model; `conv_bias=True` is keras.applications' form."""
    return resnet("resnet34", **locals())


def resnet50(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None, classes=1000,
             classifier_activation="softmax", name=None, conv_bias=False):
    """ResNet-50 (Table 1) as a functional model; `conv_bias=True` is keras.applications' form."""
    return resnet("resnet50", **locals())


def resnet101(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None, classes=1000,
              classifier_activation="softmax", name=None, conv_bias=False):
    """ResNet-101 (Table 1) as a functional model; `conv_bias=True` is keras.applications' form."""
    return resnet("resnet101", **locals())


def resnet152(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None, classes=1000,
              classifier_activation="softmax", name=None, conv_bias=False):
    """ResNet-152 (Table 1) as a functional model; `conv_bias=True` is keras.applications' form."""
    return resnet("resnet152", **locals())
