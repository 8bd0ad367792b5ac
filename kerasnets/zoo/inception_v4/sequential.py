"""Inception-v4 as a `keras.Sequential`: each block of Figure 9 (the stem's three splits
included) is one `Parallel` layer that holds a `keras.Sequential` per branch."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.layers import Parallel
from kerasnets.zoo import primitives
from kerasnets.zoo.heads import classifier_layers
from kerasnets.zoo.inception_v4 import spec
from kerasnets.zoo.primitives import branch, split


def conv_bn(filters, kernel_size, strides=1, padding="same", *, name):
    """The unit of every branch: convolution without bias, BatchNormalization, ReLU."""
    return primitives.conv_bn(filters, kernel_size, strides, padding, name=name)


def average_pool(name):
    return [layers.AveragePooling2D(3, strides=1, padding="same", name=name)]


def max_pool(name):
    return [layers.MaxPooling2D(3, strides=2, name=name)]


def stem():
    """Figure 3: 299x299x3 to 35x35x384, the grid shrunk by convolutions and pooling side by side."""
    return [
        *conv_bn(32, 3, strides=2, padding="valid", name="conv2d_1a_3x3"),
        *conv_bn(32, 3, padding="valid", name="conv2d_2a_3x3"),
        *conv_bn(64, 3, name="conv2d_2b_3x3"),
        Parallel([
            branch(max_pool("mixed_3a_branch1_1"), name="mixed_3a_branch1"),
            branch(conv_bn(96, 3, strides=2, padding="valid", name="mixed_3a_branch2_1"), name="mixed_3a_branch2"),
        ], name="mixed_3a"),
        Parallel([
            branch(conv_bn(64, 1, name="mixed_4a_branch1_1"),
                   conv_bn(96, 3, padding="valid", name="mixed_4a_branch1_2"), name="mixed_4a_branch1"),
            branch(conv_bn(64, 1, name="mixed_4a_branch2_1"),
                   conv_bn(64, (1, 7), name="mixed_4a_branch2_2"),
                   conv_bn(64, (7, 1), name="mixed_4a_branch2_3"),
                   conv_bn(96, 3, padding="valid", name="mixed_4a_branch2_4"), name="mixed_4a_branch2"),
        ], name="mixed_4a"),
        Parallel([
            branch(conv_bn(192, 3, strides=2, padding="valid", name="mixed_5a_branch1_1"), name="mixed_5a_branch1"),
            branch(max_pool("mixed_5a_branch2_1"), name="mixed_5a_branch2"),
        ], name="mixed_5a"),
    ]


def inception_a(*, name):
    """Figure 4, on the 35x35 grid."""
    return Parallel([
        branch(conv_bn(96, 1, name=f"{name}_branch1_1"), name=f"{name}_branch1"),
        branch(conv_bn(64, 1, name=f"{name}_branch2_1"),
               conv_bn(96, 3, name=f"{name}_branch2_2"), name=f"{name}_branch2"),
        branch(conv_bn(64, 1, name=f"{name}_branch3_1"),
               conv_bn(96, 3, name=f"{name}_branch3_2"),
               conv_bn(96, 3, name=f"{name}_branch3_3"), name=f"{name}_branch3"),
        branch(average_pool(f"{name}_branch4_1"),
               conv_bn(96, 1, name=f"{name}_branch4_2"), name=f"{name}_branch4"),
    ], name=name)


def reduction_a(k, l, m, n, *, name):
    """Figure 7, 35x35 to 17x17; Table 1 gives k, l, m, n for each network of the paper."""
    return Parallel([
        branch(conv_bn(n, 3, strides=2, padding="valid", name=f"{name}_branch1_1"), name=f"{name}_branch1"),
        branch(conv_bn(k, 1, name=f"{name}_branch2_1"),
               conv_bn(l, 3, name=f"{name}_branch2_2"),
               conv_bn(m, 3, strides=2, padding="valid", name=f"{name}_branch2_3"), name=f"{name}_branch2"),
        branch(max_pool(f"{name}_branch3_1"), name=f"{name}_branch3"),
    ], name=name)


def inception_b(*, name):
    """Figure 5, on the 17x17 grid: 7x7 convolutions factorized into 1x7 and 7x1."""
    return Parallel([
        branch(conv_bn(384, 1, name=f"{name}_branch1_1"), name=f"{name}_branch1"),
        branch(conv_bn(192, 1, name=f"{name}_branch2_1"),
               conv_bn(224, (1, 7), name=f"{name}_branch2_2"),
               conv_bn(256, (7, 1), name=f"{name}_branch2_3"), name=f"{name}_branch2"),
        branch(conv_bn(192, 1, name=f"{name}_branch3_1"),
               conv_bn(192, (7, 1), name=f"{name}_branch3_2"),
               conv_bn(224, (1, 7), name=f"{name}_branch3_3"),
               conv_bn(224, (7, 1), name=f"{name}_branch3_4"),
               conv_bn(256, (1, 7), name=f"{name}_branch3_5"), name=f"{name}_branch3"),
        branch(average_pool(f"{name}_branch4_1"),
               conv_bn(128, 1, name=f"{name}_branch4_2"), name=f"{name}_branch4"),
    ], name=name)


def reduction_b(*, name):
    """Figure 8, 17x17 to 8x8."""
    return Parallel([
        branch(conv_bn(192, 1, name=f"{name}_branch1_1"),
               conv_bn(192, 3, strides=2, padding="valid", name=f"{name}_branch1_2"), name=f"{name}_branch1"),
        branch(conv_bn(256, 1, name=f"{name}_branch2_1"),
               conv_bn(256, (1, 7), name=f"{name}_branch2_2"),
               conv_bn(320, (7, 1), name=f"{name}_branch2_3"),
               conv_bn(320, 3, strides=2, padding="valid", name=f"{name}_branch2_4"), name=f"{name}_branch2"),
        branch(max_pool(f"{name}_branch3_1"), name=f"{name}_branch3"),
    ], name=name)


def inception_c(*, name):
    """Figure 6, on the 8x8 grid: 3x3 convolutions split into 1x3 and 3x1 side by side."""
    return Parallel([
        branch(conv_bn(256, 1, name=f"{name}_branch1_1"), name=f"{name}_branch1"),
        branch(conv_bn(384, 1, name=f"{name}_branch2_1"),
               split(conv_bn(256, (1, 3), name=f"{name}_branch2_2a"),
                     conv_bn(256, (3, 1), name=f"{name}_branch2_2b"), name=f"{name}_branch2_2"),
               name=f"{name}_branch2"),
        branch(conv_bn(384, 1, name=f"{name}_branch3_1"),
               conv_bn(448, (3, 1), name=f"{name}_branch3_2"),
               conv_bn(512, (1, 3), name=f"{name}_branch3_3"),
               split(conv_bn(256, (1, 3), name=f"{name}_branch3_4a"),
                     conv_bn(256, (3, 1), name=f"{name}_branch3_4b"), name=f"{name}_branch3_4"),
               name=f"{name}_branch3"),
        branch(average_pool(f"{name}_branch4_1"),
               conv_bn(256, 1, name=f"{name}_branch4_2"), name=f"{name}_branch4"),
    ], name=name)


def inception_v4(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                 classifier_activation="softmax", name=None, dropout=0.2):
    """Inception-v4 (Szegedy et al., 2016) as a `keras.Sequential`, 299x299 by default.

    dropout: the rate before the classifier (the paper keeps 0.8 of the activations).
    """
    args, _ = resolve_spec(spec, "inception_v4", locals())
    stack = [
        keras.Input(shape=args.input_shape, name="input"),
        *stem(),
        *[inception_a(name=block) for block in spec.INCEPTION_A],
        reduction_a(**spec.REDUCTION_A, name="mixed_6a"),
        *[inception_b(name=block) for block in spec.INCEPTION_B],
        reduction_b(name="mixed_7a"),
        *[inception_c(name=block) for block in spec.INCEPTION_C],
        *classifier_layers(args, dropout=dropout),
    ]
    return load_weights(keras.Sequential(stack, name=args.name), args)
