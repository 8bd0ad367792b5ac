"""Inception-v4 as a `keras.Model` subclass: a layer class per block of Figure 9 (one attribute
per unit, the branches written out in `call`) and a model whose `call` reads like the figure.

The blocks keep the paper's names (InceptionA, ReductionA, ...) and are registered as
`kerasnets>inception_v4.InceptionA` and so on, since Inception-v3 has blocks of the same names.
"""

import keras
from keras import layers, ops

from kerasnets.layers import ConvBN
from kerasnets.zoo.heads import classifier_layers
from kerasnets.zoo.inception_v4 import spec
from kerasnets.zoo.subclassing import ImageClassifier, build_subclassed


def conv_bn(filters, kernel_size, strides=1, padding="same", *, name):
    """The unit of every branch: convolution without bias, BatchNormalization, ReLU."""
    return ConvBN(filters, kernel_size, strides, padding, name=name)


def concatenate(branches):
    return ops.concatenate(branches, axis=-1)


@keras.saving.register_keras_serializable(package="kerasnets", name="inception_v4.Stem")
class Stem(keras.layers.Layer):
    """Figure 3: 299x299x3 to 35x35x384, the grid shrunk by convolutions and pooling side by side."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.conv2d_1a = conv_bn(32, 3, strides=2, padding="valid", name="conv2d_1a_3x3")
        self.conv2d_2a = conv_bn(32, 3, padding="valid", name="conv2d_2a_3x3")
        self.conv2d_2b = conv_bn(64, 3, name="conv2d_2b_3x3")
        self.mixed_3a_branch1_1 = layers.MaxPooling2D(3, strides=2, name="mixed_3a_branch1_1")
        self.mixed_3a_branch2_1 = conv_bn(96, 3, strides=2, padding="valid", name="mixed_3a_branch2_1")
        self.mixed_4a_branch1_1 = conv_bn(64, 1, name="mixed_4a_branch1_1")
        self.mixed_4a_branch1_2 = conv_bn(96, 3, padding="valid", name="mixed_4a_branch1_2")
        self.mixed_4a_branch2_1 = conv_bn(64, 1, name="mixed_4a_branch2_1")
        self.mixed_4a_branch2_2 = conv_bn(64, (1, 7), name="mixed_4a_branch2_2")
        self.mixed_4a_branch2_3 = conv_bn(64, (7, 1), name="mixed_4a_branch2_3")
        self.mixed_4a_branch2_4 = conv_bn(96, 3, padding="valid", name="mixed_4a_branch2_4")
        self.mixed_5a_branch1_1 = conv_bn(192, 3, strides=2, padding="valid", name="mixed_5a_branch1_1")
        self.mixed_5a_branch2_1 = layers.MaxPooling2D(3, strides=2, name="mixed_5a_branch2_1")

    def call(self, x):
        x = self.conv2d_2b(self.conv2d_2a(self.conv2d_1a(x)))
        x = concatenate([self.mixed_3a_branch1_1(x), self.mixed_3a_branch2_1(x)])  # mixed_3a
        branch1 = self.mixed_4a_branch1_2(self.mixed_4a_branch1_1(x))
        branch2 = self.mixed_4a_branch2_2(self.mixed_4a_branch2_1(x))
        branch2 = self.mixed_4a_branch2_4(self.mixed_4a_branch2_3(branch2))
        x = concatenate([branch1, branch2])  # mixed_4a
        return concatenate([self.mixed_5a_branch1_1(x), self.mixed_5a_branch2_1(x)])  # mixed_5a


@keras.saving.register_keras_serializable(package="kerasnets", name="inception_v4.InceptionA")
class InceptionA(keras.layers.Layer):
    """Figure 4, on the 35x35 grid."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        name = self.name
        self.branch1_1 = conv_bn(96, 1, name=f"{name}_branch1_1")
        self.branch2_1 = conv_bn(64, 1, name=f"{name}_branch2_1")
        self.branch2_2 = conv_bn(96, 3, name=f"{name}_branch2_2")
        self.branch3_1 = conv_bn(64, 1, name=f"{name}_branch3_1")
        self.branch3_2 = conv_bn(96, 3, name=f"{name}_branch3_2")
        self.branch3_3 = conv_bn(96, 3, name=f"{name}_branch3_3")
        self.branch4_1 = layers.AveragePooling2D(3, strides=1, padding="same", name=f"{name}_branch4_1")
        self.branch4_2 = conv_bn(96, 1, name=f"{name}_branch4_2")

    def call(self, x):
        branch1 = self.branch1_1(x)
        branch2 = self.branch2_2(self.branch2_1(x))
        branch3 = self.branch3_3(self.branch3_2(self.branch3_1(x)))
        branch4 = self.branch4_2(self.branch4_1(x))
        return concatenate([branch1, branch2, branch3, branch4])


