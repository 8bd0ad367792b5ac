"""AlexNet (Krizhevsky, Sutskever and Hinton, 2012) as one list of layers.

The paper's layer sizes on a 227x227 input (the size its 55x55 first map implies), with
local response normalization after conv1 and conv2, overlapping 3x3/2 max pooling and
dropout 0.5 after the first two fully connected layers. Convolutions carry a bias.

Reference counts, 1000 classes: 62,378,344 on one device; 60,965,224 with `grouped=True`,
the paper's two-GPU split of conv2, conv4 and conv5 (Caffe's bvlc_alexnet).
"""

from keras import layers

from kerasnets.arguments import Family, Reference, check_bool, check_rate
from kerasnets.layers import LocalResponseNormalization
from kerasnets.zoo.heads import classifier_layers

FAMILY = Family(
    name="alexnet",
    title="AlexNet",
    paper="Krizhevsky et al., ImageNet Classification with Deep Convolutional Neural Networks",
    year=2012,
    variants=("alexnet",),
    default_size=227,
    min_size=67,
    fixed_head=True,
)
OPTIONS = {"grouped": False, "dropout": 0.5}
REFERENCES = (
    Reference("alexnet", 62_378_344, "paper's layer sizes on one device"),
    Reference("alexnet", 60_965_224, "Caffe bvlc_alexnet (two-GPU groups)", options={"grouped": True}),
)


def check_options(grouped, dropout):
    return {"grouped": check_bool(grouped, "grouped"), "dropout": check_rate(dropout, "dropout")}


def network_layers(args, grouped=False, dropout=0.5):
    groups = 2 if grouped else 1
    features = [
        layers.Conv2D(96, 11, strides=4, activation="relu", name="conv1"),
        LocalResponseNormalization(name="conv1_lrn"),
        layers.MaxPooling2D(3, strides=2, name="pool1"),
        layers.Conv2D(256, 5, padding="same", groups=groups, activation="relu", name="conv2"),
        LocalResponseNormalization(name="conv2_lrn"),
        layers.MaxPooling2D(3, strides=2, name="pool2"),
        layers.Conv2D(384, 3, padding="same", activation="relu", name="conv3"),
        layers.Conv2D(384, 3, padding="same", groups=groups, activation="relu", name="conv4"),
        layers.Conv2D(256, 3, padding="same", groups=groups, activation="relu", name="conv5"),
        layers.MaxPooling2D(3, strides=2, name="pool5"),
    ]
    return features + classifier_layers(args, flatten=True, hidden=(4096, 4096), dropout=dropout)
