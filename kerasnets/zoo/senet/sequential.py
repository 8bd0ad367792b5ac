"""SENet as a `keras.Sequential`: squeeze-and-excitation is a `Gate` layer (the input times
what its `keras.Sequential` gate computes from it) at the end of each bottleneck's branch,
and each bottleneck a `Residual` layer, followed by its ReLU."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.layers import Gate, Residual
from kerasnets.zoo import primitives
from kerasnets.zoo.heads import classifier_layers
from kerasnets.zoo.senet import spec


def conv_bn(filters, kernel_size, strides=1, padding="same", groups=1, relu=True, *, name):
    """A convolution (without bias) and its BatchNormalization, then a ReLU."""
    return primitives.conv_bn(filters, kernel_size, strides, padding, groups=groups, epsilon=spec.BN_EPSILON,
                              activation="relu" if relu else None, name=name)


def padded_conv_bn(filters, kernel_size, strides, groups=1, relu=True, *, name):
    """A strided convolution padded by kernel_size // 2 on every side, as Caffe pads it
    ("same" would pad only the bottom and right of an even map)."""
    return [layers.ZeroPadding2D(kernel_size // 2, name=f"{name}_pad"),
            *conv_bn(filters, kernel_size, strides, "valid", groups, relu, name=name)]


def squeeze_excite(channels, ratio, *, name):
    """Figure 1: squeeze each channel to its mean, excite through a bottleneck of
    channels // ratio, and scale the channels by the sigmoid gate."""
    gate = keras.Sequential([
        layers.GlobalAveragePooling2D(keepdims=True, name=f"{name}_squeeze"),
        layers.Conv2D(channels // ratio, 1, activation="relu", name=f"{name}_reduce"),
        layers.Conv2D(channels, 1, activation="sigmoid", name=f"{name}_expand"),
    ], name=f"{name}_gate")
    return Gate(gate, name=f"{name}_excite")


def se_bottleneck(planes, strides, shortcut_kernel, variant, ratio, *, name):
    """Figure 3 (right): a bottleneck whose output is rescaled by squeeze-and-excitation
    before the sum with the shortcut (a projection of `shortcut_kernel`, or 0: the identity),
    then a ReLU."""
    width, middle = spec.bottleneck_widths(variant, planes)
    cardinality = spec.VARIANTS[variant]["cardinality"]
    if spec.strided_1x1(variant):
        convolutions = [*conv_bn(width, 1, strides, name=f"{name}_1"),
                        *conv_bn(middle, 3, groups=cardinality, name=f"{name}_2")]
    else:
        convolutions = [*conv_bn(width, 1, name=f"{name}_1"),
                        *padded_conv_bn(middle, 3, strides, cardinality, name=f"{name}_2")]
    branch = keras.Sequential([
        *convolutions,
        *conv_bn(4 * planes, 1, relu=False, name=f"{name}_3"),
        squeeze_excite(4 * planes, ratio, name=f"{name}_se"),
    ], name=f"{name}_branch")
    shortcut = None
    if shortcut_kernel == 3:  # SENet-154's strided 3x3 projection, padded by one on every side
        shortcut = keras.Sequential(padded_conv_bn(4 * planes, 3, strides, relu=False, name=f"{name}_0"),
                                    name=f"{name}_shortcut")
    elif shortcut_kernel == 1:
        shortcut = keras.Sequential(conv_bn(4 * planes, 1, strides, relu=False, name=f"{name}_0"),
                                    name=f"{name}_shortcut")
    return [Residual(branch, shortcut, name=f"{name}_add"), layers.Activation("relu", name=f"{name}_out")]


def stage(in_channels, planes, depth, strides, variant, ratio, *, name):
    """One of conv2_x ... conv5_x: `depth` blocks; the first is strided, and projects its shortcut."""
    kernel = spec.shortcut_kernel(variant, in_channels, 4 * planes, strides)
    blocks = se_bottleneck(planes, strides, kernel, variant, ratio, name=f"{name}_block1")
    for index in range(2, depth + 1):
        blocks += se_bottleneck(planes, 1, 0, variant, ratio, name=f"{name}_block{index}")
    return blocks


def stem(deep, *, name):
    """The 7x7/2 convolution, or SENet-154's three 3x3 (the first strided), then the 3x3/2 max
    pooling in Caffe's ceil mode (zeros at the bottom and right, then "valid")."""
    if deep:
        convolutions = [*padded_conv_bn(spec.DEEP_STEM[0], 3, 2, name=f"{name}_1"),
                        *conv_bn(spec.DEEP_STEM[1], 3, name=f"{name}_2"),
                        *conv_bn(spec.DEEP_STEM[2], 3, name=f"{name}_3")]
    else:
        convolutions = padded_conv_bn(spec.STEM, 7, 2, name=name)
    return [*convolutions, layers.ZeroPadding2D(((0, 1), (0, 1)), name="pool1_pad"),
            layers.MaxPooling2D(3, strides=2, name="pool1_pool")]


def senet(variant, *, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
          classifier_activation="softmax", name=None, ratio=16, dropout=None):
    """The SENet `variant` (a key of `spec.VARIANTS`) as a `keras.Sequential`, 224x224 by default.

    ratio: the squeeze-and-excitation reduction (the paper's r).
    dropout: the rate before the classifier; None takes the variant's (0.2 for SENet-154).
    """
    args, options = resolve_spec(spec, variant, locals())
    table = spec.VARIANTS[variant]
    depths = table["depths"]
    stem_width = spec.DEEP_STEM[-1] if table["deep_stem"] else spec.STEM
    stack = [
        keras.Input(shape=args.input_shape, name="input"),
        *stem(table["deep_stem"], name="conv1"),
        *stage(stem_width, 64, depths[0], 1, variant, ratio, name="conv2"),
        *stage(256, 128, depths[1], 2, variant, ratio, name="conv3"),
        *stage(512, 256, depths[2], 2, variant, ratio, name="conv4"),
        *stage(1024, 512, depths[3], 2, variant, ratio, name="conv5"),
        *classifier_layers(args, dropout=spec.dropout_of(variant, options["dropout"])),
    ]
    return load_weights(keras.Sequential(stack, name=args.name), args)


def se_resnet50(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                classifier_activation="softmax", name=None, ratio=16, dropout=0.0):
    """SE-ResNet-50 (Table 1) as a `keras.Sequential`."""
    return senet("se_resnet50", **locals())


def se_resnet101(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                 classifier_activation="softmax", name=None, ratio=16, dropout=0.0):
    """SE-ResNet-101 as a `keras.Sequential`."""
    return senet("se_resnet101", **locals())


def se_resnet152(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                 classifier_activation="softmax", name=None, ratio=16, dropout=0.0):
    """SE-ResNet-152 as a `keras.Sequential`."""
    return senet("se_resnet152", **locals())


def se_resnext50_32x4d(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                       classifier_activation="softmax", name=None, ratio=16, dropout=0.0):
    """SE-ResNeXt-50 (32x4d) (Table 1) as a `keras.Sequential`."""
    return senet("se_resnext50_32x4d", **locals())


def se_resnext101_32x4d(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                        classifier_activation="softmax", name=None, ratio=16, dropout=0.0):
    """SE-ResNeXt-101 (32x4d) as a `keras.Sequential`."""
    return senet("se_resnext101_32x4d", **locals())


def senet154(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
             classifier_activation="softmax", name=None, ratio=16, dropout=0.2):
    """SENet-154 (the ILSVRC 2017 entry) as a `keras.Sequential`."""
    return senet("senet154", **locals())
