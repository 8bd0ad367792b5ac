"""GoogLeNet as a `keras.Sequential`: each inception module is one `Parallel` layer holding a
`keras.Sequential` per branch. A stack has one output, so no auxiliary classifiers."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, refuse_aux_in_sequential, resolve_spec
from kerasnets.layers import Parallel
from kerasnets.zoo.googlenet import spec
from kerasnets.zoo.heads import classifier_layers
from kerasnets.zoo.primitives import caffe_lrn


def conv(filters, kernel_size, strides=1, padding="same", *, name):
    """A convolution with a bias and a ReLU: GoogLeNet predates batch normalization."""
    return layers.Conv2D(filters, kernel_size, strides=strides, padding=padding, activation="relu", name=name)


def inception(c1x1, c3x3_reduce, c3x3, c5x5_reduce, c5x5, pool_proj, *, name):
    """Figure 2(b): 1x1, 3x3 and 5x5 convolutions and a 3x3 max pooling side by side, the
    larger convolutions after a 1x1 reduction and the pooling before a 1x1 projection."""
    return Parallel([
        keras.Sequential([conv(c1x1, 1, name=f"{name}_1x1")], name=f"{name}_branch1"),
        keras.Sequential([
            conv(c3x3_reduce, 1, name=f"{name}_3x3_reduce"),
            conv(c3x3, 3, name=f"{name}_3x3"),
        ], name=f"{name}_branch2"),
        keras.Sequential([
            conv(c5x5_reduce, 1, name=f"{name}_5x5_reduce"),
            conv(c5x5, 5, name=f"{name}_5x5"),
        ], name=f"{name}_branch3"),
        keras.Sequential([
            layers.MaxPooling2D(3, strides=1, padding="same", name=f"{name}_pool"),
            conv(pool_proj, 1, name=f"{name}_pool_proj"),
        ], name=f"{name}_branch4"),
    ], name=name)


def googlenet(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
              classifier_activation="softmax", name=None, aux_classifiers=False, dropout=0.4):
    """GoogLeNet (Szegedy et al., 2014) as a `keras.Sequential`, 224x224 by default.

    aux_classifiers: must stay False here (a stack has one output): use the functional or
        subclassed style for the auxiliary classifiers.
    dropout: the rate before the classifier.
    """
    args, _ = resolve_spec(spec, "googlenet", locals())
    refuse_aux_in_sequential("googlenet", aux_classifiers)
    stack = [
        keras.Input(shape=args.input_shape, name="input"),
        layers.ZeroPadding2D(3, name="conv1_pad"),  # Caffe pads the 7x7/2 by 3 on every side
        conv(64, 7, strides=2, padding="valid", name="conv1_7x7"),
        layers.MaxPooling2D(3, strides=2, padding="same", name="pool1"),
        caffe_lrn(name="lrn1"),
        conv(64, 1, name="conv2_3x3_reduce"),
        conv(192, 3, name="conv2_3x3"),
        caffe_lrn(name="lrn2"),
        layers.MaxPooling2D(3, strides=2, padding="same", name="pool2"),
        inception(*spec.INCEPTION["3a"], name="inception_3a"),
        inception(*spec.INCEPTION["3b"], name="inception_3b"),
        layers.MaxPooling2D(3, strides=2, padding="same", name="pool3"),
        inception(*spec.INCEPTION["4a"], name="inception_4a"),
        inception(*spec.INCEPTION["4b"], name="inception_4b"),
        inception(*spec.INCEPTION["4c"], name="inception_4c"),
        inception(*spec.INCEPTION["4d"], name="inception_4d"),
        inception(*spec.INCEPTION["4e"], name="inception_4e"),
        layers.MaxPooling2D(3, strides=2, padding="same", name="pool4"),
        inception(*spec.INCEPTION["5a"], name="inception_5a"),
        inception(*spec.INCEPTION["5b"], name="inception_5b"),
        *classifier_layers(args, dropout=dropout),
    ]
    return load_weights(keras.Sequential(stack, name=args.name), args)
