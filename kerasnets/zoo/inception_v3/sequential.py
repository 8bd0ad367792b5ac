"""Inception-v3 as a `keras.Sequential`: each block is one `Parallel` layer that holds a
`keras.Sequential` per branch and concatenates their outputs. A stack has one output, so
the auxiliary classifier is refused."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, refuse_aux_in_sequential, resolve_spec
from kerasnets.layers import Parallel
from kerasnets.zoo import primitives
from kerasnets.zoo.primitives import branch, split
from kerasnets.zoo.heads import classifier_layers
from kerasnets.zoo.inception_v3 import spec


def conv_bn(filters, kernel_size, strides=1, padding="same", *, name):
    """The unit of every branch: convolution, BatchNormalization (no scale), ReLU."""
    return primitives.conv_bn(filters, kernel_size, strides, padding, scale=False, name=name)


def average_pool(name):
    return [layers.AveragePooling2D(3, strides=1, padding="same", name=name)]


def max_pool(name):
    return [layers.MaxPooling2D(3, strides=2, name=name)]


def inception_a(pool_proj, *, name):
    """Figure 5, on the 35x35 grid: the 5x5 of Inception v1 as it is, and two 3x3 in series."""
    return Parallel([
        branch(conv_bn(64, 1, name=f"{name}_branch1_1"), name=f"{name}_branch1"),
        branch(conv_bn(48, 1, name=f"{name}_branch2_1"),
               conv_bn(64, 5, name=f"{name}_branch2_2"), name=f"{name}_branch2"),
        branch(conv_bn(64, 1, name=f"{name}_branch3_1"),
               conv_bn(96, 3, name=f"{name}_branch3_2"),
               conv_bn(96, 3, name=f"{name}_branch3_3"), name=f"{name}_branch3"),
        branch(average_pool(f"{name}_branch4_1"),
               conv_bn(pool_proj, 1, name=f"{name}_branch4_2"), name=f"{name}_branch4"),
    ], name=name)


def reduction_a(*, name):
    """35x35 to 17x17 (Figure 10): strided convolutions beside a strided pooling."""
    return Parallel([
        branch(conv_bn(384, 3, strides=2, padding="valid", name=f"{name}_branch1_1"), name=f"{name}_branch1"),
        branch(conv_bn(64, 1, name=f"{name}_branch2_1"),
               conv_bn(96, 3, name=f"{name}_branch2_2"),
               conv_bn(96, 3, strides=2, padding="valid", name=f"{name}_branch2_3"), name=f"{name}_branch2"),
        branch(max_pool(f"{name}_branch3_1"), name=f"{name}_branch3"),
    ], name=name)


def inception_b(channels_7x7, *, name):
    """Figure 6, on the 17x17 grid: each 7x7 convolution factorized into 1x7 and 7x1."""
    c7 = channels_7x7
    return Parallel([
        branch(conv_bn(192, 1, name=f"{name}_branch1_1"), name=f"{name}_branch1"),
        branch(conv_bn(c7, 1, name=f"{name}_branch2_1"),
               conv_bn(c7, (1, 7), name=f"{name}_branch2_2"),
               conv_bn(192, (7, 1), name=f"{name}_branch2_3"), name=f"{name}_branch2"),
        branch(conv_bn(c7, 1, name=f"{name}_branch3_1"),
               conv_bn(c7, (7, 1), name=f"{name}_branch3_2"),
               conv_bn(c7, (1, 7), name=f"{name}_branch3_3"),
               conv_bn(c7, (7, 1), name=f"{name}_branch3_4"),
               conv_bn(192, (1, 7), name=f"{name}_branch3_5"), name=f"{name}_branch3"),
        branch(average_pool(f"{name}_branch4_1"),
               conv_bn(192, 1, name=f"{name}_branch4_2"), name=f"{name}_branch4"),
    ], name=name)


def reduction_b(*, name):
    """17x17 to 8x8: strided 3x3 convolutions beside a strided pooling."""
    return Parallel([
        branch(conv_bn(192, 1, name=f"{name}_branch1_1"),
               conv_bn(320, 3, strides=2, padding="valid", name=f"{name}_branch1_2"), name=f"{name}_branch1"),
        branch(conv_bn(192, 1, name=f"{name}_branch2_1"),
               conv_bn(192, (1, 7), name=f"{name}_branch2_2"),
               conv_bn(192, (7, 1), name=f"{name}_branch2_3"),
               conv_bn(192, 3, strides=2, padding="valid", name=f"{name}_branch2_4"), name=f"{name}_branch2"),
        branch(max_pool(f"{name}_branch3_1"), name=f"{name}_branch3"),
    ], name=name)


def inception_c(*, name):
    """Figure 7, on the 8x8 grid: the 3x3 branches widened by splitting into 1x3 and 3x1."""
    return Parallel([
        branch(conv_bn(320, 1, name=f"{name}_branch1_1"), name=f"{name}_branch1"),
        branch(conv_bn(384, 1, name=f"{name}_branch2_1"),
               split(conv_bn(384, (1, 3), name=f"{name}_branch2_2a"),
                     conv_bn(384, (3, 1), name=f"{name}_branch2_2b"), name=f"{name}_branch2_2"),
               name=f"{name}_branch2"),
        branch(conv_bn(448, 1, name=f"{name}_branch3_1"),
               conv_bn(384, 3, name=f"{name}_branch3_2"),
               split(conv_bn(384, (1, 3), name=f"{name}_branch3_3a"),
                     conv_bn(384, (3, 1), name=f"{name}_branch3_3b"), name=f"{name}_branch3_3"),
               name=f"{name}_branch3"),
        branch(average_pool(f"{name}_branch4_1"),
               conv_bn(192, 1, name=f"{name}_branch4_2"), name=f"{name}_branch4"),
    ], name=name)


def inception_v3(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                 classifier_activation="softmax", name=None, aux_classifiers=False, dropout=0.2):
    """Inception-v3 (Szegedy et al., 2015) as a `keras.Sequential`, 299x299 by default.

    aux_classifiers: must stay False here (a stack has one output): use the functional or
        subclassed style for the auxiliary classifier.
    dropout: the rate before the classifier.
    """
    args, _ = resolve_spec(spec, "inception_v3", locals())
    refuse_aux_in_sequential("inception_v3", aux_classifiers)
    stack = [
        keras.Input(shape=args.input_shape, name="input"),
        *conv_bn(32, 3, strides=2, padding="valid", name="conv2d_1a_3x3"),
        *conv_bn(32, 3, padding="valid", name="conv2d_2a_3x3"),
        *conv_bn(64, 3, name="conv2d_2b_3x3"),
        layers.MaxPooling2D(3, strides=2, name="maxpool_3a_3x3"),
        *conv_bn(80, 1, padding="valid", name="conv2d_3b_1x1"),
        *conv_bn(192, 3, padding="valid", name="conv2d_4a_3x3"),
        layers.MaxPooling2D(3, strides=2, name="maxpool_5a_3x3"),
        *[inception_a(pool_proj, name=block) for block, pool_proj in spec.INCEPTION_A.items()],
        reduction_a(name="mixed_6a"),
        *[inception_b(channels_7x7, name=block) for block, channels_7x7 in spec.INCEPTION_B.items()],
        reduction_b(name="mixed_7a"),
        *[inception_c(name=block) for block in spec.INCEPTION_C],
        *classifier_layers(args, dropout=dropout),
    ]
    return load_weights(keras.Sequential(stack, name=args.name), args)
