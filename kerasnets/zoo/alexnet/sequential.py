"""AlexNet as a `keras.Sequential`: five convolutions, three poolings and three dense layers."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.layers import LocalResponseNormalization
from kerasnets.zoo.alexnet import spec
from kerasnets.zoo.heads import classifier_layers


def alexnet(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
            classifier_activation="softmax", name=None, grouped=False, dropout=0.5):
    """AlexNet (Krizhevsky et al., 2012) as a `keras.Sequential`, 227x227 by default.

    grouped: split conv2, conv4 and conv5 in two groups, as the paper's two GPUs did.
    dropout: the rate after fc6 and fc7.
    """
    args, _ = resolve_spec(spec, "alexnet", locals())
    groups = 2 if grouped else 1
    stack = [
        keras.Input(shape=args.input_shape, name="input"),
        layers.Conv2D(96, 11, strides=4, activation="relu", name="conv1"),
        LocalResponseNormalization(name="conv1_lrn"),
        layers.MaxPooling2D(3, strides=2, name="pool1"),
        layers.Conv2D(256, 5, padding="same", groups=groups, activation="relu", name="conv2"),
        LocalResponseNormalization(name="conv2_lrn"),
        layers.MaxPooling2D(3, strides=2, name="pool2"),
        layers.Conv2D(384, 3, padding="same", activation="relu", name="conv3"),
        layers.Conv2D(384, 3, padding="same", groups=groups, activation="relu", name="conv4"),
        layers.Conv2D(256, 3, padding="same", groups=groups, activation="relu", name="conv5"),
        layers.MaxPooling2D(3, strides=2, name="pool5"),
        *classifier_layers(args, flatten=True, hidden=(4096, 4096), dropout=dropout),
    ]
    return load_weights(keras.Sequential(stack, name=args.name), args)
