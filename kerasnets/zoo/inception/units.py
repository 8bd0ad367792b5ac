"""The vocabulary of an inception network's spec: units, parallel branches, auxiliary taps.

A family's spec (googlenet.py, inception_v3.py) writes its network as a list of these, as
data that reads like the paper's table; its `unit_layers` says which Keras layers a unit
is (GoogLeNet: a convolution with a bias and a ReLU; Inception-v3: convolution,
BatchNormalization, ReLU). The three renderings read the list the same way.
"""

import dataclasses

from keras import layers

from kerasnets.arguments import check_bool, check_rate


@dataclasses.dataclass(frozen=True)
class Conv:
    """A convolution unit, `filters` wide, with its family's normalization and ReLU."""

    name: str
    filters: int
    kernel: object  # int or (rows, cols)
    strides: int = 1
    padding: str = "same"


@dataclasses.dataclass(frozen=True)
class Pool:
    name: str
    kind: str  # "max" or "avg"
    size: int = 3
    strides: int = 1
    padding: str = "same"


@dataclasses.dataclass(frozen=True)
class LRN:
    name: str


@dataclasses.dataclass(frozen=True)
class Split:
    """Parallel convolutions on one input, concatenated: Inception-v3's 1x3 | 3x1 fork."""

    name: str
    units: tuple


@dataclasses.dataclass(frozen=True)
class Block:
    """An inception block: each branch is a chain of units; their outputs are concatenated."""

    name: str
    branches: tuple


@dataclasses.dataclass(frozen=True)
class AuxTap:
    """An auxiliary classifier `name` reads the output of the block `after`."""

    name: str
    after: str


def pool_layer(unit):
    pooling = layers.MaxPooling2D if unit.kind == "max" else layers.AveragePooling2D
    return pooling(unit.size, strides=unit.strides, padding=unit.padding, name=unit.name)


def check_aux_options(aux_classifiers, dropout):
    """The options both inception families share."""
    return {
        "aux_classifiers": check_bool(aux_classifiers, "aux_classifiers"),
        "dropout": check_rate(dropout, "dropout"),
    }


def check_aux_args(family, args, aux_classifiers):
    """Auxiliary classifiers need the top, and a known input size for their pooling."""
    if not aux_classifiers:
        return
    if not args.include_top:
        raise ValueError(
            f"{family.title}: aux_classifiers=True needs include_top=True, since an auxiliary "
            "classifier is a second top. Received: aux_classifiers=True, include_top=False"
        )
    if None in args.input_shape[:2]:
        raise ValueError(
            f"{family.title}: aux_classifiers=True needs a known height and width. "
            f"Received: input_shape={args.input_shape!r}"
        )
