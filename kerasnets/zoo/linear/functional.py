"""The functional rendering of a linear network: each layer applied to the last tensor."""

import keras

from kerasnets.arguments import load_weights, resolve_spec
from kerasnets.zoo.inputs import apply_in_order, input_shape_of, model_inputs


def build(spec, variant, input_tensor=None, **kwargs):
    kwargs["input_shape"] = input_shape_of(input_tensor, kwargs.get("input_shape"))
    args, options = resolve_spec(spec, variant, kwargs)
    inputs, x = model_inputs(args, input_tensor)
    x = apply_in_order(spec.network_layers(args, **options), x)
    return load_weights(keras.Model(inputs, x, name=args.name), args)
