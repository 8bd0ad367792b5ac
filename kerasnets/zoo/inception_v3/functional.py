"""Inception-v3 in the functional API: a function per block, whose body is its branches."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.zoo.heads import classifier, predictions_layer
from kerasnets.zoo.inception_v3 import spec
from kerasnets.zoo.inputs import model_inputs


def conv_bn(x, filters, kernel_size, strides=1, padding="same", *, name):
    """The unit of every branch: convolution, BatchNormalization (no scale), ReLU."""
    x = layers.Conv2D(filters, kernel_size, strides=strides, padding=padding, use_bias=False,
                      name=f"{name}_conv")(x)
    x = layers.BatchNormalization(scale=False, name=f"{name}_bn")(x)
    return layers.Activation("relu", name=f"{name}_relu")(x)


def inception_a(x, pool_proj, *, name):
    """Figure 5, on the 35x35 grid: the 5x5 of Inception v1 as it is, and two 3x3 in series."""
    branch1 = conv_bn(x, 64, 1, name=f"{name}_branch1_1")
    branch2 = conv_bn(x, 48, 1, name=f"{name}_branch2_1")
    branch2 = conv_bn(branch2, 64, 5, name=f"{name}_branch2_2")
    branch3 = conv_bn(x, 64, 1, name=f"{name}_branch3_1")
    branch3 = conv_bn(branch3, 96, 3, name=f"{name}_branch3_2")
    branch3 = conv_bn(branch3, 96, 3, name=f"{name}_branch3_3")
    branch4 = layers.AveragePooling2D(3, strides=1, padding="same", name=f"{name}_branch4_1")(x)
    branch4 = conv_bn(branch4, pool_proj, 1, name=f"{name}_branch4_2")
    return layers.Concatenate(name=name)([branch1, branch2, branch3, branch4])


def reduction_a(x, *, name):
    """35x35 to 17x17 (Figure 10): strided convolutions beside a strided pooling."""
    branch1 = conv_bn(x, 384, 3, strides=2, padding="valid", name=f"{name}_branch1_1")
    branch2 = conv_bn(x, 64, 1, name=f"{name}_branch2_1")
    branch2 = conv_bn(branch2, 96, 3, name=f"{name}_branch2_2")
    branch2 = conv_bn(branch2, 96, 3, strides=2, padding="valid", name=f"{name}_branch2_3")
    branch3 = layers.MaxPooling2D(3, strides=2, name=f"{name}_branch3_1")(x)
    return layers.Concatenate(name=name)([branch1, branch2, branch3])


def inception_b(x, channels_7x7, *, name):
    """Figure 6, on the 17x17 grid: each 7x7 convolution factorized into 1x7 and 7x1."""
    c7 = channels_7x7
    branch1 = conv_bn(x, 192, 1, name=f"{name}_branch1_1")
    branch2 = conv_bn(x, c7, 1, name=f"{name}_branch2_1")
    branch2 = conv_bn(branch2, c7, (1, 7), name=f"{name}_branch2_2")
    branch2 = conv_bn(branch2, 192, (7, 1), name=f"{name}_branch2_3")
    branch3 = conv_bn(x, c7, 1, name=f"{name}_branch3_1")
    branch3 = conv_bn(branch3, c7, (7, 1), name=f"{name}_branch3_2")
    branch3 = conv_bn(branch3, c7, (1, 7), name=f"{name}_branch3_3")
    branch3 = conv_bn(branch3, c7, (7, 1), name=f"{name}_branch3_4")
    branch3 = conv_bn(branch3, 192, (1, 7), name=f"{name}_branch3_5")
    branch4 = layers.AveragePooling2D(3, strides=1, padding="same", name=f"{name}_branch4_1")(x)
    branch4 = conv_bn(branch4, 192, 1, name=f"{name}_branch4_2")
    return layers.Concatenate(name=name)([branch1, branch2, branch3, branch4])


def reduction_b(x, *, name):
    """17x17 to 8x8: strided 3x3 convolutions beside a strided pooling."""
    branch1 = conv_bn(x, 192, 1, name=f"{name}_branch1_1")
    branch1 = conv_bn(branch1, 320, 3, strides=2, padding="valid", name=f"{name}_branch1_2")
    branch2 = conv_bn(x, 192, 1, name=f"{name}_branch2_1")
    branch2 = conv_bn(branch2, 192, (1, 7), name=f"{name}_branch2_2")
    branch2 = conv_bn(branch2, 192, (7, 1), name=f"{name}_branch2_3")
    branch2 = conv_bn(branch2, 192, 3, strides=2, padding="valid", name=f"{name}_branch2_4")
    branch3 = layers.MaxPooling2D(3, strides=2, name=f"{name}_branch3_1")(x)
    return layers.Concatenate(name=name)([branch1, branch2, branch3])


def inception_c(x, *, name):
    """Figure 7, on the 8x8 grid: the 3x3 branches widened by splitting into 1x3 and 3x1."""
    branch1 = conv_bn(x, 320, 1, name=f"{name}_branch1_1")
    branch2 = conv_bn(x, 384, 1, name=f"{name}_branch2_1")
    branch2 = layers.Concatenate(name=f"{name}_branch2_2")([
        conv_bn(branch2, 384, (1, 3), name=f"{name}_branch2_2a"),
        conv_bn(branch2, 384, (3, 1), name=f"{name}_branch2_2b"),
    ])
    branch3 = conv_bn(x, 448, 1, name=f"{name}_branch3_1")
    branch3 = conv_bn(branch3, 384, 3, name=f"{name}_branch3_2")
    branch3 = layers.Concatenate(name=f"{name}_branch3_3")([
        conv_bn(branch3, 384, (1, 3), name=f"{name}_branch3_3a"),
        conv_bn(branch3, 384, (3, 1), name=f"{name}_branch3_3b"),
    ])
    branch4 = layers.AveragePooling2D(3, strides=1, padding="same", name=f"{name}_branch4_1")(x)
    branch4 = conv_bn(branch4, 192, 1, name=f"{name}_branch4_2")
    return layers.Concatenate(name=name)([branch1, branch2, branch3, branch4])


def auxiliary_classifier(x, args, *, name):
    """The auxiliary classifier on the 17x17 grid (torchvision's InceptionAux)."""
    x = layers.AveragePooling2D(5, strides=3, name=f"{name}_pool")(x)
    x = conv_bn(x, 128, 1, name=f"{name}_conv0")
    x = conv_bn(x, 768, 5, padding="valid", name=f"{name}_conv1")
    x = layers.GlobalAveragePooling2D(name=f"{name}_avg_pool")(x)
    x = layers.Dense(args.classes, name=f"{name}_predictions")(x)
    return predictions_layer(args.classifier_activation, name=f"{name}_predictions_activation")(x)


def inception_v3(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None,
                 classes=1000, classifier_activation="softmax", name=None, aux_classifiers=False,
                 dropout=0.2):
    """Inception-v3 (Szegedy et al., 2015) as a functional model, 299x299 by default.

    aux_classifiers: add the auxiliary classifier on mixed_6e; the model then outputs a dict
        {"predictions", "aux"}. It needs a 299x299 input at least.
    dropout: the rate before the classifier.
    """
    args, _ = resolve_spec(spec, "inception_v3", locals())
    inputs, x = model_inputs(args)
    x = conv_bn(x, 32, 3, strides=2, padding="valid", name="conv2d_1a_3x3")
    x = conv_bn(x, 32, 3, padding="valid", name="conv2d_2a_3x3")
    x = conv_bn(x, 64, 3, name="conv2d_2b_3x3")
    x = layers.MaxPooling2D(3, strides=2, name="maxpool_3a_3x3")(x)
    x = conv_bn(x, 80, 1, padding="valid", name="conv2d_3b_1x1")
    x = conv_bn(x, 192, 3, padding="valid", name="conv2d_4a_3x3")
    x = layers.MaxPooling2D(3, strides=2, name="maxpool_5a_3x3")(x)
    for block, pool_proj in spec.INCEPTION_A.items():
        x = inception_a(x, pool_proj, name=block)
    x = reduction_a(x, name="mixed_6a")
    for block, channels_7x7 in spec.INCEPTION_B.items():
        x = inception_b(x, channels_7x7, name=block)
    aux = auxiliary_classifier(x, args, name="aux") if aux_classifiers else None
    x = reduction_b(x, name="mixed_7a")
    for block in spec.INCEPTION_C:
        x = inception_c(x, name=block)
    x = classifier(x, args, dropout=dropout)
    outputs = {"predictions": x, "aux": aux} if aux_classifiers else x
    return load_weights(keras.Model(inputs, outputs, name=args.name), args)
