"""ResNet as a `keras.Model` subclass: a layer class per block of Figure 5, and a model whose
`call` runs the stem, the four stages of Table 1 and the classifier."""

import keras
from keras import layers

from kerasnets.layers import ConvBN
from kerasnets.zoo.heads import classifier_layers
from kerasnets.zoo.resnet import spec
from kerasnets.zoo.subclassing import ImageClassifier, build_subclassed


def conv_bn(filters, kernel_size, strides=1, padding="same", conv_bias=False, relu=True, *, name):
    """A convolution and its BatchNormalization (`<name>_conv`, `<name>_bn`), then a ReLU."""
    return ConvBN(filters, kernel_size, strides, padding, use_bias=conv_bias, epsilon=spec.BN_EPSILON,
                  activation="relu" if relu else None, name=name)


class ResidualBlock(keras.layers.Layer):
    """What both blocks share: their arguments, their shortcut and their config."""

    expansion = 1  # output channels / filters

    def __init__(self, filters, strides=1, project=False, conv_bias=False, **kwargs):
        super().__init__(**kwargs)
        self.filters, self.strides, self.project, self.conv_bias = filters, strides, project, conv_bias
        self.shortcut = None  # the identity
        if project:
            self.shortcut = conv_bn(self.expansion * filters, 1, strides, conv_bias=conv_bias, relu=False,
                                    name=f"{self.name}_0")
        self.out = layers.Activation("relu", name=f"{self.name}_out")

    def get_config(self):
        return {**super().get_config(), "filters": self.filters, "strides": self.strides,
                "project": self.project, "conv_bias": self.conv_bias}


@keras.saving.register_keras_serializable(package="kerasnets")
class BasicBlock(ResidualBlock):
    """Figure 5, left: relu(F(x) + shortcut(x)), F two 3x3 convolutions."""

    def __init__(self, filters, strides=1, project=False, conv_bias=False, **kwargs):
        super().__init__(filters, strides, project, conv_bias, **kwargs)
        name = self.name
        self.pad = None
        if strides != 1:  # pad by one on every side, as PyTorch does; "same" pads only bottom and right
            self.pad = layers.ZeroPadding2D(1, name=f"{name}_1_pad")
        self.conv1 = conv_bn(filters, 3, strides, "valid" if strides != 1 else "same", conv_bias, name=f"{name}_1")
        self.conv2 = conv_bn(filters, 3, conv_bias=conv_bias, relu=False, name=f"{name}_2")

    def call(self, inputs):
        x = inputs if self.pad is None else self.pad(inputs)
        x = self.conv2(self.conv1(x))
        shortcut = inputs if self.shortcut is None else self.shortcut(inputs)
        return self.out(x + shortcut)


@keras.saving.register_keras_serializable(package="kerasnets")
class BottleneckBlock(ResidualBlock):
    """Figure 5, right: 1x1 (strided), 3x3 and 1x1 to 4 x filters, plus the shortcut, then a ReLU."""

    expansion = 4

    def __init__(self, filters, strides=1, project=False, conv_bias=False, **kwargs):
        super().__init__(filters, strides, project, conv_bias, **kwargs)
        name = self.name
        self.conv1 = conv_bn(filters, 1, strides, conv_bias=conv_bias, name=f"{name}_1")
        self.conv2 = conv_bn(filters, 3, conv_bias=conv_bias, name=f"{name}_2")
        self.conv3 = conv_bn(4 * filters, 1, conv_bias=conv_bias, relu=False, name=f"{name}_3")

    def call(self, inputs):
        x = self.conv3(self.conv2(self.conv1(inputs)))
        shortcut = inputs if self.shortcut is None else self.shortcut(inputs)
        return self.out(x + shortcut)


def stage(block_class, in_channels, filters, depth, strides, conv_bias, name):
    """One row of Table 1: `depth` blocks; the first is strided, and projects its shortcut
    when it changes the resolution or the width."""
    project = strides != 1 or in_channels != filters * block_class.expansion
    blocks = [block_class(filters, strides, project, conv_bias, name=f"{name}_block1")]
    for index in range(2, depth + 1):
        blocks.append(block_class(filters, 1, False, conv_bias, name=f"{name}_block{index}"))
    return blocks


@keras.saving.register_keras_serializable(package="kerasnets")
class ResNet(ImageClassifier):
    """The stem, the stages conv2_x to conv5_x of Table 1, and the classifier."""

    spec = spec

    def __init__(self, variant, *, conv_bias=False, **kwargs):
        super().__init__(variant, conv_bias=conv_bias, **kwargs)
        kind, depths = spec.VARIANTS[variant]
        block = BasicBlock if kind == "basic" else BottleneckBlock
        width = block.expansion
        self.conv1_pad = layers.ZeroPadding2D(3, name="conv1_pad")
        self.conv1 = conv_bn(64, 7, strides=2, padding="valid", conv_bias=conv_bias, name="conv1")
        self.pool1_pad = layers.ZeroPadding2D(1, name="pool1_pad")
        self.pool1 = layers.MaxPooling2D(3, strides=2, name="pool1_pool")
        self.conv2_x = stage(block, 64, 64, depths[0], 1, conv_bias, name="conv2")
        self.conv3_x = stage(block, 64 * width, 128, depths[1], 2, conv_bias, name="conv3")
        self.conv4_x = stage(block, 128 * width, 256, depths[2], 2, conv_bias, name="conv4")
        self.conv5_x = stage(block, 256 * width, 512, depths[3], 2, conv_bias, name="conv5")
        self.top_layers = classifier_layers(self.args)

    def call(self, inputs, training=None):
        x = self.conv1(self.conv1_pad(inputs))
        x = self.pool1(self.pool1_pad(x))
        for block in self.conv2_x + self.conv3_x + self.conv4_x + self.conv5_x:
            x = block(x)
        return self.top(x)

    def get_config(self):
        return {**super().get_config(), "variant": self.args.variant}


def resnet18(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
             classifier_activation="softmax", name=None, conv_bias=False):
    """ResNet-18 (Table 1) as a `keras.Model` subclass, `ResNet`; `conv_bias=True` is keras.applications' form."""
    return build_subclassed(ResNet, "resnet18", locals())


def resnet34(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
             classifier_activation="softmax", name=None, conv_bias=False):
    """ResNet-34 (Table 1) as a `keras.Model` subclass, `ResNet`; `conv_bias=True` is keras.applications' form."""
    return build_subclassed(ResNet, "resnet34", locals())


def resnet50(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
             classifier_activation="softmax", name=None, conv_bias=False):
    """ResNet-50 (Table 1) as a `keras.Model` subclass, `ResNet`; `conv_bias=True` is keras.applications' form."""
    return build_subclassed(ResNet, "resnet50", locals())


def resnet101(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
              classifier_activation="softmax", name=None, conv_bias=False):
    """ResNet-101 (Table 1) as a `keras.Model` subclass, `ResNet`; `conv_bias=True` is keras.applications' form."""
    return build_subclassed(ResNet, "resnet101", locals())


def resnet152(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
              classifier_activation="softmax", name=None, conv_bias=False):
    """ResNet-152 (Table 1) as a `keras.Model` subclass, `ResNet`; `conv_bias=True` is keras.applications' form."""
    return build_subclassed(ResNet, "resnet152", locals())
