"""SENet as a `keras.Model` subclass: a `SqueezeExcite` layer class, an `SEBottleneck` layer
class that applies it to its residual branch, and a model whose `call` runs the stem, the four
stages and the classifier."""

import keras
from keras import layers

from kerasnets.layers import ConvBN
from kerasnets.zoo.heads import classifier_layers
from kerasnets.zoo.senet import spec
from kerasnets.zoo.subclassing import ImageClassifier, build_subclassed


def conv_bn(filters, kernel_size, strides=1, padding="same", groups=1, relu=True, *, name):
    """A convolution (without bias) and its BatchNormalization, then a ReLU."""
    return ConvBN(filters, kernel_size, strides, padding, groups=groups, epsilon=spec.BN_EPSILON,
                  activation="relu" if relu else None, name=name)


@keras.saving.register_keras_serializable(package="kerasnets")
class SqueezeExcite(keras.layers.Layer):
    """Figure 1: squeeze each channel to its mean, excite through a bottleneck of
    channels // ratio, and scale the channels by the sigmoid gate."""

    def __init__(self, channels, ratio=16, **kwargs):
        super().__init__(**kwargs)
        self.channels, self.ratio = channels, ratio
        self.squeeze = layers.GlobalAveragePooling2D(keepdims=True, name=f"{self.name}_squeeze")
        self.reduce = layers.Conv2D(channels // ratio, 1, activation="relu", name=f"{self.name}_reduce")
        self.expand = layers.Conv2D(channels, 1, activation="sigmoid", name=f"{self.name}_expand")

    def call(self, inputs):
        return inputs * self.expand(self.reduce(self.squeeze(inputs)))

    def get_config(self):
        return {**super().get_config(), "channels": self.channels, "ratio": self.ratio}


@keras.saving.register_keras_serializable(package="kerasnets")
class SEBottleneck(keras.layers.Layer):
    """Figure 3 (right): a bottleneck (a 1x1 to `width`, a 3x3 in `cardinality` groups to
    `middle`, a 1x1 to `filters`) whose output is rescaled by squeeze-and-excitation before the
    sum with the shortcut, then a ReLU.

    strided_1x1: the stride sits on the first 1x1 (SE-ResNet, as Caffe's ResNet), else on the 3x3.
    shortcut_kernel: 0 for the identity, else the kernel of the projection (3 in SENet-154).
    """

    def __init__(self, width, middle, filters, strides=1, cardinality=1, strided_1x1=False, shortcut_kernel=0,
                 ratio=16, **kwargs):
        super().__init__(**kwargs)
        self.block_config = dict(width=width, middle=middle, filters=filters, strides=strides,
                                 cardinality=cardinality, strided_1x1=strided_1x1,
                                 shortcut_kernel=shortcut_kernel, ratio=ratio)
        name = self.name
        stride_1x1, stride_3x3 = (strides, 1) if strided_1x1 else (1, strides)
        self.conv1 = conv_bn(width, 1, stride_1x1, name=f"{name}_1")
        self.pad2 = None
        if stride_3x3 != 1:  # pad by one on every side, as Caffe does; "same" pads only bottom and right
            self.pad2 = layers.ZeroPadding2D(1, name=f"{name}_2_pad")
        self.conv2 = conv_bn(middle, 3, stride_3x3, "same" if stride_3x3 == 1 else "valid", cardinality,
                             name=f"{name}_2")
        self.conv3 = conv_bn(filters, 1, relu=False, name=f"{name}_3")
        self.se = SqueezeExcite(filters, ratio, name=f"{name}_se")
        self.pad0 = self.shortcut = None
        if shortcut_kernel == 3:  # SENet-154's strided 3x3 projection, padded by one on every side
            self.pad0 = layers.ZeroPadding2D(1, name=f"{name}_0_pad")
            self.shortcut = conv_bn(filters, 3, strides, "valid", relu=False, name=f"{name}_0")
        elif shortcut_kernel == 1:
            self.shortcut = conv_bn(filters, 1, strides, relu=False, name=f"{name}_0")

    def call(self, inputs):
        x = self.conv1(inputs)
        x = self.conv2(x if self.pad2 is None else self.pad2(x))
        x = self.se(self.conv3(x))
        if self.shortcut is None:
            return keras.ops.relu(x + inputs)
        shortcut = self.shortcut(inputs if self.pad0 is None else self.pad0(inputs))
        return keras.ops.relu(x + shortcut)

    def get_config(self):
        return {**super().get_config(), **self.block_config}


def stage(variant, in_channels, planes, depth, strides, ratio, *, name):
    """One of conv2_x ... conv5_x: `depth` blocks; the first is strided, and projects its shortcut."""
    width, middle = spec.bottleneck_widths(variant, planes)
    table = spec.VARIANTS[variant]
    shortcut_kernel = spec.shortcut_kernel(variant, in_channels, 4 * planes, strides)
    block = dict(width=width, middle=middle, filters=4 * planes, cardinality=table["cardinality"],
                 strided_1x1=spec.strided_1x1(variant), ratio=ratio)
    blocks = [SEBottleneck(strides=strides, shortcut_kernel=shortcut_kernel, **block, name=f"{name}_block1")]
    for index in range(2, depth + 1):
        blocks.append(SEBottleneck(**block, name=f"{name}_block{index}"))
    return blocks


@keras.saving.register_keras_serializable(package="kerasnets")
class SENet(ImageClassifier):
    """The stem, the stages conv2_x to conv5_x and the classifier."""

    spec = spec

    def __init__(self, variant, *, ratio=16, dropout=None, **kwargs):
        super().__init__(variant, ratio=ratio, dropout=dropout, **kwargs)
        table = spec.VARIANTS[variant]
        if table["deep_stem"]:  # SENet-154: three 3x3 convolutions, the first strided
            self.stem = [layers.ZeroPadding2D(1, name="conv1_1_pad"),
                         conv_bn(spec.DEEP_STEM[0], 3, 2, "valid", name="conv1_1"),
                         conv_bn(spec.DEEP_STEM[1], 3, name="conv1_2"),
                         conv_bn(spec.DEEP_STEM[2], 3, name="conv1_3")]
        else:
            self.stem = [layers.ZeroPadding2D(3, name="conv1_pad"), conv_bn(spec.STEM, 7, 2, "valid", name="conv1")]
        self.pool1_pad = layers.ZeroPadding2D(((0, 1), (0, 1)), name="pool1_pad")  # Caffe's ceil mode
        self.pool1 = layers.MaxPooling2D(3, strides=2, name="pool1_pool")
        stem_width = spec.DEEP_STEM[-1] if table["deep_stem"] else spec.STEM
        depths = table["depths"]
        self.conv2_x = stage(variant, stem_width, 64, depths[0], 1, ratio, name="conv2")
        self.conv3_x = stage(variant, 256, 128, depths[1], 2, ratio, name="conv3")
        self.conv4_x = stage(variant, 512, 256, depths[2], 2, ratio, name="conv4")
        self.conv5_x = stage(variant, 1024, 512, depths[3], 2, ratio, name="conv5")
        self.top_layers = classifier_layers(self.args, dropout=spec.dropout_of(variant, self.options["dropout"]))

    def call(self, inputs, training=None):
        x = inputs
        for layer in self.stem:
            x = layer(x)
        x = self.pool1(self.pool1_pad(x))
        for block in self.conv2_x + self.conv3_x + self.conv4_x + self.conv5_x:
            x = block(x)
        return self.top(x)

    def get_config(self):
        return {**super().get_config(), "variant": self.args.variant}


def se_resnet50(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                classifier_activation="softmax", name=None, ratio=16, dropout=0.0):
    """SE-ResNet-50 (Table 1) as a `keras.Model` subclass, `SENet`."""
    return build_subclassed(SENet, "se_resnet50", locals())


def se_resnet101(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                 classifier_activation="softmax", name=None, ratio=16, dropout=0.0):
    """SE-ResNet-101 as a `keras.Model` subclass, `SENet`."""
    return build_subclassed(SENet, "se_resnet101", locals())


def se_resnet152(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                 classifier_activation="softmax", name=None, ratio=16, dropout=0.0):
    """SE-ResNet-152 as a `keras.Model` subclass, `SENet`."""
    return build_subclassed(SENet, "se_resnet152", locals())


def se_resnext50_32x4d(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                       classifier_activation="softmax", name=None, ratio=16, dropout=0.0):
    """SE-ResNeXt-50 (32x4d) (Table 1) as a `keras.Model` subclass, `SENet`."""
    return build_subclassed(SENet, "se_resnext50_32x4d", locals())


def se_resnext101_32x4d(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                        classifier_activation="softmax", name=None, ratio=16, dropout=0.0):
    """SE-ResNeXt-101 (32x4d) as a `keras.Model` subclass, `SENet`."""
    return build_subclassed(SENet, "se_resnext101_32x4d", locals())


def senet154(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
             classifier_activation="softmax", name=None, ratio=16, dropout=0.2):
    """SENet-154 (the ILSVRC 2017 entry) as a `keras.Model` subclass, `SENet`."""
    return build_subclassed(SENet, "senet154", locals())
