"""Inception-ResNet as a `keras.Sequential`: each block is one `Residual` layer with a scale,
whose branch is a `Parallel` layer of `keras.Sequential` branches followed by the linear 1x1
projection, then the block's ReLU."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.layers import Parallel, Residual
from kerasnets.zoo import primitives
from kerasnets.zoo.heads import classifier_layers
from kerasnets.zoo.inception_resnet import spec
from kerasnets.zoo.primitives import branch


def conv_bn(filters, kernel_size, strides=1, padding="same", *, name):
    """The unit of every branch: convolution without bias, BatchNormalization (no scale), ReLU."""
    return primitives.conv_bn(filters, kernel_size, strides, padding, scale=False, name=name)


def max_pool(name):
    return [layers.MaxPooling2D(3, strides=2, name=name)]


def stem_v1():
    """Figure 14: 299x299x3 to 35x35x256."""
    return [
        *conv_bn(32, 3, strides=2, padding="valid", name="conv2d_1a_3x3"),
        *conv_bn(32, 3, padding="valid", name="conv2d_2a_3x3"),
        *conv_bn(64, 3, name="conv2d_2b_3x3"),
        layers.MaxPooling2D(3, strides=2, name="maxpool_3a_3x3"),
        *conv_bn(80, 1, name="conv2d_3b_1x1"),
        *conv_bn(192, 3, padding="valid", name="conv2d_4a_3x3"),
        *conv_bn(256, 3, strides=2, padding="valid", name="conv2d_4b_3x3"),
    ]


def stem_v2():
    """The released model's stem: Inception-v3's, then mixed_5b (Inception-v3's 35x35 module),
    299x299x3 to 35x35x320."""
    return [
        *conv_bn(32, 3, strides=2, padding="valid", name="conv2d_1a_3x3"),
        *conv_bn(32, 3, padding="valid", name="conv2d_2a_3x3"),
        *conv_bn(64, 3, name="conv2d_2b_3x3"),
        layers.MaxPooling2D(3, strides=2, name="maxpool_3a_3x3"),
        *conv_bn(80, 1, padding="valid", name="conv2d_3b_1x1"),
        *conv_bn(192, 3, padding="valid", name="conv2d_4a_3x3"),
        layers.MaxPooling2D(3, strides=2, name="maxpool_5a_3x3"),
        Parallel([
            branch(conv_bn(96, 1, name="mixed_5b_branch1_1"), name="mixed_5b_branch1"),
            branch(conv_bn(48, 1, name="mixed_5b_branch2_1"),
                   conv_bn(64, 5, name="mixed_5b_branch2_2"), name="mixed_5b_branch2"),
            branch(conv_bn(64, 1, name="mixed_5b_branch3_1"),
                   conv_bn(96, 3, name="mixed_5b_branch3_2"),
                   conv_bn(96, 3, name="mixed_5b_branch3_3"), name="mixed_5b_branch3"),
            branch([layers.AveragePooling2D(3, strides=1, padding="same", name="mixed_5b_branch4_1")],
                   conv_bn(64, 1, name="mixed_5b_branch4_2"), name="mixed_5b_branch4"),
        ], name="mixed_5b"),
    ]


def residual(branches, channels, scale, relu, name):
    """What every Inception-ResNet block is: x + scale * projection(branches(x)), then a ReLU.
    The projection is a linear 1x1 convolution back to the input's `channels`."""
    block = [Residual(keras.Sequential([
        Parallel(branches, name=f"{name}_mixed"),
        layers.Conv2D(channels, 1, name=f"{name}_conv"),  # bias, no BatchNormalization
    ], name=f"{name}_branch"), scale=scale, name=f"{name}_add")]
    return block + [layers.Activation("relu", name=f"{name}_relu")] if relu else block


def inception_resnet_a(widths, channels, scale, *, name):
    """Figures 10 and 16, on the 35x35 grid: 1x1 | 1x1, 3x3 | 1x1, 3x3, 3x3."""
    (c1,), (c2_1, c2_2), (c3_1, c3_2, c3_3) = widths
    return residual([
        branch(conv_bn(c1, 1, name=f"{name}_branch1_1"), name=f"{name}_branch1"),
        branch(conv_bn(c2_1, 1, name=f"{name}_branch2_1"),
               conv_bn(c2_2, 3, name=f"{name}_branch2_2"), name=f"{name}_branch2"),
        branch(conv_bn(c3_1, 1, name=f"{name}_branch3_1"),
               conv_bn(c3_2, 3, name=f"{name}_branch3_2"),
               conv_bn(c3_3, 3, name=f"{name}_branch3_3"), name=f"{name}_branch3"),
    ], channels, scale, True, name)


def inception_resnet_b(widths, channels, scale, *, name):
    """Figures 11 and 17, on the 17x17 grid: 1x1 | 1x1, 1x7, 7x1."""
    (c1,), (c2_1, c2_2, c2_3) = widths
    return residual([
        branch(conv_bn(c1, 1, name=f"{name}_branch1_1"), name=f"{name}_branch1"),
        branch(conv_bn(c2_1, 1, name=f"{name}_branch2_1"),
               conv_bn(c2_2, (1, 7), name=f"{name}_branch2_2"),
               conv_bn(c2_3, (7, 1), name=f"{name}_branch2_3"), name=f"{name}_branch2"),
    ], channels, scale, True, name)


def inception_resnet_c(widths, channels, scale, relu=True, *, name):
    """Figures 13 and 19, on the 8x8 grid: 1x1 | 1x1, 1x3, 3x1."""
    (c1,), (c2_1, c2_2, c2_3) = widths
    return residual([
        branch(conv_bn(c1, 1, name=f"{name}_branch1_1"), name=f"{name}_branch1"),
        branch(conv_bn(c2_1, 1, name=f"{name}_branch2_1"),
               conv_bn(c2_2, (1, 3), name=f"{name}_branch2_2"),
               conv_bn(c2_3, (3, 1), name=f"{name}_branch2_3"), name=f"{name}_branch2"),
    ], channels, scale, relu, name)


def reduction_a(k, l, m, n, *, name):
    """Figure 7 (Inception-v4's, with this family's units), 35x35 to 17x17; Table 1 gives k, l, m, n."""
    return Parallel([
        branch(conv_bn(n, 3, strides=2, padding="valid", name=f"{name}_branch1_1"), name=f"{name}_branch1"),
        branch(conv_bn(k, 1, name=f"{name}_branch2_1"),
               conv_bn(l, 3, name=f"{name}_branch2_2"),
               conv_bn(m, 3, strides=2, padding="valid", name=f"{name}_branch2_3"), name=f"{name}_branch2"),
        branch(max_pool(f"{name}_branch3_1"), name=f"{name}_branch3"),
    ], name=name)


def reduction_b(widths, *, name):
    """Figures 12 and 18, 17x17 to 8x8: three strided branches beside a strided max pooling."""
    (c1_1, c1_2), (c2_1, c2_2), (c3_1, c3_2, c3_3) = widths
    return Parallel([
        branch(conv_bn(c1_1, 1, name=f"{name}_branch1_1"),
               conv_bn(c1_2, 3, strides=2, padding="valid", name=f"{name}_branch1_2"), name=f"{name}_branch1"),
        branch(conv_bn(c2_1, 1, name=f"{name}_branch2_1"),
               conv_bn(c2_2, 3, strides=2, padding="valid", name=f"{name}_branch2_2"), name=f"{name}_branch2"),
        branch(conv_bn(c3_1, 1, name=f"{name}_branch3_1"),
               conv_bn(c3_2, 3, name=f"{name}_branch3_2"),
               conv_bn(c3_3, 3, strides=2, padding="valid", name=f"{name}_branch3_3"), name=f"{name}_branch3"),
        branch(max_pool(f"{name}_branch4_1"), name=f"{name}_branch4"),
    ], name=name)


def inception_resnet(variant, *, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                     classifier_activation="softmax", name=None, block_scales=(0.17, 0.1, 0.2), dropout=0.2):
    """The Inception-ResNet `variant` (a key of `spec.ARCHITECTURES`) as a `keras.Sequential`.

    block_scales: the scales of the A, B and C blocks' residuals (section 3.3).
    dropout: the rate before the classifier (the paper keeps 0.8 of the activations).
    """
    args, options = resolve_spec(spec, variant, locals())
    net = spec.ARCHITECTURES[variant]
    scale_a, scale_b, scale_c = options["block_scales"]
    # A stack has no tensor to read the widths of the residual sums from: the spec gives them.
    width_35, width_17, width_8 = net["widths"]["block35"], net["widths"]["block17"], net["widths"]["block8"]
    stack = [keras.Input(shape=args.input_shape, name="input")]
    stack += stem_v1() if variant == "inception_resnet_v1" else stem_v2()
    for index in range(1, net["repeats"]["block35"] + 1):
        stack += inception_resnet_a(net["block35"], width_35, scale_a, name=f"block35_{index}")
    stack.append(reduction_a(**net["reduction_a"], name="mixed_6a"))
    for index in range(1, net["repeats"]["block17"] + 1):
        stack += inception_resnet_b(net["block17"], width_17, scale_b, name=f"block17_{index}")
    stack.append(reduction_b(net["reduction_b"], name="mixed_7a"))
    last = net["repeats"]["block8"]
    for index in range(1, last):
        stack += inception_resnet_c(net["block8"], width_8, scale_c, name=f"block8_{index}")
    if net["last_block8_relu"]:
        stack += inception_resnet_c(net["block8"], width_8, scale_c, name=f"block8_{last}")
    else:  # the released v2: the last block adds its projection unscaled, with no ReLU
        stack += inception_resnet_c(net["block8"], width_8, 1.0, relu=False, name=f"block8_{last}")
    if net["conv_7b"]:
        stack += conv_bn(net["conv_7b"], 1, name="conv2d_7b_1x1")
    stack += classifier_layers(args, dropout=dropout)
    return load_weights(keras.Sequential(stack, name=args.name), args)


def inception_resnet_v1(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                        classifier_activation="softmax", name=None, block_scales=(0.17, 0.1, 0.2), dropout=0.2):
    """Inception-ResNet-v1 (Figures 10 to 15 of the paper) as a `keras.Sequential`, 299x299 by default."""
    return inception_resnet("inception_resnet_v1", **locals())


def inception_resnet_v2(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                        classifier_activation="softmax", name=None, block_scales=(0.17, 0.1, 0.2), dropout=0.2):
    """Inception-ResNet-v2, the released model (keras.applications' InceptionResNetV2), as a
    `keras.Sequential`, 299x299 by default."""
    return inception_resnet("inception_resnet_v2", **locals())
