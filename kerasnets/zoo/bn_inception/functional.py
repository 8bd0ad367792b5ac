"""BN-Inception in the functional API: `inception(x, ...)` and `reduction(x, ...)` add the
modules of Figure 5 to the graph."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.zoo.bn_inception import spec
from kerasnets.zoo.heads import classifier
from kerasnets.zoo.inputs import model_inputs


def conv_bn(x, filters, kernel_size, strides=1, padding="same", *, name):
    """Convolution (with its bias, as in the Caffe model), BatchNormalization, ReLU."""
    x = layers.Conv2D(filters, kernel_size, strides=strides, padding=padding, name=f"{name}_conv")(x)
    x = layers.BatchNormalization(epsilon=spec.BN_EPSILON, name=f"{name}_bn")(x)
    return layers.Activation("relu", name=f"{name}_relu")(x)


def strided_conv_bn(x, filters, *, name):
    """A 3x3/2 unit padded by one pixel on every side, as Caffe pads it ("same" would pad
    only the bottom and right of an even map)."""
    x = layers.ZeroPadding2D(1, name=f"{name}_pad")(x)
    return conv_bn(x, filters, 3, strides=2, padding="valid", name=name)


def inception(x, c1x1, c3x3_reduce, c3x3, double_reduce, double, pool, pool_proj, *, name):
    """Figure 5's module: GoogLeNet's, with its 5x5 branch replaced by two 3x3 in series."""
    branch1 = conv_bn(x, c1x1, 1, name=f"{name}_1x1")
    branch2 = conv_bn(x, c3x3_reduce, 1, name=f"{name}_3x3_reduce")
    branch2 = conv_bn(branch2, c3x3, 3, name=f"{name}_3x3")
    branch3 = conv_bn(x, double_reduce, 1, name=f"{name}_double_3x3_reduce")
    branch3 = conv_bn(branch3, double, 3, name=f"{name}_double_3x3_1")
    branch3 = conv_bn(branch3, double, 3, name=f"{name}_double_3x3_2")
    if pool == "avg":  # the average counts the zero padding, as in Caffe
        branch4 = layers.ZeroPadding2D(1, name=f"{name}_pool_pad")(x)
        branch4 = layers.AveragePooling2D(3, strides=1, name=f"{name}_pool")(branch4)
    else:
        branch4 = layers.MaxPooling2D(3, strides=1, padding="same", name=f"{name}_pool")(x)
    branch4 = conv_bn(branch4, pool_proj, 1, name=f"{name}_pool_proj")
    return layers.Concatenate(name=name)([branch1, branch2, branch3, branch4])


def reduction(x, c3x3_reduce, c3x3, double_reduce, double, *, name):
    """The stride-2 modules (3c, 4e): strided 3x3 branches beside a max pooling passed through."""
    branch1 = conv_bn(x, c3x3_reduce, 1, name=f"{name}_3x3_reduce")
    branch1 = strided_conv_bn(branch1, c3x3, name=f"{name}_3x3")
    branch2 = conv_bn(x, double_reduce, 1, name=f"{name}_double_3x3_reduce")
    branch2 = conv_bn(branch2, double, 3, name=f"{name}_double_3x3_1")
    branch2 = strided_conv_bn(branch2, double, name=f"{name}_double_3x3_2")
    branch3 = layers.MaxPooling2D(3, strides=2, padding="same", name=f"{name}_pool")(x)
    return layers.Concatenate(name=name)([branch1, branch2, branch3])


def bn_inception(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None,
                 classes=1000, classifier_activation="softmax", name=None, dropout=0.0):
    """BN-Inception (Ioffe and Szegedy, 2015) as a functional model, 224x224 by default.

    dropout: a rate before the classifier (the paper removed dropout: 0 by default).
    """
    args, _ = resolve_spec(spec, "bn_inception", locals())
    inputs, x = model_inputs(args)
    x = layers.ZeroPadding2D(3, name="conv1_7x7_s2_pad")(x)
    x = conv_bn(x, 64, 7, strides=2, padding="valid", name="conv1_7x7_s2")
    x = layers.MaxPooling2D(3, strides=2, padding="same", name="pool1_3x3_s2")(x)
    x = conv_bn(x, 64, 1, name="conv2_3x3_reduce")
    x = conv_bn(x, 192, 3, name="conv2_3x3")
    x = layers.MaxPooling2D(3, strides=2, padding="same", name="pool2_3x3_s2")(x)
    x = inception(x, *spec.INCEPTION["3a"], name="inception_3a")
    x = inception(x, *spec.INCEPTION["3b"], name="inception_3b")
    x = reduction(x, *spec.REDUCTION["3c"], name="inception_3c")
    x = inception(x, *spec.INCEPTION["4a"], name="inception_4a")
    x = inception(x, *spec.INCEPTION["4b"], name="inception_4b")
    x = inception(x, *spec.INCEPTION["4c"], name="inception_4c")
    x = inception(x, *spec.INCEPTION["4d"], name="inception_4d")
    x = reduction(x, *spec.REDUCTION["4e"], name="inception_4e")
    x = inception(x, *spec.INCEPTION["5a"], name="inception_5a")
    x = inception(x, *spec.INCEPTION["5b"], name="inception_5b")
    x = classifier(x, args, dropout=dropout)
    return load_weights(keras.Model(inputs, x, name=args.name), args)
