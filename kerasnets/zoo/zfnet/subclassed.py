"""ZFNet as a `keras.Model` subclass: the layers of Figure 3 as attributes, wired in `call`."""

import keras
from keras import layers

from kerasnets.layers import LocalResponseNormalization
from kerasnets.zoo.heads import classifier_layers
from kerasnets.zoo.subclassing import ImageClassifier, build_subclassed
from kerasnets.zoo.zfnet import spec


@keras.saving.register_keras_serializable(package="kerasnets")
class ZFNet(ImageClassifier):
    """AlexNet with a 7x7/2 first layer and a 5x5/2 second one, as Figure 3 draws it."""

    spec = spec

    def __init__(self, *, dropout=0.5, **kwargs):
        super().__init__("zfnet", dropout=dropout, **kwargs)
        self.conv1_pad = layers.ZeroPadding2D(1, name="conv1_pad")
        self.conv1 = layers.Conv2D(96, 7, strides=2, activation="relu", name="conv1")
        self.pool1 = layers.MaxPooling2D(3, strides=2, padding="same", name="pool1")
        self.pool1_lrn = LocalResponseNormalization(name="pool1_lrn")
        self.conv2 = layers.Conv2D(256, 5, strides=2, activation="relu", name="conv2")
        self.pool2 = layers.MaxPooling2D(3, strides=2, padding="same", name="pool2")
        self.pool2_lrn = LocalResponseNormalization(name="pool2_lrn")
        self.conv3 = layers.Conv2D(384, 3, padding="same", activation="relu", name="conv3")
        self.conv4 = layers.Conv2D(384, 3, padding="same", activation="relu", name="conv4")
        self.conv5 = layers.Conv2D(256, 3, padding="same", activation="relu", name="conv5")
        self.pool5 = layers.MaxPooling2D(3, strides=2, name="pool5")
        self.top_layers = classifier_layers(self.args, flatten=True, hidden=(4096, 4096), dropout=dropout)

    def call(self, inputs, training=None):
        x = self.conv1(self.conv1_pad(inputs))
        x = self.pool1_lrn(self.pool1(x))
        x = self.pool2_lrn(self.pool2(self.conv2(x)))
        x = self.conv3(x)
        x = self.conv4(x)
        x = self.pool5(self.conv5(x))
        return self.top(x)


def zfnet(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
          classifier_activation="softmax", name=None, dropout=0.5):
    """ZFNet (Zeiler and Fergus, 2013) as a `keras.Model` subclass, `ZFNet`, 224x224 by default.

    dropout: the rate after fc6 and fc7.
    """
    return build_subclassed(ZFNet, "zfnet", locals())
