"""The classifier head and the `pooling` of `include_top=False`, as lists of layers.

Every family ends the same way, so the head is made here once and each style stacks,
applies or stores the list it gets. The last layer always computes in float32, so that
mixed precision never yields float16 probabilities.
"""

from keras import layers


def pooling_layers(pooling):
    """What `include_top=False` appends: nothing, or a global pooling layer."""
    if pooling == "avg":
        return [layers.GlobalAveragePooling2D(name="avg_pool")]
    if pooling == "max":
        return [layers.GlobalMaxPooling2D(name="max_pool")]
    return []


def classifier_layers(args, *, flatten=False, hidden=(), dropout=0.0):
    """The top of the network for `args`, or its `pooling` layers when there is no top.

    flatten: Flatten the feature map (AlexNet, VGG) instead of global average pooling.
    hidden: widths of the fully connected ReLU layers before the classifier.
    dropout: rate after each hidden layer, or after the pooling when there is none.
    """
    if not args.include_top:
        return pooling_layers(args.pooling)
    head = [layers.Flatten(name="flatten") if flatten else layers.GlobalAveragePooling2D(name="avg_pool")]
    for index, units in enumerate(hidden, start=1):
        head.append(layers.Dense(units, activation="relu", name=f"fc{index}"))
        if dropout:
            head.append(layers.Dropout(dropout, name=f"fc{index}_dropout"))
    if dropout and not hidden:
        head.append(layers.Dropout(dropout, name="dropout"))
    head.append(layers.Dense(args.classes, name="predictions"))
    head.append(predictions_layer(args))
    return head


def predictions_layer(args, name="predictions_activation"):
    return layers.Activation(args.classifier_activation, dtype="float32", name=name)
