"""The functional rendering of an inception network: blocks are functions on tensors."""

import keras
from keras import layers

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.zoo.inception.units import AuxTap, Block, Split
from kerasnets.zoo.inputs import apply_in_order, input_shape_of, model_inputs


def inception_block(x, spec, block):
    """Runs every branch on `x` and concatenates them, as a layer named after the block."""
    outputs = [apply_units(x, spec, branch) for branch in block.branches]
    return layers.Concatenate(name=block.name)(outputs)


def apply_units(x, spec, units):
    for unit in units:
        if isinstance(unit, Block):
            x = inception_block(x, spec, unit)
        elif isinstance(unit, Split):
            x = inception_block(x, spec, Block(unit.name, tuple((part,) for part in unit.units)))
        else:
            x = apply_in_order(spec.unit_layers(unit), x)
    return x


def build(spec, variant, input_tensor=None, **kwargs):
    kwargs["input_shape"] = input_shape_of(input_tensor, kwargs.get("input_shape"))
    args, options = resolve_spec(spec, variant, kwargs)
    inputs, x = model_inputs(args, input_tensor)
    aux_outputs = {}
    for entry in spec.NETWORK:
        if isinstance(entry, AuxTap):
            if options["aux_classifiers"]:
                aux_outputs[entry.name] = apply_in_order(spec.aux_layers(args, entry), x)
        else:
            x = apply_units(x, spec, (entry,))
    x = apply_in_order(spec.head_layers(args, **options), x)
    outputs = {"predictions": x, **aux_outputs} if aux_outputs else x
    return load_weights(keras.Model(inputs, outputs, name=args.name), args)
