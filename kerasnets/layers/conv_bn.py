"""`ConvBN`: a convolution, its BatchNormalization and a ReLU, as one layer for subclassed code."""

import keras

from kerasnets.zoo.primitives import conv_bn


@keras.saving.register_keras_serializable(package="kerasnets")
class ConvBN(keras.layers.Layer):
    """Conv2D -> BatchNormalization -> ReLU (torchvision's BasicConv2d), children named
    `<name>_conv`, `<name>_bn`, `<name>_relu` as in the other two styles.

    The arguments are `kerasnets.zoo.primitives.conv_bn`'s; `activation=None` leaves the
    ReLU out (the last unit of a residual branch).
    """

    def __init__(self, filters, kernel_size, strides=1, padding="same", *, groups=1, use_bias=False, scale=True,
                 epsilon=1e-3, activation="relu", **kwargs):
        super().__init__(**kwargs)
        self.unit_config = dict(filters=filters, kernel_size=kernel_size, strides=strides, padding=padding,
                                groups=groups, use_bias=use_bias, scale=scale, epsilon=epsilon, activation=activation)
        self.units = conv_bn(**self.unit_config, name=self.name)

    def build(self, input_shape):
        for unit in self.units:
            unit.build(input_shape)
            input_shape = unit.compute_output_shape(input_shape)

    def call(self, inputs):
        x = inputs
        for unit in self.units:
            x = unit(x)
        return x

    def compute_output_shape(self, input_shape):
        for unit in self.units:
            input_shape = unit.compute_output_shape(input_shape)
        return input_shape

    def get_config(self):
        return {**super().get_config(), **self.unit_config}
