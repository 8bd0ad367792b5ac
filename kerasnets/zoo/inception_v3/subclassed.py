"""Inception-v3 as a `keras.Model` subclass: a layer class per block (one attribute per unit,
the branches written out in `call`) and a model whose `call` reads like Table 1."""

import keras
from keras import layers, ops

from kerasnets.layers import ConvBN
from kerasnets.zoo.heads import classifier_layers, predictions_layer
from kerasnets.zoo.inception_v3 import spec
from kerasnets.zoo.subclassing import ImageClassifier, build_subclassed


def conv_bn(filters, kernel_size, strides=1, padding="same", *, name):
    """The unit of every branch: convolution, BatchNormalization (no scale), ReLU."""
    return ConvBN(filters, kernel_size, strides, padding, scale=False, name=name)


def concatenate(branches):
    return ops.concatenate(branches, axis=-1)


@keras.saving.register_keras_serializable(package="kerasnets")
class InceptionA(keras.layers.Layer):
    """Figure 5, on the 35x35 grid: the 5x5 of Inception v1 as it is, and two 3x3 in series."""

    def __init__(self, pool_proj, **kwargs):
        super().__init__(**kwargs)
        self.pool_proj = pool_proj
        name = self.name
        self.branch1_1 = conv_bn(64, 1, name=f"{name}_branch1_1")
        self.branch2_1 = conv_bn(48, 1, name=f"{name}_branch2_1")
        self.branch2_2 = conv_bn(64, 5, name=f"{name}_branch2_2")
        self.branch3_1 = conv_bn(64, 1, name=f"{name}_branch3_1")
        self.branch3_2 = conv_bn(96, 3, name=f"{name}_branch3_2")
        self.branch3_3 = conv_bn(96, 3, name=f"{name}_branch3_3")
        self.branch4_1 = layers.AveragePooling2D(3, strides=1, padding="same", name=f"{name}_branch4_1")
        self.branch4_2 = conv_bn(pool_proj, 1, name=f"{name}_branch4_2")

    def call(self, x):
        branch1 = self.branch1_1(x)
        branch2 = self.branch2_2(self.branch2_1(x))
        branch3 = self.branch3_3(self.branch3_2(self.branch3_1(x)))
        branch4 = self.branch4_2(self.branch4_1(x))
        return concatenate([branch1, branch2, branch3, branch4])

    def get_config(self):
        return {**super().get_config(), "pool_proj": self.pool_proj}


