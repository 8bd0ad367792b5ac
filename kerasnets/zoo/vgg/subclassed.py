"""VGG as a `keras.Model` subclass: a `VGGBlock` layer class per block of Table 1."""

import keras
from keras import layers

from kerasnets.zoo.heads import classifier_layers
from kerasnets.zoo.subclassing import ImageClassifier, build_subclassed
from kerasnets.zoo.vgg import spec


@keras.saving.register_keras_serializable(package="kerasnets")
class VGGBlock(keras.layers.Layer):
    """3x3 convolutions of the given `widths` (each with BatchNormalization if `batch_norm`)
    and a ReLU, then a 2x2 max pooling."""

    def __init__(self, widths, batch_norm=False, **kwargs):
        super().__init__(**kwargs)
        self.widths, self.batch_norm = tuple(widths), batch_norm
        self.units = []  # a VGG block is a chain: its length is the configuration's
        for index, width in enumerate(self.widths, start=1):
            conv = f"{self.name}_conv{index}"
            if batch_norm:
                self.units += [
                    layers.Conv2D(width, 3, padding="same", name=conv),
                    layers.BatchNormalization(epsilon=spec.BN_EPSILON, name=f"{conv}_bn"),
                    layers.ReLU(name=f"{conv}_relu"),
                ]
            else:
                self.units.append(layers.Conv2D(width, 3, padding="same", activation="relu", name=conv))
        self.units.append(layers.MaxPooling2D(2, name=f"{self.name}_pool"))

    def call(self, inputs):
        x = inputs
        for unit in self.units:
            x = unit(x)
        return x

    def get_config(self):
        return {**super().get_config(), "widths": self.widths, "batch_norm": self.batch_norm}


@keras.saving.register_keras_serializable(package="kerasnets")
class VGG(ImageClassifier):
    """Five `VGGBlock`s, one per block of the configuration, then fc1, fc2 and the classifier."""

    spec = spec

    def __init__(self, variant, *, dropout=0.5, **kwargs):
        super().__init__(variant, dropout=dropout, **kwargs)
        column, batch_norm = spec.VARIANTS[variant]
        self.blocks = [VGGBlock(widths, batch_norm, name=f"block{index}")
                       for index, widths in enumerate(spec.CONFIGS[column], start=1)]
        self.top_layers = classifier_layers(self.args, flatten=True, hidden=(4096, 4096), dropout=dropout)

    def call(self, inputs, training=None):
        x = inputs
        for block in self.blocks:
            x = block(x)
        return self.top(x)

    def get_config(self):
        return {**super().get_config(), "variant": self.args.variant}


def vgg11(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
          classifier_activation="softmax", name=None, dropout=0.5):
    """VGG-11, column A of Table 1, as a `keras.Model` subclass, `VGG`."""
    return build_subclassed(VGG, "vgg11", locals())


def vgg13(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
          classifier_activation="softmax", name=None, dropout=0.5):
    """VGG-13, column B of Table 1, as a `keras.Model` subclass, `VGG`."""
    return build_subclassed(VGG, "vgg13", locals())


def vgg16(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
          classifier_activation="softmax", name=None, dropout=0.5):
    """VGG-16, column D of Table 1, as a `keras.Model` subclass, `VGG`."""
    return build_subclassed(VGG, "vgg16", locals())


def vgg19(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
          classifier_activation="softmax", name=None, dropout=0.5):
    """VGG-19, column E of Table 1, as a `keras.Model` subclass, `VGG`."""
    return build_subclassed(VGG, "vgg19", locals())


def vgg11_bn(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
             classifier_activation="softmax", name=None, dropout=0.5):
    """VGG-11 with BatchNormalization, column A of Table 1, as a `keras.Model` subclass, `VGG`."""
    return build_subclassed(VGG, "vgg11_bn", locals())


def vgg13_bn(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
             classifier_activation="softmax", name=None, dropout=0.5):
    """VGG-13 with BatchNormalization, column B of Table 1, as a `keras.Model` subclass, `VGG`."""
    return build_subclassed(VGG, "vgg13_bn", locals())


def vgg16_bn(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
             classifier_activation="softmax", name=None, dropout=0.5):
    """VGG-16 with BatchNormalization, column D of Table 1, as a `keras.Model` subclass, `VGG`."""
    return build_subclassed(VGG, "vgg16_bn", locals())


def vgg19_bn(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
             classifier_activation="softmax", name=None, dropout=0.5):
    """VGG-19 with BatchNormalization, column E of Table 1, as a `keras.Model` subclass, `VGG`."""
    return build_subclassed(VGG, "vgg19_bn", locals())
