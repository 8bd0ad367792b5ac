"""DenseNet in the functional API: `dense_block(x, ...)` and `transition(x, ...)` add the
paper's two kinds of block to the graph."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.zoo.densenet import spec
from kerasnets.zoo.heads import classifier
from kerasnets.zoo.inputs import model_inputs


def bn_relu(x, *, name):
    x = layers.BatchNormalization(epsilon=spec.BN_EPSILON, name=f"{name}_bn")(x)
    return layers.Activation("relu", name=f"{name}_relu")(x)


def dense_layer(x, growth_rate, *, name):
    """BN-ReLU-1x1 to 4 x growth_rate, BN-ReLU-3x3 to growth_rate, concatenated to the input."""
    new = bn_relu(x, name=f"{name}_0")
    new = layers.Conv2D(spec.BOTTLENECK * growth_rate, 1, use_bias=False, name=f"{name}_1_conv")(new)
    new = bn_relu(new, name=f"{name}_1")
    new = layers.Conv2D(growth_rate, 3, padding="same", use_bias=False, name=f"{name}_2_conv")(new)
    return layers.Concatenate(name=f"{name}_concat")([x, new])


def dense_block(x, size, growth_rate, *, name):
    """`size` dense layers: every one sees all the feature maps before it in the block."""
    for index in range(1, size + 1):
        x = dense_layer(x, growth_rate, name=f"{name}_block{index}")
    return x


def transition(x, compression, *, name):
    """BN-ReLU-1x1 convolution keeping `compression` of the channels, then 2x2 average pooling."""
    x = bn_relu(x, name=name)
    x = layers.Conv2D(int(x.shape[-1] * compression), 1, use_bias=False, name=f"{name}_conv")(x)
    return layers.AveragePooling2D(2, strides=2, name=f"{name}_pool")(x)


def densenet(variant, *, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None,
             classes=1000, classifier_activation="softmax", name=None, growth_rate=None, compression=0.5):
    """The DenseNet `variant` (a key of `spec.VARIANTS`) as a functional model, 224x224 by default.

    growth_rate: the feature maps each dense layer adds (None: the variant's, 32 or 48).
    compression: the share of channels a transition keeps.
    """
    args, _ = resolve_spec(spec, variant, locals())
    table = spec.VARIANTS[variant]
    growth_rate = growth_rate or table["growth_rate"]
    inputs, x = model_inputs(args)
    x = layers.ZeroPadding2D(3, name="conv1_pad")(x)
    x = layers.Conv2D(table["stem"], 7, strides=2, use_bias=False, name="conv1_conv")(x)
    x = bn_relu(x, name="conv1")
    x = layers.ZeroPadding2D(1, name="pool1_pad")(x)
    x = layers.MaxPooling2D(3, strides=2, name="pool1")(x)
    blocks = table["blocks"]
    x = dense_block(x, blocks[0], growth_rate, name="conv2")
    x = transition(x, compression, name="pool2")
    x = dense_block(x, blocks[1], growth_rate, name="conv3")
    x = transition(x, compression, name="pool3")
    x = dense_block(x, blocks[2], growth_rate, name="conv4")
    x = transition(x, compression, name="pool4")
    x = dense_block(x, blocks[3], growth_rate, name="conv5")
    x = layers.BatchNormalization(epsilon=spec.BN_EPSILON, name="bn")(x)
    x = layers.Activation("relu", name="relu")(x)
    x = classifier(x, args)
    return load_weights(keras.Model(inputs, x, name=args.name), args)


def densenet121(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None, classes=1000,
                classifier_activation="softmax", name=None, growth_rate=None, compression=0.5):
    """DenseNet-121 (Table 1) as a functional model."""
    return densenet("densenet121", **locals())


def densenet161(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None, classes=1000,
                classifier_activation="softmax", name=None, growth_rate=None, compression=0.5):
    """DenseNet-161 (growth 48) (Table 1) as a functional model."""
    return densenet("densenet161", **locals())


def densenet169(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None, classes=1000,
                classifier_activation="softmax", name=None, growth_rate=None, compression=0.5):
    """DenseNet-169 (Table 1) as a functional model."""
    return densenet("densenet169", **locals())


def densenet201(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None, classes=1000,
                classifier_activation="softmax", name=None, growth_rate=None, compression=0.5):
    """DenseNet-201 (Table 1) as a functional model."""
    return densenet("densenet201", **locals())


def densenet264(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None, classes=1000,
                classifier_activation="softmax", name=None, growth_rate=None, compression=0.5):
    """DenseNet-264 (Table 1) as a functional model."""
    return densenet("densenet264", **locals())
