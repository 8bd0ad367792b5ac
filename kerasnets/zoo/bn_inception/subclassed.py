"""BN-Inception as a `keras.Model` subclass: an `InceptionBN` and a `ReductionBN` layer class for
the modules of Figure 5, and a model whose `call` reads like the table."""

import keras
from keras import layers, ops

from kerasnets.layers import ConvBN
from kerasnets.zoo.bn_inception import spec
from kerasnets.zoo.heads import classifier_layers
from kerasnets.zoo.subclassing import ImageClassifier, build_subclassed


def conv_bn(filters, kernel_size, strides=1, padding="same", *, name):
    """Convolution (with its bias, as in the Caffe model), BatchNormalization, ReLU."""
    return ConvBN(filters, kernel_size, strides, padding, use_bias=True, epsilon=spec.BN_EPSILON, name=name)


@keras.saving.register_keras_serializable(package="kerasnets")
class InceptionBN(keras.layers.Layer):
    """Figure 5's module: GoogLeNet's, with its 5x5 branch replaced by two 3x3 in series."""

    ARGUMENTS = ("c1x1", "c3x3_reduce", "c3x3", "double_reduce", "double", "pool", "pool_proj")

    def __init__(self, c1x1, c3x3_reduce, c3x3, double_reduce, double, pool, pool_proj, **kwargs):
        super().__init__(**kwargs)
        self.widths = (c1x1, c3x3_reduce, c3x3, double_reduce, double, pool, pool_proj)
        name = self.name
        self.conv_1x1 = conv_bn(c1x1, 1, name=f"{name}_1x1")
        self.conv_3x3_reduce = conv_bn(c3x3_reduce, 1, name=f"{name}_3x3_reduce")
        self.conv_3x3 = conv_bn(c3x3, 3, name=f"{name}_3x3")
        self.double_3x3_reduce = conv_bn(double_reduce, 1, name=f"{name}_double_3x3_reduce")
        self.double_3x3_1 = conv_bn(double, 3, name=f"{name}_double_3x3_1")
        self.double_3x3_2 = conv_bn(double, 3, name=f"{name}_double_3x3_2")
        self.pool_pad = None
        if pool == "avg":  # the average counts the zero padding, as in Caffe
            self.pool_pad = layers.ZeroPadding2D(1, name=f"{name}_pool_pad")
            self.pool = layers.AveragePooling2D(3, strides=1, name=f"{name}_pool")
        else:
            self.pool = layers.MaxPooling2D(3, strides=1, padding="same", name=f"{name}_pool")
        self.pool_proj = conv_bn(pool_proj, 1, name=f"{name}_pool_proj")

    def call(self, x):
        branch1 = self.conv_1x1(x)
        branch2 = self.conv_3x3(self.conv_3x3_reduce(x))
        branch3 = self.double_3x3_2(self.double_3x3_1(self.double_3x3_reduce(x)))
        branch4 = self.pool(x if self.pool_pad is None else self.pool_pad(x))
        branch4 = self.pool_proj(branch4)
        return ops.concatenate([branch1, branch2, branch3, branch4], axis=-1)

    def get_config(self):
        return {**super().get_config(), **dict(zip(self.ARGUMENTS, self.widths))}


