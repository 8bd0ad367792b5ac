"""Inception-ResNet in the functional API: a function per block, whose residual sum
`x + scale * projection` is written out."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.zoo.heads import classifier
from kerasnets.zoo.inception_resnet import spec
from kerasnets.zoo.inputs import model_inputs


def conv_bn(x, filters, kernel_size, strides=1, padding="same", *, name):
    """The unit of every branch: convolution without bias, BatchNormalization (no scale), ReLU."""
    x = layers.Conv2D(filters, kernel_size, strides=strides, padding=padding, use_bias=False,
                      name=f"{name}_conv")(x)
    x = layers.BatchNormalization(scale=False, name=f"{name}_bn")(x)
    return layers.Activation("relu", name=f"{name}_relu")(x)


def stem_v1(x):
    """Figure 14: 299x299x3 to 35x35x256."""
    x = conv_bn(x, 32, 3, strides=2, padding="valid", name="conv2d_1a_3x3")
    x = conv_bn(x, 32, 3, padding="valid", name="conv2d_2a_3x3")
    x = conv_bn(x, 64, 3, name="conv2d_2b_3x3")
    x = layers.MaxPooling2D(3, strides=2, name="maxpool_3a_3x3")(x)
    x = conv_bn(x, 80, 1, name="conv2d_3b_1x1")
    x = conv_bn(x, 192, 3, padding="valid", name="conv2d_4a_3x3")
    return conv_bn(x, 256, 3, strides=2, padding="valid", name="conv2d_4b_3x3")


def stem_v2(x):
    """The released model's stem: Inception-v3's, then mixed_5b (Inception-v3's 35x35 module),
    299x299x3 to 35x35x320."""
    x = conv_bn(x, 32, 3, strides=2, padding="valid", name="conv2d_1a_3x3")
    x = conv_bn(x, 32, 3, padding="valid", name="conv2d_2a_3x3")
    x = conv_bn(x, 64, 3, name="conv2d_2b_3x3")
    x = layers.MaxPooling2D(3, strides=2, name="maxpool_3a_3x3")(x)
    x = conv_bn(x, 80, 1, padding="valid", name="conv2d_3b_1x1")
    x = conv_bn(x, 192, 3, padding="valid", name="conv2d_4a_3x3")
    x = layers.MaxPooling2D(3, strides=2, name="maxpool_5a_3x3")(x)
    branch1 = conv_bn(x, 96, 1, name="mixed_5b_branch1_1")
    branch2 = conv_bn(x, 48, 1, name="mixed_5b_branch2_1")
    branch2 = conv_bn(branch2, 64, 5, name="mixed_5b_branch2_2")
    branch3 = conv_bn(x, 64, 1, name="mixed_5b_branch3_1")
    branch3 = conv_bn(branch3, 96, 3, name="mixed_5b_branch3_2")
    branch3 = conv_bn(branch3, 96, 3, name="mixed_5b_branch3_3")
    branch4 = layers.AveragePooling2D(3, strides=1, padding="same", name="mixed_5b_branch4_1")(x)
    branch4 = conv_bn(branch4, 64, 1, name="mixed_5b_branch4_2")
    return layers.Concatenate(name="mixed_5b")([branch1, branch2, branch3, branch4])


def residual(x, branches, scale, relu, name):
    """What every Inception-ResNet block ends with: the branches concatenated, projected back to
    the input's width by a linear 1x1 convolution, scaled, added to the input, then a ReLU."""
    mixed = layers.Concatenate(name=f"{name}_mixed")(branches)
    projection = layers.Conv2D(x.shape[-1], 1, name=f"{name}_conv")(mixed)  # bias, no BatchNormalization
    x = layers.Add(name=f"{name}_add")([x, layers.Rescaling(scale, name=f"{name}_scale")(projection)])
    return layers.Activation("relu", name=f"{name}_relu")(x) if relu else x


def inception_resnet_a(x, widths, scale, *, name):
    """Figures 10 and 16, on the 35x35 grid: 1x1 | 1x1, 3x3 | 1x1, 3x3, 3x3."""
    (c1,), (c2_1, c2_2), (c3_1, c3_2, c3_3) = widths
    branch1 = conv_bn(x, c1, 1, name=f"{name}_branch1_1")
    branch2 = conv_bn(x, c2_1, 1, name=f"{name}_branch2_1")
    branch2 = conv_bn(branch2, c2_2, 3, name=f"{name}_branch2_2")
    branch3 = conv_bn(x, c3_1, 1, name=f"{name}_branch3_1")
    branch3 = conv_bn(branch3, c3_2, 3, name=f"{name}_branch3_2")
    branch3 = conv_bn(branch3, c3_3, 3, name=f"{name}_branch3_3")
    return residual(x, [branch1, branch2, branch3], scale, True, name)


def inception_resnet_b(x, widths, scale, *, name):
    """Figures 11 and 17, on the 17x17 grid: 1x1 | 1x1, 1x7, 7x1."""
    (c1,), (c2_1, c2_2, c2_3) = widths
    branch1 = conv_bn(x, c1, 1, name=f"{name}_branch1_1")
    branch2 = conv_bn(x, c2_1, 1, name=f"{name}_branch2_1")
    branch2 = conv_bn(branch2, c2_2, (1, 7), name=f"{name}_branch2_2")
    branch2 = conv_bn(branch2, c2_3, (7, 1), name=f"{name}_branch2_3")
    return residual(x, [branch1, branch2], scale, True, name)


def inception_resnet_c(x, widths, scale, relu=True, *, name):
    """Figures 13 and 19, on the 8x8 grid: 1x1 | 1x1, 1x3, 3x1."""
    (c1,), (c2_1, c2_2, c2_3) = widths
    branch1 = conv_bn(x, c1, 1, name=f"{name}_branch1_1")
    branch2 = conv_bn(x, c2_1, 1, name=f"{name}_branch2_1")
    branch2 = conv_bn(branch2, c2_2, (1, 3), name=f"{name}_branch2_2")
    branch2 = conv_bn(branch2, c2_3, (3, 1), name=f"{name}_branch2_3")
    return residual(x, [branch1, branch2], scale, relu, name)


def reduction_a(x, k, l, m, n, *, name):
    """Figure 7 (Inception-v4's, with this family's units), 35x35 to 17x17; Table 1 gives k, l, m, n."""
    branch1 = conv_bn(x, n, 3, strides=2, padding="valid", name=f"{name}_branch1_1")
    branch2 = conv_bn(x, k, 1, name=f"{name}_branch2_1")
    branch2 = conv_bn(branch2, l, 3, name=f"{name}_branch2_2")
    branch2 = conv_bn(branch2, m, 3, strides=2, padding="valid", name=f"{name}_branch2_3")
    branch3 = layers.MaxPooling2D(3, strides=2, name=f"{name}_branch3_1")(x)
    return layers.Concatenate(name=name)([branch1, branch2, branch3])


def reduction_b(x, widths, *, name):
    """Figures 12 and 18, 17x17 to 8x8: three strided branches beside a strided max pooling."""
    (c1_1, c1_2), (c2_1, c2_2), (c3_1, c3_2, c3_3) = widths
    branch1 = conv_bn(x, c1_1, 1, name=f"{name}_branch1_1")
    branch1 = conv_bn(branch1, c1_2, 3, strides=2, padding="valid", name=f"{name}_branch1_2")
    branch2 = conv_bn(x, c2_1, 1, name=f"{name}_branch2_1")
    branch2 = conv_bn(branch2, c2_2, 3, strides=2, padding="valid", name=f"{name}_branch2_2")
    branch3 = conv_bn(x, c3_1, 1, name=f"{name}_branch3_1")
    branch3 = conv_bn(branch3, c3_2, 3, name=f"{name}_branch3_2")
    branch3 = conv_bn(branch3, c3_3, 3, strides=2, padding="valid", name=f"{name}_branch3_3")
    branch4 = layers.MaxPooling2D(3, strides=2, name=f"{name}_branch4_1")(x)
    return layers.Concatenate(name=name)([branch1, branch2, branch3, branch4])


def inception_resnet(variant, *, include_top=True, weights=None, input_tensor=None, input_shape=None,
                     pooling=None, classes=1000, classifier_activation="softmax", name=None,
                     block_scales=(0.17, 0.1, 0.2), dropout=0.2):
    """The Inception-ResNet `variant` (a key of `spec.ARCHITECTURES`) as a functional model.

    block_scales: the scales of the A, B and C blocks' residuals (section 3.3).
    dropout: the rate before the classifier (the paper keeps 0.8 of the activations).
    """
    args, options = resolve_spec(spec, variant, locals())
    net = spec.ARCHITECTURES[variant]
    scale_a, scale_b, scale_c = options["block_scales"]
    inputs, x = model_inputs(args)
    x = stem_v1(x) if variant == "inception_resnet_v1" else stem_v2(x)
    for index in range(1, net["repeats"]["block35"] + 1):
        x = inception_resnet_a(x, net["block35"], scale_a, name=f"block35_{index}")
    x = reduction_a(x, **net["reduction_a"], name="mixed_6a")
    for index in range(1, net["repeats"]["block17"] + 1):
        x = inception_resnet_b(x, net["block17"], scale_b, name=f"block17_{index}")
    x = reduction_b(x, net["reduction_b"], name="mixed_7a")
    last = net["repeats"]["block8"]
    for index in range(1, last):
        x = inception_resnet_c(x, net["block8"], scale_c, name=f"block8_{index}")
    if net["last_block8_relu"]:
        x = inception_resnet_c(x, net["block8"], scale_c, name=f"block8_{last}")
    else:  # the released v2: the last block adds its projection unscaled, with no ReLU
        x = inception_resnet_c(x, net["block8"], 1.0, relu=False, name=f"block8_{last}")
    if net["conv_7b"]:
        x = conv_bn(x, net["conv_7b"], 1, name="conv2d_7b_1x1")
    x = classifier(x, args, dropout=dropout)
    return load_weights(keras.Model(inputs, x, name=args.name), args)


def inception_resnet_v1(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None,
                        classes=1000, classifier_activation="softmax", name=None, block_scales=(0.17, 0.1, 0.2),
                        dropout=0.2):
    """Inception-ResNet-v1 (Figures 10 to 15 of the paper) as a functional model, 299x299 by default."""
    return inception_resnet("inception_resnet_v1", **locals())


def inception_resnet_v2(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None,
                        classes=1000, classifier_activation="softmax", name=None, block_scales=(0.17, 0.1, 0.2),
                        dropout=0.2):
    """Inception-ResNet-v2, the released model (keras.applications' InceptionResNetV2), as a
    functional model, 299x299 by default."""
    return inception_resnet("inception_resnet_v2", **locals())
