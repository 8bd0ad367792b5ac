"""VGG in the functional API: `vgg_block(x, ...)` adds one block of Table 1 to the graph."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.zoo.heads import classifier
from kerasnets.zoo.inputs import model_inputs
from kerasnets.zoo.vgg import spec


def vgg_block(x, widths, batch_norm, name):
    """The 3x3 convolutions of one block of Table 1, then its 2x2 max pooling."""
    for index, width in enumerate(widths, start=1):
        conv = f"{name}_conv{index}"
        if batch_norm:
            x = layers.Conv2D(width, 3, padding="same", name=conv)(x)
            x = layers.BatchNormalization(epsilon=spec.BN_EPSILON, name=f"{conv}_bn")(x)
            x = layers.ReLU(name=f"{conv}_relu")(x)
        else:
            x = layers.Conv2D(width, 3, padding="same", activation="relu", name=conv)(x)
    return layers.MaxPooling2D(2, name=f"{name}_pool")(x)


def vgg(variant, *, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None,
        classes=1000, classifier_activation="softmax", name=None, dropout=0.5):
    """The VGG `variant` (a key of `spec.VARIANTS`) as a functional model, 224x224 by default.

    dropout: the rate after fc1 and fc2.
    """
    args, _ = resolve_spec(spec, variant, locals())
    column, batch_norm = spec.VARIANTS[variant]
    inputs, x = model_inputs(args)
    for index, widths in enumerate(spec.CONFIGS[column], start=1):
        x = vgg_block(x, widths, batch_norm, name=f"block{index}")
    x = classifier(x, args, flatten=True, hidden=(4096, 4096), dropout=dropout)
    return load_weights(keras.Model(inputs, x, name=args.name), args)


def vgg11(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None, classes=1000,
          classifier_activation="softmax", name=None, dropout=0.5):
    """VGG-11, column A of Table 1, as a functional model."""
    return vgg("vgg11", **locals())


def vgg13(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None, classes=1000,
          classifier_activation="softmax", name=None, dropout=0.5):
    """VGG-13, column B of Table 1, as a functional model."""
    return vgg("vgg13", **locals())


def vgg16(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None, classes=1000,
          classifier_activation="softmax", name=None, dropout=0.5):
    """VGG-16, column D of Table 1, as a functional model."""
    return vgg("vgg16", **locals())


def vgg19(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None, classes=1000,
          classifier_activation="softmax", name=None, dropout=0.5):
    """VGG-19, column E of Table 1, as a functional model."""
    return vgg("vgg19", **locals())


def vgg11_bn(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None, classes=1000,
             classifier_activation="softmax", name=None, dropout=0.5):
    """VGG-11 with BatchNormalization, column A of Table 1, as a functional model."""
    return vgg("vgg11_bn", **locals())


def vgg13_bn(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None, classes=1000,
             classifier_activation="softmax", name=None, dropout=0.5):
    """VGG-13 with BatchNormalization, column B of Table 1, as a functional model."""
    return vgg("vgg13_bn", **locals())


def vgg16_bn(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None, classes=1000,
             classifier_activation="softmax", name=None, dropout=0.5):
    """VGG-16 with BatchNormalization, column D of Table 1, as a functional model."""
    return vgg("vgg16_bn", **locals())


def vgg19_bn(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None, classes=1000,
             classifier_activation="softmax", name=None, dropout=0.5):
    """VGG-19 with BatchNormalization, column E of Table 1, as a functional model."""
    return vgg("vgg19_bn", **locals())
