"""ZFNet as a `keras.Sequential`: Figure 3 of the paper, layer after layer."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.layers import LocalResponseNormalization
from kerasnets.zoo.heads import classifier_layers
from kerasnets.zoo.zfnet import spec


def zfnet(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
          classifier_activation="softmax", name=None, dropout=0.5):
    """ZFNet (Zeiler and Fergus, 2013) as a `keras.Sequential`, 224x224 by default.

    dropout: the rate after fc6 and fc7.
    """
    args, _ = resolve_spec(spec, "zfnet", locals())
    stack = [
        keras.Input(shape=args.input_shape, name="input"),
        layers.ZeroPadding2D(1, name="conv1_pad"),
        layers.Conv2D(96, 7, strides=2, activation="relu", name="conv1"),
        layers.MaxPooling2D(3, strides=2, padding="same", name="pool1"),
        LocalResponseNormalization(name="pool1_lrn"),
        layers.Conv2D(256, 5, strides=2, activation="relu", name="conv2"),
        layers.MaxPooling2D(3, strides=2, padding="same", name="pool2"),
        LocalResponseNormalization(name="pool2_lrn"),
        layers.Conv2D(384, 3, padding="same", activation="relu", name="conv3"),
        layers.Conv2D(384, 3, padding="same", activation="relu", name="conv4"),
        layers.Conv2D(256, 3, padding="same", activation="relu", name="conv5"),
        layers.MaxPooling2D(3, strides=2, name="pool5"),
        *classifier_layers(args, flatten=True, hidden=(4096, 4096), dropout=dropout),
    ]
    return load_weights(keras.Sequential(stack, name=args.name), args)
