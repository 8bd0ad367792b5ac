"""GoogLeNet, Inception v1 (Szegedy et al., 2014), as data: the paper's Table 1.

Convolutions carry a bias and a ReLU and no BatchNormalization (it came a year later);
max pooling keeps the border (Caffe's ceil mode, the table's 112-56-28-14-7); local
response normalization follows the stem as in the authors' Caffe model; dropout 0.4
before the classifier. Global average pooling replaces the 7x7 average pooling, which is
the same on a 224x224 input and lets smaller inputs through.

Two auxiliary classifiers (`aux_classifiers=True`) read inception_4a and inception_4d:
5x5/3 average pooling, a 1x1 convolution to 128, a 1024-wide ReLU layer, dropout 0.7.

Reference counts, 1000 classes at 224x224: 6,998,552 without and 13,378,280 with the
auxiliary classifiers (Caffe's bvlc_googlenet, layer by layer). torchvision's googlenet
differs (BatchNorm, and 3x3 convolutions in its "5x5" branch).
"""

from keras import layers

from kerasnets.arguments import Family, Reference
from kerasnets.layers import LocalResponseNormalization
from kerasnets.zoo.heads import classifier_layers, predictions_layer
from kerasnets.zoo.inception.units import LRN, AuxTap, Block, Conv, Pool, check_aux_args, check_aux_options, pool_layer

FAMILY = Family(
    name="googlenet",
    title="GoogLeNet",
    paper="Szegedy et al., Going Deeper with Convolutions",
    year=2014,
    variants=("googlenet",),
    default_size=224,
    min_size=32,
)
OPTIONS = {"aux_classifiers": False, "dropout": 0.4}
REFERENCES = (
    Reference("googlenet", 6_998_552, "Caffe bvlc_googlenet, main classifier"),
    Reference("googlenet", 13_378_280, "Caffe bvlc_googlenet with both auxiliary classifiers",
              options={"aux_classifiers": True}),
)
AUX_MIN_SIZE = 65  # the 5x5 pooling of an auxiliary classifier needs a 5x5 inception_4a map

# Table 1: #1x1, (#3x3 reduce, #3x3), (#5x5 reduce, #5x5), pool proj
INCEPTION = {
    "3a": (64, (96, 128), (16, 32), 32),
    "3b": (128, (128, 192), (32, 96), 64),
    "4a": (192, (96, 208), (16, 48), 64),
    "4b": (160, (112, 224), (24, 64), 64),
    "4c": (128, (128, 256), (24, 64), 64),
    "4d": (112, (144, 288), (32, 64), 64),
    "4e": (256, (160, 320), (32, 128), 128),
    "5a": (256, (160, 320), (32, 128), 128),
    "5b": (384, (192, 384), (48, 128), 128),
}


def inception(stage):
    c1, (c3_reduce, c3), (c5_reduce, c5), pool_proj = INCEPTION[stage]
    name = f"inception_{stage}"
    return Block(name, (
        (Conv(f"{name}_1x1", c1, 1),),
        (Conv(f"{name}_3x3_reduce", c3_reduce, 1), Conv(f"{name}_3x3", c3, 3)),
        (Conv(f"{name}_5x5_reduce", c5_reduce, 1), Conv(f"{name}_5x5", c5, 5)),
        (Pool(f"{name}_pool", "max"), Conv(f"{name}_pool_proj", pool_proj, 1)),
    ))


NETWORK = (
    Conv("conv1_7x7", 64, 7, strides=2),
    Pool("pool1", "max", strides=2),
    LRN("lrn1"),
    Conv("conv2_3x3_reduce", 64, 1),
    Conv("conv2_3x3", 192, 3),
    LRN("lrn2"),
    Pool("pool2", "max", strides=2),
    inception("3a"),
    inception("3b"),
    Pool("pool3", "max", strides=2),
    inception("4a"),
    AuxTap("aux1", after="inception_4a"),
    inception("4b"),
    inception("4c"),
    inception("4d"),
    AuxTap("aux2", after="inception_4d"),
    inception("4e"),
    Pool("pool4", "max", strides=2),
    inception("5a"),
    inception("5b"),
)


check_options = check_aux_options


def min_size(aux_classifiers, dropout):
    return AUX_MIN_SIZE if aux_classifiers else FAMILY.min_size


def check_args(args, aux_classifiers, dropout):
    check_aux_args(FAMILY, args, aux_classifiers)


def unit_layers(unit):
    if isinstance(unit, Conv):
        return [layers.Conv2D(unit.filters, unit.kernel, strides=unit.strides, padding=unit.padding,
                              activation="relu", name=unit.name)]
    if isinstance(unit, LRN):  # Caffe's LRN: k=1, alpha=1e-4 divided by n=5
        return [LocalResponseNormalization(depth_radius=2, bias=1.0, alpha=2e-5, beta=0.75, name=unit.name)]
    return [pool_layer(unit)]


def aux_layers(args, tap):
    name = tap.name
    return [
        layers.AveragePooling2D(5, strides=3, name=f"{name}_pool"),
        layers.Conv2D(128, 1, activation="relu", name=f"{name}_conv"),
        layers.Flatten(name=f"{name}_flatten"),
        layers.Dense(1024, activation="relu", name=f"{name}_fc"),
        layers.Dropout(0.7, name=f"{name}_dropout"),
        layers.Dense(args.classes, name=f"{name}_predictions"),
        predictions_layer(args, name=f"{name}_predictions_activation"),
    ]


def head_layers(args, aux_classifiers, dropout):
    return classifier_layers(args, dropout=dropout)
