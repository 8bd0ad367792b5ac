"""The Sequential rendering of an inception network.

A keras.Sequential cannot branch, so each inception block becomes one `Parallel` layer
that holds a `keras.Sequential` per branch and concatenates their outputs. A stack has one
output, so auxiliary classifiers are refused.
"""

import keras

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.layers import Parallel
from kerasnets.zoo.inception.units import AuxTap, Block, Split


def entry_layers(spec, entry):
    """The layers of one network entry: a block becomes a single Parallel layer."""
    if isinstance(entry, Block):
        return [Parallel(
            [keras.Sequential(branch_layers(spec, branch), name=f"{entry.name}_branch{index}")
             for index, branch in enumerate(entry.branches, start=1)],
            name=entry.name,
        )]
    if isinstance(entry, Split):
        return [Parallel(
            [keras.Sequential(spec.unit_layers(unit), name=f"{unit.name}_stack") for unit in entry.units],
            name=entry.name,
        )]
    return spec.unit_layers(entry)


def branch_layers(spec, branch):
    return [layer for unit in branch for layer in entry_layers(spec, unit)]


def build(spec, variant, **kwargs):
    args, options = resolve_spec(spec, variant, kwargs)
    if options["aux_classifiers"]:
        raise ValueError(
            f"aux_classifiers=True cannot be built as a keras.Sequential: a linear stack has "
            f"exactly one output, and the auxiliary classifiers are extra outputs. Use "
            f"kerasnets.functional.{variant}(aux_classifiers=True) or "
            f"kerasnets.subclassed.{variant}(aux_classifiers=True). "
            "Received: aux_classifiers=True"
        )
    stack = [keras.Input(shape=args.input_shape, name="input")]
    for entry in spec.NETWORK:
        if not isinstance(entry, AuxTap):
            stack += entry_layers(spec, entry)
    stack += spec.head_layers(args, **options)
    return load_weights(keras.Sequential(stack, name=args.name), args)
