"""Xception in the functional API: a function per module of Figure 5, the residual sums
written out."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.zoo.heads import classifier
from kerasnets.zoo.inputs import model_inputs
from kerasnets.zoo.xception import spec


def separable_bn(x, filters, relu_first=True, *, name):
    """[ReLU], a depthwise separable 3x3 convolution, BatchNormalization."""
    if relu_first:
        x = layers.Activation("relu", name=f"{name}_act")(x)
    x = layers.SeparableConv2D(filters, 3, padding="same", use_bias=False, name=name)(x)
    return layers.BatchNormalization(name=f"{name}_bn")(x)


def downsampling_block(x, filters, relu_first=True, *, name):
    """The entry and exit flows' module: two separable convolutions and a 3x3/2 max pooling,
    plus a strided 1x1 projection of the input."""
    filters1, filters2 = filters
    shortcut = layers.Conv2D(filters2, 1, strides=2, padding="same", use_bias=False,
                             name=f"{name}_shortcut_conv")(x)
    shortcut = layers.BatchNormalization(name=f"{name}_shortcut_bn")(shortcut)
    x = separable_bn(x, filters1, relu_first, name=f"{name}_sepconv1")
    x = separable_bn(x, filters2, name=f"{name}_sepconv2")
    x = layers.MaxPooling2D(3, strides=2, padding="same", name=f"{name}_pool")(x)
    return layers.Add(name=f"{name}_add")([x, shortcut])


def middle_block(x, *, name):
    """The middle flow's module: three 728-wide separable convolutions and the identity."""
    shortcut = x
    x = separable_bn(x, 728, name=f"{name}_sepconv1")
    x = separable_bn(x, 728, name=f"{name}_sepconv2")
    x = separable_bn(x, 728, name=f"{name}_sepconv3")
    return layers.Add(name=f"{name}_add")([x, shortcut])


def xception(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None,
             classes=1000, classifier_activation="softmax", name=None, dropout=0.5):
    """Xception (Chollet, 2017) as a functional model, 299x299 by default.

    dropout: the rate before the classifier.
    """
    args, _ = resolve_spec(spec, "xception", locals())
    inputs, x = model_inputs(args)
    # Entry flow
    x = layers.Conv2D(32, 3, strides=2, use_bias=False, name="block1_conv1")(x)
    x = layers.BatchNormalization(name="block1_conv1_bn")(x)
    x = layers.Activation("relu", name="block1_conv1_act")(x)
    x = layers.Conv2D(64, 3, use_bias=False, name="block1_conv2")(x)
    x = layers.BatchNormalization(name="block1_conv2_bn")(x)
    x = layers.Activation("relu", name="block1_conv2_act")(x)
    for block, filters in spec.ENTRY_FLOW.items():
        x = downsampling_block(x, filters, relu_first=block != "block2", name=block)  # block1 ends with a ReLU
    # Middle flow
    for block in spec.MIDDLE_FLOW:
        x = middle_block(x, name=block)
    # Exit flow
    for block, filters in spec.EXIT_FLOW.items():
        x = downsampling_block(x, filters, name=block)
    x = separable_bn(x, 1536, relu_first=False, name="block14_sepconv1")
    x = layers.Activation("relu", name="block14_sepconv1_act")(x)
    x = separable_bn(x, 2048, relu_first=False, name="block14_sepconv2")
    x = layers.Activation("relu", name="block14_sepconv2_act")(x)
    x = classifier(x, args, dropout=dropout)
    return load_weights(keras.Model(inputs, x, name=args.name), args)
