"""LeNet-5 as a `keras.Sequential`: Figure 2 of the paper is already a stack of layers."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.zoo.heads import pooling_layers, predictions_layer
from kerasnets.zoo.lenet import spec


def lenet5(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
           classifier_activation="softmax", name=None, modern=False):
    """LeNet-5 (LeCun et al., 1998) as a `keras.Sequential`, 32x32x1 by default.

    modern: ReLU and max pooling instead of tanh and average subsampling.
    """
    args, _ = resolve_spec(spec, "lenet5", locals())
    activation = "relu" if modern else "tanh"
    subsampling = layers.MaxPooling2D if modern else layers.AveragePooling2D
    stack = [
        keras.Input(shape=args.input_shape, name="input"),
        layers.Conv2D(6, 5, activation=activation, name="c1"),
        subsampling(2, name="s2"),
        layers.Conv2D(16, 5, activation=activation, name="c3"),
        subsampling(2, name="s4"),
        layers.Conv2D(120, 5, activation=activation, name="c5"),
    ]
    if include_top:
        stack += [
            layers.Flatten(name="flatten"),
            layers.Dense(84, activation=activation, name="f6"),
            layers.Dense(args.classes, name="predictions"),
            predictions_layer(args.classifier_activation),
        ]
    else:
        stack += pooling_layers(args.pooling)
    return load_weights(keras.Sequential(stack, name=args.name), args)
