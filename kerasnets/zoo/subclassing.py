"""What every subclassed model shares: its arguments, its config, and a way to build children.

A subclassed model makes its layers in `__init__`, wires them in `call`, and builds every
child in `build` with the child's real input shape, so that `summary()` can show each
layer's output shape and `.keras` files rebuild it from `get_config()` alone.
"""

import keras

from kerasnets.arguments import check_input_shape, load_weights, resolve_spec


def build_in_order(layers, input_shape):
    """Builds each layer on the output shape of the one before; returns the last shape."""
    shape = input_shape
    for layer in layers:
        layer.build(shape)
        shape = layer.compute_output_shape(shape)
    return shape


def output_shape_in_order(layers, input_shape):
    shape = input_shape
    for layer in layers:
        shape = layer.compute_output_shape(shape)
    return shape


class ImageClassifier(keras.Model):
    """Base of the subclassed models: checks and keeps the builder arguments.

    Subclasses set `spec` (the family's spec module), make their layers in `__init__` from
    `self.args` and `self.options`, and define `build` and `call`.
    """

    spec = None

    def __init__(
        self,
        variant,
        *,
        include_top=True,
        input_shape=None,
        pooling=None,
        classes=1000,
        classifier_activation="softmax",
        name=None,
        **kwargs,
    ):
        base_kwargs = {key: kwargs.pop(key) for key in ("trainable", "dtype") if key in kwargs}
        shared = dict(
            include_top=include_top,
            input_shape=input_shape,
            pooling=pooling,
            classes=classes,
            classifier_activation=classifier_activation,
            name=name,
        )
        args, options = resolve_spec(self.spec, variant, {**shared, **kwargs})
        super().__init__(name=args.name, **base_kwargs)
        self.args = args
        self.options = dict(options)

    def check_built_shape(self, input_shape):
        """The family's size rules, for a shape given to `build` rather than to `__init__`."""
        min_size = self.spec.min_size(**self.options) if hasattr(self.spec, "min_size") else None
        check_input_shape(
            self.spec.FAMILY, tuple(input_shape[1:]), self.args.include_top,
            min_size or self.spec.FAMILY.min_size,
        )

    def functional_view(self):
        """The same layers wired as a functional graph, for `keras.utils.plot_model`: `call`
        run on a symbolic input records each child layer as a node. Shares the weights."""
        inputs = keras.Input(shape=self.args.input_shape, name="input")
        return keras.Model(inputs, self.call(inputs), name=f"{self.name}_view")

    def get_config(self):
        args = self.args
        return {
            **super().get_config(),
            "variant": args.variant,
            "include_top": args.include_top,
            "input_shape": args.input_shape,
            "pooling": args.pooling,
            "classes": args.classes,
            "classifier_activation": args.classifier_activation,
            **self.options,
        }


def build_subclassed(model_class, variant, weights=None, **kwargs):
    """The builder of every subclassed variant: check, construct, build, load weights."""
    args, _ = resolve_spec(model_class.spec, variant, {**kwargs, "weights": weights})
    model = model_class(variant, **{**kwargs, "name": args.name})
    model.build((None, *args.input_shape))
    return load_weights(model, args)
