"""LeNet-5 as a `keras.Model` subclass: the layers of Figure 2 as attributes, wired in `call`."""

import keras
from keras import layers

from kerasnets.zoo.heads import pooling_layers, predictions_layer
from kerasnets.zoo.lenet import spec
from kerasnets.zoo.subclassing import ImageClassifier, build_subclassed


@keras.saving.register_keras_serializable(package="kerasnets")
class LeNet5(ImageClassifier):
    """C1-S2-C3-S4-C5, then F6 and the output layer; `modern`: ReLU and max pooling."""

    spec = spec

    def __init__(self, *, modern=False, **kwargs):
        super().__init__("lenet5", modern=modern, **kwargs)
        activation = "relu" if modern else "tanh"
        subsampling = layers.MaxPooling2D if modern else layers.AveragePooling2D
        self.c1 = layers.Conv2D(6, 5, activation=activation, name="c1")
        self.s2 = subsampling(2, name="s2")
        self.c3 = layers.Conv2D(16, 5, activation=activation, name="c3")
        self.s4 = subsampling(2, name="s4")
        self.c5 = layers.Conv2D(120, 5, activation=activation, name="c5")
        if self.args.include_top:
            self.top_layers = [
                layers.Flatten(name="flatten"),
                layers.Dense(84, activation=activation, name="f6"),
                layers.Dense(self.args.classes, name="predictions"),
                predictions_layer(self.args.classifier_activation),
            ]
        else:
            self.top_layers = pooling_layers(self.args.pooling)

    def call(self, inputs, training=None):
        x = self.c1(inputs)
        x = self.s2(x)
        x = self.c3(x)
        x = self.s4(x)
        x = self.c5(x)
        return self.top(x)


def lenet5(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
           classifier_activation="softmax", name=None, modern=False):
    """LeNet-5 (LeCun et al., 1998) as a `keras.Model` subclass, `LeNet5`, 32x32x1 by default.

    modern: ReLU and max pooling instead of tanh and average subsampling.
    """
    return build_subclassed(LeNet5, "lenet5", locals())
