"""NiN as a `keras.Sequential`: each NiN block is three convolutions in the stack."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.zoo.heads import pooling_layers, predictions_layer
from kerasnets.zoo.nin import spec


def nin_block(width, kernel_size, strides, name, out_width=None):
    """The mlpconv layer: a kxk convolution and two 1x1 convolutions, each with a ReLU."""
    return [
        layers.Conv2D(width, kernel_size, strides=strides, padding="valid" if strides > 1 else "same",
                      activation="relu", name=f"{name}_conv"),
        layers.Conv2D(width, 1, activation="relu", name=f"{name}_mlp1"),
        layers.Conv2D(out_width or width, 1, activation="relu", name=f"{name}_mlp2"),
    ]


def nin(*, include_top=True, weights=None, input_shape=None, pooling=None, classes=1000,
        classifier_activation="softmax", name=None, dropout=0.5):
    """Network in Network (Lin et al., 2013) as a `keras.Sequential`, 224x224 by default.

    dropout: the rate before the last NiN block.
    """
    args, _ = resolve_spec(spec, "nin", locals())
    stack = [keras.Input(shape=args.input_shape, name="input")]
    for block in ("block1", "block2", "block3"):
        stack += nin_block(*spec.BLOCKS[block], name=block)
        stack.append(layers.MaxPooling2D(3, strides=2, name=f"{block}_pool"))
    if include_top:
        if dropout:
            stack.append(layers.Dropout(dropout, name="dropout"))
        stack += nin_block(*spec.BLOCKS["block4"], name="block4", out_width=args.classes)
        stack += [layers.GlobalAveragePooling2D(name="avg_pool"), predictions_layer(args.classifier_activation)]
    else:
        stack += pooling_layers(args.pooling)
    return load_weights(keras.Sequential(stack, name=args.name), args)
