"""ZFNet in the functional API: Figure 3 of the paper, each layer applied to the last tensor."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.layers import LocalResponseNormalization
from kerasnets.zoo.heads import classifier
from kerasnets.zoo.inputs import model_inputs
from kerasnets.zoo.zfnet import spec


def zfnet(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None,
          classes=1000, classifier_activation="softmax", name=None, dropout=0.5):
    """ZFNet (Zeiler and Fergus, 2013) as a functional model, 224x224 by default.

    dropout: the rate after fc6 and fc7.
    """
    args, _ = resolve_spec(spec, "zfnet", locals())
    inputs, x = model_inputs(args)
    x = layers.ZeroPadding2D(1, name="conv1_pad")(x)
    x = layers.Conv2D(96, 7, strides=2, activation="relu", name="conv1")(x)
    x = layers.MaxPooling2D(3, strides=2, padding="same", name="pool1")(x)
    x = LocalResponseNormalization(name="pool1_lrn")(x)
    x = layers.Conv2D(256, 5, strides=2, activation="relu", name="conv2")(x)
    x = layers.MaxPooling2D(3, strides=2, padding="same", name="pool2")(x)
    x = LocalResponseNormalization(name="pool2_lrn")(x)
    x = layers.Conv2D(384, 3, padding="same", activation="relu", name="conv3")(x)
    x = layers.Conv2D(384, 3, padding="same", activation="relu", name="conv4")(x)
    x = layers.Conv2D(256, 3, padding="same", activation="relu", name="conv5")(x)
    x = layers.MaxPooling2D(3, strides=2, name="pool5")(x)
    x = classifier(x, args, flatten=True, hidden=(4096, 4096), dropout=dropout)
    return load_weights(keras.Model(inputs, x, name=args.name), args)
