"""Inception-v3 (Szegedy et al., 2015, "Rethinking the Inception Architecture") as data.

The layout of keras.applications.InceptionV3 (itself TF-slim's): a factorized stem, three
35x35 blocks, a grid reduction, four 17x17 blocks with 1x7/7x1 factorized convolutions, a
second reduction, and two 8x8 blocks whose 3x3 branches fork into 1x3 | 3x1. Every
convolution is Conv2D (no bias) + BatchNormalization (no scale, as keras.applications) +
ReLU; the names follow TF-slim and torchvision (mixed_5b ... mixed_7c).

The auxiliary classifier (`aux_classifiers=True`, torchvision's InceptionAux) reads
mixed_6e: 5x5/3 average pooling, a 1x1 unit to 128, a 5x5 unit to 768, global pooling and
a dense layer; its 5x5 convolution needs the 17x17 grid, so a 299x299 input at least.

Reference: keras.applications.InceptionV3(weights=None), 23,851,784 parameters in total
with 1000 classes at 299x299 (checked against it by the tests).
"""

from keras import layers

from kerasnets.arguments import Family
from kerasnets.zoo.heads import classifier_layers, predictions_layer
from kerasnets.zoo.inception.units import AuxTap, Block, Conv, Pool, Split, check_aux_args, check_aux_options, pool_layer

FAMILY = Family(
    name="inception_v3",
    title="Inception-v3",
    paper="Szegedy et al., Rethinking the Inception Architecture for Computer Vision",
    year=2015,
    variants=("inception_v3",),
    default_size=299,
    min_size=75,
)
OPTIONS = {"aux_classifiers": False, "dropout": 0.2}
REFERENCES = ()  # keras.applications.InceptionV3 is the oracle, see KERAS_APPLICATIONS
KERAS_APPLICATIONS = {"inception_v3": "InceptionV3"}
AUX_MIN_SIZE = 299  # the 5x5 unit needs a 17x17 mixed_6e grid: 299x299 is the smallest input giving it


def branch(block, index, *units):
    """Names the units of one branch: mixed_5b_branch1_1x1, mixed_5b_branch1_5x5, ..."""
    named = []
    for position, (filters, kernel, *rest) in enumerate(units, start=1):
        name = f"{block}_branch{index}_{position}"
        if filters == "avg" or filters == "max":
            named.append(Pool(name, filters, strides=kernel, padding=rest[0] if rest else "same"))
        elif filters == "split":
            named.append(Split(name, tuple(
                Conv(f"{name}{letter}", width, shape) for letter, (width, shape) in zip("ab", kernel)
            )))
        else:
            strides, padding = (rest + [1, "same"])[:2] if rest else (1, "same")
            named.append(Conv(name, filters, kernel, strides, padding))
    return tuple(named)


def block_35(name, pool_proj):
    return Block(name, (
        branch(name, 1, (64, 1)),
        branch(name, 2, (48, 1), (64, 5)),
        branch(name, 3, (64, 1), (96, 3), (96, 3)),
        branch(name, 4, ("avg", 1), (pool_proj, 1)),
    ))


def reduction_35_to_17(name):
    return Block(name, (
        branch(name, 1, (384, 3, 2, "valid")),
        branch(name, 2, (64, 1), (96, 3), (96, 3, 2, "valid")),
        branch(name, 3, ("max", 2, "valid")),
    ))


def block_17(name, width):
    return Block(name, (
        branch(name, 1, (192, 1)),
        branch(name, 2, (width, 1), (width, (1, 7)), (192, (7, 1))),
        branch(name, 3, (width, 1), (width, (7, 1)), (width, (1, 7)), (width, (7, 1)), (192, (1, 7))),
        branch(name, 4, ("avg", 1), (192, 1)),
    ))


def reduction_17_to_8(name):
    return Block(name, (
        branch(name, 1, (192, 1), (320, 3, 2, "valid")),
        branch(name, 2, (192, 1), (192, (1, 7)), (192, (7, 1)), (192, 3, 2, "valid")),
        branch(name, 3, ("max", 2, "valid")),
    ))


def block_8(name):
    fork = ("split", ((384, (1, 3)), (384, (3, 1))))
    return Block(name, (
        branch(name, 1, (320, 1)),
        branch(name, 2, (384, 1), fork),
        branch(name, 3, (448, 1), (384, 3), fork),
        branch(name, 4, ("avg", 1), (192, 1)),
    ))


NETWORK = (
    Conv("conv2d_1a_3x3", 32, 3, strides=2, padding="valid"),
    Conv("conv2d_2a_3x3", 32, 3, padding="valid"),
    Conv("conv2d_2b_3x3", 64, 3),
    Pool("maxpool_3a_3x3", "max", strides=2, padding="valid"),
    Conv("conv2d_3b_1x1", 80, 1, padding="valid"),
    Conv("conv2d_4a_3x3", 192, 3, padding="valid"),
    Pool("maxpool_5a_3x3", "max", strides=2, padding="valid"),
    block_35("mixed_5b", 32),
    block_35("mixed_5c", 64),
    block_35("mixed_5d", 64),
    reduction_35_to_17("mixed_6a"),
    block_17("mixed_6b", 128),
    block_17("mixed_6c", 160),
    block_17("mixed_6d", 160),
    block_17("mixed_6e", 192),
    AuxTap("aux", after="mixed_6e"),
    reduction_17_to_8("mixed_7a"),
    block_8("mixed_7b"),
    block_8("mixed_7c"),
)


check_options = check_aux_options


def min_size(aux_classifiers, dropout):
    return AUX_MIN_SIZE if aux_classifiers else FAMILY.min_size


def check_args(args, aux_classifiers, dropout):
    check_aux_args(FAMILY, args, aux_classifiers)


def conv_bn_layers(unit):
    return [
        layers.Conv2D(unit.filters, unit.kernel, strides=unit.strides, padding=unit.padding,
                      use_bias=False, name=f"{unit.name}_conv"),
        layers.BatchNormalization(scale=False, name=f"{unit.name}_bn"),
        layers.Activation("relu", name=f"{unit.name}_relu"),
    ]


def unit_layers(unit):
    return conv_bn_layers(unit) if isinstance(unit, Conv) else [pool_layer(unit)]


def aux_layers(args, tap):
    name = tap.name
    return [
        layers.AveragePooling2D(5, strides=3, name=f"{name}_pool"),
        *conv_bn_layers(Conv(f"{name}_conv0", 128, 1)),
        *conv_bn_layers(Conv(f"{name}_conv1", 768, 5, padding="valid")),
        layers.GlobalAveragePooling2D(name=f"{name}_avg_pool"),
        layers.Dense(args.classes, name=f"{name}_predictions"),
        predictions_layer(args, name=f"{name}_predictions_activation"),
    ]


def head_layers(args, aux_classifiers, dropout):
    return classifier_layers(args, dropout=dropout)
