"""NiN in the functional API: `nin_block(x, ...)` adds one mlpconv layer to the graph."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.zoo.heads import classifier, predictions_layer
from kerasnets.zoo.inputs import model_inputs
from kerasnets.zoo.nin import spec


def nin_block(x, width, kernel_size, strides, name, out_width=None):
    """The mlpconv layer: a kxk convolution and two 1x1 convolutions, each with a ReLU."""
    padding = "valid" if strides > 1 else "same"
    x = layers.Conv2D(width, kernel_size, strides=strides, padding=padding, activation="relu",
                      name=f"{name}_conv")(x)
    x = layers.Conv2D(width, 1, activation="relu", name=f"{name}_mlp1")(x)
    return layers.Conv2D(out_width or width, 1, activation="relu", name=f"{name}_mlp2")(x)


def nin(*, include_top=True, weights=None, input_tensor=None, input_shape=None, pooling=None,
        classes=1000, classifier_activation="softmax", name=None, dropout=0.5):
    """Network in Network (Lin et al., 2013) as a functional model, 224x224 by default.

    dropout: the rate before the last NiN block.
    """
    args, _ = resolve_spec(spec, "nin", locals())
    inputs, x = model_inputs(args)
    for block in ("block1", "block2", "block3"):
        x = nin_block(x, *spec.BLOCKS[block], name=block)
        x = layers.MaxPooling2D(3, strides=2, name=f"{block}_pool")(x)
    if include_top:
        if dropout:
            x = layers.Dropout(dropout, name="dropout")(x)
        x = nin_block(x, *spec.BLOCKS["block4"], name="block4", out_width=args.classes)
        x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
        x = predictions_layer(args.classifier_activation)(x)
    else:
        x = classifier(x, args)  # the `pooling` layers
    return load_weights(keras.Model(inputs, x, name=args.name), args)
