"""NiN as a `keras.Model` subclass: an `NiNBlock` layer class, used four times."""

import keras
from keras import layers

from kerasnets.zoo.heads import pooling_layers, predictions_layer
from kerasnets.zoo.nin import spec
from kerasnets.zoo.subclassing import ImageClassifier, build_subclassed


@keras.saving.register_keras_serializable(package="kerasnets")
class NiNBlock(keras.layers.Layer):
    """The mlpconv layer: a kxk convolution and two 1x1 convolutions, each with a ReLU."""

    def __init__(self, width, kernel_size, strides, out_width=None, **kwargs):
        super().__init__(**kwargs)
        self.width, self.kernel_size, self.strides, self.out_width = width, kernel_size, strides, out_width
        padding = "valid" if strides > 1 else "same"
        self.conv = layers.Conv2D(width, kernel_size, strides=strides, padding=padding, activation="relu",
                                  name=f"{self.name}_conv")
        self.mlp1 = layers.Conv2D(width, 1, activation="relu", name=f"{self.name}_mlp1")
        self.mlp2 = layers.Conv2D(out_width or width, 1, activation="relu", name=f"{self.name}_mlp2")

    def call(self, inputs):
        return self.mlp2(self.mlp1(self.conv(inputs)))

    def get_config(self):
        return {**super().get_config(), "width": self.width, "kernel_size": self.kernel_size,
                "strides": self.strides, "out_width": self.out_width}


@keras.saving.register_keras_serializable(package="kerasnets")
class NiN(ImageClassifier):
    """Three NiN blocks with max pooling, then a fourth with one map per class, averaged."""

    spec = spec

    def __init__(self, *, dropout=0.5, **kwargs):
        super().__init__("nin", dropout=dropout, **kwargs)
        self.block1 = NiNBlock(*spec.BLOCKS["block1"], name="block1")
        self.block1_pool = layers.MaxPooling2D(3, strides=2, name="block1_pool")
        self.block2 = NiNBlock(*spec.BLOCKS["block2"], name="block2")
        self.block2_pool = layers.MaxPooling2D(3, strides=2, name="block2_pool")
        self.block3 = NiNBlock(*spec.BLOCKS["block3"], name="block3")
        self.block3_pool = layers.MaxPooling2D(3, strides=2, name="block3_pool")
        if self.args.include_top:
            self.top_layers = [layers.Dropout(dropout, name="dropout")] if dropout else []
            self.top_layers += [
                NiNBlock(*spec.BLOCKS["block4"], out_width=self.args.classes, name="block4"),
                layers.GlobalAveragePooling2D(name="avg_pool"),
                predictions_layer(self.args.classifier_activation),
            ]
        else:
            self.top_layers = pooling_layers(self.args.pooling)

    def call(self, inputs, training=None):
        x = self.block1_pool(self.block1(inputs))
        x = self.block2_pool(self.block2(x))
        x = self.block3_pool(self.block3(x))
        return self.top(x)  # dropout, block4, global average pooling


def nin(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
        classifier_activation="softmax", name=None, dropout=0.5):
    """Network in Network (Lin et al., 2013) as a `keras.Model` subclass, `NiN`, 224x224 by default.

    dropout: the rate before the last NiN block.
    """
    return build_subclassed(NiN, "nin", locals())
