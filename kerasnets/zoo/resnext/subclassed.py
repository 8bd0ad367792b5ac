"""ResNeXt as a `keras.Model` subclass: a `ResNeXtBlock` layer class (ResNet's bottleneck with a
grouped 3x3) and a model whose `call` runs the stem, Table 1's four stages and the classifier."""

import keras
from keras import layers

from kerasnets.layers import ConvBN
from kerasnets.zoo.heads import classifier_layers
from kerasnets.zoo.resnext import spec
from kerasnets.zoo.subclassing import ImageClassifier, build_subclassed


def conv_bn(filters, kernel_size, strides=1, padding="same", groups=1, relu=True, *, name):
    """A convolution (without bias) and its BatchNormalization, then a ReLU."""
    return ConvBN(filters, kernel_size, strides, padding, groups=groups, epsilon=spec.BN_EPSILON,
                  activation="relu" if relu else None, name=name)


@keras.saving.register_keras_serializable(package="kerasnets")
class ResNeXtBlock(keras.layers.Layer):
    """Figure 3(c): 1x1 to the block's width, a 3x3 in `cardinality` groups (strided), 1x1 to
    4 x planes, plus the shortcut (projected if `project`), then a ReLU."""

    def __init__(self, planes, strides=1, project=False, cardinality=32, width=4, **kwargs):
        super().__init__(**kwargs)
        self.planes, self.strides, self.project = planes, strides, project
        self.cardinality, self.width = cardinality, width
        inner = cardinality * width * planes // 64
        name = self.name
        self.conv1 = conv_bn(inner, 1, name=f"{name}_1")
        self.pad = None
        if strides != 1:  # pad by one on every side, as PyTorch does; "same" pads only bottom and right
            self.pad = layers.ZeroPadding2D(1, name=f"{name}_2_pad")
        self.conv2 = conv_bn(inner, 3, strides, "same" if strides == 1 else "valid", cardinality, name=f"{name}_2")
        self.conv3 = conv_bn(4 * planes, 1, relu=False, name=f"{name}_3")
        self.shortcut = conv_bn(4 * planes, 1, strides, relu=False, name=f"{name}_0") if project else None

    def call(self, inputs):
        x = self.conv1(inputs)
        x = self.conv2(x if self.pad is None else self.pad(x))
        x = self.conv3(x)
        shortcut = inputs if self.shortcut is None else self.shortcut(inputs)
        return keras.ops.relu(x + shortcut)

    def get_config(self):
        return {**super().get_config(), "planes": self.planes, "strides": self.strides, "project": self.project,
                "cardinality": self.cardinality, "width": self.width}


def stage(in_channels, planes, depth, strides, cardinality, width, *, name):
    """One row of Table 1: `depth` blocks; the first is strided, and projects its shortcut."""
    project = strides != 1 or in_channels != 4 * planes
    blocks = [ResNeXtBlock(planes, strides, project, cardinality, width, name=f"{name}_block1")]
    for index in range(2, depth + 1):
        blocks.append(ResNeXtBlock(planes, 1, False, cardinality, width, name=f"{name}_block{index}"))
    return blocks


@keras.saving.register_keras_serializable(package="kerasnets")
class ResNeXt(ImageClassifier):
    """The stem, the stages conv2_x to conv5_x of Table 1, and the classifier."""

    spec = spec

    def __init__(self, variant, **kwargs):
        super().__init__(variant, **kwargs)
        table = spec.VARIANTS[variant]
        depths, groups, width = table["depths"], table["cardinality"], table["width"]
        self.conv1_pad = layers.ZeroPadding2D(3, name="conv1_pad")
        self.conv1 = conv_bn(64, 7, strides=2, padding="valid", name="conv1")
        self.pool1_pad = layers.ZeroPadding2D(1, name="pool1_pad")
        self.pool1 = layers.MaxPooling2D(3, strides=2, name="pool1_pool")
        self.conv2_x = stage(64, 64, depths[0], 1, groups, width, name="conv2")
        self.conv3_x = stage(256, 128, depths[1], 2, groups, width, name="conv3")
        self.conv4_x = stage(512, 256, depths[2], 2, groups, width, name="conv4")
        self.conv5_x = stage(1024, 512, depths[3], 2, groups, width, name="conv5")
        self.top_layers = classifier_layers(self.args)

    def call(self, inputs, training=None):
        x = self.conv1(self.conv1_pad(inputs))
        x = self.pool1(self.pool1_pad(x))
        for block in self.conv2_x + self.conv3_x + self.conv4_x + self.conv5_x:
            x = block(x)
        return self.top(x)

    def get_config(self):
        return {**super().get_config(), "variant": self.args.variant}


def resnext50_32x4d(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                    classifier_activation="softmax", name=None):
    """ResNeXt-50 (32x4d), Table 1, as a `keras.Model` subclass, `ResNeXt`."""
    return build_subclassed(ResNeXt, "resnext50_32x4d", locals())


def resnext101_32x8d(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                     classifier_activation="softmax", name=None):
    """ResNeXt-101 (32x8d), Table 1, as a `keras.Model` subclass, `ResNeXt`."""
    return build_subclassed(ResNeXt, "resnext101_32x8d", locals())


def resnext101_64x4d(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                     classifier_activation="softmax", name=None):
    """ResNeXt-101 (64x4d), Table 1, as a `keras.Model` subclass, `ResNeXt`."""
    return build_subclassed(ResNeXt, "resnext101_64x4d", locals())
