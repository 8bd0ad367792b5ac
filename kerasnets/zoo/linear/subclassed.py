"""The subclassed rendering of the linear networks: a list of layers made in `__init__`,
looped over in `call`. One base class serves the five families; each has its own name."""

import keras

from kerasnets.zoo.linear import alexnet, lenet, nin, vgg, zfnet
from kerasnets.zoo.subclassing import ImageClassifier, build_in_order


class LinearNetwork(ImageClassifier):
    """A network that is a plain chain of layers, written out as a loop."""

    def __init__(self, variant, **kwargs):
        super().__init__(variant, **kwargs)
        self.chain = self.spec.network_layers(self.args, **self.options)

    def build(self, input_shape):
        self.check_built_shape(input_shape)
        build_in_order(self.chain, input_shape)

    def call(self, inputs, training=None):
        x = inputs
        for layer in self.chain:
            x = layer(x, training=training)
        return x


@keras.saving.register_keras_serializable(package="kerasnets")
class LeNet5(LinearNetwork):
    spec = lenet


@keras.saving.register_keras_serializable(package="kerasnets")
class AlexNet(LinearNetwork):
    spec = alexnet


@keras.saving.register_keras_serializable(package="kerasnets")
class ZFNet(LinearNetwork):
    spec = zfnet


@keras.saving.register_keras_serializable(package="kerasnets")
class VGG(LinearNetwork):
    spec = vgg


@keras.saving.register_keras_serializable(package="kerasnets")
class NiN(LinearNetwork):
    spec = nin


MODEL_CLASSES = {"lenet": LeNet5, "alexnet": AlexNet, "zfnet": ZFNet, "vgg": VGG, "nin": NiN}
