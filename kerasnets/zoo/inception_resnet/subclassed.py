"""Inception-ResNet as a `keras.Model` subclass: a layer class per block, each ending with the
residual sum `x + self.scale * projection` written out, and a model whose `call` reads like
the paper's Figure 15.

Reduction-A and -B are registered as `kerasnets>inception_resnet.ReductionA` and `...B`,
since Inception-v3 and -v4 have blocks of the same names.
"""

import keras
from keras import layers, ops

from kerasnets.layers import ConvBN
from kerasnets.zoo.heads import classifier_layers
from kerasnets.zoo.inception_resnet import spec
from kerasnets.zoo.subclassing import ImageClassifier, build_subclassed


def conv_bn(filters, kernel_size, strides=1, padding="same", *, name):
    """The unit of every branch: convolution without bias, BatchNormalization (no scale), ReLU."""
    return ConvBN(filters, kernel_size, strides, padding, scale=False, name=name)


def concatenate(branches):
    return ops.concatenate(branches, axis=-1)


@keras.saving.register_keras_serializable(package="kerasnets")
class StemV1(keras.layers.Layer):
    """Figure 14: 299x299x3 to 35x35x256."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.conv2d_1a = conv_bn(32, 3, strides=2, padding="valid", name="conv2d_1a_3x3")
        self.conv2d_2a = conv_bn(32, 3, padding="valid", name="conv2d_2a_3x3")
        self.conv2d_2b = conv_bn(64, 3, name="conv2d_2b_3x3")
        self.maxpool_3a = layers.MaxPooling2D(3, strides=2, name="maxpool_3a_3x3")
        self.conv2d_3b = conv_bn(80, 1, name="conv2d_3b_1x1")
        self.conv2d_4a = conv_bn(192, 3, padding="valid", name="conv2d_4a_3x3")
        self.conv2d_4b = conv_bn(256, 3, strides=2, padding="valid", name="conv2d_4b_3x3")

    def call(self, x):
        x = self.maxpool_3a(self.conv2d_2b(self.conv2d_2a(self.conv2d_1a(x))))
        return self.conv2d_4b(self.conv2d_4a(self.conv2d_3b(x)))


@keras.saving.register_keras_serializable(package="kerasnets")
class StemV2(keras.layers.Layer):
    """The released model's stem: Inception-v3's, then mixed_5b (Inception-v3's 35x35 module),
    299x299x3 to 35x35x320."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.conv2d_1a = conv_bn(32, 3, strides=2, padding="valid", name="conv2d_1a_3x3")
        self.conv2d_2a = conv_bn(32, 3, padding="valid", name="conv2d_2a_3x3")
        self.conv2d_2b = conv_bn(64, 3, name="conv2d_2b_3x3")
        self.maxpool_3a = layers.MaxPooling2D(3, strides=2, name="maxpool_3a_3x3")
        self.conv2d_3b = conv_bn(80, 1, padding="valid", name="conv2d_3b_1x1")
        self.conv2d_4a = conv_bn(192, 3, padding="valid", name="conv2d_4a_3x3")
        self.maxpool_5a = layers.MaxPooling2D(3, strides=2, name="maxpool_5a_3x3")
        self.branch1_1 = conv_bn(96, 1, name="mixed_5b_branch1_1")
        self.branch2_1 = conv_bn(48, 1, name="mixed_5b_branch2_1")
        self.branch2_2 = conv_bn(64, 5, name="mixed_5b_branch2_2")
        self.branch3_1 = conv_bn(64, 1, name="mixed_5b_branch3_1")
        self.branch3_2 = conv_bn(96, 3, name="mixed_5b_branch3_2")
        self.branch3_3 = conv_bn(96, 3, name="mixed_5b_branch3_3")
        self.branch4_1 = layers.AveragePooling2D(3, strides=1, padding="same", name="mixed_5b_branch4_1")
        self.branch4_2 = conv_bn(64, 1, name="mixed_5b_branch4_2")

    def call(self, x):
        x = self.maxpool_3a(self.conv2d_2b(self.conv2d_2a(self.conv2d_1a(x))))
        x = self.maxpool_5a(self.conv2d_4a(self.conv2d_3b(x)))
        branch1 = self.branch1_1(x)
        branch2 = self.branch2_2(self.branch2_1(x))
        branch3 = self.branch3_3(self.branch3_2(self.branch3_1(x)))
        branch4 = self.branch4_2(self.branch4_1(x))
        return concatenate([branch1, branch2, branch3, branch4])  # mixed_5b


class InceptionResNetBlock(keras.layers.Layer):
    """What the three blocks share: the linear 1x1 projection of their concatenated branches back
    to the input's `channels` (a bias, no BatchNormalization), the residual's `scale`, the ReLU."""

    def __init__(self, widths, channels, scale, relu=True, **kwargs):
        super().__init__(**kwargs)
        self.widths, self.channels, self.scale, self.relu = widths, channels, scale, relu
        self.projection = layers.Conv2D(channels, 1, name=f"{self.name}_conv")

    def residual(self, x, branches):
        projection = self.projection(concatenate(branches))
        x = x + self.scale * projection
        return ops.relu(x) if self.relu else x

    def get_config(self):
        return {**super().get_config(), "widths": self.widths, "channels": self.channels,
                "scale": self.scale, "relu": self.relu}


@keras.saving.register_keras_serializable(package="kerasnets")
class InceptionResNetA(InceptionResNetBlock):
    """Figures 10 and 16, on the 35x35 grid: 1x1 | 1x1, 3x3 | 1x1, 3x3, 3x3."""

    def __init__(self, widths, channels, scale, relu=True, **kwargs):
        super().__init__(widths, channels, scale, relu, **kwargs)
        (c1,), (c2_1, c2_2), (c3_1, c3_2, c3_3) = widths
        name = self.name
        self.branch1_1 = conv_bn(c1, 1, name=f"{name}_branch1_1")
        self.branch2_1 = conv_bn(c2_1, 1, name=f"{name}_branch2_1")
        self.branch2_2 = conv_bn(c2_2, 3, name=f"{name}_branch2_2")
        self.branch3_1 = conv_bn(c3_1, 1, name=f"{name}_branch3_1")
        self.branch3_2 = conv_bn(c3_2, 3, name=f"{name}_branch3_2")
        self.branch3_3 = conv_bn(c3_3, 3, name=f"{name}_branch3_3")

    def call(self, x):
        branch1 = self.branch1_1(x)
        branch2 = self.branch2_2(self.branch2_1(x))
        branch3 = self.branch3_3(self.branch3_2(self.branch3_1(x)))
        return self.residual(x, [branch1, branch2, branch3])


@keras.saving.register_keras_serializable(package="kerasnets")
class InceptionResNetB(InceptionResNetBlock):
    """Figures 11 and 17, on the 17x17 grid: 1x1 | 1x1, 1x7, 7x1."""

    def __init__(self, widths, channels, scale, relu=True, **kwargs):
        super().__init__(widths, channels, scale, relu, **kwargs)
        (c1,), (c2_1, c2_2, c2_3) = widths
        name = self.name
        self.branch1_1 = conv_bn(c1, 1, name=f"{name}_branch1_1")
        self.branch2_1 = conv_bn(c2_1, 1, name=f"{name}_branch2_1")
        self.branch2_2 = conv_bn(c2_2, (1, 7), name=f"{name}_branch2_2")
        self.branch2_3 = conv_bn(c2_3, (7, 1), name=f"{name}_branch2_3")

    def call(self, x):
        branch1 = self.branch1_1(x)
        branch2 = self.branch2_3(self.branch2_2(self.branch2_1(x)))
        return self.residual(x, [branch1, branch2])


@keras.saving.register_keras_serializable(package="kerasnets")
class InceptionResNetC(InceptionResNetBlock):
    """Figures 13 and 19, on the 8x8 grid: 1x1 | 1x1, 1x3, 3x1."""

    def __init__(self, widths, channels, scale, relu=True, **kwargs):
        super().__init__(widths, channels, scale, relu, **kwargs)
        (c1,), (c2_1, c2_2, c2_3) = widths
        name = self.name
        self.branch1_1 = conv_bn(c1, 1, name=f"{name}_branch1_1")
        self.branch2_1 = conv_bn(c2_1, 1, name=f"{name}_branch2_1")
        self.branch2_2 = conv_bn(c2_2, (1, 3), name=f"{name}_branch2_2")
        self.branch2_3 = conv_bn(c2_3, (3, 1), name=f"{name}_branch2_3")

    def call(self, x):
        branch1 = self.branch1_1(x)
        branch2 = self.branch2_3(self.branch2_2(self.branch2_1(x)))
        return self.residual(x, [branch1, branch2])


@keras.saving.register_keras_serializable(package="kerasnets", name="inception_resnet.ReductionA")
class ReductionA(keras.layers.Layer):
    """Figure 7 (Inception-v4's, with this family's units), 35x35 to 17x17; Table 1 gives k, l, m, n."""

    def __init__(self, k, l, m, n, **kwargs):  # noqa: E741 (the paper's names)
        super().__init__(**kwargs)
        self.k, self.l, self.m, self.n = k, l, m, n
        name = self.name
        self.branch1_1 = conv_bn(n, 3, strides=2, padding="valid", name=f"{name}_branch1_1")
        self.branch2_1 = conv_bn(k, 1, name=f"{name}_branch2_1")
        self.branch2_2 = conv_bn(l, 3, name=f"{name}_branch2_2")
        self.branch2_3 = conv_bn(m, 3, strides=2, padding="valid", name=f"{name}_branch2_3")
        self.branch3_1 = layers.MaxPooling2D(3, strides=2, name=f"{name}_branch3_1")

    def call(self, x):
        branch1 = self.branch1_1(x)
        branch2 = self.branch2_3(self.branch2_2(self.branch2_1(x)))
        return concatenate([branch1, branch2, self.branch3_1(x)])

    def get_config(self):
        return {**super().get_config(), "k": self.k, "l": self.l, "m": self.m, "n": self.n}


@keras.saving.register_keras_serializable(package="kerasnets", name="inception_resnet.ReductionB")
class ReductionB(keras.layers.Layer):
    """Figures 12 and 18, 17x17 to 8x8: three strided branches beside a strided max pooling."""

    def __init__(self, widths, **kwargs):
        super().__init__(**kwargs)
        self.widths = widths
        (c1_1, c1_2), (c2_1, c2_2), (c3_1, c3_2, c3_3) = widths
        name = self.name
        self.branch1_1 = conv_bn(c1_1, 1, name=f"{name}_branch1_1")
        self.branch1_2 = conv_bn(c1_2, 3, strides=2, padding="valid", name=f"{name}_branch1_2")
        self.branch2_1 = conv_bn(c2_1, 1, name=f"{name}_branch2_1")
        self.branch2_2 = conv_bn(c2_2, 3, strides=2, padding="valid", name=f"{name}_branch2_2")
        self.branch3_1 = conv_bn(c3_1, 1, name=f"{name}_branch3_1")
        self.branch3_2 = conv_bn(c3_2, 3, name=f"{name}_branch3_2")
        self.branch3_3 = conv_bn(c3_3, 3, strides=2, padding="valid", name=f"{name}_branch3_3")
        self.branch4_1 = layers.MaxPooling2D(3, strides=2, name=f"{name}_branch4_1")

    def call(self, x):
        branch1 = self.branch1_2(self.branch1_1(x))
        branch2 = self.branch2_2(self.branch2_1(x))
        branch3 = self.branch3_3(self.branch3_2(self.branch3_1(x)))
        return concatenate([branch1, branch2, branch3, self.branch4_1(x)])

    def get_config(self):
        return {**super().get_config(), "widths": self.widths}


@keras.saving.register_keras_serializable(package="kerasnets")
class InceptionResNet(ImageClassifier):
    """The stem, the A blocks, Reduction-A, the B blocks, Reduction-B, the C blocks (and, in the
    released v2, the conv2d_7b_1x1 unit), then the classifier (Figure 15)."""

    spec = spec

    def __init__(self, variant, *, block_scales=(0.17, 0.1, 0.2), dropout=0.2, **kwargs):
        super().__init__(variant, block_scales=block_scales, dropout=dropout, **kwargs)
        net = spec.ARCHITECTURES[variant]
        scale_a, scale_b, scale_c = self.options["block_scales"]
        width_35, width_17, width_8 = net["widths"]["block35"], net["widths"]["block17"], net["widths"]["block8"]
        self.stem = StemV1(name="stem") if variant == "inception_resnet_v1" else StemV2(name="stem")
        self.grid_35 = [InceptionResNetA(net["block35"], width_35, scale_a, name=f"block35_{index}")
                        for index in range(1, net["repeats"]["block35"] + 1)]
        self.mixed_6a = ReductionA(**net["reduction_a"], name="mixed_6a")
        self.grid_17 = [InceptionResNetB(net["block17"], width_17, scale_b, name=f"block17_{index}")
                        for index in range(1, net["repeats"]["block17"] + 1)]
        self.mixed_7a = ReductionB(net["reduction_b"], name="mixed_7a")
        last = net["repeats"]["block8"]
        self.grid_8 = [InceptionResNetC(net["block8"], width_8, scale_c, name=f"block8_{index}")
                       for index in range(1, last)]
        if net["last_block8_relu"]:
            self.grid_8.append(InceptionResNetC(net["block8"], width_8, scale_c, name=f"block8_{last}"))
        else:  # the released v2: the last block adds its projection unscaled, with no ReLU
            self.grid_8.append(InceptionResNetC(net["block8"], width_8, 1.0, relu=False, name=f"block8_{last}"))
        self.conv2d_7b = conv_bn(net["conv_7b"], 1, name="conv2d_7b_1x1") if net["conv_7b"] else None
        self.top_layers = classifier_layers(self.args, dropout=dropout)

    def call(self, inputs, training=None):
        x = self.stem(inputs)
        for block in self.grid_35:  # block35_1, ...
            x = block(x)
        x = self.mixed_6a(x)
        for block in self.grid_17:  # block17_1, ...
            x = block(x)
        x = self.mixed_7a(x)
        for block in self.grid_8:  # block8_1, ...
            x = block(x)
        if self.conv2d_7b is not None:
            x = self.conv2d_7b(x)
        return self.top(x)

    def get_config(self):
        return {**super().get_config(), "variant": self.args.variant}


def inception_resnet_v1(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                        classifier_activation="softmax", name=None, block_scales=(0.17, 0.1, 0.2), dropout=0.2):
    """Inception-ResNet-v1 (Figures 10 to 15 of the paper) as a `keras.Model` subclass,
    `InceptionResNet`, 299x299 by default."""
    return build_subclassed(InceptionResNet, "inception_resnet_v1", locals())


def inception_resnet_v2(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                        classifier_activation="softmax", name=None, block_scales=(0.17, 0.1, 0.2), dropout=0.2):
    """Inception-ResNet-v2, the released model (keras.applications' InceptionResNetV2), as a
    `keras.Model` subclass, `InceptionResNet`, 299x299 by default."""
    return build_subclassed(InceptionResNet, "inception_resnet_v2", locals())
