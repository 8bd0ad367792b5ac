"""The classifier head and the `pooling` of `include_top=False`, made once for every family.

`classifier_layers` gives the head as a list of layers: the Sequential renderings stack it,
the subclassed models keep it (`ImageClassifier.top`), and `classifier` applies it to a
tensor in the functional renderings. The last layer always computes in float32, so that
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
    head.append(predictions_layer(args.classifier_activation))
    return head


def classifier(x, args, **head):
    """The functional form of `classifier_layers`: each layer applied to the output of the last."""
    for layer in classifier_layers(args, **head):
        x = layer(x)
    return x


def predictions_layer(classifier_activation, name="predictions_activation"):
    """The classifier's activation, in float32: keras.applications' `predictions` layer split in two."""
    return layers.Activation(classifier_activation, dtype="float32", name=name)