@keras.saving.register_keras_serializable(package="kerasnets", name="inception_v4.ReductionA")
class ReductionA(keras.layers.Layer):
    """Figure 7, 35x35 to 17x17; Table 1 gives k, l, m, n for each network of the paper."""

    def __init__(self, k, l, m, n, **kwargs):  # noqa: E741 (the paper's names)
        super().__init__(**kwargs)
        self.k, self.l, self.m, self.n = k, l, m, n
        name = self.name
        self.branch1_1 = conv_bn(n, 3, strides=2, padding="valid", name=f"{name}_branch1_1")
        self.branch2_1 = conv_bn(k, 1, name=f"{name}_branch2_1")
        self.branch2_2 = conv_bn(l, 3, name=f"{name}_branch2_2")
        self.branch2_3 = conv_bn(m, 3, strides=2, padding="valid", name=f"{name}_branch2_3")
        self.branch3_1 = layers.MaxPooling2D(3, strides=2, name=f"{name}_branch3_1")

    def call(self, x):
        branch1 = self.branch1_1(x)
        branch2 = self.branch2_3(self.branch2_2(self.branch2_1(x)))
        branch3 = self.branch3_1(x)
        return concatenate([branch1, branch2, branch3])

    def get_config(self):
        return {**super().get_config(), "k": self.k, "l": self.l, "m": self.m, "n": self.n}


@keras.saving.register_keras_serializable(package="kerasnets", name="inception_v4.InceptionB")
class InceptionB(keras.layers.Layer):
    """Figure 5, on the 17x17 grid: 7x7 convolutions factorized into 1x7 and 7x1."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        name = self.name
        self.branch1_1 = conv_bn(384, 1, name=f"{name}_branch1_1")
        self.branch2_1 = conv_bn(192, 1, name=f"{name}_branch2_1")
        self.branch2_2 = conv_bn(224, (1, 7), name=f"{name}_branch2_2")
        self.branch2_3 = conv_bn(256, (7, 1), name=f"{name}_branch2_3")
        self.branch3_1 = conv_bn(192, 1, name=f"{name}_branch3_1")
        self.branch3_2 = conv_bn(192, (7, 1), name=f"{name}_branch3_2")
        self.branch3_3 = conv_bn(224, (1, 7), name=f"{name}_branch3_3")
        self.branch3_4 = conv_bn(224, (7, 1), name=f"{name}_branch3_4")
        self.branch3_5 = conv_bn(256, (1, 7), name=f"{name}_branch3_5")
        self.branch4_1 = layers.AveragePooling2D(3, strides=1, padding="same", name=f"{name}_branch4_1")
        self.branch4_2 = conv_bn(128, 1, name=f"{name}_branch4_2")

    def call(self, x):
        branch1 = self.branch1_1(x)
        branch2 = self.branch2_3(self.branch2_2(self.branch2_1(x)))
        branch3 = self.branch3_2(self.branch3_1(x))
        branch3 = self.branch3_5(self.branch3_4(self.branch3_3(branch3)))
        branch4 = self.branch4_2(self.branch4_1(x))
        return concatenate([branch1, branch2, branch3, branch4])


@keras.saving.register_keras_serializable(package="kerasnets", name="inception_v4.ReductionB")
class ReductionB(keras.layers.Layer):
    """Figure 8, 17x17 to 8x8."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        name = self.name
        self.branch1_1 = conv_bn(192, 1, name=f"{name}_branch1_1")
        self.branch1_2 = conv_bn(192, 3, strides=2, padding="valid", name=f"{name}_branch1_2")
        self.branch2_1 = conv_bn(256, 1, name=f"{name}_branch2_1")
        self.branch2_2 = conv_bn(256, (1, 7), name=f"{name}_branch2_2")
        self.branch2_3 = conv_bn(320, (7, 1), name=f"{name}_branch2_3")
        self.branch2_4 = conv_bn(320, 3, strides=2, padding="valid", name=f"{name}_branch2_4")
        self.branch3_1 = layers.MaxPooling2D(3, strides=2, name=f"{name}_branch3_1")

    def call(self, x):
        branch1 = self.branch1_2(self.branch1_1(x))
        branch2 = self.branch2_2(self.branch2_1(x))
        branch2 = self.branch2_4(self.branch2_3(branch2))
        branch3 = self.branch3_1(x)
        return concatenate([branch1, branch2, branch3])


