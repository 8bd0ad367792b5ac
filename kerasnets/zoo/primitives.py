"""Factories of the primitive layers that several families share; no network is decided here.

`conv_bn` is the unit of every batch-normalized family: a convolution, BatchNormalization
and (unless `activation=None`) a ReLU, named `<name>_conv`, `<name>_bn` and `<name>_relu`.
The Sequential renderings stack the list (and chain units into a block's branch with
`branch`); `kerasnets.layers.ConvBN` holds the same three layers for the subclassed
renderings; the functional renderings write their own three lines.
"""

import keras
from keras import layers

from kerasnets.layers.combinators import Parallel
from kerasnets.layers.normalization import LocalResponseNormalization


def conv_bn(filters, kernel_size, strides=1, padding="same", *, name, groups=1, use_bias=False, scale=True,
            epsilon=1e-3, activation="relu"):
    """[Conv2D, BatchNormalization, Activation]: a convolution without bias by default, since
    BatchNormalization's offset makes a bias redundant."""
    units = [
        layers.Conv2D(filters, kernel_size, strides=strides, padding=padding, groups=groups, use_bias=use_bias,
                      name=f"{name}_conv"),
        layers.BatchNormalization(scale=scale, epsilon=epsilon, name=f"{name}_bn"),
    ]
    if activation is not None:
        units.append(layers.Activation(activation, name=f"{name}_relu"))
    return units


def caffe_lrn(name):
    """Caffe's LRN layer (k=1, alpha=1e-4 divided by n=5, beta=0.75), as the Caffe models use it."""
    return LocalResponseNormalization(depth_radius=2, bias=1.0, alpha=2e-5, beta=0.75, name=name)


def branch(*units, name):
    """One branch of a block in a Sequential rendering: its units (each a list of layers, as
    `conv_bn` gives) chained in a `keras.Sequential`, for a `Parallel` layer to hold."""
    return keras.Sequential([layer for unit in units for layer in unit], name=name)


def split(first, second, *, name):
    """A fork inside a branch (Inception-v3's and v4's 1x3 beside 3x1): two units on one input,
    concatenated; a one-layer unit for `branch`."""
    return [Parallel([branch(first, name=f"{name}a_stack"), branch(second, name=f"{name}b_stack")], name=name)]