@keras.saving.register_keras_serializable(package="kerasnets")
class ReductionA(keras.layers.Layer):
    """35x35 to 17x17 (Figure 10): strided convolutions beside a strided pooling."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        name = self.name
        self.branch1_1 = conv_bn(384, 3, strides=2, padding="valid", name=f"{name}_branch1_1")
        self.branch2_1 = conv_bn(64, 1, name=f"{name}_branch2_1")
        self.branch2_2 = conv_bn(96, 3, name=f"{name}_branch2_2")
        self.branch2_3 = conv_bn(96, 3, strides=2, padding="valid", name=f"{name}_branch2_3")
        self.branch3_1 = layers.MaxPooling2D(3, strides=2, name=f"{name}_branch3_1")

    def call(self, x):
        branch1 = self.branch1_1(x)
        branch2 = self.branch2_3(self.branch2_2(self.branch2_1(x)))
        branch3 = self.branch3_1(x)
        return concatenate([branch1, branch2, branch3])


@keras.saving.register_keras_serializable(package="kerasnets")
class InceptionB(keras.layers.Layer):
    """Figure 6, on the 17x17 grid: each 7x7 convolution factorized into 1x7 and 7x1."""

    def __init__(self, channels_7x7, **kwargs):
        super().__init__(**kwargs)
        self.channels_7x7 = c7 = channels_7x7
        name = self.name
        self.branch1_1 = conv_bn(192, 1, name=f"{name}_branch1_1")
        self.branch2_1 = conv_bn(c7, 1, name=f"{name}_branch2_1")
        self.branch2_2 = conv_bn(c7, (1, 7), name=f"{name}_branch2_2")
        self.branch2_3 = conv_bn(192, (7, 1), name=f"{name}_branch2_3")
        self.branch3_1 = conv_bn(c7, 1, name=f"{name}_branch3_1")
        self.branch3_2 = conv_bn(c7, (7, 1), name=f"{name}_branch3_2")
        self.branch3_3 = conv_bn(c7, (1, 7), name=f"{name}_branch3_3")
        self.branch3_4 = conv_bn(c7, (7, 1), name=f"{name}_branch3_4")
        self.branch3_5 = conv_bn(192, (1, 7), name=f"{name}_branch3_5")
        self.branch4_1 = layers.AveragePooling2D(3, strides=1, padding="same", name=f"{name}_branch4_1")
        self.branch4_2 = conv_bn(192, 1, name=f"{name}_branch4_2")

    def call(self, x):
        branch1 = self.branch1_1(x)
        branch2 = self.branch2_3(self.branch2_2(self.branch2_1(x)))
        branch3 = self.branch3_2(self.branch3_1(x))
        branch3 = self.branch3_5(self.branch3_4(self.branch3_3(branch3)))
        branch4 = self.branch4_2(self.branch4_1(x))
        return concatenate([branch1, branch2, branch3, branch4])

    def get_config(self):
        return {**super().get_config(), "channels_7x7": self.channels_7x7}


@keras.saving.register_keras_serializable(package="kerasnets")
class ReductionB(keras.layers.Layer):
    """17x17 to 8x8: strided 3x3 convolutions beside a strided pooling."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        name = self.name
        self.branch1_1 = conv_bn(192, 1, name=f"{name}_branch1_1")
        self.branch1_2 = conv_bn(320, 3, strides=2, padding="valid", name=f"{name}_branch1_2")
        self.branch2_1 = conv_bn(192, 1, name=f"{name}_branch2_1")
        self.branch2_2 = conv_bn(192, (1, 7), name=f"{name}_branch2_2")
        self.branch2_3 = conv_bn(192, (7, 1), name=f"{name}_branch2_3")
        self.branch2_4 = conv_bn(192, 3, strides=2, padding="valid", name=f"{name}_branch2_4")
        self.branch3_1 = layers.MaxPooling2D(3, strides=2, name=f"{name}_branch3_1")

    def call(self, x):
        branch1 = self.branch1_2(self.branch1_1(x))
        branch2 = self.branch2_2(self.branch2_1(x))
        branch2 = self.branch2_4(self.branch2_3(branch2))
        branch3 = self.branch3_1(x)
        return concatenate([branch1, branch2, branch3])


