"""GoogLeNet in the functional API: `inception(x, ...)` adds one module of Table 1 to the graph."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.zoo.googlenet import spec
from kerasnets.zoo.heads import classifier, predictions_layer
from kerasnets.zoo.inputs import model_inputs
from kerasnets.zoo.primitives import caffe_lrn


def conv(x, filters, kernel_size, strides=1, padding="same", *, name):
    """A convolution with a bias and a ReLU: GoogLeNet predates batch normalization."""
    return layers.Conv2D(filters, kernel_size, strides=strides, padding=padding, activation="relu",
                         name=name)(x)


def inception(x, c1x1, c3x3_reduce, c3x3, c5x5_reduce, c5x5, pool_proj, *, name):
    """Figure 2(b): 1x1, 3x3 and 5x5 convolutions and a 3x3 max pooling side by side, the
    larger convolutions after a 1x1 reduction and the pooling before a 1x1 projection."""
    branch1 = conv(x, c1x1, 1, name=f"{name}_1x1")
    branch2 = conv(x, c3x3_reduce, 1, name=f"{name}_3x3_reduce")
    branch2 = conv(branch2, c3x3, 3, name=f"{name}_3x3")
    branch3 = conv(x, c5x5_reduce, 1, name=f"{name}_5x5_reduce")
    branch3 = conv(branch3, c5x5, 5, name=f"{name}_5x5")
    branch4 = layers.MaxPooling2D(3, strides=1, padding="same", name=f"{name}_pool")(x)
    branch4 = conv(branch4, pool_proj, 1, name=f"{name}_pool_proj")
    return layers.Concatenate(name=name)([branch1, branch2, branch3, branch4])


def auxiliary_classifier(x, args, *, name):
    """Section 5: a small classifier on an intermediate map, to help the gradient flow."""
    x = layers.AveragePooling2D(5, strides=3, name=f"{name}_pool")(x)
    x = conv(x, 128, 1, name=f"{name}_conv")
    x = layers.Flatten(name=f"{name}_flatten")(x)
    x = layers.Dense(1024, activation="relu", name=f"{name}_fc")(x)
    x = layers.Dropout(0.7, name=f"{name}_dropout")(x)
    x = layers.Dense(args.classes, name=f"{name}_predictions")(x)
    return predictions_layer(args.classifier_activation, name=f"{name}_predictions_activation")(x)


def googlenet(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None,
              classes=1000, classifier_activation="softmax", name=None, aux_classifiers=False, dropout=0.4):
    """GoogLeNet (Szegedy et al., 2014) as a functional model, 224x224 by default.

    aux_classifiers: add the two auxiliary classifiers; the model then outputs a dict
        {"predictions", "aux1", "aux2"}.
    dropout: the rate before the classifier.
    """
    args, _ = resolve_spec(spec, "googlenet", locals())
    inputs, x = model_inputs(args)
    x = layers.ZeroPadding2D(3, name="conv1_pad")(x)  # Caffe pads the 7x7/2 by 3 on every side
    x = conv(x, 64, 7, strides=2, padding="valid", name="conv1_7x7")
    x = layers.MaxPooling2D(3, strides=2, padding="same", name="pool1")(x)
    x = caffe_lrn(name="lrn1")(x)
    x = conv(x, 64, 1, name="conv2_3x3_reduce")
    x = conv(x, 192, 3, name="conv2_3x3")
    x = caffe_lrn(name="lrn2")(x)
    x = layers.MaxPooling2D(3, strides=2, padding="same", name="pool2")(x)
    x = inception(x, *spec.INCEPTION["3a"], name="inception_3a")
    x = inception(x, *spec.INCEPTION["3b"], name="inception_3b")
    x = layers.MaxPooling2D(3, strides=2, padding="same", name="pool3")(x)
    x = inception(x, *spec.INCEPTION["4a"], name="inception_4a")
    aux1 = auxiliary_classifier(x, args, name="aux1") if aux_classifiers else None
    x = inception(x, *spec.INCEPTION["4b"], name="inception_4b")
    x = inception(x, *spec.INCEPTION["4c"], name="inception_4c")
    x = inception(x, *spec.INCEPTION["4d"], name="inception_4d")
    aux2 = auxiliary_classifier(x, args, name="aux2") if aux_classifiers else None
    x = inception(x, *spec.INCEPTION["4e"], name="inception_4e")
    x = layers.MaxPooling2D(3, strides=2, padding="same", name="pool4")(x)
    x = inception(x, *spec.INCEPTION["5a"], name="inception_5a")
    x = inception(x, *spec.INCEPTION["5b"], name="inception_5b")
    x = classifier(x, args, dropout=dropout)
    outputs = {"predictions": x, "aux1": aux1, "aux2": aux2} if aux_classifiers else x
    return load_weights(keras.Model(inputs, outputs, name=args.name), args)
