"""GoogLeNet as a `keras.Model` subclass: an `Inception` layer class per module of Table 1, an
`AuxiliaryClassifier` class, and a model whose `call` reads like the table."""

import keras
from keras import layers, ops

from kerasnets.zoo.googlenet import spec
from kerasnets.zoo.heads import classifier_layers, predictions_layer
from kerasnets.zoo.primitives import caffe_lrn
from kerasnets.zoo.subclassing import ImageClassifier, build_subclassed


def conv(filters, kernel_size, strides=1, padding="same", *, name):
    """A convolution with a bias and a ReLU: GoogLeNet predates batch normalization."""
    return layers.Conv2D(filters, kernel_size, strides=strides, padding=padding, activation="relu", name=name)


@keras.saving.register_keras_serializable(package="kerasnets")
class Inception(keras.layers.Layer):
    """Figure 2(b): 1x1, 3x3 and 5x5 convolutions and a 3x3 max pooling side by side, the
    larger convolutions after a 1x1 reduction and the pooling before a 1x1 projection."""

    def __init__(self, c1x1, c3x3_reduce, c3x3, c5x5_reduce, c5x5, pool_proj, **kwargs):
        super().__init__(**kwargs)
        self.widths = (c1x1, c3x3_reduce, c3x3, c5x5_reduce, c5x5, pool_proj)
        name = self.name
        self.conv_1x1 = conv(c1x1, 1, name=f"{name}_1x1")
        self.conv_3x3_reduce = conv(c3x3_reduce, 1, name=f"{name}_3x3_reduce")
        self.conv_3x3 = conv(c3x3, 3, name=f"{name}_3x3")
        self.conv_5x5_reduce = conv(c5x5_reduce, 1, name=f"{name}_5x5_reduce")
        self.conv_5x5 = conv(c5x5, 5, name=f"{name}_5x5")
        self.pool = layers.MaxPooling2D(3, strides=1, padding="same", name=f"{name}_pool")
        self.pool_proj = conv(pool_proj, 1, name=f"{name}_pool_proj")

    def call(self, inputs):
        branch1 = self.conv_1x1(inputs)
        branch2 = self.conv_3x3(self.conv_3x3_reduce(inputs))
        branch3 = self.conv_5x5(self.conv_5x5_reduce(inputs))
        branch4 = self.pool_proj(self.pool(inputs))
        return ops.concatenate([branch1, branch2, branch3, branch4], axis=-1)

    def get_config(self):
        names = ("c1x1", "c3x3_reduce", "c3x3", "c5x5_reduce", "c5x5", "pool_proj")
        return {**super().get_config(), **dict(zip(names, self.widths))}


@keras.saving.register_keras_serializable(package="kerasnets")
class AuxiliaryClassifier(keras.layers.Layer):
    """Section 5: a small classifier on an intermediate map, to help the gradient flow."""

    def __init__(self, classes, classifier_activation="softmax", **kwargs):
        super().__init__(**kwargs)
        self.classes, self.classifier_activation = classes, classifier_activation
        name = self.name
        self.pool = layers.AveragePooling2D(5, strides=3, name=f"{name}_pool")
        self.conv = conv(128, 1, name=f"{name}_conv")
        self.flatten = layers.Flatten(name=f"{name}_flatten")
        self.fc = layers.Dense(1024, activation="relu", name=f"{name}_fc")
        self.dropout = layers.Dropout(0.7, name=f"{name}_dropout")
        self.predictions = layers.Dense(classes, name=f"{name}_predictions")
        self.activation = predictions_layer(classifier_activation, name=f"{name}_predictions_activation")

    def call(self, inputs):
        x = self.flatten(self.conv(self.pool(inputs)))
        x = self.dropout(self.fc(x))
        return self.activation(self.predictions(x))

    def get_config(self):
        return {**super().get_config(), "classes": self.classes,
                "classifier_activation": self.classifier_activation}


@keras.saving.register_keras_serializable(package="kerasnets")
class GoogLeNet(ImageClassifier):
    """The stem, nine inception modules with max pooling between the stages, and the classifier;
    with `aux_classifiers`, two more classifiers on inception_4a and inception_4d."""

    spec = spec

    def __init__(self, *, aux_classifiers=False, dropout=0.4, **kwargs):
        super().__init__("googlenet", aux_classifiers=aux_classifiers, dropout=dropout, **kwargs)
        self.conv1_pad = layers.ZeroPadding2D(3, name="conv1_pad")  # Caffe pads the 7x7/2 by 3
        self.conv1 = conv(64, 7, strides=2, padding="valid", name="conv1_7x7")
        self.pool1 = layers.MaxPooling2D(3, strides=2, padding="same", name="pool1")
        self.lrn1 = caffe_lrn(name="lrn1")
        self.conv2_reduce = conv(64, 1, name="conv2_3x3_reduce")
        self.conv2 = conv(192, 3, name="conv2_3x3")
        self.lrn2 = caffe_lrn(name="lrn2")
        self.pool2 = layers.MaxPooling2D(3, strides=2, padding="same", name="pool2")
        self.inception_3a = Inception(*spec.INCEPTION["3a"], name="inception_3a")
        self.inception_3b = Inception(*spec.INCEPTION["3b"], name="inception_3b")
        self.pool3 = layers.MaxPooling2D(3, strides=2, padding="same", name="pool3")
        self.inception_4a = Inception(*spec.INCEPTION["4a"], name="inception_4a")
        self.inception_4b = Inception(*spec.INCEPTION["4b"], name="inception_4b")
        self.inception_4c = Inception(*spec.INCEPTION["4c"], name="inception_4c")
        self.inception_4d = Inception(*spec.INCEPTION["4d"], name="inception_4d")
        self.inception_4e = Inception(*spec.INCEPTION["4e"], name="inception_4e")
        self.pool4 = layers.MaxPooling2D(3, strides=2, padding="same", name="pool4")
        self.inception_5a = Inception(*spec.INCEPTION["5a"], name="inception_5a")
        self.inception_5b = Inception(*spec.INCEPTION["5b"], name="inception_5b")
        self.aux1 = self.aux2 = None
        if aux_classifiers:
            self.aux1 = AuxiliaryClassifier(self.args.classes, self.args.classifier_activation, name="aux1")
            self.aux2 = AuxiliaryClassifier(self.args.classes, self.args.classifier_activation, name="aux2")
        self.top_layers = classifier_layers(self.args, dropout=dropout)

    def call(self, inputs, training=None):
        x = self.pool1(self.conv1(self.conv1_pad(inputs)))
        x = self.conv2(self.conv2_reduce(self.lrn1(x)))
        x = self.pool2(self.lrn2(x))
        x = self.inception_3b(self.inception_3a(x))
        x = self.inception_4a(self.pool3(x))
        aux1 = x
        x = self.inception_4d(self.inception_4c(self.inception_4b(x)))
        aux2 = x
        x = self.pool4(self.inception_4e(x))
        x = self.inception_5b(self.inception_5a(x))
        x = self.top(x)
        if self.aux1 is None:
            return x
        return {"predictions": x, "aux1": self.aux1(aux1), "aux2": self.aux2(aux2)}


def googlenet(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
              classifier_activation="softmax", name=None, aux_classifiers=False, dropout=0.4):
    """GoogLeNet (Szegedy et al., 2014) as a `keras.Model` subclass, `GoogLeNet`, 224x224 by default.

    aux_classifiers: add the two auxiliary classifiers; the model then outputs a dict
        {"predictions", "aux1", "aux2"} in training and in inference alike.
    dropout: the rate before the classifier.
    """
    return build_subclassed(GoogLeNet, "googlenet", locals())