@keras.saving.register_keras_serializable(package="kerasnets")
class InceptionC(keras.layers.Layer):
    """Figure 7, on the 8x8 grid: the 3x3 branches widened by splitting into 1x3 and 3x1."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        name = self.name
        self.branch1_1 = conv_bn(320, 1, name=f"{name}_branch1_1")
        self.branch2_1 = conv_bn(384, 1, name=f"{name}_branch2_1")
        self.branch2_2a = conv_bn(384, (1, 3), name=f"{name}_branch2_2a")
        self.branch2_2b = conv_bn(384, (3, 1), name=f"{name}_branch2_2b")
        self.branch3_1 = conv_bn(448, 1, name=f"{name}_branch3_1")
        self.branch3_2 = conv_bn(384, 3, name=f"{name}_branch3_2")
        self.branch3_3a = conv_bn(384, (1, 3), name=f"{name}_branch3_3a")
        self.branch3_3b = conv_bn(384, (3, 1), name=f"{name}_branch3_3b")
        self.branch4_1 = layers.AveragePooling2D(3, strides=1, padding="same", name=f"{name}_branch4_1")
        self.branch4_2 = conv_bn(192, 1, name=f"{name}_branch4_2")

    def call(self, x):
        branch1 = self.branch1_1(x)
        branch2 = self.branch2_1(x)
        branch2 = concatenate([self.branch2_2a(branch2), self.branch2_2b(branch2)])
        branch3 = self.branch3_2(self.branch3_1(x))
        branch3 = concatenate([self.branch3_3a(branch3), self.branch3_3b(branch3)])
        branch4 = self.branch4_2(self.branch4_1(x))
        return concatenate([branch1, branch2, branch3, branch4])


@keras.saving.register_keras_serializable(package="kerasnets")
class InceptionAux(keras.layers.Layer):
    """The auxiliary classifier on the 17x17 grid (torchvision's InceptionAux)."""

    def __init__(self, classes, classifier_activation="softmax", **kwargs):
        super().__init__(**kwargs)
        self.classes, self.classifier_activation = classes, classifier_activation
        name = self.name
        self.pool = layers.AveragePooling2D(5, strides=3, name=f"{name}_pool")
        self.conv0 = conv_bn(128, 1, name=f"{name}_conv0")
        self.conv1 = conv_bn(768, 5, padding="valid", name=f"{name}_conv1")
        self.avg_pool = layers.GlobalAveragePooling2D(name=f"{name}_avg_pool")
        self.predictions = layers.Dense(classes, name=f"{name}_predictions")
        self.activation = predictions_layer(classifier_activation, name=f"{name}_predictions_activation")

    def call(self, x):
        x = self.conv1(self.conv0(self.pool(x)))
        return self.activation(self.predictions(self.avg_pool(x)))

    def get_config(self):
        return {**super().get_config(), "classes": self.classes,
                "classifier_activation": self.classifier_activation}


@keras.saving.register_keras_serializable(package="kerasnets")
class InceptionV3(ImageClassifier):
    """The stem, 3 x InceptionA, ReductionA, 4 x InceptionB, ReductionB, 2 x InceptionC and the
    classifier; with `aux_classifiers`, the auxiliary classifier on mixed_6e."""

    spec = spec

    def __init__(self, *, aux_classifiers=False, dropout=0.2, **kwargs):
        super().__init__("inception_v3", aux_classifiers=aux_classifiers, dropout=dropout, **kwargs)
        self.conv2d_1a = conv_bn(32, 3, strides=2, padding="valid", name="conv2d_1a_3x3")
        self.conv2d_2a = conv_bn(32, 3, padding="valid", name="conv2d_2a_3x3")
        self.conv2d_2b = conv_bn(64, 3, name="conv2d_2b_3x3")
        self.maxpool_3a = layers.MaxPooling2D(3, strides=2, name="maxpool_3a_3x3")
        self.conv2d_3b = conv_bn(80, 1, padding="valid", name="conv2d_3b_1x1")
        self.conv2d_4a = conv_bn(192, 3, padding="valid", name="conv2d_4a_3x3")
        self.maxpool_5a = layers.MaxPooling2D(3, strides=2, name="maxpool_5a_3x3")
        self.grid_35 = [InceptionA(pool_proj, name=block) for block, pool_proj in spec.INCEPTION_A.items()]
        self.mixed_6a = ReductionA(name="mixed_6a")
        self.grid_17 = [InceptionB(c7, name=block) for block, c7 in spec.INCEPTION_B.items()]
        self.mixed_7a = ReductionB(name="mixed_7a")
        self.grid_8 = [InceptionC(name=block) for block in spec.INCEPTION_C]
        self.aux = None
        if aux_classifiers:
            self.aux = InceptionAux(self.args.classes, self.args.classifier_activation, name="aux")
        self.top_layers = classifier_layers(self.args, dropout=dropout)

    def call(self, inputs, training=None):
        x = self.conv2d_2b(self.conv2d_2a(self.conv2d_1a(inputs)))
        x = self.maxpool_3a(x)
        x = self.conv2d_4a(self.conv2d_3b(x))
        x = self.maxpool_5a(x)
        for block in self.grid_35:  # mixed_5b, 5c, 5d
            x = block(x)
        x = self.mixed_6a(x)
        for block in self.grid_17:  # mixed_6b ... 6e
            x = block(x)
        aux = x
        x = self.mixed_7a(x)
        for block in self.grid_8:  # mixed_7b, 7c
            x = block(x)
        x = self.top(x)
        if self.aux is None:
            return x
        return {"predictions": x, "aux": self.aux(aux)}


def inception_v3(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                 classifier_activation="softmax", name=None, aux_classifiers=False, dropout=0.2):
    """Inception-v3 (Szegedy et al., 2015) as a `keras.Model` subclass, `InceptionV3`, 299x299
    by default.

    aux_classifiers: add the auxiliary classifier on mixed_6e; the model then outputs a dict
        {"predictions", "aux"} in training and in inference alike. It needs 299x299 at least.
    dropout: the rate before the classifier.
    """
    return build_subclassed(InceptionV3, "inception_v3", locals())
