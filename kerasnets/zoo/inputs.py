"""The functional renderings' input: a new `keras.Input`, or the user's `input_tensor`."""

import keras


def model_inputs(args):
    """Returns (the model's inputs, the tensor its first layer is applied to)."""
    input_tensor = args.input_tensor
    if input_tensor is None:
        inputs = keras.Input(shape=args.input_shape, name="input")
        return inputs, inputs
    if not keras.utils.is_keras_tensor(input_tensor):
        inputs = keras.Input(tensor=input_tensor, shape=args.input_shape, name="input")
        return inputs, inputs
    return keras.utils.get_source_inputs(input_tensor), input_tensor
