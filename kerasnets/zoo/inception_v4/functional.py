"""Inception-v4 in the functional API: a function per block of Figure 9, each written out
branch by branch."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.zoo.heads import classifier
from kerasnets.zoo.inception_v4 import spec
from kerasnets.zoo.inputs import model_inputs


def conv_bn(x, filters, kernel_size, strides=1, padding="same", *, name):
    """The unit of every branch: convolution without bias, BatchNormalization, ReLU."""
    x = layers.Conv2D(filters, kernel_size, strides=strides, padding=padding, use_bias=False,
                      name=f"{name}_conv")(x)
    x = layers.BatchNormalization(name=f"{name}_bn")(x)
    return layers.Activation("relu", name=f"{name}_relu")(x)


def stem(x):
    """Figure 3: 299x299x3 to 35x35x384, the grid shrunk by convolutions and pooling side by side."""
    x = conv_bn(x, 32, 3, strides=2, padding="valid", name="conv2d_1a_3x3")
    x = conv_bn(x, 32, 3, padding="valid", name="conv2d_2a_3x3")
    x = conv_bn(x, 64, 3, name="conv2d_2b_3x3")
    branch1 = layers.MaxPooling2D(3, strides=2, name="mixed_3a_branch1_1")(x)
    branch2 = conv_bn(x, 96, 3, strides=2, padding="valid", name="mixed_3a_branch2_1")
    x = layers.Concatenate(name="mixed_3a")([branch1, branch2])
    branch1 = conv_bn(x, 64, 1, name="mixed_4a_branch1_1")
    branch1 = conv_bn(branch1, 96, 3, padding="valid", name="mixed_4a_branch1_2")
    branch2 = conv_bn(x, 64, 1, name="mixed_4a_branch2_1")
    branch2 = conv_bn(branch2, 64, (1, 7), name="mixed_4a_branch2_2")
    branch2 = conv_bn(branch2, 64, (7, 1), name="mixed_4a_branch2_3")
    branch2 = conv_bn(branch2, 96, 3, padding="valid", name="mixed_4a_branch2_4")
    x = layers.Concatenate(name="mixed_4a")([branch1, branch2])
    branch1 = conv_bn(x, 192, 3, strides=2, padding="valid", name="mixed_5a_branch1_1")
    branch2 = layers.MaxPooling2D(3, strides=2, name="mixed_5a_branch2_1")(x)
    return layers.Concatenate(name="mixed_5a")([branch1, branch2])


def inception_a(x, *, name):
    """Figure 4, on the 35x35 grid."""
    branch1 = conv_bn(x, 96, 1, name=f"{name}_branch1_1")
    branch2 = conv_bn(x, 64, 1, name=f"{name}_branch2_1")
    branch2 = conv_bn(branch2, 96, 3, name=f"{name}_branch2_2")
    branch3 = conv_bn(x, 64, 1, name=f"{name}_branch3_1")
    branch3 = conv_bn(branch3, 96, 3, name=f"{name}_branch3_2")
    branch3 = conv_bn(branch3, 96, 3, name=f"{name}_branch3_3")
    branch4 = layers.AveragePooling2D(3, strides=1, padding="same", name=f"{name}_branch4_1")(x)
    branch4 = conv_bn(branch4, 96, 1, name=f"{name}_branch4_2")
    return layers.Concatenate(name=name)([branch1, branch2, branch3, branch4])


def reduction_a(x, k, l, m, n, *, name):
    """Figure 7, 35x35 to 17x17; Table 1 gives k, l, m, n for each network of the paper."""
    branch1 = conv_bn(x, n, 3, strides=2, padding="valid", name=f"{name}_branch1_1")
    branch2 = conv_bn(x, k, 1, name=f"{name}_branch2_1")
    branch2 = conv_bn(branch2, l, 3, name=f"{name}_branch2_2")
    branch2 = conv_bn(branch2, m, 3, strides=2, padding="valid", name=f"{name}_branch2_3")
    branch3 = layers.MaxPooling2D(3, strides=2, name=f"{name}_branch3_1")(x)
    return layers.Concatenate(name=name)([branch1, branch2, branch3])


def inception_b(x, *, name):
    """Figure 5, on the 17x17 grid: 7x7 convolutions factorized into 1x7 and 7x1."""
    branch1 = conv_bn(x, 384, 1, name=f"{name}_branch1_1")
    branch2 = conv_bn(x, 192, 1, name=f"{name}_branch2_1")
    branch2 = conv_bn(branch2, 224, (1, 7), name=f"{name}_branch2_2")
    branch2 = conv_bn(branch2, 256, (7, 1), name=f"{name}_branch2_3")
    branch3 = conv_bn(x, 192, 1, name=f"{name}_branch3_1")
    branch3 = conv_bn(branch3, 192, (7, 1), name=f"{name}_branch3_2")
    branch3 = conv_bn(branch3, 224, (1, 7), name=f"{name}_branch3_3")
    branch3 = conv_bn(branch3, 224, (7, 1), name=f"{name}_branch3_4")
    branch3 = conv_bn(branch3, 256, (1, 7), name=f"{name}_branch3_5")
    branch4 = layers.AveragePooling2D(3, strides=1, padding="same", name=f"{name}_branch4_1")(x)
    branch4 = conv_bn(branch4, 128, 1, name=f"{name}_branch4_2")
    return layers.Concatenate(name=name)([branch1, branch2, branch3, branch4])


def reduction_b(x, *, name):
    """Figure 8, 17x17 to 8x8."""
    branch1 = conv_bn(x, 192, 1, name=f"{name}_branch1_1")
    branch1 = conv_bn(branch1, 192, 3, strides=2, padding="valid", name=f"{name}_branch1_2")
    branch2 = conv_bn(x, 256, 1, name=f"{name}_branch2_1")
    branch2 = conv_bn(branch2, 256, (1, 7), name=f"{name}_branch2_2")
    branch2 = conv_bn(branch2, 320, (7, 1), name=f"{name}_branch2_3")
    branch2 = conv_bn(branch2, 320, 3, strides=2, padding="valid", name=f"{name}_branch2_4")
    branch3 = layers.MaxPooling2D(3, strides=2, name=f"{name}_branch3_1")(x)
    return layers.Concatenate(name=name)([branch1, branch2, branch3])


def inception_c(x, *, name):
    """Figure 6, on the 8x8 grid: 3x3 convolutions split into 1x3 and 3x1 side by side."""
    branch1 = conv_bn(x, 256, 1, name=f"{name}_branch1_1")
    branch2 = conv_bn(x, 384, 1, name=f"{name}_branch2_1")
    branch2 = layers.Concatenate(name=f"{name}_branch2_2")([
        conv_bn(branch2, 256, (1, 3), name=f"{name}_branch2_2a"),
        conv_bn(branch2, 256, (3, 1), name=f"{name}_branch2_2b"),
    ])
    branch3 = conv_bn(x, 384, 1, name=f"{name}_branch3_1")
    branch3 = conv_bn(branch3, 448, (3, 1), name=f"{name}_branch3_2")
    branch3 = conv_bn(branch3, 512, (1, 3), name=f"{name}_branch3_3")
    branch3 = layers.Concatenate(name=f"{name}_branch3_4")([
        conv_bn(branch3, 256, (1, 3), name=f"{name}_branch3_4a"),
        conv_bn(branch3, 256, (3, 1), name=f"{name}_branch3_4b"),
    ])
    branch4 = layers.AveragePooling2D(3, strides=1, padding="same", name=f"{name}_branch4_1")(x)
    branch4 = conv_bn(branch4, 256, 1, name=f"{name}_branch4_2")
    return layers.Concatenate(name=name)([branch1, branch2, branch3, branch4])


def inception_v4(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None,
                 classes=1000, classifier_activation="softmax", name=None, dropout=0.2):
    """Inception-v4 (Szegedy et al., 2016) as a functional model, 299x299 by default.

    dropout: the rate before the classifier (the paper keeps 0.8 of the activations).
    """
    args, _ = resolve_spec(spec, "inception_v4", locals())
    inputs, x = model_inputs(args)
    x = stem(x)
    for block in spec.INCEPTION_A:
        x = inception_a(x, name=block)
    x = reduction_a(x, **spec.REDUCTION_A, name="mixed_6a")
    for block in spec.INCEPTION_B:
        x = inception_b(x, name=block)
    x = reduction_b(x, name="mixed_7a")
    for block in spec.INCEPTION_C:
        x = inception_c(x, name=block)
    x = classifier(x, args, dropout=dropout)
    return load_weights(keras.Model(inputs, x, name=args.name), args)
