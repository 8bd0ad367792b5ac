"""The functional renderings' shared pieces: the model's input (a new `keras.Input` or the
user's `input_tensor`), and a list of layers applied in order."""

import keras


def input_shape_of(input_tensor, input_shape):
    """The input shape implied by `input_tensor`, checked against `input_shape` if both are given."""
    if input_tensor is None:
        return input_shape
    tensor_shape = tuple(input_tensor.shape[1:])
    if input_shape is not None and tuple(input_shape) != tensor_shape:
        raise ValueError(
            f"`input_shape` and `input_tensor` disagree. Received: input_shape={input_shape!r}, "
            f"input_tensor.shape={tuple(input_tensor.shape)!r}"
        )
    return tensor_shape


def model_inputs(args, input_tensor=None):
    """Returns (the model's inputs, the tensor its first layer is applied to)."""
    if input_tensor is None:
        inputs = keras.Input(shape=args.input_shape, name="input")
        return inputs, inputs
    if not keras.utils.is_keras_tensor(input_tensor):
        inputs = keras.Input(tensor=input_tensor, shape=args.input_shape, name="input")
        return inputs, inputs
    return keras.utils.get_source_inputs(input_tensor), input_tensor


def apply_in_order(layers, x):
    """Applies each layer to the output of the one before: a chain, in the functional API."""
    for layer in layers:
        x = layer(x)
    return x
