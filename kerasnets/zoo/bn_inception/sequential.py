"""BN-Inception as a `keras.Sequential`: each module of Figure 5 is one `Parallel` layer
holding a `keras.Sequential` per branch."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.layers import Parallel
from kerasnets.zoo import primitives
from kerasnets.zoo.bn_inception import spec
from kerasnets.zoo.heads import classifier_layers


def conv_bn(filters, kernel_size, strides=1, padding="same", *, name):
    """Convolution (with its bias, as in the Caffe model), BatchNormalization, ReLU."""
    return primitives.conv_bn(filters, kernel_size, strides, padding, use_bias=True, epsilon=spec.BN_EPSILON,
                              name=name)


def strided_conv_bn(filters, *, name):
    """A 3x3/2 unit padded by one pixel on every side, as Caffe pads it ("same" would pad
    only the bottom and right of an even map)."""
    return [layers.ZeroPadding2D(1, name=f"{name}_pad"), *conv_bn(filters, 3, 2, "valid", name=name)]


def inception(c1x1, c3x3_reduce, c3x3, double_reduce, double, pool, pool_proj, *, name):
    """Figure 5's module: GoogLeNet's, with its 5x5 branch replaced by two 3x3 in series."""
    if pool == "avg":  # the average counts the zero padding, as in Caffe
        pooling = [layers.ZeroPadding2D(1, name=f"{name}_pool_pad"),
                   layers.AveragePooling2D(3, strides=1, name=f"{name}_pool")]
    else:
        pooling = [layers.MaxPooling2D(3, strides=1, padding="same", name=f"{name}_pool")]
    return Parallel([
        keras.Sequential(conv_bn(c1x1, 1, name=f"{name}_1x1"), name=f"{name}_branch1"),
        keras.Sequential([
            *conv_bn(c3x3_reduce, 1, name=f"{name}_3x3_reduce"),
            *conv_bn(c3x3, 3, name=f"{name}_3x3"),
        ], name=f"{name}_branch2"),
        keras.Sequential([
            *conv_bn(double_reduce, 1, name=f"{name}_double_3x3_reduce"),
            *conv_bn(double, 3, name=f"{name}_double_3x3_1"),
            *conv_bn(double, 3, name=f"{name}_double_3x3_2"),
        ], name=f"{name}_branch3"),
        keras.Sequential([*pooling, *conv_bn(pool_proj, 1, name=f"{name}_pool_proj")], name=f"{name}_branch4"),
    ], name=name)


def reduction(c3x3_reduce, c3x3, double_reduce, double, *, name):
    """The stride-2 modules (3c, 4e): strided 3x3 branches beside a max pooling passed through."""
    return Parallel([
        keras.Sequential([
            *conv_bn(c3x3_reduce, 1, name=f"{name}_3x3_reduce"),
            *strided_conv_bn(c3x3, name=f"{name}_3x3"),
        ], name=f"{name}_branch1"),
        keras.Sequential([
            *conv_bn(double_reduce, 1, name=f"{name}_double_3x3_reduce"),
            *conv_bn(double, 3, name=f"{name}_double_3x3_1"),
            *strided_conv_bn(double, name=f"{name}_double_3x3_2"),
        ], name=f"{name}_branch2"),
        keras.Sequential([layers.MaxPooling2D(3, strides=2, padding="same", name=f"{name}_pool")],
                         name=f"{name}_branch3"),
    ], name=name)


def bn_inception(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
                 classifier_activation="softmax", name=None, dropout=0.0):
    """BN-Inception (Ioffe and Szegedy, 2015) as a `keras.Sequential`, 224x224 by default.

    dropout: a rate before the classifier (the paper removed dropout: 0 by default).
    """
    args, _ = resolve_spec(spec, "bn_inception", locals())
    stack = [
        keras.Input(shape=args.input_shape, name="input"),
        layers.ZeroPadding2D(3, name="conv1_7x7_s2_pad"),
        *conv_bn(64, 7, strides=2, padding="valid", name="conv1_7x7_s2"),
        layers.MaxPooling2D(3, strides=2, padding="same", name="pool1_3x3_s2"),
        *conv_bn(64, 1, name="conv2_3x3_reduce"),
        *conv_bn(192, 3, name="conv2_3x3"),
        layers.MaxPooling2D(3, strides=2, padding="same", name="pool2_3x3_s2"),
        inception(*spec.INCEPTION["3a"], name="inception_3a"),
        inception(*spec.INCEPTION["3b"], name="inception_3b"),
        reduction(*spec.REDUCTION["3c"], name="inception_3c"),
        inception(*spec.INCEPTION["4a"], name="inception_4a"),
        inception(*spec.INCEPTION["4b"], name="inception_4b"),
        inception(*spec.INCEPTION["4c"], name="inception_4c"),
        inception(*spec.INCEPTION["4d"], name="inception_4d"),
        reduction(*spec.REDUCTION["4e"], name="inception_4e"),
        inception(*spec.INCEPTION["5a"], name="inception_5a"),
        inception(*spec.INCEPTION["5b"], name="inception_5b"),
        *classifier_layers(args, dropout=dropout),
    ]
    return load_weights(keras.Sequential(stack, name=args.name), args)
