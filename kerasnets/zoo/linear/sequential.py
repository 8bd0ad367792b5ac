"""The Sequential rendering of a linear network: its layer list is the stack."""

import keras

from kerasnets.arguments import load_weights, resolve_spec


def build(spec, variant, **kwargs):
    args, options = resolve_spec(spec, variant, kwargs)
    model = keras.Sequential(
        [keras.Input(shape=args.input_shape, name="input"), *spec.network_layers(args, **options)],
        name=args.name,
    )
    return load_weights(model, args)