@keras.saving.register_keras_serializable(package="kerasnets", name="inception_v4.InceptionC")
class InceptionC(keras.layers.Layer):
    """Figure 6, on the 8x8 grid: 3x3 convolutions split into 1x3 and 3x1 side by side."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        name = self.name
        self.branch1_1 = conv_bn(256, 1, name=f"{name}_branch1_1")
        self.branch2_1 = conv_bn(384, 1, name=f"{name}_branch2_1")
        self.branch2_2a = conv_bn(256, (1, 3), name=f"{name}_branch2_2a")
        self.branch2_2b = conv_bn(256, (3, 1), name=f"{name}_branch2_2b")
        self.branch3_1 = conv_bn(384, 1, name=f"{name}_branch3_1")
        self.branch3_2 = conv_bn(448, (3, 1), name=f"{name}_branch3_2")
        self.branch3_3 = conv_bn(512, (1, 3), name=f"{name}_branch3_3")
        self.branch3_4a = conv_bn(256, (1, 3), name=f"{name}_branch3_4a")
        self.branch3_4b = conv_bn(256, (3, 1), name=f"{name}_branch3_4b")
        self.branch4_1 = layers.AveragePooling2D(3, strides=1, padding="same", name=f"{name}_branch4_1")
        self.branch4_2 = conv_bn(256, 1, name=f"{name}_branch4_2")

    def call(self, x):
        branch1 = self.branch1_1(x)
        branch2 = self.branch2_1(x)
        branch2 = concatenate([self.branch2_2a(branch2), self.branch2_2b(branch2)])
        branch3 = self.branch3_3(self.branch3_2(self.branch3_1(x)))
        branch3 = concatenate([self.branch3_4a(branch3), self.branch3_4b(branch3)])
        branch4 = self.branch4_2(self.branch4_1(x))
        return concatenate([branch1, branch2, branch3, branch4])


@keras.saving.register_keras_serializable(package="kerasnets")
class InceptionV4(ImageClassifier):
    """The stem, 4 x InceptionA, ReductionA, 7 x InceptionB, ReductionB, 3 x InceptionC and the
    classifier (Figure 9)."""

    spec = spec

    def __init__(self, *, dropout=0.2, **kwargs):
        super().__init__("inception_v4", dropout=dropout, **kwargs)
        self.stem = Stem(name="stem")
        self.grid_35 = [InceptionA(name=block) for block in spec.INCEPTION_A]
        self.mixed_6a = ReductionA(**spec.REDUCTION_A, name="mixed_6a")
        self.grid_17 = [InceptionB(name=block) for block in spec.INCEPTION_B]
        self.mixed_7a = ReductionB(name="mixed_7a")
        self.grid_8 = [InceptionC(name=block) for block in spec.INCEPTION_C]
        self.top_layers = classifier_layers(self.args, dropout=dropout)

    def call(self, inputs, training=None):
        x = self.stem(inputs)
        for block in self.grid_35:  # mixed_5b ... 5e
            x = block(x)
        x = self.mixed_6a(x)
        for block in self.grid_17:  # mixed_6b ... 6h
            x = block(x)
        x = self.mixed_7a(x)
        for block in self.grid_8:  # mixed_7b ... 7d
            x = block(x)
        return self.top(x)


def inception_v4(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                 classifier_activation="softmax", name=None, dropout=0.2):
    """Inception-v4 (Szegedy et al., 2016) as a `keras.Model` subclass, `InceptionV4`, 299x299
    by default.

    dropout: the rate before the classifier (the paper keeps 0.8 of the activations).
    """
    return build_subclassed(InceptionV4, "inception_v4", locals())
