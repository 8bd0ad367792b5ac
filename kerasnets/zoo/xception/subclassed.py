"""Xception as a `keras.Model` subclass: a layer class per kind of module of Figure 5, and a
model whose `call` runs the entry, middle and exit flows."""

import keras
from keras import layers

from kerasnets.zoo.heads import classifier_layers
from kerasnets.zoo.subclassing import ImageClassifier, build_subclassed
from kerasnets.zoo.xception import spec


@keras.saving.register_keras_serializable(package="kerasnets")
class SeparableConvBN(keras.layers.Layer):
    """[ReLU], a depthwise separable 3x3 convolution, BatchNormalization."""

    def __init__(self, filters, relu_first=True, **kwargs):
        super().__init__(**kwargs)
        self.filters, self.relu_first = filters, relu_first
        self.act = layers.Activation("relu", name=f"{self.name}_act") if relu_first else None
        self.sepconv = layers.SeparableConv2D(filters, 3, padding="same", use_bias=False, name=self.name)
        self.bn = layers.BatchNormalization(name=f"{self.name}_bn")

    def call(self, x):
        if self.act is not None:
            x = self.act(x)
        return self.bn(self.sepconv(x))

    def get_config(self):
        return {**super().get_config(), "filters": self.filters, "relu_first": self.relu_first}


@keras.saving.register_keras_serializable(package="kerasnets")
class DownsamplingBlock(keras.layers.Layer):
    """The entry and exit flows' module: two separable convolutions and a 3x3/2 max pooling,
    plus a strided 1x1 projection of the input."""

    def __init__(self, filters, relu_first=True, **kwargs):
        super().__init__(**kwargs)
        self.filters, self.relu_first = tuple(filters), relu_first
        filters1, filters2 = self.filters
        name = self.name
        self.shortcut_conv = layers.Conv2D(filters2, 1, strides=2, padding="same", use_bias=False,
                                           name=f"{name}_shortcut_conv")
        self.shortcut_bn = layers.BatchNormalization(name=f"{name}_shortcut_bn")
        self.sepconv1 = SeparableConvBN(filters1, relu_first, name=f"{name}_sepconv1")
        self.sepconv2 = SeparableConvBN(filters2, name=f"{name}_sepconv2")
        self.pool = layers.MaxPooling2D(3, strides=2, padding="same", name=f"{name}_pool")

    def call(self, x):
        shortcut = self.shortcut_bn(self.shortcut_conv(x))
        return self.pool(self.sepconv2(self.sepconv1(x))) + shortcut

    def get_config(self):
        return {**super().get_config(), "filters": self.filters, "relu_first": self.relu_first}


@keras.saving.register_keras_serializable(package="kerasnets")
class MiddleBlock(keras.layers.Layer):
    """The middle flow's module: three 728-wide separable convolutions and the identity."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.sepconv1 = SeparableConvBN(728, name=f"{self.name}_sepconv1")
        self.sepconv2 = SeparableConvBN(728, name=f"{self.name}_sepconv2")
        self.sepconv3 = SeparableConvBN(728, name=f"{self.name}_sepconv3")

    def call(self, x):
        return self.sepconv3(self.sepconv2(self.sepconv1(x))) + x


@keras.saving.register_keras_serializable(package="kerasnets")
class Xception(ImageClassifier):
    """The entry flow (two convolutions, three downsampling modules), the middle flow (eight
    modules), the exit flow (a downsampling module, two separable convolutions), the classifier."""

    spec = spec

    def __init__(self, *, dropout=0.5, **kwargs):
        super().__init__("xception", dropout=dropout, **kwargs)
        self.block1_conv1 = layers.Conv2D(32, 3, strides=2, use_bias=False, name="block1_conv1")
        self.block1_conv1_bn = layers.BatchNormalization(name="block1_conv1_bn")
        self.block1_conv2 = layers.Conv2D(64, 3, use_bias=False, name="block1_conv2")
        self.block1_conv2_bn = layers.BatchNormalization(name="block1_conv2_bn")
        self.entry_flow = [DownsamplingBlock(filters, relu_first=block != "block2", name=block)  # block1 ends
                           for block, filters in spec.ENTRY_FLOW.items()]                     # with a ReLU
        self.middle_flow = [MiddleBlock(name=block) for block in spec.MIDDLE_FLOW]
        self.exit_flow = [DownsamplingBlock(filters, name=block) for block, filters in spec.EXIT_FLOW.items()]
        self.block14_sepconv1 = SeparableConvBN(1536, relu_first=False, name="block14_sepconv1")
        self.block14_sepconv2 = SeparableConvBN(2048, relu_first=False, name="block14_sepconv2")
        self.top_layers = classifier_layers(self.args, dropout=dropout)

    def call(self, inputs, training=None):
        x = keras.ops.relu(self.block1_conv1_bn(self.block1_conv1(inputs)))
        x = keras.ops.relu(self.block1_conv2_bn(self.block1_conv2(x)))
        for block in self.entry_flow + self.middle_flow + self.exit_flow:
            x = block(x)
        x = keras.ops.relu(self.block14_sepconv1(x))
        x = keras.ops.relu(self.block14_sepconv2(x))
        return self.top(x)


def xception(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
             classifier_activation="softmax", name=None, dropout=0.5):
    """Xception (Chollet, 2017) as a `keras.Model` subclass, `Xception`, 299x299 by default.

    dropout: the rate before the classifier.
    """
    return build_subclassed(Xception, "xception", locals())