@keras.saving.register_keras_serializable(package="kerasnets")
class ReductionBN(keras.layers.Layer):
    """The stride-2 modules (3c, 4e): strided 3x3 branches beside a max pooling passed through.
    The strided 3x3 convolutions pad one pixel on every side, as Caffe does."""

    ARGUMENTS = ("c3x3_reduce", "c3x3", "double_reduce", "double")

    def __init__(self, c3x3_reduce, c3x3, double_reduce, double, **kwargs):
        super().__init__(**kwargs)
        self.widths = (c3x3_reduce, c3x3, double_reduce, double)
        name = self.name
        self.conv_3x3_reduce = conv_bn(c3x3_reduce, 1, name=f"{name}_3x3_reduce")
        self.conv_3x3_pad = layers.ZeroPadding2D(1, name=f"{name}_3x3_pad")
        self.conv_3x3 = conv_bn(c3x3, 3, strides=2, padding="valid", name=f"{name}_3x3")
        self.double_3x3_reduce = conv_bn(double_reduce, 1, name=f"{name}_double_3x3_reduce")
        self.double_3x3_1 = conv_bn(double, 3, name=f"{name}_double_3x3_1")
        self.double_3x3_2_pad = layers.ZeroPadding2D(1, name=f"{name}_double_3x3_2_pad")
        self.double_3x3_2 = conv_bn(double, 3, strides=2, padding="valid", name=f"{name}_double_3x3_2")
        self.pool = layers.MaxPooling2D(3, strides=2, padding="same", name=f"{name}_pool")

    def call(self, x):
        branch1 = self.conv_3x3(self.conv_3x3_pad(self.conv_3x3_reduce(x)))
        branch2 = self.double_3x3_1(self.double_3x3_reduce(x))
        branch2 = self.double_3x3_2(self.double_3x3_2_pad(branch2))
        branch3 = self.pool(x)
        return ops.concatenate([branch1, branch2, branch3], axis=-1)

    def get_config(self):
        return {**super().get_config(), **dict(zip(self.ARGUMENTS, self.widths))}


@keras.saving.register_keras_serializable(package="kerasnets")
class BNInception(ImageClassifier):
    """The stem, ten modules (two of them stride-2 reductions) and the classifier."""

    spec = spec

    def __init__(self, *, dropout=0.0, **kwargs):
        super().__init__("bn_inception", dropout=dropout, **kwargs)
        self.conv1_pad = layers.ZeroPadding2D(3, name="conv1_7x7_s2_pad")
        self.conv1 = conv_bn(64, 7, strides=2, padding="valid", name="conv1_7x7_s2")
        self.pool1 = layers.MaxPooling2D(3, strides=2, padding="same", name="pool1_3x3_s2")
        self.conv2_reduce = conv_bn(64, 1, name="conv2_3x3_reduce")
        self.conv2 = conv_bn(192, 3, name="conv2_3x3")
        self.pool2 = layers.MaxPooling2D(3, strides=2, padding="same", name="pool2_3x3_s2")
        self.inception_3a = InceptionBN(*spec.INCEPTION["3a"], name="inception_3a")
        self.inception_3b = InceptionBN(*spec.INCEPTION["3b"], name="inception_3b")
        self.inception_3c = ReductionBN(*spec.REDUCTION["3c"], name="inception_3c")
        self.inception_4a = InceptionBN(*spec.INCEPTION["4a"], name="inception_4a")
        self.inception_4b = InceptionBN(*spec.INCEPTION["4b"], name="inception_4b")
        self.inception_4c = InceptionBN(*spec.INCEPTION["4c"], name="inception_4c")
        self.inception_4d = InceptionBN(*spec.INCEPTION["4d"], name="inception_4d")
        self.inception_4e = ReductionBN(*spec.REDUCTION["4e"], name="inception_4e")
        self.inception_5a = InceptionBN(*spec.INCEPTION["5a"], name="inception_5a")
        self.inception_5b = InceptionBN(*spec.INCEPTION["5b"], name="inception_5b")
        self.top_layers = classifier_layers(self.args, dropout=dropout)

    def call(self, inputs, training=None):
        x = self.pool1(self.conv1(self.conv1_pad(inputs)))
        x = self.pool2(self.conv2(self.conv2_reduce(x)))
        x = self.inception_3c(self.inception_3b(self.inception_3a(x)))
        x = self.inception_4d(self.inception_4c(self.inception_4b(self.inception_4a(x))))
        x = self.inception_4e(x)
        x = self.inception_5b(self.inception_5a(x))
        return self.top(x)


def bn_inception(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                 classifier_activation="softmax", name=None, dropout=0.0):
    """BN-Inception (Ioffe and Szegedy, 2015) as a `keras.Model` subclass, `BNInception`,
    224x224 by default.

    dropout: a rate before the classifier (the paper removed dropout: 0 by default).
    """
    return build_subclassed(BNInception, "bn_inception", locals())
