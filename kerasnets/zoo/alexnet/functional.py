"""AlexNet in the functional API: each layer applied to the tensor before it."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.layers import LocalResponseNormalization
from kerasnets.zoo.alexnet import spec
from kerasnets.zoo.heads import classifier
from kerasnets.zoo.inputs import model_inputs


def alexnet(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None,
            classes=1000, classifier_activation="softmax", name=None, grouped=False, dropout=0.5):
    """AlexNet (Krizhevsky et al., 2012) as a functional model, 227x227 by default.

    grouped: split conv2, conv4 and conv5 in two groups, as the paper's two GPUs did.
    dropout: the rate after fc6 and fc7.
    """
    args, _ = resolve_spec(spec, "alexnet", locals())
    groups = 2 if grouped else 1
    inputs, x = model_inputs(args)
    x = layers.Conv2D(96, 11, strides=4, activation="relu", name="conv1")(x)
    x = LocalResponseNormalization(name="conv1_lrn")(x)
    x = layers.MaxPooling2D(3, strides=2, name="pool1")(x)
    x = layers.Conv2D(256, 5, padding="same", groups=groups, activation="relu", name="conv2")(x)
    x = LocalResponseNormalization(name="conv2_lrn")(x)
    x = layers.MaxPooling2D(3, strides=2, name="pool2")(x)
    x = layers.Conv2D(384, 3, padding="same", activation="relu", name="conv3")(x)
    x = layers.Conv2D(384, 3, padding="same", groups=groups, activation="relu", name="conv4")(x)
    x = layers.Conv2D(256, 3, padding="same", groups=groups, activation="relu", name="conv5")(x)
    x = layers.MaxPooling2D(3, strides=2, name="pool5")(x)
    x = classifier(x, args, flatten=True, hidden=(4096, 4096), dropout=dropout)
    return load_weights(keras.Model(inputs, x, name=args.name), args)
