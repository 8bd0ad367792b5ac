"""LeNet-5 (LeCun et al., 1998) as one list of layers.

Reference count, 10 classes at 32x32x1: 61,706 parameters, the common reading of the
paper's Figure 2 (C3 fully connected to S2, plain average pooling, a dense output layer
instead of the RBF units; d2l's LeNet has the same count). The paper's own 60,850 comes
from C3's partial connection table, trainable subsampling and RBF outputs, none of which a
modern framework keeps.
"""

from keras import layers

from kerasnets.arguments import Family, Reference, check_bool
from kerasnets.zoo.heads import pooling_layers, predictions_layer

FAMILY = Family(
    name="lenet",
    title="LeNet-5",
    paper="LeCun et al., Gradient-Based Learning Applied to Document Recognition",
    year=1998,
    variants=("lenet5",),
    default_size=32,
    min_size=32,
    channels=1,
    fixed_head=True,
)
OPTIONS = {"modern": False}
REFERENCES = (Reference("lenet5", 61_706, "paper Fig. 2 with a full C3, as d2l", classes=10),)


def check_options(modern):
    return {"modern": check_bool(modern, "modern")}


def network_layers(args, modern=False):
    """C1-S2-C3-S4-C5 then F6 and the output; `modern`: ReLU and max pooling."""
    activation = "relu" if modern else "tanh"
    subsampling = layers.MaxPooling2D if modern else layers.AveragePooling2D
    features = [
        layers.Conv2D(6, 5, activation=activation, name="c1"),
        subsampling(2, name="s2"),
        layers.Conv2D(16, 5, activation=activation, name="c3"),
        subsampling(2, name="s4"),
        layers.Conv2D(120, 5, activation=activation, name="c5"),
    ]
    if not args.include_top:
        return features + pooling_layers(args.pooling)
    return features + [
        layers.Flatten(name="flatten"),
        layers.Dense(84, activation=activation, name="f6"),
        layers.Dense(args.classes, name="predictions"),
        predictions_layer(args),
    ]
