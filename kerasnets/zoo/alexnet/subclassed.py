"""AlexNet as a `keras.Model` subclass: its layers as attributes, wired in `call`."""

import keras
from keras import layers

from kerasnets.layers import LocalResponseNormalization
from kerasnets.zoo.alexnet import spec
from kerasnets.zoo.heads import classifier_layers
from kerasnets.zoo.subclassing import ImageClassifier, build_subclassed


@keras.saving.register_keras_serializable(package="kerasnets")
class AlexNet(ImageClassifier):
    """Five convolutions with LRN and overlapping pooling, then fc6, fc7 and the classifier."""

    spec = spec

    def __init__(self, *, grouped=False, dropout=0.5, **kwargs):
        super().__init__("alexnet", grouped=grouped, dropout=dropout, **kwargs)
        groups = 2 if grouped else 1
        self.conv1 = layers.Conv2D(96, 11, strides=4, activation="relu", name="conv1")
        self.conv1_lrn = LocalResponseNormalization(name="conv1_lrn")
        self.pool1 = layers.MaxPooling2D(3, strides=2, name="pool1")
        self.conv2 = layers.Conv2D(256, 5, padding="same", groups=groups, activation="relu", name="conv2")
        self.conv2_lrn = LocalResponseNormalization(name="conv2_lrn")
        self.pool2 = layers.MaxPooling2D(3, strides=2, name="pool2")
        self.conv3 = layers.Conv2D(384, 3, padding="same", activation="relu", name="conv3")
        self.conv4 = layers.Conv2D(384, 3, padding="same", groups=groups, activation="relu", name="conv4")
        self.conv5 = layers.Conv2D(256, 3, padding="same", groups=groups, activation="relu", name="conv5")
        self.pool5 = layers.MaxPooling2D(3, strides=2, name="pool5")
        self.top_layers = classifier_layers(self.args, flatten=True, hidden=(4096, 4096), dropout=dropout)

    def call(self, inputs, training=None):
        x = self.pool1(self.conv1_lrn(self.conv1(inputs)))
        x = self.pool2(self.conv2_lrn(self.conv2(x)))
        x = self.conv3(x)
        x = self.conv4(x)
        x = self.pool5(self.conv5(x))
        return self.top(x)


def alexnet(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
            classifier_activation="softmax", name=None, grouped=False, dropout=0.5):
    """AlexNet (Krizhevsky et al., 2012) as a `keras.Model` subclass, `AlexNet`, 227x227 by default.

    grouped: split conv2, conv4 and conv5 in two groups, as the paper's two GPUs did.
    dropout: the rate after fc6 and fc7.
    """
    return build_subclassed(AlexNet, "alexnet", locals())
