"""DenseNet as a `keras.Model` subclass: a `DenseLayer` class (whose `call` concatenates its
new feature maps to its input), a `Transition` class, and a model that runs Table 1's blocks."""

import keras
from keras import layers, ops

from kerasnets.zoo.densenet import spec
from kerasnets.zoo.heads import classifier_layers
from kerasnets.zoo.subclassing import ImageClassifier, build_subclassed


def batch_norm(name):
    return layers.BatchNormalization(epsilon=spec.BN_EPSILON, name=name)


@keras.saving.register_keras_serializable(package="kerasnets")
class DenseLayer(keras.layers.Layer):
    """BN-ReLU-1x1 to 4 x growth_rate, BN-ReLU-3x3 to growth_rate, concatenated to the input."""

    def __init__(self, growth_rate, **kwargs):
        super().__init__(**kwargs)
        self.growth_rate = growth_rate
        name = self.name
        self.bn0 = batch_norm(f"{name}_0_bn")
        self.conv1 = layers.Conv2D(spec.BOTTLENECK * growth_rate, 1, use_bias=False, name=f"{name}_1_conv")
        self.bn1 = batch_norm(f"{name}_1_bn")
        self.conv2 = layers.Conv2D(growth_rate, 3, padding="same", use_bias=False, name=f"{name}_2_conv")

    def call(self, x):
        new = self.conv1(ops.relu(self.bn0(x)))
        new = self.conv2(ops.relu(self.bn1(new)))
        return ops.concatenate([x, new], axis=-1)

    def get_config(self):
        return {**super().get_config(), "growth_rate": self.growth_rate}


@keras.saving.register_keras_serializable(package="kerasnets")
class Transition(keras.layers.Layer):
    """BN-ReLU-1x1 convolution to `filters` (the compressed width), then 2x2 average pooling."""

    def __init__(self, filters, **kwargs):
        super().__init__(**kwargs)
        self.filters = filters
        self.bn = batch_norm(f"{self.name}_bn")
        self.conv = layers.Conv2D(filters, 1, use_bias=False, name=f"{self.name}_conv")
        self.pool = layers.AveragePooling2D(2, strides=2, name=f"{self.name}_pool")

    def call(self, x):
        return self.pool(self.conv(ops.relu(self.bn(x))))

    def get_config(self):
        return {**super().get_config(), "filters": self.filters}


@keras.saving.register_keras_serializable(package="kerasnets")
class DenseNet(ImageClassifier):
    """The stem, four dense blocks with a transition between each two, BN-ReLU, the classifier."""

    spec = spec

    def __init__(self, variant, *, growth_rate=None, compression=0.5, **kwargs):
        super().__init__(variant, growth_rate=growth_rate, compression=compression, **kwargs)
        table = spec.VARIANTS[variant]
        growth_rate = growth_rate or table["growth_rate"]
        self.conv1_pad = layers.ZeroPadding2D(3, name="conv1_pad")
        self.conv1 = layers.Conv2D(table["stem"], 7, strides=2, use_bias=False, name="conv1_conv")
        self.conv1_bn = batch_norm("conv1_bn")
        self.pool1_pad = layers.ZeroPadding2D(1, name="pool1_pad")
        self.pool1 = layers.MaxPooling2D(3, strides=2, name="pool1")
        self.blocks = []  # dense layers and transitions, in order
        channels = table["stem"]
        for stage, size in enumerate(table["blocks"], start=2):
            self.blocks += [DenseLayer(growth_rate, name=f"conv{stage}_block{index}") for index in range(1, size + 1)]
            channels += size * growth_rate
            if stage < 5:
                channels = int(channels * compression)
                self.blocks.append(Transition(channels, name=f"pool{stage}"))
        self.bn = batch_norm("bn")
        self.top_layers = classifier_layers(self.args)

    def call(self, inputs, training=None):
        x = ops.relu(self.conv1_bn(self.conv1(self.conv1_pad(inputs))))
        x = self.pool1(self.pool1_pad(x))
        for block in self.blocks:  # conv2_block1 ... pool2 ... conv5_block16
            x = block(x)
        return self.top(ops.relu(self.bn(x)))

    def get_config(self):
        return {**super().get_config(), "variant": self.args.variant}


def densenet121(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                classifier_activation="softmax", name=None, growth_rate=None, compression=0.5):
    """DenseNet-121 (Table 1) as a `keras.Model` subclass, `DenseNet`."""
    return build_subclassed(DenseNet, "densenet121", locals())


def densenet161(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                classifier_activation="softmax", name=None, growth_rate=None, compression=0.5):
    """DenseNet-161 (growth 48) (Table 1) as a `keras.Model` subclass, `DenseNet`."""
    return build_subclassed(DenseNet, "densenet161", locals())


def densenet169(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                classifier_activation="softmax", name=None, growth_rate=None, compression=0.5):
    """DenseNet-169 (Table 1) as a `keras.Model` subclass, `DenseNet`."""
    return build_subclassed(DenseNet, "densenet169", locals())


def densenet201(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                classifier_activation="softmax", name=None, growth_rate=None, compression=0.5):
    """DenseNet-201 (Table 1) as a `keras.Model` subclass, `DenseNet`."""
    return build_subclassed(DenseNet, "densenet201", locals())


def densenet264(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                classifier_activation="softmax", name=None, growth_rate=None, compression=0.5):
    """DenseNet-264 (Table 1) as a `keras.Model` subclass, `DenseNet`."""
    return build_subclassed(DenseNet, "densenet264", locals())
