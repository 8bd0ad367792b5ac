"""LeNet-5 in the functional API: each layer of Figure 2 applied to the tensor before it."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.zoo.heads import classifier, predictions_layer
from kerasnets.zoo.inputs import model_inputs
from kerasnets.zoo.lenet import spec


def lenet5(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None,
           classes=1000, classifier_activation="softmax", name=None, modern=False):
    """LeNet-5 (LeCun et al., 1998) as a functional model, 32x32x1 by default.

    modern: ReLU and max pooling instead of tanh and average subsampling.
    """
    args, _ = resolve_spec(spec, "lenet5", locals())
    activation = "relu" if modern else "tanh"
    subsampling = layers.MaxPooling2D if modern else layers.AveragePooling2D
    inputs, x = model_inputs(args)
    x = layers.Conv2D(6, 5, activation=activation, name="c1")(x)
    x = subsampling(2, name="s2")(x)
    x = layers.Conv2D(16, 5, activation=activation, name="c3")(x)
    x = subsampling(2, name="s4")(x)
    x = layers.Conv2D(120, 5, activation=activation, name="c5")(x)
    if include_top:
        x = layers.Flatten(name="flatten")(x)
        x = layers.Dense(84, activation=activation, name="f6")(x)
        x = layers.Dense(args.classes, name="predictions")(x)
        x = predictions_layer(args.classifier_activation)(x)
    else:
        x = classifier(x, args)  # the `pooling` layers
    return load_weights(keras.Model(inputs, x, name=args.name), args)
