"""ResNet as `keras.Model` subclass: a `ResidualBlock` layer class and a model that loops
over its blocks."""

import keras
from keras import layers

from kerasnets.zoo.heads import classifier_layers
from kerasnets.zoo.resnet import spec
from kerasnets.zoo.resnet.layers import main_path, shortcut_path, stem
from kerasnets.zoo.subclassing import ImageClassifier, build_in_order, output_shape_in_order


@keras.saving.register_keras_serializable(package="kerasnets")
class ResidualBlock(keras.layers.Layer):
    """relu(main(x) + shortcut(x)); the block's shape comes from the spec's BlockSpec."""

    def __init__(self, kind, filters, strides, project, conv_bias=False, **kwargs):
        super().__init__(**kwargs)
        self.spec = spec.BlockSpec(self.name, kind, filters, strides, project)
        self.conv_bias = conv_bias
        self.main = main_path(self.spec, conv_bias)
        self.shortcut = shortcut_path(self.spec, conv_bias) or []
        self.out = layers.Activation("relu", name=f"{self.name}_out")

    def build(self, input_shape):
        build_in_order(self.main, input_shape)
        build_in_order(self.shortcut, input_shape)

    def call(self, inputs, training=None):
        x = inputs
        for layer in self.main:
            x = layer(x, training=training)
        identity = inputs
        for layer in self.shortcut:
            identity = layer(identity, training=training)
        return self.out(x + identity)

    def compute_output_shape(self, input_shape):
        return output_shape_in_order(self.main, input_shape)

    def get_config(self):
        block = self.spec
        return {
            **super().get_config(),
            "kind": block.kind,
            "filters": block.filters,
            "strides": block.strides,
            "project": block.project,
            "conv_bias": self.conv_bias,
        }


@keras.saving.register_keras_serializable(package="kerasnets")
class ResNet(ImageClassifier):
    spec = spec

    def __init__(self, variant, **kwargs):
        super().__init__(variant, **kwargs)
        conv_bias = self.options["conv_bias"]
        self.stem = stem(conv_bias)
        self.blocks = [
            ResidualBlock(block.kind, block.filters, block.strides, block.project, conv_bias, name=block.name)
            for block in spec.blocks(variant)
        ]
        self.head = classifier_layers(self.args)

    def build(self, input_shape):
        self.check_built_shape(input_shape)
        shape = build_in_order(self.stem, input_shape)
        shape = build_in_order(self.blocks, shape)
        build_in_order(self.head, shape)

    def call(self, inputs, training=None):
        x = inputs
        for layer in self.stem + self.blocks + self.head:
            x = layer(x, training=training)
        return x



