"""SENet in the functional API: `squeeze_excite(x)` gates the residual branch of
`se_bottleneck(x, ...)`, the block of every SE network."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.zoo.heads import classifier
from kerasnets.zoo.inputs import model_inputs
from kerasnets.zoo.senet import spec


def conv_bn(x, filters, kernel_size, strides=1, padding="same", groups=1, relu=True, *, name):
    """A convolution (without bias) and its BatchNormalization, then a ReLU."""
    x = layers.Conv2D(filters, kernel_size, strides=strides, padding=padding, groups=groups, use_bias=False,
                      name=f"{name}_conv")(x)
    x = layers.BatchNormalization(epsilon=spec.BN_EPSILON, name=f"{name}_bn")(x)
    if relu:
        x = layers.Activation("relu", name=f"{name}_relu")(x)
    return x


def padded_conv_bn(x, filters, kernel_size, strides, groups=1, relu=True, *, name):
    """A strided convolution padded by kernel_size // 2 on every side, as Caffe pads it
    ("same" would pad only the bottom and right of an even map)."""
    x = layers.ZeroPadding2D(kernel_size // 2, name=f"{name}_pad")(x)
    return conv_bn(x, filters, kernel_size, strides, "valid", groups, relu, name=name)


def squeeze_excite(x, ratio, *, name):
    """Figure 1: squeeze each channel to its mean, excite through a bottleneck of
    channels // ratio, and scale the channels by the sigmoid gate."""
    channels = x.shape[-1]
    gate = layers.GlobalAveragePooling2D(keepdims=True, name=f"{name}_squeeze")(x)
    gate = layers.Conv2D(channels // ratio, 1, activation="relu", name=f"{name}_reduce")(gate)
    gate = layers.Conv2D(channels, 1, activation="sigmoid", name=f"{name}_expand")(gate)
    return layers.Multiply(name=f"{name}_excite")([x, gate])


def se_bottleneck(x, planes, strides, shortcut_kernel, variant, ratio, *, name):
    """Figure 3 (right): a bottleneck whose output is rescaled by squeeze-and-excitation
    before the sum with the shortcut (a projection of `shortcut_kernel`, or 0: the identity),
    then a ReLU."""
    width, middle = spec.bottleneck_widths(variant, planes)
    cardinality = spec.VARIANTS[variant]["cardinality"]
    shortcut = x
    if shortcut_kernel == 3:  # SENet-154's strided 3x3 projection, padded by one on every side
        shortcut = padded_conv_bn(x, 4 * planes, 3, strides, relu=False, name=f"{name}_0")
    elif shortcut_kernel == 1:
        shortcut = conv_bn(x, 4 * planes, 1, strides, relu=False, name=f"{name}_0")
    if spec.strided_1x1(variant):
        x = conv_bn(x, width, 1, strides, name=f"{name}_1")
        x = conv_bn(x, middle, 3, groups=cardinality, name=f"{name}_2")
    else:
        x = conv_bn(x, width, 1, name=f"{name}_1")
        x = padded_conv_bn(x, middle, 3, strides, cardinality, name=f"{name}_2")
    x = conv_bn(x, 4 * planes, 1, relu=False, name=f"{name}_3")
    x = squeeze_excite(x, ratio, name=f"{name}_se")
    x = layers.Add(name=f"{name}_add")([x, shortcut])
    return layers.Activation("relu", name=f"{name}_out")(x)


def stage(x, planes, depth, strides, variant, ratio, *, name):
    """One of conv2_x ... conv5_x: `depth` blocks; the first is strided, and projects its shortcut."""
    kernel = spec.shortcut_kernel(variant, x.shape[-1], 4 * planes, strides)
    x = se_bottleneck(x, planes, strides, kernel, variant, ratio, name=f"{name}_block1")
    for index in range(2, depth + 1):
        x = se_bottleneck(x, planes, 1, 0, variant, ratio, name=f"{name}_block{index}")
    return x


def stem(x, deep, *, name):
    """The 7x7/2 convolution, or SENet-154's three 3x3 (the first strided), then the 3x3/2 max
    pooling in Caffe's ceil mode (zeros at the bottom and right, then "valid")."""
    if deep:
        x = padded_conv_bn(x, spec.DEEP_STEM[0], 3, 2, name=f"{name}_1")
        x = conv_bn(x, spec.DEEP_STEM[1], 3, name=f"{name}_2")
        x = conv_bn(x, spec.DEEP_STEM[2], 3, name=f"{name}_3")
    else:
        x = padded_conv_bn(x, spec.STEM, 7, 2, name=name)
    x = layers.ZeroPadding2D(((0, 1), (0, 1)), name="pool1_pad")(x)
    return layers.MaxPooling2D(3, strides=2, name="pool1_pool")(x)


def senet(variant, *, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None,
          classes=1000, classifier_activation="softmax", name=None, ratio=16, dropout=None):
    """The SENet `variant` (a key of `spec.VARIANTS`) as a functional model, 224x224 by default.

    ratio: the squeeze-and-excitation reduction (the paper's r).
    dropout: the rate before the classifier; None takes the variant's (0.2 for SENet-154).
    """
    args, options = resolve_spec(spec, variant, locals())
    table = spec.VARIANTS[variant]
    inputs, x = model_inputs(args)
    x = stem(x, table["deep_stem"], name="conv1")
    depths = table["depths"]
    x = stage(x, 64, depths[0], 1, variant, ratio, name="conv2")
    x = stage(x, 128, depths[1], 2, variant, ratio, name="conv3")
    x = stage(x, 256, depths[2], 2, variant, ratio, name="conv4")
    x = stage(x, 512, depths[3], 2, variant, ratio, name="conv5")
    x = classifier(x, args, dropout=spec.dropout_of(variant, options["dropout"]))
    return load_weights(keras.Model(inputs, x, name=args.name), args)


def se_resnet50(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None, classes=1000,
                classifier_activation="softmax", name=None, ratio=16, dropout=0.0):
    """SE-ResNet-50 (Table 1) as a functional model."""
    return senet("se_resnet50", **locals())


def se_resnet101(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None, classes=1000,
                 classifier_activation="softmax", name=None, ratio=16, dropout=0.0):
    """SE-ResNet-101 as a functional model."""
    return senet("se_resnet101", **locals())


def se_resnet152(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None, classes=1000,
                 classifier_activation="softmax", name=None, ratio=16, dropout=0.0):
    """SE-ResNet-152 as a functional model."""
    return senet("se_resnet152", **locals())


def se_resnext50_32x4d(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None,
                       classes=1000, classifier_activation="softmax", name=None, ratio=16, dropout=0.0):
    """SE-ResNeXt-50 (32x4d) (Table 1) as a functional model."""
    return senet("se_resnext50_32x4d", **locals())


def se_resnext101_32x4d(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None,
                        classes=1000, classifier_activation="softmax", name=None, ratio=16, dropout=0.0):
    """SE-ResNeXt-101 (32x4d) as a functional model."""
    return senet("se_resnext101_32x4d", **locals())


def senet154(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None, classes=1000,
             classifier_activation="softmax", name=None, ratio=16, dropout=0.2):
    """SENet-154 (the ILSVRC 2017 entry) as a functional model."""
    return senet("senet154", **locals())
